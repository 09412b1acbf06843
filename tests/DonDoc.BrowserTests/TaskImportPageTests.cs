using DonDoc.Web.Tests.TaskImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The office downloads the template, adds a row to it as Excel would, uploads it, reads the preview (added, with
/// each field), confirms, and finds the tasks in the list.
/// </summary>
public sealed class TaskImportPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_office_imports_the_filled_in_template_with_preview_and_confirmation()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/TaskImport");
        await BrowserApp.SignInAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nhập nhiệm vụ từ Excel");
        await BrowserApp.ExpectAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template-link").ClickAsync());
        Assert.Equal("mau-nhap-nhiem-vu.xlsx", download.SuggestedFilename);
        var template = Path.Combine(BrowserApp.ArtifactsDirectory, "downloaded-" + download.SuggestedFilename);
        await download.SaveAsAsync(template);
        var filled = Path.Combine(BrowserApp.ArtifactsDirectory, "nhiem-vu-da-dien.xlsx");
        await File.WriteAllBytesAsync(filled, Sheets.Append(await File.ReadAllBytesAsync(template),
            ["CT01-DA02", "CT01", "Đề án", "Đề án phát triển hạ tầng số xã Sóc Sơn", "Lắp đặt mạng cho các điểm phục vụ", "10 điểm được kết nối",
                "dang bo xa soc son", "DB01; DB02", "30/06/2026", ""]));

        await page.Locator("#upload").SetInputFilesAsync(filled);
        await page.Locator("#form-task-import button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#import-counts")).ToContainTextAsync("3 nhiệm vụ thêm mới, 0 thay đổi, 0 không đổi, 0 dòng bị từ chối");
        var added = page.Locator("#import-preview tbody tr", new() { HasText = "CT01-DA02" });
        await Assertions.Expect(added).ToContainTextAsync("Thêm mới");
        await Assertions.Expect(added).ToContainTextAsync("Đơn vị chủ trì: Đảng bộ xã Sóc Sơn");
        await Assertions.Expect(added).ToContainTextAsync("Thời hạn: 30/06/2026");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "task-import-preview");

        await page.Locator("#form-import-confirm button").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Đã nhập 3 nhiệm vụ mới, cập nhật 0 nhiệm vụ.");
        await page.Locator("#tasks-link").ClickAsync();
        await page.WaitForURLAsync("**/Tasks", BrowserApp.Arrived);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đề án phát triển hạ tầng số xã Sóc Sơn" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "task-import-done");
        var codes = await app.WithDbAsync(db => db.Tasks.Where(t => t.ImportCode != null).OrderBy(t => t.ImportCode).Select(t => t.ImportCode).ToListAsync());
        Assert.Equal(["CT01", "CT01-DA01", "CT01-DA02"], codes);
    }
}
