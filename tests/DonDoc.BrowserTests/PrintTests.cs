using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DonDoc.Text;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// Printing a list, the dashboard and a program on the demo data: every row, no menus or buttons, headed
/// by the unit and the day, on A4 (the task list turned to landscape), checked in print media and in the PDF
/// chromium makes of it.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class PrintTests(DemoBrowserApp app)
{
    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_task_list_the_dashboard_and_a_program_print_whole_on_A4()
    {
        var today = app.Clock.Today;
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Tasks?unit={app.Root.Id}");
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync($"**/Tasks?unit={app.Root.Id}", BrowserApp.Arrived);

        // The whole subtree's list is longer than a print view holds: it prints the first rows and says so.
        var total = await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.LeadUnit!.Path.StartsWith(app.Root.Path)));
        Assert.True(total > Paging.MaxSize, $"The demo data should hold more tasks than a print view ({total}).");
        await page.Locator(".print-link").First.ClickAsync();
        await page.WaitForURLAsync("**print=1**", BrowserApp.Arrived);
        Assert.Equal(Paging.MaxSize, await page.Locator("main table tbody tr").CountAsync());
        await Expect(page.Locator(".print-note")).ToContainTextAsync($"trên tổng số {VnFormat.Number(total)} dòng");

        // Filtered, the list is paged on screen and printed whole.
        await page.GotoAsync($"/Tasks?unit={app.Root.Id}&status=open");
        var rows = int.Parse(PagerTotal().Match(await page.Locator(".pager-info").InnerTextAsync()).Groups[1].Value.Replace(".", ""), CultureInfo.InvariantCulture);
        Assert.InRange(rows, Paging.DefaultSize + 1, Paging.MaxSize);
        await page.Locator(".print-link").First.ClickAsync();
        await page.WaitForURLAsync("**print=1**", BrowserApp.Arrived);
        Assert.Equal(rows, await page.Locator("main table tbody tr").CountAsync());
        await Expect(page.Locator(".print-note")).ToHaveCountAsync(0);
        await Expect(page.Locator(".print-bar button[data-print]")).ToBeVisibleAsync();
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "print-view-tasks", fullPage: false);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await ExpectPrintedAsync(page, app.Root.Name, today);
        await BrowserApp.ScreenshotAsync(page, "print-tasks", fullPage: false);
        var list = await PdfAsync(page, "print-tasks");
        Assert.True(list.Landscape, "The task list is wide: it prints on A4 landscape.");
        Assert.True(list.Pages > 1);

        // The dashboard on a past day: headed by that day, on A4 portrait.
        var asOf = today.AddDays(-30);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync($"/Dashboard/{app.Root.Id}?asOf={asOf:yyyy-MM-dd}");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await ExpectPrintedAsync(page, app.Root.Name, asOf);
        await Expect(page.Locator("table.ranking")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "print-dashboard", fullPage: false);
        Assert.False((await PdfAsync(page, "print-dashboard")).Landscape);

        // A program: all its projects, on screen as on paper.
        var program = await app.WithDbAsync(db => db.Tasks.Where(t => t.Kind == TaskKind.Program)
            .Select(t => new { t.Id, Children = db.Tasks.Count(c => c.ParentId == t.Id), Lead = t.LeadUnit!.Name })
            .OrderByDescending(p => p.Children).FirstAsync());
        Assert.True(program.Children > 20, $"The demo program should have more projects than a page ({program.Children}).");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync($"/Tasks/Details/{program.Id}");
        Assert.Equal(program.Children, await page.Locator("#task-children tbody tr").CountAsync());
        await page.GotoAsync($"/Tasks/Details/{program.Id}?print=1");
        Assert.Equal(program.Children, await page.Locator("#task-children tbody tr").CountAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await ExpectPrintedAsync(page, program.Lead, today);
        await Expect(page.Locator(".task-actions")).ToBeHiddenAsync();
        await BrowserApp.ScreenshotAsync(page, "print-program", fullPage: false);
        Assert.False((await PdfAsync(page, "print-program")).Landscape);

        // The print view on a phone's screen.
        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync($"/Tasks/Details/{program.Id}?print=1");
        await BrowserApp.SignInAsync(small);
        await Expect(small.Locator(".print-bar")).ToBeVisibleAsync();
        Assert.Equal(program.Children, await small.Locator("#task-children tbody tr").CountAsync());
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "print-view-program-phone", fullPage: false);
    }

    /// <summary>In print media: the heading with the unit and the day shows, and no menu, button or pager does.</summary>
    private static async Task ExpectPrintedAsync(IPage page, string unit, DateOnly day)
    {
        var head = page.Locator(".print-head");
        await Expect(head).ToBeVisibleAsync();
        await Expect(head.Locator(".print-unit")).ToHaveTextAsync(unit);
        await Expect(head.Locator(".print-day")).ToHaveTextAsync($"Số liệu tính đến ngày {Day(day)}");
        foreach (var hidden in new[] { ".site-header", ".site-footer", ".pager", ".print-bar", "main form", "main button" })
        {
            var all = page.Locator(hidden);
            for (var i = 0; i < await all.CountAsync(); i++)
                await Expect(all.Nth(i)).ToBeHiddenAsync();
        }
        // Every printed page carries its number: the stylesheet's page rule writes it in the margin.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => [...document.styleSheets].flatMap(s => [...s.cssRules])
                .some(r => r instanceof CSSPageRule && r.cssText.includes('counter(page)') && r.cssText.includes('counter(pages)'))
            """));
    }

    /// <summary>The PDF chromium prints, kept as an artefact: its page count and whether its first page lies on its side.</summary>
    private static async Task<(int Pages, bool Landscape)> PdfAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserApp.ArtifactsDirectory);
        var bytes = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, Path = Path.Combine(BrowserApp.ArtifactsDirectory, name + ".pdf") });
        var text = Encoding.Latin1.GetString(bytes);
        var box = MediaBox().Match(text);
        Assert.True(box.Success, "The PDF has no page size.");
        var (width, height) = (double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture));
        // A4 is 595 × 842 points.
        Assert.Equal(842, Math.Round(Math.Max(width, height)));
        Assert.Equal(595, Math.Round(Math.Min(width, height)));
        return (PageObject().Matches(text).Count, width > height);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"([\d.]+) dòng")]
    private static partial Regex PagerTotal();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
