using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>Small things read on the demo data: the document types told apart, and a date line without a stray space.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoPagesTests(DemoBrowserApp app)
{
    [Fact]
    public async Task The_three_codes_of_Quy_dinh_say_whose_they_are_and_the_assigning_line_reads_as_written()
    {
        foreach (var phone in new[] { false, true })
        {
            await using var context = await app.NewContextAsync(phone);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Documents");
            await BrowserApp.SignInAsync(page);
            var options = await page.Locator("#f-type option").AllInnerTextsAsync();
            var rules = options.Where(o => o.Contains("Quy định")).ToList();
            Assert.Equal(3, rules.Count);
            Assert.Equal(3, rules.Distinct().Count());
            Assert.Contains("QĐi – Quy định (Đảng)", rules);
            Assert.Contains("QyĐ – Quy định (Nhà nước)", rules);
            Assert.Contains(rules, r => r.StartsWith("QĐ – ", StringComparison.Ordinal) && r.Contains("Quy định (Đảng)"));
            await BrowserApp.ScreenshotAsync(page, phone ? "documents-phone" : "documents");

            var program = await app.WithDbAsync(db => db.Tasks.Where(t => t.Kind == TaskKind.Program).OrderBy(t => t.Id)
                .Select(t => new { t.Id, Unit = t.AssignedByUnit!.Name }).FirstAsync());
            await page.GotoAsync($"/Tasks/Details/{program.Id}");
            var facts = await page.Locator(".task-facts").InnerTextAsync();
            Assert.Contains($"{program.Unit}, ngày", facts);
            Assert.DoesNotContain($"{program.Unit} , ngày", facts);
            // The program's progress over its quarters is drawn under its x/y (the demo's 30/34 at the last milestone).
            var chart = page.Locator("#program-progress");
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
            await BrowserApp.ScreenshotAsync(page, phone ? "program-phone" : "program");
        }
    }

    [Fact]
    public async Task The_citys_ranking_of_136_committees_shows_its_top_and_bottom_until_all_are_asked_for()
    {
        var root = await app.WithDbAsync(db => db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());
        foreach (var phone in new[] { false, true })
        {
            await using var context = await app.NewContextAsync(phone);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/Dashboard/{root}");
            await BrowserApp.SignInAsync(page);
            var rows = page.Locator("table.ranking tbody tr:not(.ranking-part)");
            await Assertions.Expect(rows).ToHaveCountAsync(10);
            await Assertions.Expect(page.Locator("table.ranking tr.ranking-part")).ToHaveTextAsync(["5 đơn vị đầu bảng", "5 đơn vị cuối bảng"]);
            await Assertions.Expect(page.Locator("#counting-rule summary")).ToHaveTextAsync("Cách tính");
            await BrowserApp.ScreenshotAsync(page, phone ? "ranking-folded-phone" : "ranking-folded");
            if (phone)
            {
                await BrowserApp.ExpectNoSidewaysScrollAsync(page);
                continue;
            }
            var all = page.Locator("#ranking-all");
            await Assertions.Expect(all).ToContainTextAsync("Xem tất cả");
            var shown = int.Parse(System.Text.RegularExpressions.Regex.Match(await all.InnerTextAsync(), @"[\d.]+").Value.Replace(".", ""),
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(shown > 100, $"{shown} đơn vị");
            await all.ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(shown);
            // Ranks only grow down the table, and units with the same rate and the same number done share one.
            var ranks = (await page.Locator("table.ranking tbody td[data-label='Hạng']").AllInnerTextsAsync())
                .Where(r => r != "–").Select(r => int.Parse(r.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(ranks.Order(), ranks);
            Assert.Equal(1, ranks[0]);
        }
    }

    [Fact]
    public async Task A_count_of_a_past_day_opens_the_tasks_it_counted_as_they_stood_that_day()
    {
        var root = await app.WithDbAsync(db => db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());
        var day = app.Clock.Today.AddDays(-30);
        foreach (var phone in new[] { false, true })
        {
            await using var context = await app.NewContextAsync(phone);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/Dashboard/{root}?asOf={day:yyyy-MM-dd}");
            await BrowserApp.SignInAsync(page);
            var overdue = page.Locator("[data-metric='overdue']").First;
            var counted = await overdue.InnerTextAsync();
            Assert.NotEqual("0", counted);
            await overdue.ClickAsync();
            await page.WaitForURLAsync("**/Dashboard/Tasks?**", BrowserApp.Arrived);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Quá hạn: {counted} nhiệm vụ");
            await Assertions.Expect(page.Locator(".banner-history")).ToContainTextAsync($"{day:dd/MM/yyyy}");
            var rows = page.Locator("#tasks-then tbody tr");
            Assert.InRange(await rows.CountAsync(), 1, 50);
            // Every row was overdue on that day, whatever became of it since.
            Assert.All(await page.Locator("#tasks-then tbody td[data-label='Trạng thái ngày đó']").AllInnerTextsAsync(),
                state => Assert.Contains("Quá hạn", state));
            await BrowserApp.ScreenshotAsync(page, phone ? "dashboard-past-tasks-phone" : "dashboard-past-tasks");
            if (phone)
                await BrowserApp.ExpectNoSidewaysScrollAsync(page);
        }
    }
}
