using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace DonDoc.BrowserTests;

/// <summary>
/// The office filters the task list and downloads it with "Tải Excel" from the keyboard, then downloads the city's
/// dashboard, and a register filtered on its page: each file the browser saves opens as a workbook holding what the page showed.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ExportPageTests(DemoBrowserApp app)
{
    [Fact]
    public async Task The_filtered_task_list_and_the_dashboard_download_as_workbooks()
    {
        var root = await app.WithDbAsync(db => db.Units.Where(u => u.Code == "TU-HN").Select(u => u.Id).SingleAsync());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Tasks");
        await BrowserApp.SignInAsync(page);
        await page.Locator("#f-status").SelectOptionAsync("overdue");
        await page.Locator("#form-tasks-filter button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#export-tasks")).ToBeVisibleAsync();
        var total = int.Parse((await page.Locator("p.count").InnerTextAsync()).Split(' ')[0].Replace(".", ""), CultureInfo.InvariantCulture);
        var firstTitle = await page.Locator("table.tasks tbody tr td.task-title").First.InnerTextAsync();
        await BrowserApp.ScreenshotAsync(page, "tasks-export-button", fullPage: false);

        // From the keyboard: the button takes the focus and Enter downloads.
        await page.Locator("#export-tasks").FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal($"nhiem-vu-{app.Clock.Today:yyyy-MM-dd}.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(BrowserApp.ArtifactsDirectory, "downloaded-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var rows = MiniExcel.Query(saved, useHeaderRow: true, sheetName: "Nhiệm vụ").Cast<IDictionary<string, object>>().ToList();
        Assert.True(total > 0);
        Assert.Equal(total, rows.Count);
        Assert.Equal(firstTitle.Trim(), rows[0]["Nhiệm vụ"]);
        Assert.All(rows, r => Assert.Equal("Quá hạn", r["Tình hình thời hạn"]));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Thời hạn"]));

        await page.GotoAsync($"/Dashboard/{root}");
        var overdue = int.Parse((await page.Locator("[data-metric='overdue']").First.InnerTextAsync()).Replace(".", ""), CultureInfo.InvariantCulture);
        var dashboard = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-dashboard").ClickAsync());
        Assert.Equal($"bang-theo-doi-don-vi-{root}-{app.Clock.Today:yyyy-MM-dd}.xlsx", dashboard.SuggestedFilename);
        var book = Path.Combine(BrowserApp.ArtifactsDirectory, "downloaded-" + dashboard.SuggestedFilename);
        await dashboard.SaveAsAsync(book);
        Assert.Equal(["Tổng hợp", "Đơn vị cấp dưới", "Chương trình", "Chỉ đạo đã giao"], MiniExcel.GetSheetNames(book));
        var summary = Assert.Single(MiniExcel.Query(book, useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object>>());
        Assert.Equal(overdue, Convert.ToInt32(summary["Quá hạn"], CultureInfo.InvariantCulture));
        Assert.Equal(total, overdue);
        await BrowserApp.ScreenshotAsync(page, "dashboard-export-button", fullPage: false);
    }
    [Fact]
    public async Task The_documents_register_filtered_by_year_downloads_as_the_page_lists_it()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Documents");
        await BrowserApp.SignInAsync(page);
        var day = (await page.Locator("table.documents tbody tr td[data-label='Ngày ban hành']").First.InnerTextAsync()).Trim();
        var year = int.Parse(day[^4..], CultureInfo.InvariantCulture);
        await page.Locator("#f-year").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#form-documents-filter button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#export-documents")).ToHaveAttributeAsync("href", $"/api/documents/export.xlsx?year={year}");
        var total = int.Parse((await page.Locator("p.count").InnerTextAsync()).Split(' ')[0].Replace(".", ""), CultureInfo.InvariantCulture);
        var symbols = await page.Locator("table.documents tbody tr td[data-label='Số, ký hiệu']").AllInnerTextsAsync();
        await BrowserApp.ScreenshotAsync(page, "documents-export-button", fullPage: false);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-documents").ClickAsync());
        Assert.Equal($"so-van-ban-{app.Clock.Today:yyyy-MM-dd}.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(BrowserApp.ArtifactsDirectory, "downloaded-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var rows = MiniExcel.Query(saved, useHeaderRow: true, sheetName: "Văn bản").Cast<IDictionary<string, object>>().ToList();
        Assert.True(total > 0);
        Assert.Equal(total, rows.Count);
        // The page shows its first page; the file holds every row, in the same order.
        Assert.Equal(symbols.Select(s => s.Trim()), rows.Take(symbols.Count).Select(r => r["Số, ký hiệu"]));
        Assert.All(rows, r => Assert.Equal(year, Assert.IsType<DateTime>(r["Ngày ban hành"]).Year));
    }
    [Fact]
    public async Task The_units_found_by_a_search_download_as_the_page_lists_them()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Units");
        await BrowserApp.SignInAsync(page);
        await page.Locator("#q").FillAsync("phuong");
        await page.Locator("#main form[role='search'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#export-units")).ToHaveAttributeAsync("href", "/api/units/export.xlsx?q=phuong");
        var shown = await page.Locator(".result-list .tree-name").AllInnerTextsAsync();
        await BrowserApp.ScreenshotAsync(page, "units-export-button", fullPage: false);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-units").ClickAsync());
        Assert.Equal($"don-vi-{app.Clock.Today:yyyy-MM-dd}.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(BrowserApp.ArtifactsDirectory, "downloaded-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var rows = MiniExcel.Query(saved, useHeaderRow: true, sheetName: "Đơn vị").Cast<IDictionary<string, object>>().ToList();
        // The page shows the first 50 found; the file holds every one, parents before children.
        Assert.NotEmpty(shown);
        Assert.Superset(shown.Select(n => n.Trim()).ToHashSet(), rows.Select(r => (string)r["Tên đơn vị"]).ToHashSet());
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Hiệu lực từ ngày"]));
    }
}
