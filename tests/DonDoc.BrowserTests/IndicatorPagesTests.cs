using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The indicator pages on the demo data: the city's sentences read off its dashboard, and a ward reporting its quarter,
/// after which the city's dashboard counts it.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class IndicatorPagesTests(DemoBrowserApp app)
{
    [Fact]
    public async Task The_city_reads_its_results_against_plan_and_a_ward_that_reports_its_quarter_is_counted_at_once()
    {
        var (root, indicator) = await app.WithDbAsync(async db => (
            await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync(),
            await db.Indicators.Where(i => i.Code == "KN-2025").Select(i => i.Id).SingleAsync()));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Indicators?unit={root}&period=2025&compare=2020");
        await BrowserApp.SignInAsync(page);
        var admitted = page.Locator("#indicator-table tbody tr").Filter(new() { HasText = "Kết nạp đảng viên mới" }).First;
        await Assertions.Expect(admitted).ToContainTextAsync("10.027");
        await Assertions.Expect(admitted).ToContainTextAsync("102,9%");
        await Assertions.Expect(admitted).ToContainTextAsync("tăng 12,9%");
        await BrowserApp.ScreenshotAsync(page, "indicators-2025");

        await page.GotoAsync($"/Indicators?unit={root}&period=2020-2025");
        var firms = page.Locator("#indicator-table tbody tr").Filter(new() { HasText = "doanh nghiệp ngoài khu vực nhà nước" });
        await Assertions.Expect(firms.Locator("td").Nth(1)).ToHaveTextAsync("93");
        await Assertions.Expect(firms.Locator("td").Nth(2)).ToHaveTextAsync("70");
        await Assertions.Expect(firms.Locator("td").Nth(3)).ToContainTextAsync("132,9%");
        var weak = page.Locator("#indicator-table tbody tr").Filter(new() { HasText = "yếu kém" });
        await Assertions.Expect(weak.Locator("td").Nth(1)).ToHaveTextAsync("12");
        await Assertions.Expect(weak.Locator("td").Nth(2)).ToHaveTextAsync("39");

        // The program the term's indicators belong to shows them beside its projects' x/y.
        var program = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "TCĐ-DN").Select(i => i.TaskId!.Value).SingleAsync());
        await page.GotoAsync($"/Tasks/Details/{program}");
        var programFirms = page.Locator("#program-indicators tbody tr").Filter(new() { HasText = "doanh nghiệp ngoài khu vực nhà nước" });
        await Assertions.Expect(programFirms).ToContainTextAsync("93");
        await Assertions.Expect(programFirms).ToContainTextAsync("132,9%");
        await BrowserApp.ScreenshotAsync(page, "program-indicators");

        // This year's first quarter: 23 of the 136 committees have not reported it.
        await page.GotoAsync($"/Indicators?unit={root}&period=2026-Q1&indicator={indicator}");
        await Assertions.Expect(page.Locator("#not-reported")).ToContainTextAsync("23/136 đơn vị chưa báo cáo");
        var chart = page.Locator("#indicator-chart img");
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
        await BrowserApp.ScreenshotAsync(page, "indicators-quarter");
        var before = await page.Locator("#indicator-table tbody tr").Filter(new() { HasText = "Kết nạp đảng viên mới" }).Last.Locator("td").Nth(1).InnerTextAsync();

        // One of them, a ward, reports through its own officer.
        var late = page.Locator("#children-table tbody tr").Filter(new() { HasText = "chưa báo cáo" }).First;
        var wardId = int.Parse((await late.GetAttributeAsync("data-unit"))!);
        var ward = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == wardId));
        await app.CreateUserAsync("canbo-chitieu", Roles.UnitOfficer, ward);
        await using var wardContext = await app.NewContextAsync(phone: true);
        var wardPage = await wardContext.NewPageAsync();
        await wardPage.GotoAsync("/Indicators/Report?period=2026-Q1");
        await BrowserApp.SignInAsync(wardPage, "canbo-chitieu");
        var line = wardPage.Locator("#report-table tbody tr").Filter(new() { HasText = "Kết nạp đảng viên mới" });
        await line.Locator("input[name$='.Value']").FillAsync("1.234");
        await BrowserApp.ScreenshotAsync(wardPage, "indicator-report-phone");
        await wardPage.Locator("#save-report").ClickAsync();
        await Assertions.Expect(wardPage.Locator(".banner-ok")).ToContainTextAsync("Đã ghi 1 số thực hiện quý I/2026");
        await BrowserApp.ExpectNoSidewaysScrollAsync(wardPage);
        await BrowserApp.ExpectAccessibleAsync(wardPage);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#not-reported")).ToContainTextAsync("22/136 đơn vị chưa báo cáo");
        var after = await page.Locator("#indicator-table tbody tr").Filter(new() { HasText = "Kết nạp đảng viên mới" }).Last.Locator("td").Nth(1).InnerTextAsync();
        Assert.True(DonDoc.Text.VnFormat.TryParseNumber(before, out var b), before);
        Assert.True(DonDoc.Text.VnFormat.TryParseNumber(after, out var a), after);
        Assert.Equal(b + 1234, a);
        await Assertions.Expect(page.Locator($"#children-table tr[data-unit='{wardId}']")).ToContainTextAsync("1.234");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "indicators-after-report");
    }
}
