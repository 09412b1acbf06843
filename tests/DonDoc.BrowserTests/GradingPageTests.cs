using DonDoc.Web.Features.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The city's office grades a ward for the year on /Grading, is refused a "xuất sắc" beyond the cap with
/// the counts and the source, then sets the year's theme and groups on /Years and files a task there.
/// </summary>
public sealed class GradingPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_grade_is_set_on_the_grading_page_and_the_year_page_shows_the_frame()
    {
        var task = await CreateAsync("Kiện toàn tổ chức cơ sở đảng sau sắp xếp", app.Children[2].Id);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var year = app.Clock.Today.Year;

        await page.GotoAsync($"/Grading?unit={app.Root.Id}&year={year}");
        await BrowserApp.SignInAsync(page);
        await Expect(page.Locator("#grading-source")).ToContainTextAsync("Quy định 366-QĐ/TW (30/8/2025), Điều 11");
        // Sóc Sơn has a task due this year and not done: below 70% of plan.
        await Expect(page.Locator($"#grade-{app.Children[2].Id} .grade-suggestion")).ToHaveTextAsync("Không hoàn thành nhiệm vụ");

        var first = app.Children[0];
        await page.Locator($"#edit-grade-{first.Id}").ClickAsync();
        var form = page.Locator("#form-grade");
        await form.Locator("[name='Input.Score']").FillAsync("82");
        await form.Locator("select[name='Input.Grade']").SelectOptionAsync("Good");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync($"Đã xếp loại {first.Name} năm {year}: Hoàn thành tốt nhiệm vụ.");
        await Expect(page.Locator($"#grade-{first.Id} .grade-given")).ToContainTextAsync("Hoàn thành tốt nhiệm vụ");
        await Expect(page.Locator($"#grade-{first.Id} .grade-given")).ToContainTextAsync("82,00 điểm");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "grading");

        var second = app.Children[1];
        await page.Locator($"#edit-grade-{second.Id}").ClickAsync();
        await page.Locator("#form-grade [name='Input.Score']").FillAsync("95");
        await page.Locator("#form-grade select[name='Input.Grade']").SelectOptionAsync("Excellent");
        await page.Locator("#form-grade button[type=submit]").ClickAsync();
        await Expect(page.Locator("#problems")).ToContainTextAsync("có 1 tổ chức hoàn thành xuất sắc nhiệm vụ trên 2 tổ chức hoàn thành tốt nhiệm vụ trở lên: quá 20% (tối đa 0)");
        await Expect(page.Locator($"#grade-{second.Id} .grade-given")).ToContainTextAsync("Chưa xếp loại");
        await BrowserApp.ScreenshotAsync(page, "grading-cap-refused");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Khung năm {year}" }).ClickAsync();
        var frame = page.Locator("#form-year-frame");
        await frame.Locator("[name='Frame.Theme']").FillAsync("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển");
        await frame.Locator("[name='Frame.Groups']").FillAsync(
            "Xây dựng, chỉnh đốn Đảng và hệ thống chính trị\nPhát triển kinh tế - xã hội nhanh, bền vững\nBảo đảm quốc phòng, an ninh, an sinh xã hội");
        await frame.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã ghi chủ đề và 3 nhóm nhiệm vụ trọng tâm");
        await Expect(page.Locator("#year-theme")).ToContainTextAsync("“Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”");
        await Expect(page.Locator("article.key-group")).ToHaveCountAsync(3);

        await page.Locator("#form-file-1 select[name='taskId']").SelectOptionAsync(task.ToString());
        await page.Locator("#form-file-1 button[type=submit]").ClickAsync();
        await Expect(page.Locator($"#group-1 #filed-{task}")).ToContainTextAsync("Kiện toàn tổ chức cơ sở đảng sau sắp xếp");
        await Expect(page.Locator("#group-1 .progress-count")).ToHaveTextAsync("0/1 nhiệm vụ hoàn thành");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "year-frame");
    }

    private Task<int> CreateAsync(string title, int leadUnitId) => app.WithServicesAsync(async services =>
    {
        var created = await services.GetRequiredService<TaskWorkflow>().CreateAsync(new NewTask
        {
            Title = title, LeadUnitId = leadUnitId, AssignedByUnitId = app.Root.Id, DeadlineKind = DeadlineKind.Date,
            DueDate = app.Clock.Today.AddDays(30),
        });
        return created.Value!.Id;
    });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
