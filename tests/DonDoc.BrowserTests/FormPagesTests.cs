using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// Forms as an office clerk meets them in a browser set to English: days typed and shown as dd/MM/yyyy,
/// the browser's own refusals worded in Vietnamese, and a form sent back with an error keeping every
/// field, the units chosen among them; on a desktop and a phone.
/// </summary>
public sealed partial class FormPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // "Đảng bộ phường Hoàn Kiếm" → "hoan kiem", as someone types it without accents.
    private static string Folded(string unitName) => DonDoc.Text.VnText.Fold(string.Join(' ', unitName.Split(' ')[^2..]));

    [Fact]
    public async Task A_task_form_in_an_English_browser_reads_days_as_dd_MM_yyyy_and_keeps_the_units_after_an_error()
    {
        var due = app.Clock.Today.AddDays(24);
        foreach (var phone in new[] { false, true })
        {
            await using var context = await app.NewContextAsync(phone, locale: "en-US");
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Tasks/Create");
            await BrowserApp.SignInAsync(page);
            Assert.Equal("en-US", await page.EvaluateAsync<string>("() => navigator.language"));
            var form = page.Locator("#form-create-task");

            // The title is missing: the page comes back refused, with everything else as it was typed.
            await form.Locator("select[name='Input.LeadUnitId']").SelectOptionAsync(app.Children[0].Id.ToString(CultureInfo.InvariantCulture));
            // Coordinators are found by typing part of a name, without its accents, and ticked.
            var search = form.Locator("#coordinators-search");
            await search.FillAsync(Folded(app.Children[1].Name));
            var matching = form.Locator("#coordinators li:not([hidden])");
            await Expect(matching).ToHaveCountAsync(1);
            await matching.Locator("input").CheckAsync();
            await search.FillAsync(Folded(app.Children[2].Name));
            await form.Locator($"#coordinators input[value='{app.Children[2].Id}']").CheckAsync();
            // What is ticked stays in view whatever is typed.
            await Expect(form.Locator("#coordinators li:not([hidden]) input:checked")).ToHaveCountAsync(2);
            await Expect(form.Locator("#coordinators [data-picked-count]")).ToHaveTextAsync("2");
            await form.Locator("input[name='Input.DeadlineKind'][value='Date']").CheckAsync();
            var dueField = form.Locator("input[name='Input.DueDate']");
            Assert.Equal("text", await dueField.GetAttributeAsync("type"));
            await dueField.FillAsync(Day(due));
            await form.Locator("[name='Input.ResponsiblePerson']").FillAsync("Đồng chí Phó Chánh Văn phòng");
            await form.Locator(".field-actions button[type=submit]").ClickAsync();
            await Expect(page.Locator("#problems")).ToContainTextAsync("Nhập tên nhiệm vụ.");
            Assert.Equal(app.Children[0].Id.ToString(CultureInfo.InvariantCulture), await form.Locator("select[name='Input.LeadUnitId']").InputValueAsync());
            var coordinators = await form.Locator("input[name='Input.CoordinatorUnitIds']:checked").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
            Assert.Equal(new[] { app.Children[1].Id, app.Children[2].Id }.Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), coordinators.Order());
            Assert.Equal(Day(due), await dueField.InputValueAsync());
            Assert.Equal("Đồng chí Phó Chánh Văn phòng", await form.Locator("[name='Input.ResponsiblePerson']").InputValueAsync());
            await BrowserApp.ExpectAccessibleAsync(page);
            await BrowserApp.ScreenshotAsync(page, phone ? "form-kept-after-error-phone" : "form-kept-after-error");
            if (phone)
            {
                await BrowserApp.ExpectNoSidewaysScrollAsync(page);
                continue;
            }

            // A day the browser's date input would have ordered as 04/30/2026 is refused in Vietnamese before sending.
            await dueField.FillAsync(due.ToString("MM-dd-yyyy", CultureInfo.InvariantCulture));
            await form.Locator(".field-actions button[type=submit]").ClickAsync();
            Assert.Equal("Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 06/12/2026.", await dueField.EvaluateAsync<string>("f => f.validationMessage"));

            await dueField.FillAsync(Day(due));
            await form.Locator("[name='Input.Title']").FillAsync("Sơ kết 6 tháng thực hiện Nghị quyết Đại hội");
            await form.Locator(".field-actions button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(DetailsUrl(), BrowserApp.Arrived);
            await Expect(page.Locator("main")).ToContainTextAsync(Day(due));
            var saved = await app.WithDbAsync(db => db.Tasks.Include(t => t.Coordinators).SingleAsync(t => t.Title == "Sơ kết 6 tháng thực hiện Nghị quyết Đại hội"));
            Assert.Equal(due, saved.DueDate);
            Assert.Equal(2, saved.Coordinators.Count);

            // A day the server writes into a field (a sub-task starts with its parent's deadline) reads dd/MM/yyyy too.
            var taskUrl = page.Url;
            await page.GotoAsync($"/Tasks/Create?parent={saved.Id}");
            Assert.Equal(Day(due), await page.Locator("#form-create-task input[name='Input.DueDate']").InputValueAsync());
            await page.GotoAsync(taskUrl);

            // A number past its limit: the browser's refusal is worded in Vietnamese, as is a day typed wrongly past it.
            await page.Locator("#form-accept button[type=submit]").Last.ClickAsync();
            await Expect(page.Locator("#task-status .badge").First).ToHaveTextAsync("Đã tiếp nhận");
            var percent = page.Locator("#form-progress [name='Progress.Percent']");
            await percent.FillAsync("150");
            await page.Locator("#form-progress button[type=submit]").Last.ClickAsync();
            Assert.Equal("Giá trị phải nhỏ hơn hoặc bằng 100.", await percent.EvaluateAsync<string>("f => f.validationMessage"));
            await percent.FillAsync("40");
            Assert.Equal("", await percent.EvaluateAsync<string>("f => f.validationMessage"));
            // Sent anyway (as a browser without script would), a day that is no day is named by the server in Vietnamese.
            await page.Locator("#form-progress [name='Progress.Text']").FillAsync("Đã xây dựng dự thảo báo cáo.");
            await page.Locator("#form-progress [name='Progress.ReportedOn']").EvaluateAsync("f => { f.removeAttribute('pattern'); f.value = '31/02/2026'; }");
            await page.Locator("#form-progress button[type=submit]").Last.ClickAsync();
            await Expect(page.Locator("#form-progress")).ToContainTextAsync("Ngày “31/02/2026” không đúng dạng ngày/tháng/năm");
            Assert.Equal("31/02/2026", await page.Locator("#form-progress [name='Progress.ReportedOn']").InputValueAsync());
            await BrowserApp.ExpectAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task The_dashboard_day_reads_dd_MM_yyyy_in_an_English_browser()
    {
        foreach (var phone in new[] { false, true })
        {
            await using var context = await app.NewContextAsync(phone, locale: "en-US");
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/Dashboard/{app.Root.Id}");
            await BrowserApp.SignInAsync(page);
            var asOf = page.Locator("#asOf");
            Assert.Equal(Day(app.Clock.Today), await asOf.InputValueAsync());
            var earlier = app.Clock.Today.AddDays(-5);
            await asOf.FillAsync(Day(earlier));
            await page.Locator(".asof-form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".banner-history")).ToHaveTextAsync($"Số liệu tính đến hết ngày {Day(earlier)}");
            Assert.Equal(Day(earlier), await asOf.InputValueAsync());
            Assert.DoesNotContain(earlier.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), await page.Locator("main").InnerTextAsync());
            await BrowserApp.ExpectAccessibleAsync(page);
            await BrowserApp.ScreenshotAsync(page, phone ? "dashboard-english-browser-phone" : "dashboard-english-browser");

            // A day that is no day comes back as typed, named in Vietnamese, over today's figures.
            await page.GotoAsync($"/Dashboard/{app.Root.Id}?asOf=31%2F02%2F2026");
            await Expect(page.Locator("#problems")).ToContainTextAsync("31/02/2026");
            Assert.Equal("31/02/2026", await asOf.InputValueAsync());
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/Tasks/Details/\d+")]
    private static partial Regex DetailsUrl();
}
