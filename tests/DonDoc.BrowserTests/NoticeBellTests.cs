using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// A ward's officer sees the bell's unread count on a phone and a desktop, reaches the notices from the
/// keyboard, opens one (its task, and the count drops) and marks the rest read.
/// </summary>
public sealed class NoticeBellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_bell_counts_the_unread_notices_opens_each_task_and_reads_all_on_phone_and_desktop()
    {
        var ward = app.Children[0];
        await app.CreateUserAsync("canbo.chuong", Roles.UnitOfficer, ward);
        var first = await AssignAsync("Tổ chức hội nghị học tập nghị quyết", ward.Id);
        await AssignAsync("Rà soát danh sách đảng viên miễn sinh hoạt", ward.Id);

        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/");
        await BrowserApp.SignInAsync(small, "canbo.chuong");
        // Outside the folded menu: seen without opening "Danh mục".
        await Expect(small.Locator("#nav-notices #notices-unread")).ToHaveTextAsync("2");
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "bell-phone", fullPage: false);

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserApp.SignInAsync(page, "canbo.chuong");
        await Expect(page.Locator("#notices-unread")).ToHaveTextAsync("2");
        await BrowserApp.ScreenshotAsync(page, "bell", fullPage: false);
        await page.Locator("#nav-notices").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Notices", BrowserApp.Arrived);
        var items = page.Locator("#notices li");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync("Chưa đọc");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "notices");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị của bạn được giao chủ trì “Tổ chức hội nghị học tập nghị quyết”", Exact = false }).ClickAsync();
        await page.WaitForURLAsync($"**/Tasks/Details/{first}", BrowserApp.Arrived);
        await Expect(page.Locator("#notices-unread")).ToHaveTextAsync("1");

        await page.GotoAsync("/Notices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc tất cả" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToHaveTextAsync("Đã đánh dấu đã đọc 1 thông báo.");
        await Expect(page.Locator("#notices-unread")).ToHaveCountAsync(0);
        await Expect(items.Filter(new() { HasText = "Chưa đọc" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "notices-read");
    }

    private Task<int> AssignAsync(string title, int unitId) => app.WithServicesAsync(async services =>
    {
        var created = await services.GetRequiredService<TaskWorkflow>().CreateAsync(new NewTask
        {
            Title = title, LeadUnitId = unitId, AssignedByUnitId = app.Root.Id, DeadlineKind = DeadlineKind.Date,
            DueDate = app.Clock.Today.AddDays(20),
        });
        return created.Value!.Id;
    });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
