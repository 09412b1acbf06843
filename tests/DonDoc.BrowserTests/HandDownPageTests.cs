using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The two ends of a direction in a browser: the office sees who will receive it, unticks one, confirms,
/// and withdraws a copy the same day; a ward reports its result below 100% and is asked to confirm, and
/// the leader reads percent and result beside "Công nhận hoàn thành". Desktop and phone.
/// </summary>
public sealed class HandDownPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_office_previews_the_units_unticks_one_confirms_and_withdraws_a_copy()
    {
        var parent = await CreateAsync("Quán triệt Nghị quyết Đại hội Đảng bộ thành phố", app.Root.Id);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Tasks/Details/{parent}");
        await BrowserApp.SignInAsync(page);

        await page.Locator("#action-fanout summary").ClickAsync();
        await page.Locator("#form-fanout-preview button[type=submit]").ClickAsync();
        var count = page.Locator("#fanout-count");
        await Expect(count).ToHaveTextAsync($"{app.Children.Count}");
        await page.Locator($"#form-fanout input[value='{app.Children[2].Id}']").UncheckAsync();
        await Expect(count).ToHaveTextAsync($"{app.Children.Count - 1}");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "fanout-preview");
        Assert.Equal(0, await ChildCountAsync(parent));

        await page.Locator("#form-fanout button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{app.Children.Count - 1} đơn vị");
        Assert.Equal(app.Children.Count - 1, await ChildCountAsync(parent));

        await page.Locator("#action-withdraw summary").ClickAsync();
        await page.Locator($"#form-withdraw label:has-text('{app.Children[0].Name}') input").UncheckAsync();
        await BrowserApp.ScreenshotAsync(page, "fanout-withdraw");
        await page.Locator("#form-withdraw button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Đã thu hồi 1 bản giao");
        await Expect(page.Locator("#task-children-count")).ToHaveTextAsync("0/1");

        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync($"/Tasks/Details/{parent}?handler=FanOutPreview");
        await BrowserApp.SignInAsync(small);
        await Expect(small.Locator("#fanout-count")).ToHaveTextAsync($"{app.Children.Count - 1}");
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "fanout-preview-phone");
    }

    [Fact]
    public async Task A_result_below_100_percent_is_confirmed_and_the_leader_reads_it_beside_the_decision()
    {
        var id = await CreateAsync("Sơ kết 6 tháng công tác dân vận", app.Children[1].Id);
        await app.WithServicesAsync(async services => (await services.GetRequiredService<TaskWorkflow>().AcceptAsync(id)).IsDone);

        await using var phone = await app.NewContextAsync(phone: true);
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"/Tasks/Details/{id}");
        await BrowserApp.SignInAsync(page);
        var form = page.Locator("#form-submit");
        var confirm = form.Locator("[data-below]");
        await Expect(confirm).ToBeHiddenAsync();
        await form.Locator("[name='Submit.Result']").FillAsync("Đã sơ kết tại 12/15 chi bộ; 3 chi bộ sơ kết trong tuần tới.");
        await form.Locator("[name='Submit.Percent']").FillAsync("80");
        // Typing below 100 brings the confirmation up before anything is sent.
        await Expect(confirm).ToBeVisibleAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form.Locator(".field-validation-error")).ToContainTextAsync("80%");
        Assert.Equal("Đã sơ kết tại 12/15 chi bộ; 3 chi bộ sơ kết trong tuần tới.", await form.Locator("[name='Submit.Result']").InputValueAsync());
        await BrowserApp.ExpectNoSidewaysScrollAsync(page);
        await BrowserApp.ScreenshotAsync(page, "submit-confirm-phone");
        await form.Locator("#Submit_ConfirmIncomplete").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Đã báo cáo hoàn thành nhiệm vụ (80%)");

        await using var desktop = await app.NewContextAsync();
        var leader = await desktop.NewPageAsync();
        await leader.GotoAsync($"/Tasks/Details/{id}");
        await BrowserApp.SignInAsync(leader);
        var complete = leader.Locator("#form-complete");
        await Expect(complete).ToContainTextAsync("80%");
        await Expect(complete.Locator("#submitted-result")).ToHaveTextAsync("Đã sơ kết tại 12/15 chi bộ; 3 chi bộ sơ kết trong tuần tới.");
        await BrowserApp.ExpectAccessibleAsync(leader);
        await BrowserApp.ScreenshotAsync(leader, "submit-leader-reads-result");
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

    private Task<int> ChildCountAsync(int parent) => app.WithDbAsync(db => db.Tasks.AsNoTracking().CountAsync(t => t.ParentId == parent));

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
