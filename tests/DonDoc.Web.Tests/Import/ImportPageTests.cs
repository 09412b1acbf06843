using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DonDoc.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Import;

/// <summary>
/// The import page end to end, as a browser uses it: read a text, correct the review, confirm; and every
/// kind of bad input refused with a Vietnamese message and nothing written. Each test has its own app and
/// database, since the tests count the rows an import writes.
/// </summary>
public abstract class ImportPageTests(Provider provider) : IAsyncLifetime
{
    private ImportApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new ImportApp(provider);
        await ((IAsyncLifetime)_app).InitializeAsync();
        _client = await SignedInAsync(Roles.OfficeStaff);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }

    // Published in January 2026: "ngày 5/1" is 5 January 2026, "Sáng 15/1" the day of the conference.
    private const string News = """
        Thành ủy tổng kết công tác xây dựng Đảng năm 2025 (10:15 15/01/2026)

        Sáng 15/1, Thành ủy Hà Nội tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2025, triển khai nhiệm vụ năm 2026.

        Dự hội nghị có đồng chí Nguyễn Văn An - Ủy viên Trung ương Đảng - Bí thư Thành uỷ; đồng chí Trần Thị Bình, Phó Bí thư Thường trực Thành ủy.

        Báo cáo cho biết, các cấp ủy đã quán triệt Chỉ thị số 35-CT/TW ngày 30/5/2024 của Bộ Chính trị và Kế hoạch số 155-KH/TU ngày 5/1 của Ban Thường vụ Thành ủy, thực hiện Quyết định số 12-QĐ/BTCTW ngày 3/3/2025; kết nạp 10.027 đảng viên mới, đạt 102,9% kế hoạch; hoàn thành 30/34 đề án.

        Hội nghị rút ra 3 bài học kinh nghiệm, đó là: giữ vững đoàn kết; phát huy dân chủ; kỷ luật nghiêm minh.
        """;

    [DbFact]
    public async Task Reading_shows_what_the_text_holds_linked_to_what_exists()
    {
        var known = await RegisterAsync("35-CT/TW", new DateOnly(2024, 5, 30));
        var person = await AddPersonAsync("Nguyễn Văn An", "Bí thư Thành ủy", new DateOnly(2025, 12, 1));
        var before = await FootprintAsync();

        var page = await ReadAsync(News);

        Assert.Equal("Thành ủy tổng kết công tác xây dựng Đảng năm 2025", Value(page, "Review_Title"));
        Assert.Equal("15/01/2026", Value(page, "Review_HeldOn"));
        var documents = page.QuerySelectorAll("#review-documents fieldset");
        Assert.Equal(3, documents.Length);
        Assert.Contains(documents, d => d.QuerySelector($"a[href='/Documents/Details/{known}']") is not null && d.TextContent.Contains("Đã có trong sổ"));
        Assert.Contains(documents, d => d.TextContent.Contains("155-KH/TU") && d.TextContent.Contains("Chưa có trong sổ"));
        Assert.Equal("05/01/2026", documents.Select(d => d.QuerySelector("input[data-day]")).Single(i => i!.Id!.Contains("_1__"))!.GetAttribute("value"));
        Assert.Contains(documents, d => d.TextContent.Contains("12-QĐ/BTCTW") && d.TextContent.Contains("“BTCTW” không có trong danh mục"));
        var people = page.QuerySelectorAll("#review-people fieldset");
        Assert.Contains(people, p => p.QuerySelector($"a[href='/Conferences/Person/{person}']") is not null && p.TextContent.Contains("Bí thư Thành ủy (01/12/2025)"));
        Assert.Equal(person.ToString(), Form(page)["Review.People[0].PersonId"]);
        Assert.Equal("Ủy viên Trung ương Đảng\nBí thư Thành ủy", Form(page)["Review.People[0].Positions"]);
        Assert.Equal("0", Form(page)["Review.People[1].PersonId"]);
        Assert.Equal(3, page.QuerySelectorAll("#review-figures fieldset").Length);
        Assert.Equal("10.027", Form(page)["Review.Figures[0].Value"]);
        Assert.Equal("102,9", Form(page)["Review.Figures[1].Value"]);
        Assert.Equal("giữ vững đoàn kết\nphát huy dân chủ\nkỷ luật nghiêm minh", Form(page)["Review.Lists[0].Items"]);
        Assert.Equal(before, await FootprintAsync());
    }

    [DbFact]
    public async Task Confirming_stores_everything_in_one_go_and_shows_the_conference()
    {
        var known = await RegisterAsync("35-CT/TW", new DateOnly(2024, 5, 30));
        var person = await AddPersonAsync("Nguyễn Văn An", "Bí thư Thành ủy", new DateOnly(2025, 12, 1));
        var documentsBefore = await _app.WithDbAsync(db => db.Documents.CountAsync());

        // Decomposed input, old-style tone marks: everything stored must come out NFC and in the usual style.
        var form = Form(await ReadAsync(News.Normalize(NormalizationForm.FormD), published: "2026-01-16"));
        form.Untick("Review.Documents[2].Include");
        form["Review.Figures[2].Value"] = "31";
        form.Untick("Review.Figures[1].Include");
        form["Review.People[1].Positions"] = "Phó Bí thư Thường trực Thành ủy\nTrưởng đoàn đại biểu Quốc hội thành phố";
        var response = await form.PostAsync(_client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Conferences/Details/", location);
        var id = int.Parse(location.Split('/')[^1]);

        await _app.WithDbAsync(async db =>
        {
            var conference = await db.Conferences.Include(c => c.Source).SingleAsync(c => c.Id == id);
            Assert.Equal("Thành ủy tổng kết công tác xây dựng Đảng năm 2025", conference.Title);
            Assert.Equal(new DateOnly(2026, 1, 15), conference.HeldOn);
            Assert.True(conference.Source!.Content.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(new DateOnly(2026, 1, 16), conference.Source.PublishedOn);
            Assert.Contains("Bí thư Thành ủy;", conference.Source.Content);

            var cited = await db.ConferenceDocuments.Where(d => d.ConferenceId == id).Include(d => d.Document).ToListAsync();
            Assert.Equal(["155-KH/TU", "35-CT/TW"], cited.Select(d => d.Document!.Symbol).Order(StringComparer.Ordinal));
            Assert.Equal(known, cited.Single(d => d.Document!.Symbol == "35-CT/TW").DocumentId);
            var plan = cited.Single(d => d.Document!.Symbol == "155-KH/TU").Document!;
            Assert.Equal((DocumentStatus.CitedNotRegistered, new DateOnly(2026, 1, 5), "Kế hoạch"), (plan.Status, plan.IssuedOn, plan.TypeName));
            Assert.Equal(documentsBefore + 1, await db.Documents.CountAsync());
            Assert.False(await db.Documents.AnyAsync(d => d.IssuerCode == "BTCTW"));

            var people = await db.ConferencePeople.Where(p => p.ConferenceId == id).Include(p => p.Person).ToListAsync();
            Assert.Equal(2, people.Count);
            Assert.Contains(people, p => p.PersonId == person);
            Assert.Equal(2, await db.People.CountAsync());
            var positions = await db.PersonPositions.Where(p => p.ConferenceId == id).OrderBy(p => p.Id).ToListAsync();
            Assert.All(positions, p => Assert.Equal(new DateOnly(2026, 1, 15), p.SeenOn));
            Assert.Equal(["Ủy viên Trung ương Đảng", "Bí thư Thành ủy"], positions.Where(p => p.PersonId == person).Select(p => p.Title));
            Assert.Equal(["Phó Bí thư Thường trực Thành ủy", "Trưởng đoàn đại biểu Quốc hội thành phố"], positions.Where(p => p.PersonId != person).Select(p => p.Title));
            Assert.Equal("Trần Thị Bình", people.Single(p => p.PersonId != person).Person!.Name);

            var figures = await db.ConferenceFigures.Where(f => f.ConferenceId == id).OrderBy(f => f.Position).ToListAsync();
            Assert.Equal([(10027m, (decimal?)null, false), (31m, 34m, false)], figures.Select(f => (f.Value, f.Total, f.IsPercent)));
            Assert.Equal("kết nạp 10.027 đảng viên mới", figures[0].Text);

            var list = await db.ConferenceLists.Include(l => l.Items).SingleAsync(l => l.ConferenceId == id);
            Assert.Equal("3 bài học kinh nghiệm", list.Title);
            Assert.Equal(["giữ vững đoàn kết", "phát huy dân chủ", "kỷ luật nghiêm minh"], list.Items.OrderBy(i => i.Position).Select(i => i.Text));
            // The list of lessons is also kept as lessons, of the importer's unit and the conference's year.
            var lessons = await db.Lessons.Where(l => l.ConferenceId == id).OrderBy(l => l.Position).ToListAsync();
            Assert.Equal(["giữ vững đoàn kết", "phát huy dân chủ", "kỷ luật nghiêm minh"], lessons.Select(l => l.Text));
            Assert.All(lessons, l => Assert.Equal((LessonKind.Lesson, 2026), (l.Kind, l.Year)));
            Assert.NotNull(conference.UnitId);
            Assert.All(lessons, l => Assert.Equal(conference.UnitId, l.UnitId));

            var texts = new[] { conference.Title }.Concat(positions.Select(p => p.Title)).Concat(figures.Select(f => f.Text))
                .Concat(list.Items.Select(i => i.Text)).Concat(people.Select(p => p.Person!.Name)).Concat(cited.Select(d => d.Citation));
            Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));
        });

        var details = await PageForm.ParseAsync(await _client.GetAsync(location));
        Assert.Contains("Đã nhập báo cáo", details.GetElementById("flash")!.TextContent);
        Assert.NotNull(details.QuerySelector($"#conference-documents a[href='/Documents/Details/{known}']"));
        Assert.NotNull(details.QuerySelector($"#conference-people a[href='/Conferences/Person/{person}']"));
        Assert.Contains("10.027", details.GetElementById("conference-figures")!.TextContent);
        Assert.Contains("kỷ luật nghiêm minh", details.GetElementById("conference-lists")!.TextContent);
        Assert.Contains("15/01/2026", details.QuerySelector(".facts")!.TextContent);

        var list = await PageForm.ParseAsync(await _client.GetAsync("/Conferences"));
        Assert.NotNull(list.QuerySelector($"a[href='/Conferences/Details/{id}']"));
        var personPage = await PageForm.ParseAsync(await _client.GetAsync($"/Conferences/Person/{person}"));
        Assert.Contains("Ủy viên Trung ương Đảng", personPage.GetElementById("person-positions")!.TextContent);
        var source = await PageForm.ParseAsync(await _client.GetAsync($"/Conferences/Source/{id}"));
        Assert.Contains("Sáng 15/1, Thành ủy Hà Nội", source.QuerySelector(".prose")!.TextContent);
    }

    [DbFact]
    public async Task A_document_that_cannot_be_entered_starts_unticked_and_fails_the_import_if_ticked_until_corrected()
    {
        var page = await ReadAsync(News);
        Assert.Contains("đang được bỏ qua", page.GetElementById("document-2")!.TextContent);
        var form = Form(page);
        Assert.False(form.IsTicked("Review.Documents[2].Include"));
        Assert.True(form.IsTicked("Review.Documents[1].Include"));
        form.Tick("Review.Documents[2].Include");
        var before = await FootprintAsync();

        var refused = await PageForm.ParseAsync(await form.PostAsync(_client));
        Assert.Contains(PageForm.Problems(refused), m => m.Contains("12-QĐ/BTCTW") && m.Contains("không có trong danh mục"));
        Assert.Equal(before, await FootprintAsync());

        // Corrected to an issuer the catalogue knows, it is entered as cited.
        var corrected = Form(refused);
        corrected["Review.Documents[2].Symbol"] = "12-QĐ/TW";
        var response = await corrected.PostAsync(_client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Documents.AnyAsync(d => d.Symbol == "12-QĐ/TW" && d.Status == DocumentStatus.CitedNotRegistered && d.TypeName == "Quyết định")));
    }

    [DbFact]
    public async Task Problems_found_inside_the_transaction_leave_nothing_behind()
    {
        var form = Form(await ReadAsync(News));
        form.Untick("Review.Documents[2].Include");
        // Accepted by the form's own checks, refused by the registry once the conference is already written.
        form["Review.Documents[1].IssuedOn"] = "2019-01-05";
        var before = await FootprintAsync();

        var refused = await PageForm.ParseAsync(await form.PostAsync(_client));

        Assert.Contains(PageForm.Problems(refused), m => m.Contains("155-KH/TU") && m.Contains("nhiệm kỳ"));
        Assert.Equal(before, await FootprintAsync());
    }

    [DbFact]
    public async Task Reimporting_finds_the_people_and_documents_the_first_import_wrote()
    {
        var first = Form(await ReadAsync(News));
        first.Untick("Review.Documents[2].Include");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync(_client)).StatusCode);
        var (people, documents) = await _app.WithDbAsync(async db => (await db.People.CountAsync(), await db.Documents.CountAsync()));

        // The same people, one written in capitals, the other with a double space.
        var again = await ReadAsync(News.Replace("Nguyễn Văn An", "NGUYỄN VĂN AN").Replace("Trần Thị Bình", "Trần Thị  Bình"));
        Assert.All(again.QuerySelectorAll("#review-people fieldset").Take(2), p => Assert.Contains("Đã có", p.TextContent));
        Assert.Contains(again.QuerySelectorAll("#review-documents fieldset"), d => d.TextContent.Contains("155-KH/TU") && d.TextContent.Contains("Đã có trong sổ"));
        var form = Form(again);
        form.Untick("Review.Documents[2].Include");
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(_client)).StatusCode);

        await _app.WithDbAsync(async db =>
        {
            Assert.Equal(people, await db.People.CountAsync());
            Assert.Equal(documents, await db.Documents.CountAsync());
            Assert.Equal(2, await db.Conferences.CountAsync());
        });
    }

    [DbFact]
    public async Task A_corrected_name_is_matched_again_and_new_can_be_chosen()
    {
        var person = await AddPersonAsync("Trần Thị Bình", "Phó Bí thư Thành ủy", new DateOnly(2025, 6, 1));
        var form = Form(await ReadAsync(News.Replace("Trần Thị Bình", "Trần Thị Bìn")));
        Assert.Equal("0", form["Review.People[1].PersonId"]);
        form.Untick("Review.Documents[2].Include");
        // The user fixes the typo; the choice made for the misspelt name no longer holds.
        form["Review.People[1].Name"] = "Trần Thị Bình";
        form["Review.People[0].PersonId"] = "0";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(_client)).StatusCode);

        await _app.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.People.CountAsync(p => p.NameKey == Person.KeyFor("Trần Thị Bình")));
            Assert.True(await db.ConferencePeople.AnyAsync(p => p.PersonId == person));
            Assert.Equal(1, await db.People.CountAsync(p => p.NameKey == Person.KeyFor("Nguyễn Văn An")));
        });
    }

    [DbFact]
    public async Task Missing_year_and_bad_numbers_are_refused_before_anything_is_written()
    {
        var form = Form(await ReadAsync("Ngày 8/1, Thành ủy tổ chức hội nghị tổng kết; kết nạp 1.234 đảng viên mới, đạt 102,9% kế hoạch."));
        Assert.Equal("", form["Review.HeldOn"]);
        form["Review.Figures[0].Value"] = "6.5";
        form["Review.Figures[1].Total"] = "-3";
        var before = await FootprintAsync();

        var problems = PageForm.Problems(await PageForm.ParseAsync(await form.PostAsync(_client)));

        Assert.Contains(problems, m => m.Contains("08/01") && m.Contains("không rõ năm"));
        Assert.Contains(problems, m => m.Contains("“6.5”") && m.Contains("kiểu Việt Nam"));
        Assert.Contains(problems, m => m.Contains("“-3”"));
        Assert.Equal(before, await FootprintAsync());
    }

    [DbFact]
    public async Task The_same_symbol_in_two_terms_is_told_apart_by_the_date()
    {
        var older = await RegisterAsync("06-CTr/TU", new DateOnly(2021, 3, 17));
        var newer = await RegisterAsync("06-CTr/TU", new DateOnly(2026, 1, 10));
        var page = await ReadAsync("Ngày 20/2/2026, Thành ủy tổ chức hội nghị sơ kết Chương trình số 06-CTr/TU ngày 17/3/2021 và Chương trình số 06-CTr/TU ngày 10/1/2026.");
        var documents = page.QuerySelectorAll("#review-documents fieldset");
        Assert.NotNull(documents[0].QuerySelector($"a[href='/Documents/Details/{older}']"));
        Assert.NotNull(documents[1].QuerySelector($"a[href='/Documents/Details/{newer}']"));

        // Without a date, the one in force at the conference is meant.
        var undated = await ReadAsync("Ngày 20/2/2026, Thành ủy tổ chức hội nghị sơ kết Chương trình số 06-CTr/TU của Thành ủy.");
        Assert.NotNull(undated.QuerySelector($"#review-documents a[href='/Documents/Details/{newer}']"));
    }

    // Bad input: each refused with a Vietnamese message, and nothing written.

    [DbTheory]
    [InlineData("trống.txt", new byte[0], "trống")]
    [InlineData("ảnh.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00 }, "nhị phân")]
    [InlineData("tcvn3.txt", new byte[] { 0xA7, 0xB6, (byte)'n', (byte)'g', (byte)' ', 0xF7, (byte)'y', (byte)' ', 0xAE, 0xB5 }, "TCVN3")]
    [InlineData("vni.txt", new byte[] { 0xD1, (byte)'a', 0xFB, (byte)'n', (byte)'g', (byte)' ', 0xF1, (byte)'a', 0xF5 }, "VNI")]
    [InlineData("báo cáo.pdf", new byte[] { 1, 2, 3 }, "chỉ nhận tệp .txt, .html và .docx")]
    [InlineData("hỏng.docx", new byte[] { 1, 2, 3 }, "không phải tệp Word")]
    public async Task Bad_files_are_refused_with_a_clear_message(string name, byte[] bytes, string fragment)
    {
        var before = await FootprintAsync();
        var page = await UploadAsync(name, bytes);
        var problems = PageForm.Problems(page);
        Assert.Contains(problems, m => m.Contains(fragment) && m.Contains(name));
        Assert.Null(page.GetElementById("form-import-review"));
        Assert.Equal(before, await FootprintAsync());
    }

    [DbFact]
    public async Task A_file_over_the_limit_is_refused()
    {
        var before = await FootprintAsync();
        var bytes = Encoding.UTF8.GetBytes(new string('a', (int)ImportApp.MaxBytes + 1));
        var problems = PageForm.Problems(await UploadAsync("lớn.txt", bytes));
        Assert.Contains(problems, m => m.Contains("lớn.txt") && m.Contains("quá lớn") && m.Contains("64 KB"));
        Assert.Equal(before, await FootprintAsync());
    }

    [DbFact]
    public async Task A_legacy_font_docx_is_refused()
    {
        // Typed in .VnTime and saved as .docx: valid Unicode whose letters are TCVN3's Latin-1 stand-ins.
        var before = await FootprintAsync();
        var problems = PageForm.Problems(await UploadAsync("vntime.docx", Docx("§¶ng bé Thµnh phè Hµ Néi tæ chøc héi nghÞ tæng kÕt c«ng t¸c x©y dùng §¶ng.")));
        Assert.Contains(problems, m => m.Contains("TCVN3") && m.Contains("vntime.docx"));
        Assert.Equal(before, await FootprintAsync());
    }

    [DbTheory]
    [InlineData("", "Chọn tệp báo cáo")]
    [InlineData("   ", "Chọn tệp báo cáo")]
    [InlineData("§¶ng bé Thµnh phè Hµ Néi tæ chøc héi nghÞ tæng kÕt c«ng t¸c x©y dùng §¶ng", "TCVN3")]
    [InlineData("Ñaûng boä thaønh phoá Haø Noäi toå chöùc hoäi nghò toång keát coâng taùc xaây döïng Ñaûng naêm 2025", "VNI")]
    public async Task Bad_pasted_text_is_refused(string pasted, string fragment)
    {
        var before = await FootprintAsync();
        var form = Form(await PageForm.ParseAsync(await _client.GetAsync("/Import")), "form-import-read");
        form["pasted"] = pasted;
        var page = await PageForm.ParseAsync(await form.PostAsync(_client));
        Assert.Contains(PageForm.Problems(page), m => m.Contains(fragment));
        Assert.Equal(before, await FootprintAsync());
    }

    [DbFact]
    public async Task A_docx_upload_is_read_like_a_pasted_text()
    {
        var page = await UploadAsync("tin.docx", Docx(News.Split('\n')));
        Assert.Equal("Thành ủy tổng kết công tác xây dựng Đảng năm 2025", Value(page, "Review_Title"));
        Assert.Contains("tệp “tin.docx”", page.GetElementById("import-summary")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("#review-documents fieldset").Length);
    }

    [DbFact]
    public async Task A_document_another_unit_registered_is_cited_but_never_shown()
    {
        const string secret = "Kế hoạch nội bộ của phường Hoàn Kiếm";
        var theirs = await RegisterAsync("35-CT/TW", new DateOnly(2024, 5, 30), _app.Units.HoanKiem, secret);
        using var office = await SignedInAsync(Roles.OfficeStaff, _app.Units.TayHo);

        var read = Form(await PageForm.ParseAsync(await office.GetAsync("/Import")), "form-import-read");
        read["pasted"] = News;
        var page = await PageForm.ParseAsync(await read.PostAsync(office));
        var fieldset = page.QuerySelectorAll("#review-documents fieldset").Single(d => d.TextContent.Contains("35-CT/TW"));
        Assert.Contains("ngoài phạm vi của bạn", fieldset.TextContent);
        Assert.DoesNotContain(secret, page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/Documents/Details/{theirs}']"));

        var form = Form(page);
        form.Untick("Review.Documents[2].Include");
        var response = await form.PostAsync(office);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        // The same document, not a second copy of it: the register knows one 35-CT/TW of that term.
        await _app.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.Documents.CountAsync(d => d.Symbol == "35-CT/TW"));
            var id = int.Parse(location.Split('/')[^1]);
            Assert.Contains(theirs, await db.ConferenceDocuments.Where(d => d.ConferenceId == id).Select(d => d.DocumentId).ToListAsync());
        });

        var details = await PageForm.ParseAsync(await office.GetAsync(location));
        Assert.DoesNotContain(secret, details.Body!.TextContent);
        Assert.Null(details.QuerySelector($"a[href='/Documents/Details/{theirs}']"));
        Assert.Contains("Chỉ thị số 35-CT/TW", details.GetElementById("conference-documents")!.TextContent);
        // Whoever's scope holds it sees it in full.
        var top = await PageForm.ParseAsync(await _client.GetAsync(location));
        Assert.NotNull(top.QuerySelector($"a[href='/Documents/Details/{theirs}']"));
        Assert.Contains(secret, top.Body!.TextContent);
    }

    [DbFact]
    public async Task Only_the_office_imports_but_everyone_reads_the_conferences()
    {
        using var viewer = await SignedInAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Conferences")).StatusCode);
        // Everyone reaches the conferences from the menu; only the office is offered the import there.
        var page = await PageForm.ParseAsync(await viewer.GetAsync("/Conferences"));
        Assert.Equal("Hội nghị", page.QuerySelector(".site-nav a[href='/Conferences']")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/Import']"));
        page = await PageForm.ParseAsync(await _client.GetAsync("/Conferences"));
        Assert.Equal("Nhập báo cáo", page.QuerySelector(".page-head a[href='/Import']")!.TextContent);
    }

    /// <summary>A client signed in through the sign-in page as a new user with the role, in the top unit unless another is named.</summary>
    private async Task<HttpClient> SignedInAsync(string role, Unit? unit = null)
    {
        var userName = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..30];
        const string password = "Thu-nghiem-2026A";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await AccountSeed.EnsureRolesAsync(scope.ServiceProvider);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Chuyên viên thử nghiệm", UnitId = (unit ?? _app.Units.Root).Id };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        // Redirects are checked, not followed: a confirmed import answers with the address of its conference.
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = PageForm.Of(await PageForm.ParseAsync(await client.GetAsync("/Accounts/Login")), "form-login");
        login["Input.UserName"] = userName;
        login["Input.Password"] = password;
        var response = await login.PostAsync(client);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"sign-in → {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Conferences")).StatusCode);
        return client;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ReadAsync(string text, string? published = null)
    {
        var form = Form(await PageForm.ParseAsync(await _client.GetAsync("/Import")), "form-import-read");
        form["pasted"] = text;
        form["published"] = published;
        var page = await PageForm.ParseAsync(await form.PostAsync(_client));
        Assert.True(page.GetElementById("form-import-review") is not null, string.Join("\n", PageForm.Problems(page)));
        return page;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(string name, byte[] bytes)
    {
        var form = Form(await PageForm.ParseAsync(await _client.GetAsync("/Import")), "form-import-read");
        var content = new MultipartFormDataContent
        {
            { new StringContent(form["__RequestVerificationToken"]!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "upload", name);
        return await PageForm.ParseAsync(await _client.PostAsync(form.Action, content));
    }

    private static PageForm Form(AngleSharp.Html.Dom.IHtmlDocument page, string id = "form-import-review") => PageForm.Of(page, id);

    private static string? Value(AngleSharp.Html.Dom.IHtmlDocument page, string id) => page.GetElementById(id)?.GetAttribute("value");

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                paragraphs.Select(p => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p))))));
        }
        return stream.ToArray();
    }

    private Task<int> RegisterAsync(string symbol, DateOnly issuedOn, Unit? unit = null, string? title = null) => _app.WithDbAsync(async db =>
    {
        var registry = new DocumentRegistry(db, new DonDoc.Web.Infrastructure.Clock(_app.Clock));
        var result = await registry.RegisterAsync(new NewDocument { Symbol = symbol, IssuedOn = issuedOn, Title = title ?? $"Văn bản {symbol}" },
            DocumentStatus.Registered, unit?.Id);
        Assert.True(result.Problems is null, string.Join("; ", result.Problems?.ToDictionary().SelectMany(p => p.Value) ?? []));
        return result.Value!.Id;
    });

    private Task<int> AddPersonAsync(string name, string title, DateOnly seenOn) => _app.WithDbAsync(async db =>
    {
        var person = new Person { Name = name, NameKey = Person.KeyFor(name) };
        db.People.Add(person);
        await db.SaveChangesAsync();
        db.PersonPositions.Add(new PersonPosition { PersonId = person.Id, Title = title, SeenOn = seenOn });
        await db.SaveChangesAsync();
        return person.Id;
    });

    /// <summary>Row counts of every table an import writes to: a refusal must change none.</summary>
    private Task<string> FootprintAsync() => _app.WithDbAsync(async db =>
    {
        var counts = new SortedDictionary<string, int>
        {
            ["Conferences"] = await db.Conferences.CountAsync(),
            ["ConferenceDocuments"] = await db.ConferenceDocuments.CountAsync(),
            ["ConferenceFigures"] = await db.ConferenceFigures.CountAsync(),
            ["ConferenceListItems"] = await db.ConferenceListItems.CountAsync(),
            ["ConferenceLists"] = await db.ConferenceLists.CountAsync(),
            ["ConferencePeople"] = await db.ConferencePeople.CountAsync(),
            ["Documents"] = await db.Documents.CountAsync(),
            ["ImportSources"] = await db.ImportSources.CountAsync(),
            ["People"] = await db.People.CountAsync(),
            ["PersonPositions"] = await db.PersonPositions.CountAsync(),
        };
        return string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));
    });
}

/// <summary>The test app with an upload limit small enough to test without megabytes of data.</summary>
public sealed class ImportApp(Provider provider) : TestApp(provider)
{
    public const long MaxBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:MaxBytes", MaxBytes.ToString());
    }
}

public sealed class ImportOnSqlite() : ImportPageTests(Provider.Sqlite);

[OnPostgres]
public sealed class ImportOnPostgres() : ImportPageTests(Provider.Postgres);
