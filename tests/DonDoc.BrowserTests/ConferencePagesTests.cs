using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>The office records a conference on its page and reads it in the list, on a desktop and a phone.</summary>
public sealed class ConferencePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_conference_recorded_on_its_page_shows_in_the_list_by_unit_and_year()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Conferences/Edit");
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync("**/Conferences/Edit", BrowserApp.Arrived);

        // Nothing filled in: refused, naming the fields.
        var form = page.Locator("#form-conference");
        await form.Locator("select[name='Input.Format']").SelectOptionAsync("Hybrid");
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await Expect(page.Locator("#problems")).ToContainTextAsync("Nhập tên hội nghị.");
        await Expect(page.Locator("#problems")).ToContainTextAsync("cần ít nhất một điểm cầu");

        form = page.Locator("#form-conference");
        await form.Locator("[name='Input.Title']").FillAsync("Hội nghị tổng kết công tác xây dựng Đảng năm 2025, triển khai nhiệm vụ năm 2026");
        await form.Locator("[name='Input.Kind']").FillAsync("Hội nghị tổng kết");
        await form.Locator("[name='Input.HeldOn']").FillAsync("08/01/2026");
        await form.Locator("select[name='Input.UnitId']").SelectOptionAsync(app.Root.Id.ToString());
        await form.Locator("[name='Input.Bridges']").FillAsync($"{app.Children[0].Name}\n{app.Children[1].Name}");
        await form.Locator("[name='Input.Chairs']").FillAsync("Nguyễn Văn Chủ Trì");
        await form.Locator("[name='Input.Participants']").FillAsync("Trần Thị Dự Họp");
        await form.Locator("[name='Input.Replaces']").FillAsync("6 hội nghị tổng kết năm của 5 ban Đảng và Văn phòng Thành ủy");
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Conferences/Details/*", BrowserApp.Arrived);
        await Expect(page.Locator("#flash")).ToContainTextAsync("Đã ghi hội nghị");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Trực tiếp kết hợp trực tuyến");
        await Expect(page.Locator(".facts")).ToContainTextAsync(app.Children[1].Name);
        await Expect(page.Locator("#conference-people")).ToContainTextAsync("Chủ trì");
        await BrowserApp.ScreenshotAsync(page, "conference");

        await page.GotoAsync($"/Conferences?unit={app.Root.Id}&year=2026");
        await Expect(page.Locator("table.conferences tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.conferences")).ToContainTextAsync("Hội nghị tổng kết");
        await page.GotoAsync("/Conferences?year=2025");
        await Expect(page.Locator(".empty")).ToBeVisibleAsync();
        await page.GotoAsync("/Conferences");
        await BrowserApp.ScreenshotAsync(page, "conferences");

        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/Conferences");
        await BrowserApp.SignInAsync(small);
        await small.WaitForURLAsync("**/Conferences", BrowserApp.Arrived);
        await Expect(small.Locator("table.conferences")).ToContainTextAsync("Hội nghị tổng kết");
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "conferences-phone");
        await small.Locator("table.conferences a").First.ClickAsync();
        await small.WaitForURLAsync("**/Conferences/Details/*", BrowserApp.Arrived);
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "conference-phone");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
