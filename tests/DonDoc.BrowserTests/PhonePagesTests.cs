using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// A phone's width: one menu button that reaches every section, the ranking read as cards, and a task's
/// actions before its facts; the same pages on a desktop keep the menu in the header and the actions beside.
/// </summary>
public sealed partial class PhonePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Sections = ["Tổng hợp", "Nhiệm vụ", "Văn bản", "Hội nghị", "Kiểm điểm", "Khắc phục đang theo dõi", "Giao từ văn bản", "Đơn vị", "Tài khoản"];

    [Fact]
    public async Task The_phone_menu_reaches_every_section_and_a_task_shows_its_actions_first()
    {
        await using var phone = await app.NewContextAsync(phone: true);
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"/Dashboard/{app.Root.Id}");
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync($"**/Dashboard/{app.Root.Id}", BrowserApp.Arrived);

        // Folded: the button alone; unfolded: every section inside the screen, none cut off.
        var toggle = page.Locator("#menu-toggle");
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(page.Locator(".site-nav")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        foreach (var name in Sections)
        {
            var link = page.Locator(".site-nav a", new PageLocatorOptions { HasTextString = name }).First;
            await Expect(link).ToBeVisibleAsync();
            var box = (await link.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"“{name}” lies outside the screen ({box.X} + {box.Width}).");
            Assert.Equal(await link.EvaluateAsync<int>("a => a.scrollWidth"), await link.EvaluateAsync<int>("a => a.clientWidth"));
        }
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "menu-phone-open");
        // Escape folds it again and gives the focus back to the button.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".site-nav")).ToBeHiddenAsync();
        await Expect(toggle).ToBeFocusedAsync();
        // The keyboard opens it too, and a section is reached from it.
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".site-nav a", new PageLocatorOptions { HasTextString = "Đơn vị" }).ClickAsync();
        await page.WaitForURLAsync("**/Units", BrowserApp.Arrived);

        // The ranking is a stack of cards, each opened by its unit's name.
        await page.GotoAsync($"/Dashboard/{app.Root.Id}");
        var firstRow = page.Locator("table.ranking tbody tr").First;
        Assert.Equal("grid", await firstRow.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        var nameBox = (await firstRow.Locator("th").BoundingBoxAsync())!;
        var rankBox = (await firstRow.Locator("td[data-label='Hạng']").BoundingBoxAsync())!;
        Assert.True(nameBox.Y < rankBox.Y, "The unit's name should open its card.");
        await BrowserApp.ExpectNoSidewaysScrollAsync(page);
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "ranking-phone");

        // A task assigned to a ward: "Tiếp nhận" within the first screen of its page.
        var taskUrl = await CreateTaskAsync(page);
        await page.GotoAsync(taskUrl);
        var accept = page.Locator("#form-accept button[type=submit]").Last;
        await Expect(accept).ToBeVisibleAsync();
        var acceptBox = (await accept.BoundingBoxAsync())!;
        Assert.True(acceptBox.Y + acceptBox.Height < 844, $"“Tiếp nhận” is {acceptBox.Y}px down a 844px screen.");
        await BrowserApp.ExpectNoSidewaysScrollAsync(page);
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "task-phone");

        // A desktop: the menu in the header without a button, the actions beside the facts.
        await using var desktop = await app.NewContextAsync();
        var wide = await desktop.NewPageAsync();
        await wide.GotoAsync(taskUrl);
        await BrowserApp.SignInAsync(wide);
        await Expect(wide.Locator("#menu-toggle")).ToBeHiddenAsync();
        foreach (var name in Sections)
            await Expect(wide.Locator(".site-nav a", new PageLocatorOptions { HasTextString = name }).First).ToBeVisibleAsync();
        var actions = (await wide.Locator(".task-actions").BoundingBoxAsync())!;
        var facts = (await wide.Locator(".task-facts").BoundingBoxAsync())!;
        Assert.True(actions.X > facts.X + facts.Width - 1, "On a desktop the actions stand beside the facts.");
        await BrowserApp.ExpectAccessibleAsync(wide);
        await BrowserApp.ScreenshotAsync(wide, "task-desktop");
    }

    private async Task<string> CreateTaskAsync(IPage page)
    {
        await page.GotoAsync("/Tasks/Create");
        var form = page.Locator("#form-create-task");
        await form.Locator("[name='Input.Title']").FillAsync("Rà soát, đánh giá kết quả thực hiện các chương trình hành động của Thành ủy");
        await form.Locator("[name='Input.Content']").FillAsync(string.Join(" ", Enumerable.Repeat("Đánh giá kết quả, chỉ rõ hạn chế, nguyên nhân và đề xuất giải pháp.", 12)));
        await form.Locator("select[name='Input.LeadUnitId']").SelectOptionAsync(app.Children[0].Id.ToString(CultureInfo.InvariantCulture));
        await form.Locator("input[name='Input.DeadlineKind'][value='Date']").CheckAsync();
        await form.Locator("input[name='Input.DueDate']").FillAsync(app.Clock.Today.AddDays(20).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await form.Locator("[name='Input.ExpectedResult']").FillAsync("Báo cáo của Ban Thường vụ Thành ủy.");
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(DetailsUrl(), BrowserApp.Arrived);
        return page.Url;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/Tasks/Details/\d+")]
    private static partial Regex DetailsUrl();
}
