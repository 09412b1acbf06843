using System.Text.RegularExpressions;
using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// What a hostile text or a hostile page can do to a signed-in user in a real browser: a task named like
/// a script shows as text and runs nothing, and a request forged from elsewhere changes nothing.
/// </summary>
public sealed partial class WebHygieneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ScriptTitle = "<script>alert(1)</script>";
    private const string ImageContent = "<img src=x onerror=\"alert(2)\"> và <b>chữ đậm</b>";

    [Fact]
    public async Task A_title_written_as_a_script_shows_as_text_and_runs_nothing()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                blocked.Add(message.Text);
        };

        await page.GotoAsync("/Tasks/Create");
        await BrowserApp.SignInAsync(page);
        var detailsUrl = await CreateTaskAsync(page, ScriptTitle, ImageContent);

        // Stored as typed, shown as typed: the characters are text, not markup.
        await Expect(page.Locator("h1")).ToContainTextAsync(ScriptTitle);
        await Expect(page.GetByText(ImageContent, new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main script, main img[src='x'], main b:text('chữ đậm')").CountAsync());

        // The same title in the lists and on the unit's page.
        foreach (var url in new[] { "/Tasks", $"/Units/Details/{app.Children[0].Id}", $"/Tasks?q={Uri.EscapeDataString("alert")}" })
        {
            await page.GotoAsync(url);
            await Expect(page.GetByText(ScriptTitle).First).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("main script").CountAsync());
        }

        // Even markup that did reach the page could not run: the policy allows no inline script.
        var response = await page.GotoAsync(detailsUrl);
        Assert.StartsWith(ScriptTitle, await page.TitleAsync());
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        Assert.Equal("same-origin", await response.HeaderValueAsync("referrer-policy"));
        await page.EvaluateAsync(@"() => {
            const s = document.createElement('div');
            s.innerHTML = '<img src=""data:,"" onerror=""alert(3)"">';
            document.body.appendChild(s);
        }");
        await page.WaitForTimeoutAsync(300);

        Assert.Empty(dialogs);
        Assert.NotEmpty(blocked);
    }

    [Fact]
    public async Task A_request_forged_by_another_page_changes_nothing()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Tasks/Create");
        await BrowserApp.SignInAsync(page);
        var taskId = int.Parse(new Uri(await CreateTaskAsync(page, "Tổng hợp kết quả sơ kết 6 tháng", null)).Segments[^1]);
        var before = await CountTasksAsync();

        // A page of another site, signed-in user visiting it: its form posts to DonDoc by itself.
        var hostile = new Uri($"http://localhost:{app.BaseAddress.Port}/trang-la");
        await page.RouteAsync(hostile.ToString(), route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"""
                <!doctype html><meta charset="utf-8"><title>Trang lạ</title>
                <form id="f" method="post" action="{app.BaseAddress}Tasks/Create">
                  <input name="Input.Title" value="Nhiệm vụ giả mạo">
                  <input name="Input.LeadUnitId" value="{app.Root.Id}">
                  <input name="Input.DeadlineKind" value="Ongoing">
                </form>
                <script>document.getElementById('f').submit();</script>
                """,
        }));
        await page.GotoAsync(hostile.ToString());
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal), BrowserApp.Arrived);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(before, await CountTasksAsync());

        // From DonDoc's own origin, with the cookie but without the form's antiforgery token: refused.
        await page.GotoAsync("/Tasks");
        var status = await page.EvaluateAsync<int>($$"""
            async () => {
                const body = new URLSearchParams({ 'Input.Title': 'Nhiệm vụ không có mã chống giả mạo',
                    'Input.LeadUnitId': '{{app.Root.Id}}', 'Input.DeadlineKind': 'Ongoing' });
                const r = await fetch('/Tasks/Create', { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
                return r.status;
            }
            """);
        Assert.Equal(400, status);

        // The API changes things only with an access token, never with the cookie alone.
        var apiStatus = await page.EvaluateAsync<int>($$"""
            async () => (await fetch('/api/tasks/{{taskId}}/cancel', { method: 'POST', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'giả mạo' }) })).status
            """);
        Assert.Equal(401, apiStatus);
        // Reading with the cookie still works.
        var readStatus = await page.EvaluateAsync<int>($"async () => (await fetch('/api/tasks/{taskId}', {{ credentials: 'same-origin' }})).status");
        Assert.Equal(200, readStatus);

        Assert.Equal(before, await CountTasksAsync());
        Assert.Empty(await app.WithDbAsync(db => db.Tasks.Where(t => t.Status == Web.Features.Tasks.TaskState.Cancelled).ToListAsync()));
    }

    /// <summary>Assigns a task to the first ward through the create page; returns the address of its page.</summary>
    private async Task<string> CreateTaskAsync(IPage page, string title, string? content)
    {
        await page.GotoAsync("/Tasks/Create");
        var form = page.Locator("#form-create-task");
        await form.Locator("[name='Input.Title']").FillAsync(title);
        if (content is not null)
            await form.Locator("[name='Input.Content']").FillAsync(content);
        await form.Locator("select[name='Input.LeadUnitId']").SelectOptionAsync(app.Children[0].Id.ToString());
        await form.Locator("input[name='Input.DeadlineKind'][value='Date']").CheckAsync();
        await form.Locator("input[name='Input.DueDate']").FillAsync(app.Clock.Today.AddDays(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(DetailsUrl(), BrowserApp.Arrived);
        return page.Url;
    }

    private Task<int> CountTasksAsync() => app.WithDbAsync(db => db.Tasks.CountAsync());

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/Tasks/Details/\d+")]
    private static partial Regex DetailsUrl();
}
