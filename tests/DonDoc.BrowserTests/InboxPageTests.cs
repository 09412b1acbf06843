using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// A leader opens "Việc của tôi" from the menu, ticks two of the results waiting for a decision and
/// recognises them as done in one step; on a phone the same page fits the screen.
/// </summary>
public sealed class InboxPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_leader_recognises_two_results_in_one_step_from_the_inbox_on_desktop_and_phone()
    {
        await app.CreateUserAsync("lanhdao.hopviec", Roles.Leader, app.Root);
        var titles = new[] { "Kiện toàn chi bộ khu dân cư số 7", "Báo cáo sơ kết công tác dân vận quý IV", "Số hóa hồ sơ đảng viên" };
        var ids = new List<int>();
        foreach (var (title, i) in titles.Select((t, i) => (t, i)))
            ids.Add(await SubmittedAsync(title, app.Children[i % app.Children.Count].Id));

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Inbox");
        await BrowserApp.SignInAsync(page, "lanhdao.hopviec");
        await Expect(page.Locator("#nav-inbox .nav-count")).ToHaveTextAsync("3");
        var decide = page.Locator("#inbox-todecide");
        await Expect(decide.Locator("tbody tr")).ToHaveCountAsync(3);
        // The leader reads the reported result beside the decision.
        await Expect(decide).ToContainTextAsync("Đã hoàn thành, gửi kèm báo cáo.");
        await BrowserApp.ScreenshotAsync(page, "inbox");
        await BrowserApp.ExpectAccessibleAsync(page);

        await page.Locator($"#pick-{ids[0]}").CheckAsync();
        await page.Locator($"#pick-{ids[1]}").CheckAsync();
        await page.Locator("#decide").ClickAsync();
        await Expect(page.Locator("#flash")).ToHaveTextAsync("Đã công nhận hoàn thành 2 nhiệm vụ.");
        await Expect(decide.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#nav-inbox .nav-count")).ToHaveTextAsync("1");
        var states = await app.WithDbAsync(async db =>
            db.Tasks.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).Select(t => t.Status).ToList());
        Assert.Equal([TaskState.Completed, TaskState.Completed, TaskState.Submitted], states);
        await BrowserApp.ScreenshotAsync(page, "inbox-decided");

        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/Inbox");
        await BrowserApp.SignInAsync(small, "lanhdao.hopviec");
        await Expect(small.Locator("#inbox-todecide tbody tr")).ToHaveCountAsync(1);
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "inbox-phone");
    }

    // A task the city assigned to a ward, accepted and reported done by the ward.
    private Task<int> SubmittedAsync(string title, int leadUnitId) => app.WithServicesAsync(async services =>
    {
        var workflow = services.GetRequiredService<TaskWorkflow>();
        var created = await workflow.CreateAsync(new NewTask
        {
            Title = title, LeadUnitId = leadUnitId, AssignedByUnitId = app.Root.Id, DeadlineKind = DeadlineKind.Date,
            DueDate = app.Clock.Today.AddDays(20),
        });
        var id = created.Value?.Id ?? throw new InvalidOperationException(string.Join("; ", created.Problems?.ToDictionary().SelectMany(p => p.Value) ?? []));
        await workflow.AcceptAsync(id);
        await workflow.ReportProgressAsync(id, new ProgressInput { Percent = 90, Text = "Đã hoàn thành, gửi kèm báo cáo." }, []);
        await workflow.SubmitAsync(id, new SubmitInput { Result = "Đã hoàn thành, gửi kèm báo cáo." });
        return id;
    });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
