using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The office opens the city's dashboard with its charts, makes the progress report from there and downloads it:
/// the file the browser saves is the one kept, by its SHA-256. Desktop and phone.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReportPageTests(DemoBrowserApp app)
{
    [Fact]
    public async Task The_office_makes_the_report_from_the_dashboard_and_downloads_the_kept_file()
    {
        var root = await app.WithDbAsync(db => db.Units.Where(u => u.Code == "TU-HN").Select(u => u.Id).SingleAsync());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Dashboard/{root}");
        await BrowserApp.SignInAsync(page);
        var charts = page.Locator("img.chart");
        await Assertions.Expect(charts).ToHaveCountAsync(2);
        foreach (var chart in await charts.AllAsync())
        {
            await chart.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
        }
        await BrowserApp.ScreenshotAsync(page, "dashboard-charts");
        await page.Locator("section:has(#charts-title)").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsDirectory, "dashboard-charts-section.png") });

        await page.Locator("#make-report-link").ClickAsync();
        await Assertions.Expect(page.Locator("#form-make-report select[name='Input.UnitId']")).ToHaveValueAsync(root.ToString());
        await page.Locator("#make-report").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Đã lập báo cáo tình hình thực hiện số ");
        var made = page.Locator("#reports tbody tr.is-new");
        await Assertions.Expect(made).ToHaveCountAsync(1);
        var id = int.Parse((await made.GetAttributeAsync("data-report"))!);
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "reports");

        var download = await page.RunAndWaitForDownloadAsync(() => made.GetByRole(AriaRole.Link, new() { Name = "Tải về" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var saved = Path.Combine(BrowserApp.ArtifactsDirectory, "downloaded-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var kept = await app.WithDbAsync(db => db.IssuedReports.Where(r => r.Id == id).Select(r => r.Sha256).SingleAsync());
        Assert.Equal(kept, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(saved))));

        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/Reports");
        await BrowserApp.SignInAsync(small);
        await Assertions.Expect(small.Locator($"#reports tr[data-report='{id}']")).ToBeVisibleAsync();
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "reports-phone");
    }
}
