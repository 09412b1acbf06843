using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The office's day through the pages only: assign a task, hand it down to the ward committees, work
/// one child through to completion, and read the result on the dashboard, on a desktop and a phone.
/// </summary>
public sealed partial class TaskPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_task_handed_down_and_completed_through_the_pages_shows_on_the_dashboard()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var dueDate = app.Clock.Today.AddDays(5);

        // Every page asks for a sign-in first, and returns to the page asked for.
        await page.GotoAsync("/Tasks/Create");
        await page.WaitForURLAsync("**/Accounts/Login?ReturnUrl=*", BrowserApp.Arrived);
        await BrowserApp.ScreenshotAsync(page, "login");
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync("**/Tasks/Create", BrowserApp.Arrived);
        var form = page.Locator("#form-create-task");
        await form.Locator("[name='Input.Title']").FillAsync("Quán triệt, triển khai Kết luận của Ban Thường vụ Thành ủy");
        await form.Locator("select[name='Input.LeadUnitId']").SelectOptionAsync(app.Root.Id.ToString());
        await form.Locator("input[name='Input.DeadlineKind'][value='Date']").CheckAsync();
        await form.Locator("input[name='Input.DueDate']").FillAsync(dueDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(DetailsUrl(), BrowserApp.Arrived);
        var parentUrl = page.Url;
        await Expect(page.Locator("#flash")).ToContainTextAsync("Đã giao nhiệm vụ");
        await Expect(page.Locator("#task-status")).ToContainTextAsync("Đã giao");

        await page.Locator("#action-fanout summary").ClickAsync();
        await page.Locator("#form-fanout-preview button[type=submit]").ClickAsync();
        await Expect(page.Locator("#fanout-count")).ToHaveTextAsync($"{app.Children.Count}");
        await page.Locator("#form-fanout button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{app.Children.Count} đơn vị");
        await Expect(page.Locator("#task-children-count")).ToHaveTextAsync($"0/{app.Children.Count}");

        // The first ward committee works its task through to the end.
        await OpenChildAsync(page, app.Children[0].Name);
        await ClickAsync(page, "#form-accept", "Đã tiếp nhận");
        await page.Locator("#form-progress [name='Progress.Percent']").FillAsync("50");
        await page.Locator("#form-progress [name='Progress.Text']").FillAsync("Đã tổ chức hội nghị quán triệt tới 100% chi bộ trực thuộc.");
        await ClickAsync(page, "#form-progress", "Đang thực hiện");
        await Expect(page.Locator("#task-progress")).ToContainTextAsync("Đã tổ chức hội nghị quán triệt");
        await page.Locator("#form-submit [name='Submit.Result']").FillAsync("Đã quán triệt tới toàn bộ đảng viên; báo cáo kết quả gửi kèm.");
        await ClickAsync(page, "#form-submit", "Đã báo cáo hoàn thành");
        await Expect(page.Locator("#submitted-result")).ToContainTextAsync("Đã quán triệt tới toàn bộ đảng viên");
        await ClickAsync(page, "#form-complete", "Hoàn thành");

        // The second accepts its task; the third has not yet.
        await page.GotoAsync(parentUrl);
        await OpenChildAsync(page, app.Children[1].Name);
        await ClickAsync(page, "#form-accept", "Đã tiếp nhận");

        await page.GotoAsync(parentUrl);
        await Expect(page.Locator("#task-children-count")).ToHaveTextAsync($"1/{app.Children.Count}");

        // Due in five days: everything still owed is due soon.
        await page.GotoAsync($"/Dashboard/{app.Root.Id}");
        await ExpectMetricsAsync(page, total: 4, ontime: 1, late: 0, inprogress: 1, submitted: 0, overdue: 0, duesoon: 3, notaccepted: 2);
        await BrowserApp.ScreenshotAsync(page, "dashboard");

        await using (var phone = await app.NewContextAsync(phone: true))
        {
            var small = await phone.NewPageAsync();
            await small.GotoAsync($"/Dashboard/{app.Root.Id}");
            await BrowserApp.SignInAsync(small);
            await small.WaitForURLAsync($"**/Dashboard/{app.Root.Id}", BrowserApp.Arrived);
            await ExpectMetricsAsync(small, total: 4, ontime: 1, late: 0, inprogress: 1, submitted: 0, overdue: 0, duesoon: 3, notaccepted: 2);
            // Nothing may force a phone to scroll sideways.
            await BrowserApp.ExpectNoSidewaysScrollAsync(small);
            await BrowserApp.ScreenshotAsync(small, "dashboard-phone");
        }

        // A week on the session has long ended (30 idle minutes): sign in again; the same tasks are overdue.
        app.Clock.SetLocal(dueDate.AddDays(2), 9);
        await page.ReloadAsync();
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync($"**/Dashboard/{app.Root.Id}", BrowserApp.Arrived);
        await ExpectMetricsAsync(page, total: 4, ontime: 1, late: 0, inprogress: 1, submitted: 0, overdue: 3, duesoon: 0, notaccepted: 2);
    }

    private static async Task OpenChildAsync(IPage page, string unitName)
    {
        await page.Locator("#task-children tbody tr", new PageLocatorOptions { HasText = unitName }).Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(DetailsUrl(), BrowserApp.Arrived);
        await Expect(page.Locator("#task-status")).ToBeVisibleAsync();
    }

    private static async Task ClickAsync(IPage page, string formId, string status)
    {
        await page.Locator($"{formId} button[type=submit]").Last.ClickAsync();
        await Expect(page.Locator("#flash")).ToBeVisibleAsync();
        await Expect(page.Locator("#task-status .badge").First).ToHaveTextAsync(status);
    }

    private static async Task ExpectMetricsAsync(IPage page, int total, int ontime, int late, int inprogress, int submitted,
        int overdue, int duesoon, int notaccepted)
    {
        var expected = new Dictionary<string, int>
        {
            ["total"] = total, ["ontime"] = ontime, ["late"] = late, ["inprogress"] = inprogress,
            ["submitted"] = submitted, ["overdue"] = overdue, ["duesoon"] = duesoon, ["notaccepted"] = notaccepted,
        };
        var actual = new Dictionary<string, int>();
        foreach (var key in expected.Keys)
            actual[key] = int.Parse((await page.Locator($"[data-metric='{key}']").First.InnerTextAsync()).Replace(".", "").Trim());
        Assert.Equal(expected, actual);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/Tasks/Details/\d+")]
    private static partial Regex DetailsUrl();
}
