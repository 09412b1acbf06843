using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// A self-review written through the pages: the review, a limitation, a remediation item first refused
/// for a missing "rõ" and then saved, read on the review page on a desktop and a phone.
/// </summary>
public sealed partial class ReviewPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_review_with_a_remediation_item_shows_its_progress_on_desktop_and_phone()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Reviews/Create");
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync("**/Reviews/Create", BrowserApp.Arrived);
        var form = page.Locator("#form-create-review");
        await form.Locator("[name='Input.Title']").FillAsync("Kiểm điểm tập thể Ban Chấp hành Đảng bộ Thành phố năm 2025");
        await form.Locator("select[name='Input.UnitId']").SelectOptionAsync(app.Root.Id.ToString());
        await form.Locator("[name='Input.Year']").FillAsync("2025");
        await form.Locator("select[name='Input.MonitorUnitIds']").SelectOptionAsync([app.Children[0].Id.ToString(), app.Children[1].Id.ToString()]);
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(ReviewUrl(), BrowserApp.Arrived);
        var reviewUrl = page.Url;
        await Expect(page.Locator("#monitors")).ToContainTextAsync("Đảng bộ phường Hoàn Kiếm");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm hạn chế" }).ClickAsync();
        var limitation = page.Locator("#form-limitation");
        await limitation.Locator("[name='Input.Group']").FillAsync("trong xây dựng Đảng");
        await limitation.Locator("[name='Input.Text']").FillAsync("Công tác kiểm tra, giám sát có nơi còn hình thức, chưa phát hiện sớm vi phạm.");
        await limitation.Locator("[name='Input.Cause']").FillAsync("Lực lượng làm công tác kiểm tra ở cơ sở còn mỏng, kiêm nhiệm.");
        await limitation.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(reviewUrl, BrowserApp.Arrived);

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm biện pháp khắc phục" }).ClickAsync();
        var item = page.Locator("#form-item");
        await item.Locator("[name='Input.Title']").FillAsync("Xây dựng bộ tiêu chí cảnh báo sớm dấu hiệu vi phạm");
        await item.Locator("select[name='Input.AccountableUnitId']").SelectOptionAsync(app.Children[0].Id.ToString());
        await item.Locator("[name='Input.DueDate']").FillAsync(app.Clock.Today.AddDays(60).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await item.Locator("[name='Input.ExpectedResult']").FillAsync("Bộ tiêu chí được áp dụng trong kế hoạch kiểm tra năm");
        await item.Locator(".field-actions button[type=submit]").ClickAsync();
        // Refused by name, and what was typed is still there.
        await Expect(page.Locator("#problems")).ToContainTextAsync("Chưa rõ người chịu trách nhiệm.");
        await Expect(page.Locator("#form-item [name='Input.Title']")).ToHaveValueAsync("Xây dựng bộ tiêu chí cảnh báo sớm dấu hiệu vi phạm");
        await BrowserApp.ScreenshotAsync(page, "review-item-refused");
        await page.Locator("#form-item [name='Input.ResponsiblePerson']").FillAsync("Đồng chí Chủ nhiệm Ủy ban Kiểm tra");
        await page.Locator("#form-item .field-actions button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Reviews/Details/\d+#limitation-\d+$"), BrowserApp.Arrived);

        var row = page.Locator("article.limitation").First;
        await Expect(row.Locator(".progress-count")).ToHaveTextAsync("0/1 biện pháp hoàn thành");
        await Expect(row.Locator(".limitation-progress")).ToContainTextAsync("Đang khắc phục");
        await Expect(row.Locator("table.remediation-items")).ToContainTextAsync("Đồng chí Chủ nhiệm Ủy ban Kiểm tra");
        await BrowserApp.ScreenshotAsync(page, "review");

        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync(new Uri(reviewUrl).PathAndQuery);
        await BrowserApp.SignInAsync(small);
        await Expect(small.Locator("article.limitation .progress-count").First).ToHaveTextAsync("0/1 biện pháp hoàn thành");
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "review-phone");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/Reviews/Details/\d+$")]
    private static partial Regex ReviewUrl();
}
