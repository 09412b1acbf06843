using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static DonDoc.Web.Tests.Export.ExportTests;

namespace DonDoc.Web.Tests.Export;

/// <summary>
/// The registers downloaded as their pages show them: the documents register, conferences, the lesson book, reviews with
/// their remediation items, and units. Each file is opened again and compared with what the page or the JSON list gives the
/// same reader with the same filter, and a reader of a lower unit gets nothing outside their subtree.
/// </summary>
public abstract class RegisterExportTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task The_documents_register_downloads_as_GET_api_documents_lists_it_filter_and_scope_applied()
    {
        var word = $"Sổ xuất {app.Provider} {Guid.NewGuid():N}"[..28];
        var number = Random.Shared.Next(100, 900);
        using var baDinh = await app.ClientAsync(Roles.OfficeStaff, Units.BaDinh);
        using var hoanKiem = await app.ClientAsync(Roles.OfficeStaff, Units.HoanKiem);
        // Typed with combining marks, as some keyboards send it; the sheet holds the composed (NFC) text.
        var plan = await RegisterAsync(baDinh, $"{number}-KH/TU", new DateOnly(2026, 1, 12), $"{word}: kế hoạch tổng kết".Normalize(NormalizationForm.FormD));
        var resolution = await RegisterAsync(baDinh, $"{number}-NQ/TU", new DateOnly(2025, 11, 20), $"{word}: nghị quyết chuyên đề");
        var other = await RegisterAsync(hoanKiem, $"{number}-CT/TU", new DateOnly(2026, 2, 2), $"{word}: chỉ thị của phường khác");
        var q = Uri.EscapeDataString(word);

        var listed = await _admin.GetOkAsync<Page<DocumentDto>>($"/api/documents?q={q}");
        Assert.Equal([other.Symbol, plan.Symbol, resolution.Symbol], listed.Items.Select(d => d.Symbol));
        var (book, response) = await DownloadAsync(_admin, $"/api/documents/export.xlsx?q={q}");
        Assert.Equal($"so-van-ban-{app.Clock.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["Văn bản"], book.SheetNames);
        Assert.Equal(["Số, ký hiệu", "Loại", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu", "Nhiệm kỳ", "Năm", "Tình trạng", "Tóm tắt"],
            book.Headers("Văn bản"));
        var rows = book.Rows("Văn bản");
        Assert.Equal(listed.Items.Select(d => d.Symbol), rows.Select(r => r["Số, ký hiệu"].Text));
        var first = rows.Single(r => r["Số, ký hiệu"].Text == plan.Symbol);
        Assert.Equal("Kế hoạch", first["Loại"].Text);
        Assert.Equal("Thành ủy Hà Nội", first["Cơ quan ban hành"].Text);
        Assert.True(first["Ngày ban hành"].IsNumber);
        Assert.Equal("dd/MM/yyyy", first["Ngày ban hành"].Format);
        Assert.Equal(new DateOnly(2026, 1, 12), first["Ngày ban hành"].Date);
        Assert.Equal($"{word}: kế hoạch tổng kết".Normalize(NormalizationForm.FormC), first["Trích yếu"].Text);
        Assert.Equal("2025–2030", first["Nhiệm kỳ"].Text);
        Assert.Equal("Đã đăng ký", first["Tình trạng"].Text);
        // A second reader, MiniExcel as an importing program would read it: the same rows, the day a date.
        var read = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "Văn bản")
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(listed.Items.Select(d => d.Symbol), read.Select(r => r["Số, ký hiệu"]));
        Assert.Equal(new DateTime(2026, 1, 12), read.Single(r => (string?)r["Số, ký hiệu"] == plan.Symbol)["Ngày ban hành"]);

        // A filter: exactly the rows the list gives.
        var (year, _) = await DownloadAsync(_admin, $"/api/documents/export.xlsx?q={q}&year=2025");
        Assert.Equal([resolution.Symbol], year.Rows("Văn bản").Select(r => r["Số, ký hiệu"].Text));
        var (typed, _) = await DownloadAsync(_admin, $"/api/documents/export.xlsx?q={q}&type=CT&issuer=TU");
        Assert.Equal([other.Symbol], typed.Rows("Văn bản").Select(r => r["Số, ký hiệu"].Text));

        // A reader of Ba Đình: the documents their unit registered, not Hoàn Kiếm's.
        using var viewer = await app.ClientAsync(Roles.Viewer, Units.BaDinh);
        var seen = await viewer.GetOkAsync<Page<DocumentDto>>($"/api/documents?q={q}");
        var (scoped, _) = await DownloadAsync(viewer, $"/api/documents/export.xlsx?q={q}");
        Assert.Equal([plan.Symbol, resolution.Symbol], scoped.Rows("Văn bản").Select(r => r["Số, ký hiệu"].Text));
        Assert.Equal(seen.Items.Select(d => d.Symbol), scoped.Rows("Văn bản").Select(r => r["Số, ký hiệu"].Text));

        // The page's button repeats its filters, and no paging.
        var page = await PageForm.ParseAsync(await viewer.GetAsync($"/Documents?q={q}&year=2026&type=KH&page=1&pageSize=1"));
        var href = page.GetElementById("export-documents")!.GetAttribute("href")!;
        Assert.Equal($"/api/documents/export.xlsx?q={q}&type=KH&year=2026", href);
        var (fromPage, _) = await DownloadAsync(viewer, href);
        Assert.Equal([plan.Symbol], fromPage.Rows("Văn bản").Select(r => r["Số, ký hiệu"].Text));

        await _admin.GetAsync($"/api/documents/export.xlsx?q={q}&pageSize=10").ProblemAsync("pageSize");
        await _admin.GetAsync("/api/documents/export.xlsx?symbol=khong-phai-ky-hieu").ProblemAsync("symbol");
    }

    [DbFact]
    public async Task Conferences_and_lessons_download_as_their_pages_list_them_filter_and_scope_applied()
    {
        var word = $"Hội nghị xuất {Guid.NewGuid():N}"[..24];
        var cell = await HeldByAsync(Units.BaDinhCell.Id, $"{word}: sơ kết chi bộ", new DateOnly(2025, 6, 20),
            (LessonKind.Lesson, $"{word}: phát huy vai trò nêu gương"), (LessonKind.Model, $"{word}: mô hình dân vận khéo"));
        var ward = await HeldByAsync(Units.BaDinh.Id, $"{word}: tổng kết phường", new DateOnly(2024, 12, 15),
            (LessonKind.Model, $"{word}: mô hình tổ dân phố văn minh"));
        var elsewhere = await HeldByAsync(Units.HoanKiem.Id, $"{word}: phường khác", new DateOnly(2025, 3, 3),
            (LessonKind.Lesson, $"{word}: bài học của phường khác"));

        // The whole list, as the city reads it: every row of the page, in its order, with dates and counts.
        using var city = await app.ClientAsync(Roles.Viewer, Units.Root);
        var (all, response) = await DownloadAsync(city, "/api/conferences/export.xlsx");
        Assert.Equal($"hoi-nghi-{app.Clock.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["Hội nghị"], all.SheetNames);
        Assert.Equal(await ConferenceIdsAsync(city, "/Conferences"), all.Rows("Hội nghị").Select(r => r["Số hiệu"].Text));
        var row = all.Rows("Hội nghị").Single(r => r["Số hiệu"].Text == cell.ToString());
        Assert.Equal(new DateOnly(2025, 6, 20), row["Ngày"].Date);
        Assert.Equal("dd/MM/yyyy", row["Ngày"].Format);
        Assert.Equal(Units.BaDinhCell.Name, row["Đơn vị tổ chức"].Text);
        Assert.Equal("Trực tiếp", row["Hình thức"].Text);
        Assert.True(row["Bài học, mô hình"].IsNumber);
        Assert.Equal(2.0, row["Bài học, mô hình"].Number);

        // A filter, through the page's own button.
        var filtered = $"/Conferences?unit={Units.BaDinh.Id}&year=2025";
        var href = (await PageForm.ParseAsync(await city.GetAsync(filtered))).GetElementById("export-conferences")!.GetAttribute("href")!;
        Assert.Equal($"/api/conferences/export.xlsx?unit={Units.BaDinh.Id}&year=2025", href);
        var (byUnit, _) = await DownloadAsync(city, href);
        Assert.Equal([cell.ToString()], byUnit.Rows("Hội nghị").Select(r => r["Số hiệu"].Text));
        Assert.Equal(await ConferenceIdsAsync(city, filtered), byUnit.Rows("Hội nghị").Select(r => r["Số hiệu"].Text));

        // A reader of Ba Đình: their subtree's conferences, and a unit outside it refused as the page refuses it.
        using var viewer = await app.ClientAsync(Roles.Viewer, Units.BaDinh);
        var (scoped, _) = await DownloadAsync(viewer, "/api/conferences/export.xlsx");
        var ids = scoped.Rows("Hội nghị").Select(r => r["Số hiệu"].Text).ToList();
        Assert.Equal(await ConferenceIdsAsync(viewer, "/Conferences"), ids);
        Assert.Contains(cell.ToString(), ids);
        Assert.Contains(ward.ToString(), ids);
        Assert.DoesNotContain(elsewhere.ToString(), ids);
        await viewer.GetAsync($"/api/conferences/export.xlsx?unit={Units.HoanKiem.Id}").ProblemAsync("unit");

        // The lesson book: the page's rows, its words folded ("mo hinh" finds "mô hình"), its kind and its scope.
        var q = Uri.EscapeDataString(word);
        var (lessons, lessonsResponse) = await DownloadAsync(city, $"/api/lessons/export.xlsx?q={q}");
        Assert.Equal($"bai-hoc-mo-hinh-{app.Clock.Today:yyyy-MM-dd}.xlsx", lessonsResponse.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["Năm", "Loại", "Nội dung", "Đơn vị", "Rút ra từ", "Hội nghị, kỳ kiểm điểm"], lessons.Headers("Bài học, mô hình"));
        Assert.Equal(await LessonTextsAsync(city, $"/Conferences/Lessons?q={q}"), lessons.Rows("Bài học, mô hình").Select(r => r["Nội dung"].Text));
        Assert.Equal(4, lessons.Rows("Bài học, mô hình").Count);
        var lesson = lessons.Rows("Bài học, mô hình").Single(r => r["Nội dung"].Text == $"{word}: mô hình tổ dân phố văn minh");
        Assert.True(lesson["Năm"].IsNumber);
        Assert.Equal(2024.0, lesson["Năm"].Number);
        Assert.Equal(("Mô hình hay", Units.BaDinh.Name, "Hội nghị", $"{word}: tổng kết phường"),
            (lesson["Loại"].Text, lesson["Đơn vị"].Text, lesson["Rút ra từ"].Text, lesson["Hội nghị, kỳ kiểm điểm"].Text));

        var models = $"/Conferences/Lessons?q={q}&kind=Model&year=2025";
        href = (await PageForm.ParseAsync(await viewer.GetAsync(models))).GetElementById("export-lessons")!.GetAttribute("href")!;
        Assert.Equal($"/api/lessons/export.xlsx?year=2025&kind=Model&q={q}", href);
        var (modelBook, _) = await DownloadAsync(viewer, href);
        Assert.Equal([$"{word}: mô hình dân vận khéo"], modelBook.Rows("Bài học, mô hình").Select(r => r["Nội dung"].Text));
        var (viewerLessons, _) = await DownloadAsync(viewer, $"/api/lessons/export.xlsx?q={q}");
        Assert.Equal(await LessonTextsAsync(viewer, $"/Conferences/Lessons?q={q}"), viewerLessons.Rows("Bài học, mô hình").Select(r => r["Nội dung"].Text));
        Assert.Equal(3, viewerLessons.Rows("Bài học, mô hình").Count);
        await viewer.GetAsync($"/api/lessons/export.xlsx?unit={Units.HoanKiem.Id}").ProblemAsync("unit");
        Assert.Contains("khong-co", (await viewer.GetAsync("/api/lessons/export.xlsx?kind=khong-co").ProblemAsync("kind"))["kind"][0]);
    }

    [DbFact]
    public async Task Reviews_download_with_their_remediation_items_as_the_reviews_page_shows_them()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);
            var word = $"Kiểm điểm xuất {Guid.NewGuid():N}"[..24];
            var review = await CreateReviewAsync(office, Units.BaDinh, 2025, $"{word}: Ban Thường vụ Ba Đình");
            var limitation = await AddLimitationAsync(office, review, "trong xây dựng Đảng", "Sinh hoạt chi bộ có nơi còn hình thức");
            var today = app.Clock.Today;
            var done = await AddItemAsync(office, limitation, $"{word}: đổi mới sinh hoạt chi bộ", Units.BaDinhCell, today.AddDays(20));
            var late = await AddItemAsync(office, limitation, $"{word}: kiểm tra chuyên đề", Units.BaDinh, today.AddDays(3));
            var other = await CreateReviewAsync(office, Units.HoanKiem, 2025, $"{word}: Ban Thường vụ Hoàn Kiếm");
            await AddItemAsync(office, await AddLimitationAsync(office, other, "trong lãnh đạo", "Chậm ban hành kế hoạch"),
                $"{word}: ban hành kế hoạch", Units.HoanKiem, today.AddDays(30));
            await _admin.ActAsync(done, "accept");
            await _admin.SubmitAsync(done);
            await _admin.ActAsync(done, "complete");
            app.Clock.SetLocal(today.AddDays(5));

            var (book, response) = await DownloadAsync(office, "/api/reviews/export.xlsx");
            Assert.Equal($"kiem-diem-khac-phuc-{today.AddDays(5):yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.Equal(["Kỳ kiểm điểm", "Biện pháp khắc phục"], book.SheetNames);
            // The reviews as the page lists them, with the page's figures.
            var page = await PageForm.ParseAsync(await office.GetAsync("/Reviews"));
            Assert.Equal(ReviewRowsOf(page), book.Rows("Kỳ kiểm điểm").Select(r =>
                (r["Số hiệu"].Text, $"{r["Hạn chế đã khắc phục"].Text}/{r["Số hạn chế"].Text}", $"{r["Biện pháp hoàn thành"].Text}/{r["Tổng số biện pháp"].Text}",
                    r["Biện pháp quá hạn"].Text)));
            var head = book.Rows("Kỳ kiểm điểm").Single(r => r["Số hiệu"].Text == review.ToString());
            Assert.Equal(new DateOnly(2026, 1, 9), head["Ngày"].Date);
            Assert.Equal("dd/MM/yyyy", head["Ngày"].Format);
            Assert.Equal((1.0, 2.0, 1.0), (head["Biện pháp hoàn thành"].Number, head["Tổng số biện pháp"].Number, head["Biện pháp quá hạn"].Number));
            Assert.Equal(Units.BaDinh.Name, head["Đơn vị"].Text);

            var items = book.Rows("Biện pháp khắc phục").Where(r => r["Kỳ kiểm điểm"].Text.StartsWith(word, StringComparison.Ordinal)).ToList();
            Assert.Equal(3, items.Count);
            var completed = items.Single(r => r["Số hiệu nhiệm vụ"].Text == done.ToString());
            Assert.Equal(("trong xây dựng Đảng", 1.0, "Sinh hoạt chi bộ có nơi còn hình thức", Units.BaDinhCell.Name, "Hoàn thành"),
                (completed["Nhóm hạn chế"].Text, completed["Hạn chế số"].Number, completed["Hạn chế"].Text, completed["Đơn vị chủ trì"].Text,
                    completed["Trạng thái"].Text));
            Assert.Equal((1.0, "0%"), (completed["Tiến độ"].Number, completed["Tiến độ"].Format));
            var overdue = items.Single(r => r["Số hiệu nhiệm vụ"].Text == late.ToString());
            Assert.Equal(today.AddDays(3), overdue["Thời hạn"].Date);
            Assert.Equal("dd/MM/yyyy", overdue["Thời hạn"].Format);
            Assert.Equal("Quá hạn", overdue["Tình hình thời hạn"].Text);
            Assert.Equal("Đồng chí Phó Bí thư Thường trực", overdue["Người chịu trách nhiệm"].Text);

            // A reader of Ba Đình: Ba Đình's review and its items, nothing of Hoàn Kiếm's.
            using var viewer = await app.ClientAsync(Roles.Viewer, Units.BaDinh);
            var (scoped, _) = await DownloadAsync(viewer, "/api/reviews/export.xlsx");
            Assert.Equal(ReviewRowsOf(await PageForm.ParseAsync(await viewer.GetAsync("/Reviews"))).Select(r => r.Item1),
                scoped.Rows("Kỳ kiểm điểm").Select(r => r["Số hiệu"].Text));
            Assert.Contains(review.ToString(), scoped.Rows("Kỳ kiểm điểm").Select(r => r["Số hiệu"].Text));
            Assert.DoesNotContain(other.ToString(), scoped.Rows("Kỳ kiểm điểm").Select(r => r["Số hiệu"].Text));
            Assert.All(scoped.Rows("Biện pháp khắc phục"), r => Assert.Equal(Units.BaDinh.Name, r["Đơn vị được kiểm điểm"].Text));
            Assert.Equal(2, scoped.Rows("Biện pháp khắc phục").Count(r => r["Kỳ kiểm điểm"].Text.StartsWith(word, StringComparison.Ordinal)));
            var href = (await PageForm.ParseAsync(await viewer.GetAsync("/Reviews"))).GetElementById("export-reviews")!.GetAttribute("href");
            Assert.Equal("/api/reviews/export.xlsx", href);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task Units_download_as_the_units_page_lists_them_search_closed_and_scope_applied()
    {
        var listed = await _admin.GetOkAsync<Page<UnitDto>>("/api/units?pageSize=500");
        var (book, response) = await DownloadAsync(_admin, "/api/units/export.xlsx");
        Assert.Equal($"don-vi-{app.Clock.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Đơn vị cấp trên", "Hiệu lực từ ngày", "Hiệu lực đến hết ngày",
            "Cấp (0 là cấp trên cùng)"], book.Headers("Đơn vị"));
        var rows = book.Rows("Đơn vị");
        // Parents before their children, as GET /api/units lists them; the closed unit left out, as the page leaves it.
        Assert.Equal(listed.Items.Select(u => u.Code), rows.Select(r => r["Mã đơn vị"].Text));
        Assert.DoesNotContain(Units.Closed.Code, rows.Select(r => r["Mã đơn vị"].Text));
        var cell = rows.Single(r => r["Mã đơn vị"].Text == Units.BaDinhCell.Code);
        Assert.Equal((Units.BaDinhCell.Name, "Chi bộ", Units.BaDinh.Code, Units.BaDinh.Name),
            (cell["Tên đơn vị"].Text, cell["Loại đơn vị"].Text, cell["Mã đơn vị cấp trên"].Text, cell["Đơn vị cấp trên"].Text));
        Assert.Equal((new DateOnly(2025, 7, 1), "dd/MM/yyyy", ""), (cell["Hiệu lực từ ngày"].Date, cell["Hiệu lực từ ngày"].Format, cell["Hiệu lực đến hết ngày"].Text));
        Assert.True(cell["Cấp (0 là cấp trên cùng)"].IsNumber);
        Assert.Equal(2.0, cell["Cấp (0 là cấp trên cùng)"].Number);

        // The page's search and "closed too", through its button: a closed unit shows its last day.
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root);
        var page = await PageForm.ParseAsync(await office.GetAsync("/Units?q=hoan%20kiem&closed=true"));
        var href = page.GetElementById("export-units")!.GetAttribute("href")!;
        Assert.Equal("/api/units/export.xlsx?q=hoan%20kiem&closed=true", href);
        var shown = page.QuerySelectorAll(".result-list .tree-name").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal);
        var (found, _) = await DownloadAsync(office, href);
        Assert.Equal(shown, found.Rows("Đơn vị").Select(r => r["Tên đơn vị"].Text).Order(StringComparer.Ordinal));
        var closed = found.Rows("Đơn vị").Single(r => r["Mã đơn vị"].Text == Units.Closed.Code);
        Assert.Equal(new DateOnly(2025, 6, 30), closed["Hiệu lực đến hết ngày"].Date);
        Assert.Equal("dd/MM/yyyy", closed["Hiệu lực đến hết ngày"].Format);
        var (open, _) = await DownloadAsync(office, "/api/units/export.xlsx?q=hoan%20kiem");
        Assert.Equal([Units.HoanKiem.Code], open.Rows("Đơn vị").Select(r => r["Mã đơn vị"].Text));

        // A reader of Ba Đình: their unit and its cell, and no parent above what they see.
        using var viewer = await app.ClientAsync(Roles.Viewer, Units.BaDinh);
        var theirs = await viewer.GetOkAsync<Page<UnitDto>>("/api/units?pageSize=500");
        var (scoped, _) = await DownloadAsync(viewer, "/api/units/export.xlsx");
        Assert.Equal([Units.BaDinh.Code, Units.BaDinhCell.Code], scoped.Rows("Đơn vị").Select(r => r["Mã đơn vị"].Text));
        Assert.Equal(theirs.Items.Select(u => u.Code), scoped.Rows("Đơn vị").Select(r => r["Mã đơn vị"].Text));
        Assert.Equal(("", ""), (scoped.Rows("Đơn vị")[0]["Mã đơn vị cấp trên"].Text, scoped.Rows("Đơn vị")[0]["Đơn vị cấp trên"].Text));
        var (none, _) = await DownloadAsync(viewer, "/api/units/export.xlsx?q=hoan%20kiem&closed=true");
        Assert.Empty(none.Rows("Đơn vị"));
    }

    // ---- steps -------------------------------------------------------------------------------------

    private static async Task<DocumentDto> RegisterAsync(HttpClient office, string symbol, DateOnly issuedOn, string title) =>
        await office.PostAsync("/api/documents", new { Symbol = symbol, IssuedOn = issuedOn, Title = title }).OkAsync<DocumentDto>();

    private async Task<int> HeldByAsync(int unitId, string title, DateOnly heldOn, params (LessonKind Kind, string Text)[] lessons) =>
        await app.WithDbAsync(async db =>
        {
            var conference = new Conference
            {
                Title = title, Kind = "Hội nghị sơ kết", HeldOn = heldOn, UnitId = unitId, Source = new ImportSource { Content = $"Văn bản gốc: {title}." },
            };
            db.Conferences.Add(conference);
            await db.SaveChangesAsync();
            db.Lessons.AddRange(lessons.Select((l, i) => new Lesson
            {
                Kind = l.Kind, Text = l.Text, Position = i, ConferenceId = conference.Id, UnitId = unitId, Year = heldOn.Year,
            }));
            await db.SaveChangesAsync();
            return conference.Id;
        });

    private static async Task<IReadOnlyList<string>> ConferenceIdsAsync(HttpClient client, string url) =>
        (await PageForm.ParseAsync(await client.GetAsync(url))).QuerySelectorAll("table.conferences tbody tr a[href*='/Conferences/Details/']")
            .Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();

    private static async Task<IReadOnlyList<string>> LessonTextsAsync(HttpClient client, string url) =>
        (await PageForm.ParseAsync(await client.GetAsync(url))).QuerySelectorAll("table.lessons tbody td[data-label='Nội dung']")
            .Select(td => td.TextContent.Trim()).ToList();

    /// <summary>Each review of the page: its id, "remedied/limitations", "done/items" and the overdue count, as the page writes them.</summary>
    private static IReadOnlyList<(string, string, string, string)> ReviewRowsOf(IHtmlDocument page) =>
        page.QuerySelectorAll("table.reviews tbody tr").Select(tr => (
            tr.QuerySelector("a[href^='/Reviews/Details/']")!.GetAttribute("href")!.Split('/')[^1],
            tr.QuerySelector("td[data-label='Hạn chế đã khắc phục']")!.TextContent.Trim(),
            tr.QuerySelector("td[data-label='Biện pháp hoàn thành']")!.TextContent.Trim(),
            tr.QuerySelector("td[data-label='Quá hạn']")!.TextContent.Trim())).ToList();

    private async Task<int> CreateReviewAsync(HttpClient office, Unit unit, int year, string title)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Reviews/Create")), "form-create-review");
        form["Input.Title"] = title;
        form["Input.UnitId"] = unit.Id.ToString();
        form["Input.Year"] = year.ToString();
        form["Input.HeldOn"] = $"{year + 1}-01-09";
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    private async Task<int> AddLimitationAsync(HttpClient office, int review, string group, string text)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Reviews/Limitation/{review}")), "form-limitation");
        form["Input.Group"] = group;
        form["Input.Text"] = text;
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Limitations.Where(l => l.ReviewId == review && l.Text == text).Select(l => l.Id).SingleAsync());
    }

    /// <summary>Adds an item with all of the "5 rõ" and returns the id of the task it became.</summary>
    private async Task<int> AddItemAsync(HttpClient office, int limitation, string work, Unit body, DateOnly due)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Reviews/Item/{limitation}")), "form-item");
        form["Input.ResponsiblePerson"] = "Đồng chí Phó Bí thư Thường trực";
        form["Input.Title"] = work;
        form["Input.AccountableUnitId"] = body.Id.ToString();
        form["Input.DueDate"] = due.ToString("yyyy-MM-dd");
        form["Input.ExpectedResult"] = "Khắc phục dứt điểm, báo cáo kết quả";
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.RemediationItems.Where(i => i.LimitationId == limitation && i.Task!.Title == work)
            .Select(i => i.TaskId).SingleAsync());
    }
}

public sealed class RegisterExportOnSqlite(SqliteApp app) : RegisterExportTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class RegisterExportOnPostgres(PostgresApp app) : RegisterExportTests(app), IClassFixture<PostgresApp>;
