using System.Text.RegularExpressions;
using DonDoc.Web.Features.Documents;
using DonDoc.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// A conclusion pasted by the office, its drafts reviewed (an unmatched lead unit picked by hand) and
/// confirmed as tasks, on a desktop and a phone.
/// </summary>
public sealed partial class ConclusionPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // The browser app's clock stands at 6 April 2026.
    private const string Conclusion = """
        ĐẢNG CỘNG SẢN VIỆT NAM
        THÀNH ỦY HÀ NỘI
        Số 52-KL/TU
        Hà Nội, ngày 20 tháng 3 năm 2026

        KẾT LUẬN
        CỦA THƯỜNG TRỰC THÀNH ỦY
        về công tác chuẩn bị tổng kết năm 2026

        1. Giao Đảng bộ phường Ba Đình chủ trì, phối hợp với Đảng bộ phường Hoàn Kiếm rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/6/2026, báo cáo Ban Thường vụ Thành ủy.

        2. Ban Tổ chức Thành ủy chủ trì hướng dẫn các chi bộ tổ chức đại hội điểm, hoàn thành trong tháng 9/2026.

        3. Đảng bộ xã Sóc Sơn thường xuyên theo dõi, đôn đốc việc giải phóng mặt bằng.
        """;

    [Fact]
    public async Task A_conclusion_is_reviewed_and_confirmed_as_tasks_through_the_pages()
    {
        await app.WithDbAsync(async db =>
        {
            if (!await db.Issuers.AnyAsync(i => i.Code == "TU"))
            {
                db.DocumentTypes.Add(new DocumentType { Form = SymbolForm.Party, Code = "KL", Name = "Kết luận" });
                db.Issuers.Add(new Issuer { Code = "TU", Form = SymbolForm.Party, Name = "Thành ủy Hà Nội" });
                db.Terms.Add(new Term { Name = "2025–2030", StartsOn = new DateOnly(2025, 10, 16), EndsOn = new DateOnly(2030, 10, 15) });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Conclusions");
        await BrowserApp.SignInAsync(page);
        await page.WaitForURLAsync("**/Conclusions", BrowserApp.Arrived);
        await page.Locator("#form-conclusion-read [name='Pasted']").FillAsync(Conclusion);
        await page.Locator("#form-conclusion-read button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(ReviewUrl(), BrowserApp.Arrived);
        var reviewUrl = page.Url;
        await Expect(page.Locator("#flash")).ToContainTextAsync("đọc được 3 chỉ đạo");
        await Expect(page.Locator("#form-drafts fieldset.review-item")).ToHaveCountAsync(3);
        await Expect(page.Locator("#Drafts_1__LeadUnitId-match")).ToContainTextAsync("không khớp đơn vị nào");
        await BrowserApp.ScreenshotAsync(page, "conclusion-review");

        await using (var phone = await app.NewContextAsync(phone: true))
        {
            var small = await phone.NewPageAsync();
            await small.GotoAsync(reviewUrl);
            await BrowserApp.SignInAsync(small);
            await small.WaitForURLAsync(ReviewUrl(), BrowserApp.Arrived);
            await Expect(small.Locator("#form-drafts fieldset.review-item")).ToHaveCountAsync(3);
            await BrowserApp.ExpectNoSidewaysScrollAsync(small);
            await BrowserApp.ScreenshotAsync(small, "conclusion-review-phone");
        }

        // The lead unit no unit matched blocks the confirmation until one is picked.
        await page.Locator("#confirm").ClickAsync();
        await Expect(page.Locator("#problems")).ToContainTextAsync("Dự thảo 2 (“hướng dẫn các chi bộ tổ chức đại hội điểm”): đơn vị chủ trì “Ban Tổ chức Thành ủy”");
        await page.Locator("#Drafts_1__LeadUnitId").SelectOptionAsync(app.Root.Id.ToString());
        await page.Locator("#Drafts_2__ExpectedResult").FillAsync("Báo cáo kết quả hằng quý");
        await page.Locator("#confirm").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Đã giao 3 nhiệm vụ");
        await Expect(page.Locator("#drafts-confirmed li")).ToHaveCountAsync(3);
        await BrowserApp.ScreenshotAsync(page, "conclusion-confirmed");

        var tasks = await app.WithDbAsync(db => db.Tasks.Where(t => t.SourceDocument!.Symbol == "52-KL/TU").OrderBy(t => t.Id)
            .Select(t => new { t.LeadUnitId, t.ExpectedResult }).ToListAsync());
        Assert.Equal([app.Children[0].Id, app.Root.Id, app.Children[2].Id], tasks.Select(t => t.LeadUnitId));
        Assert.Equal("Báo cáo kết quả hằng quý", tasks[2].ExpectedResult);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/Conclusions/Review/\d+")]
    private static partial Regex ReviewUrl();
}
