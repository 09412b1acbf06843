using DonDoc.Web.Data;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Features.Reports;
using DonDoc.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// axe on every page of the app, filled with the demo data, on a desktop and a phone: no serious or
/// critical violation. The pages come from the route table, so a page added without an address here fails.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class AccessibilityTests(DemoBrowserApp app)
{
    [Fact]
    public async Task Every_page_passes_axe_on_a_desktop_and_a_phone()
    {
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDb>();
            if (await db.IssuedReports.AnyAsync())
                return 0;
            var root = await db.Units.SingleAsync(u => u.Code == "TU-HN");
            var term = await db.Terms.Where(t => t.IssuerCode == null).OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstAsync();
            await services.GetRequiredService<ReportMaker>().IssueAsync(ReportKind.Progress, root, root, term, app.Clock.Today, [null], null, "admin", default);
            return 0;
        });
        var addresses = await app.WithDbAsync(AddressesAsync);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath).OfType<string>().ToHashSet();
        Assert.Empty(pages.Except(addresses.Keys).Order());

        var failures = new List<string>();
        foreach (var phone in new[] { false, true })
        {
            await using var context = await app.NewContextAsync(phone);
            var page = await context.NewPageAsync();
            // Signed out first: the sign-in page itself.
            await page.GotoAsync("/");
            await page.WaitForURLAsync("**/Accounts/Login?ReturnUrl=*", BrowserApp.Arrived);
            await BrowserApp.ExpectAccessibleAsync(page);
            await BrowserApp.SignInAsync(page);
            foreach (var (path, urls) in addresses.Where(a => a.Key != "/Accounts/Login"))
            {
                // axe takes seconds a page: a phone sees each page once, a desktop each address.
                foreach (var url in phone ? urls.Take(1) : urls)
                {
                    await page.GotoAsync(url);
                    await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                    Assert.DoesNotContain("/Accounts/Login", page.Url);
                    // Every page is looked at before the test fails, so that one run names all there is to fix.
                    try
                    {
                        await BrowserApp.ExpectAccessibleAsync(page);
                        if (phone)
                            await BrowserApp.ExpectNoSidewaysScrollAsync(page);
                    }
                    catch (Xunit.Sdk.XunitException e)
                    {
                        failures.Add((phone ? "phone " : "desktop ") + e.Message);
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task The_check_fails_on_a_control_without_a_label_and_on_text_without_contrast()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await BrowserApp.ExpectAccessibleAsync(page);
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<select id="khong-nhan"><option>1</option></select><p id="mo">Chữ mờ</p>');
                const faint = document.getElementById('mo');
                faint.style.color = '#eeeeee';
                faint.style.background = '#ffffff';
            }
            """);
        var refused = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => BrowserApp.ExpectAccessibleAsync(page));
        Assert.Contains("select-name", refused.Message);
        Assert.Contains("color-contrast", refused.Message);
    }

    /// <summary>Each page and the addresses that show it with real content.</summary>
    private static async Task<Dictionary<string, string[]>> AddressesAsync(AppDb db)
    {
        var root = await db.Units.Where(u => u.Code == "TU-HN").Select(u => u.Id).SingleAsync();
        var ward = await db.Units.Where(u => u.Code == "DB-BADINH").Select(u => u.Id).SingleAsync();
        var program = await db.Tasks.Where(t => t.Kind == TaskKind.Program).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var reported = await db.ProgressReports.OrderBy(r => r.Id).Select(r => r.TaskId).FirstAsync();
        var extended = await db.ExtensionRequests.OrderBy(r => r.Id).Select(r => r.TaskId).FirstAsync();
        var document = await db.Documents.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var drafted = await db.TaskDrafts.OrderBy(d => d.Id).Select(d => d.DocumentId).FirstAsync();
        var conference = await db.Conferences.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var reviewed = await db.Reviews.Where(r => r.ConferenceId != null).Select(r => r.ConferenceId!.Value).FirstAsync();
        var person = await db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var review = await db.Reviews.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var limitation = await db.Limitations.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        var user = await db.Users.Where(u => u.UserName == "canbo.badinh").Select(u => u.Id).SingleAsync();
        // A past day's dashboard: a month before the demo's last change.
        var pastDay = (await db.TaskEvents.MaxAsync(e => e.OnDate)).AddDays(-30);
        // The administrator, who signs in here, leads no unit: one notice of their own fills the list and the link.
        var admin = await db.Users.Where(u => u.UserName == BrowserApp.AdminUserName).Select(u => u.Id).SingleAsync();
        var notice = new Notice { UserId = admin, TaskId = program, Kind = NoticeKind.AwaitingDecision, Text = "Chương trình chờ quyết định.", CreatedAtUtc = DateTime.UtcNow };
        db.Set<Notice>().Add(notice);
        await db.SaveChangesAsync();
        var issued = await db.IssuedReports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var indicator = await db.Indicators.Where(i => i.Code == "KN-2025").Select(i => i.Id).SingleAsync();
        return new Dictionary<string, string[]>
        {
            ["/Index"] = ["/"],
            ["/Error"] = ["/Error?code=404"],
            ["/Accounts/Login"] = ["/Accounts/Login"],
            ["/Accounts/Logout"] = ["/Accounts/Logout"],
            ["/Accounts/ChangePassword"] = ["/Accounts/ChangePassword"],
            ["/Accounts/Tokens"] = ["/Accounts/Tokens"],
            ["/Accounts/Users/Index"] = ["/Accounts/Users"],
            ["/Accounts/Users/Create"] = ["/Accounts/Users/Create"],
            ["/Accounts/Users/Edit"] = [$"/Accounts/Users/Edit/{user}"],
            ["/Dashboard/Index"] = [$"/Dashboard/{root}", $"/Dashboard/{ward}"],
            ["/Dashboard/Tasks"] = [$"/Dashboard/Tasks?unit={root}&asOf={pastDay:yyyy-MM-dd}&status=counted"],
            ["/Search/Index"] = ["/Search?q=thanh%20uy", "/Search?q=%20"],
            ["/Units/Index"] = ["/Units", $"/Units?open={root}"],
            ["/Units/Details"] = [$"/Units/Details/{root}"],
            ["/Units/Reorganize"] = ["/Units/Reorganize"],
            ["/Tasks/Index"] = ["/Tasks", $"/Tasks?unit={root}&status=overdue"],
            ["/Tasks/Create"] = ["/Tasks/Create"],
            ["/Tasks/Edit"] = [$"/Tasks/Edit/{extended}"],
            ["/Inbox/Index"] = ["/Inbox"],
            ["/Notices/Index"] = ["/Notices"],
            ["/Notices/Open"] = [$"/Notices/Open/{notice.Id}"],
            ["/Notices/Preferences"] = ["/Notices/Preferences"],
            ["/Notices/Escalation"] = ["/Notices/Escalation"],
            ["/Operations/Storage"] = ["/Operations/Storage"],
            ["/Operations/Mail"] = ["/Operations/Mail"],
            ["/Tasks/Details"] = [$"/Tasks/Details/{program}", $"/Tasks/Details/{reported}", $"/Tasks/Details/{extended}"],
            ["/Documents/Index"] = ["/Documents"],
            ["/Documents/Details"] = [$"/Documents/Details/{document}"],
            ["/Documents/Create"] = ["/Documents/Create"],
            ["/Import/Index"] = ["/Import"],
            // The preview and its outcome answer a POST; TaskImportPageTests checks them with axe.
            ["/TaskImport/Index"] = ["/TaskImport"],
            ["/Conclusions/Index"] = ["/Conclusions"],
            ["/Conclusions/Review"] = [$"/Conclusions/Review/{drafted}"],
            ["/Conferences/Index"] = ["/Conferences"],
            ["/Conferences/Details"] = [$"/Conferences/Details/{conference}", $"/Conferences/Details/{reviewed}"],
            ["/Conferences/Lesson"] = [$"/Conferences/Lesson?conference={conference}", $"/Conferences/Lesson?review={review}"],
            ["/Conferences/Person"] = [$"/Conferences/Person/{person}"],
            ["/Conferences/Source"] = [$"/Conferences/Source/{conference}"],
            ["/Conferences/Lessons"] = ["/Conferences/Lessons"],
            ["/Conferences/Edit"] = ["/Conferences/Edit", $"/Conferences/Edit/{conference}"],
            ["/Reviews/Index"] = ["/Reviews"],
            ["/Reviews/Monitoring"] = ["/Reviews/Monitoring"],
            ["/Reviews/Details"] = [$"/Reviews/Details/{review}"],
            ["/Reviews/Create"] = ["/Reviews/Create"],
            ["/Reviews/Limitation"] = [$"/Reviews/Limitation/{review}"],
            ["/Reviews/Item"] = [$"/Reviews/Item/{limitation}"],
            ["/Reports/Index"] = ["/Reports"],
            ["/Reports/Compare"] = [$"/Reports/Compare/{issued}"],
            ["/Indicators/Index"] = [$"/Indicators?unit={root}&period=2026-Q1&indicator={indicator}", $"/Indicators?unit={root}&period=2020-2025"],
            ["/Indicators/List"] = ["/Indicators/List"],
            ["/Indicators/Details"] = [$"/Indicators/Details/{indicator}?unit={root}&period=2026"],
            ["/Indicators/Report"] = [$"/Indicators/Report?unit={ward}&period=2026-Q1"],
            ["/Years/Index"] = [$"/Years?unit={root}&year=2026", $"/Years?unit={ward}&year=2026"],
            ["/Grading/Index"] = [$"/Grading?unit={root}&year=2026", $"/Grading?unit={root}&year=2026&child={ward}"],
        };
    }
}
