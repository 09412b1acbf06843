using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// A ward's officer types "thanh uy" without diacritics in the menu's search box and sees their ward's tasks with
/// "Thành ủy" / "Thành uỷ" marked, not another ward's; an empty search is answered in words.
/// </summary>
public sealed class SearchPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_menus_box_finds_folded_words_marks_them_and_keeps_to_the_readers_scope()
    {
        var ward = app.Children[0];
        var other = app.Children[1];
        await app.CreateUserAsync("canbo.timkiem", Roles.UnitOfficer, ward);
        var own = await AssignAsync("Thực hiện Kết luận của Thành ủy về chỉnh trang đô thị", ward.Id);
        var oldStyle = await AssignAsync("Báo cáo Thành uỷ kết quả giải phóng mặt bằng", ward.Id);
        var hidden = await AssignAsync("Thành ủy kiểm tra phường bên cạnh", other.Id);

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserApp.SignInAsync(page, "canbo.timkiem");
        var box = page.Locator("#site-search-q");
        await box.FillAsync("thanh uy");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/Search?q=*", BrowserApp.Arrived);
        var tasks = page.Locator("#search-task li");
        await Expect(tasks).ToHaveCountAsync(2);
        await Expect(page.Locator($"#search-task a[href='/Tasks/Details/{own}'] mark")).ToHaveTextAsync("Thành ủy");
        await Expect(page.Locator($"#search-task a[href='/Tasks/Details/{oldStyle}'] mark")).ToHaveTextAsync("Thành ủy");
        await Expect(page.Locator($"a[href='/Tasks/Details/{hidden}']")).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync("thanh uy");
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "search");

        await page.Locator($"#search-task a[href='/Tasks/Details/{own}']").ClickAsync();
        await page.WaitForURLAsync($"**/Tasks/Details/{own}", BrowserApp.Arrived);

        await page.GotoAsync("/Search?q=%20");
        await Expect(page.Locator("#search-q-error")).ToContainTextAsync("Nhập nội dung cần tìm.");
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
