using System.Net;
using System.Net.Http.Json;
using DonDoc.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Search;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Search;

/// <summary>
/// The menu's search and the task list's q: folded both ways, ranked, within the reader's scope, through
/// an index kept in the writing transaction, giving the set a scan would, and never a 500 for odd input.
/// </summary>
public abstract class SearchTests(TestApp app)
{
    private async Task<int> TaskAsync(HttpClient client, string title, int lead) =>
        (await client.PostAsync("/api/tasks", new
        {
            Title = title,
            LeadUnitId = lead,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(20),
        }).OkAsync<TaskDetail>()).Id;

    private Task<int> DocumentAsync(string symbol, string title, int? unitId) => app.WithServicesAsync(async services =>
        (await services.GetRequiredService<DocumentRegistry>().RegisterAsync(
            new NewDocument { Symbol = symbol, IssuedOn = new DateOnly(2026, 1, 10), Title = title }, DocumentStatus.Registered, unitId)).Value!.Id);

    private static async Task<List<int>> HitsAsync(HttpClient client, string q, string kind) =>
        (await client.GetOkAsync<SearchAnswer>($"/api/search?q={Uri.EscapeDataString(q)}&kind={kind}"))
            .Groups.Single().Hits.Select(h => h.Id).ToList();

    [DbFact]
    public async Task Folding_works_both_ways()
    {
        using var admin = app.AdminClient();
        var marked = await TaskAsync(admin, "Thành ủy kiểm tra kè sông Tô Lịch", app.Units.BaDinh.Id);
        var oldStyle = await TaskAsync(admin, "Thành uỷ kiểm tra kè sông Tô Lịch", app.Units.BaDinh.Id);
        var plain = await TaskAsync(admin, "Dang bo phuong nghiem thu ke song To Lich", app.Units.BaDinh.Id);
        var party = await TaskAsync(admin, "Đảng bộ phường nghiệm thu kè sông Tô Lịch", app.Units.BaDinh.Id);

        // Other tests of this class write titles with these words too: these four are the only ones at the start.
        Assert.Subset((await HitsAsync(admin, "thanh uy", "task")).ToHashSet(), new HashSet<int> { marked, oldStyle });
        Assert.Subset((await HitsAsync(admin, "dang bo", "task")).ToHashSet(), new HashSet<int> { plain, party });
        Assert.Equal([marked, oldStyle], (await HitsAsync(admin, "thanh uy kiem tra ke", "task")).Order());
        Assert.Equal([plain, party], (await HitsAsync(admin, "dang bo phuong nghiem", "task")).Order());
        // Typed with diacritics (and the other tone style), it finds the text written without them.
        Assert.Equal([plain, party], (await HitsAsync(admin, "Đảng bộ phường nghiệm", "task")).Order());
        Assert.Equal([marked, oldStyle], (await HitsAsync(admin, "THÀNH UỶ KIỂM TRA KÈ", "task")).Order());

        var answer = await admin.GetOkAsync<SearchAnswer>("/api/search?q=thanh%20uy%20kiem%20tra%20ke&kind=task");
        var hit = answer.Groups.Single().Hits.Single(h => h.Id == oldStyle);
        Assert.Equal([new TextPart("Thành ủy kiểm tra kè", true), new TextPart(" sông Tô Lịch", false)], hit.TitleParts);
        Assert.Equal($"/Tasks/Details/{oldStyle}", hit.Url);
    }

    [DbFact]
    public async Task Results_are_ranked_exact_symbol_then_title_start_then_whole_words_then_inside_words()
    {
        using var admin = app.AdminClient();
        var inside = await TaskAsync(admin, "Rèn luyện kỹ năng Quảng Bá", app.Units.TayHo.Id);
        var words = await TaskAsync(admin, "Giữ lũy tre Quảng Bá", app.Units.TayHo.Id);
        var start = await TaskAsync(admin, "Lũy tre xanh Quảng Bá", app.Units.TayHo.Id);
        var newer = await TaskAsync(admin, "Lũy kế vốn Quảng Bá", app.Units.TayHo.Id);
        // Of one rank, the newer first.
        Assert.Equal([newer, start, words, inside], await HitsAsync(admin, "luy", "task"));

        var cited = await DocumentAsync("36-KH/TU", "Kế hoạch thực hiện Chỉ thị 35-CT/TW về hồ Quảng Bá", null);
        var exact = await DocumentAsync("35-CT/TW", "Về hồ Quảng Bá và các hồ nội đô", null);
        var answer = await HitsAsync(admin, "35-CT/TW", "document");
        Assert.Equal([exact, cited], answer.Where(new[] { exact, cited }.Contains).ToList());
        Assert.Equal(exact, answer[0]);
    }

    [DbFact]
    public async Task A_unit_reader_finds_only_their_subtree()
    {
        using var admin = app.AdminClient();
        var own = await TaskAsync(admin, "Chỉnh trang vườn hoa Lênin phía Ba Đình", app.Units.BaDinh.Id);
        var other = await TaskAsync(admin, "Chỉnh trang vườn hoa Lênin phía Hoàn Kiếm", app.Units.HoanKiem.Id);
        var ownDocument = await DocumentAsync("901-KH/TU", "Kế hoạch chỉnh trang vườn hoa Lênin", app.Units.BaDinh.Id);
        var otherDocument = await DocumentAsync("902-KH/TU", "Kế hoạch chỉnh trang vườn hoa Lênin", app.Units.HoanKiem.Id);

        using var viewer = await app.ClientAsync(Roles.Viewer, app.Units.BaDinh);
        var answer = await viewer.GetOkAsync<SearchAnswer>($"/api/search?q={Uri.EscapeDataString("vườn hoa lenin")}");
        Assert.Equal([own], answer.Groups.Single(g => g.Kind == "task").Hits.Select(h => h.Id));
        Assert.Equal([ownDocument], answer.Groups.Single(g => g.Kind == "document").Hits.Select(h => h.Id));
        Assert.Empty(await HitsAsync(viewer, "hoan kiem", "unit"));
        Assert.Equal([app.Units.BaDinh.Id], await HitsAsync(viewer, "ba dinh", "unit") is var units ? units.Where(id => id == app.Units.BaDinh.Id).ToList() : null);
        Assert.DoesNotContain(answer.Groups, g => g.Kind == "person");
        // Nor does the page or the task list show the other unit's.
        var page = await viewer.GetStringAsync($"/Search?q={Uri.EscapeDataString("vườn hoa lenin")}");
        Assert.Contains($"/Tasks/Details/{own}", page);
        Assert.DoesNotContain($"/Tasks/Details/{other}", page);
        Assert.DoesNotContain($"/Documents/Details/{otherDocument}", page);
        var listed = await viewer.GetOkAsync<Page<TaskRow>>($"/api/tasks?q={Uri.EscapeDataString("vuon hoa lenin")}");
        Assert.Equal([own], listed.Items.Select(t => t.Id));

        // The administrator sees both, and accounts; a person is found by name without diacritics.
        var all = await admin.GetOkAsync<SearchAnswer>($"/api/search?q={Uri.EscapeDataString("vuon hoa lenin")}");
        Assert.Equal([own, other], all.Groups.Single(g => g.Kind == "task").Hits.Select(h => h.Id).Order());
        var people = (await admin.GetOkAsync<SearchAnswer>("/api/search?q=viewer&kind=person")).Groups.Single().Hits;
        Assert.Contains(people, h => h.Detail!.StartsWith(TestApp.UserNameFor(Roles.Viewer, app.Units.BaDinh), StringComparison.Ordinal));
    }

    [DbFact]
    public async Task The_index_changes_in_the_transaction_of_the_write()
    {
        using var admin = app.AdminClient();
        var task = await TaskAsync(admin, "Cải tạo chung cư cũ Giảng Võ", app.Units.BaDinh.Id);
        Assert.Equal([task], await HitsAsync(admin, "chung cu cu giang vo", "task"));
        await admin.PutAsJsonAsync($"/api/tasks/{task}", new { Title = "Cải tạo khu tập thể Kim Liên", LeadUnitId = app.Units.BaDinh.Id,
            DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(20) }, Api.Json).OkAsync<TaskDetail>();
        Assert.Empty(await HitsAsync(admin, "giang vo", "task"));
        Assert.Equal([task], await HitsAsync(admin, "tap the kim lien", "task"));
        Assert.Equal([task], (await admin.GetOkAsync<Page<TaskRow>>("/api/tasks?q=kim%20li%C3%AAn")).Items.Select(t => t.Id));

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var document = new Document
            {
                Symbol = "77-TB/TU", Number = "77", TypeCode = "TB", TypeName = "Thông báo", IssuerCode = "TU", Title = "Thông báo về không gian đi bộ Hồ Gươm",
                IdentityKey = "search-test-77", IssuedOn = new DateOnly(2026, 2, 2),
            };
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            Assert.Equal([document.Id], await SearchIndex.CandidatesAsync(db, "Documents", "khong gian di bo", 10, default));
            document.Title = "Thông báo về phố đi bộ Trịnh Công Sơn";
            await db.SaveChangesAsync();
            Assert.Empty(await SearchIndex.CandidatesAsync(db, "Documents", "khong gian di bo", 10, default));
            Assert.Equal([document.Id], await SearchIndex.CandidatesAsync(db, "Documents", "trinh cong son", 10, default));
            db.Documents.Remove(document);
            await db.SaveChangesAsync();
            Assert.Empty(await SearchIndex.CandidatesAsync(db, "Documents", "trinh cong son", 10, default));
            document = new Document
            {
                Symbol = "78-TB/TU", Number = "78", TypeCode = "TB", TypeName = "Thông báo", IssuerCode = "TU", Title = "Thông báo về phố đi bộ Tạ Hiện",
                IdentityKey = "search-test-78", IssuedOn = new DateOnly(2026, 2, 2),
            };
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            Assert.Single(await SearchIndex.CandidatesAsync(db, "Documents", "ta hien", 10, default));
            await transaction.RollbackAsync();
        });
        // What the rolled-back save wrote is gone from the index with its row.
        await app.WithDbAsync(async db => Assert.Empty(await SearchIndex.CandidatesAsync(db, "Documents", "ta hien", 10, default)));
    }

    [DbFact]
    public async Task The_task_lists_q_gives_the_set_a_scan_gives()
    {
        using var admin = app.AdminClient();
        string[] words = ["thành", "ủy", "uỷ", "đảng", "bộ", "phường", "hòa", "hoà", "văn", "hóa", "xã", "chi", "ban", "kế", "hoạch",
            "số", "đổi", "mới", "Thủy", "a", "ô", "ở", "100%", "_x", "\"q\""];
        var random = new Random(13);
        var titles = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var title = string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => words[random.Next(words.Length)]));
            titles.Add(title);
            await TaskAsync(admin, "Sinh " + title, app.Units.TayHo.Id);
        }
        var queries = new List<string> { "a", "uy", "y t", "100%", "_x", "%", "_", "\"q", "thanh uy", "dang bo", "hoa", "Hoà", "thuy ban" };
        for (var i = 0; i < 40; i++)
        {
            var folded = VnText.Fold(titles[random.Next(titles.Count)]);
            var from = random.Next(folded.Length);
            queries.Add(folded.Substring(from, Math.Min(folded.Length - from, random.Next(1, 9))));
        }
        foreach (var q in queries.Where(q => q.Trim().Length > 0).Distinct())
        {
            var key = VnText.Fold(q);
            var scanned = await app.WithDbAsync(db => db.Tasks.Where(t => t.SearchKey.Contains(key)).Select(t => t.Id).OrderBy(id => id).ToListAsync());
            var listed = await admin.GetOkAsync<Page<TaskRow>>($"/api/tasks?q={Uri.EscapeDataString(q)}&pageSize=500");
            Assert.True(scanned.SequenceEqual(listed.Items.Select(t => t.Id).Order()), $"q = “{q}”: scan {scanned.Count}, list {listed.Items.Count}");
            Assert.Equal(scanned.Count, listed.Total);
        }
    }

    [DbFact]
    public async Task Odd_queries_get_200_or_a_Vietnamese_400_never_500()
    {
        using var admin = app.AdminClient();
        await TaskAsync(admin, "Tổng kết \"NEAR\" (thí điểm) * - ^ : 50% mô_hình", app.Units.BaDinh.Id);
        string[] hostile = ["\"", "\"\"\"", "\"thanh", "thanh*", "*", "-thanh", "NEAR(a b)", "NEAR", "(", ")", "a OR b", "thanh AND", "NOT x",
            "^thanh", "col:thanh", "{a b}", "'; DROP TABLE \"Tasks\"; --", "%", "_", "\\", "%_\\", "💡💡💡", "\u0000abc", "a\u0001b\u0002c",
            "  \t ", "", "ủ", "\"NEAR\" (thí", "50% mô_hình", new string('x', 200), new string('x', 201), "ab\"cd", "\"*\""];
        foreach (var q in hostile)
        {
            var escaped = Uri.EscapeDataString(q);
            foreach (var url in new[] { $"/api/search?q={escaped}", $"/api/search?q={escaped}&kind=task", $"/api/tasks?q={escaped}", $"/Search?q={escaped}" })
            {
                using var response = await admin.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            }
        }
        Assert.Equal("Nhập nội dung cần tìm.", (await admin.GetAsync("/api/search?q=%20").ProblemAsync("q"))["q"][0]);
        Assert.StartsWith("Nội dung cần tìm dài quá 200 ký tự", (await admin.GetAsync($"/api/search?q={new string('x', 201)}").ProblemAsync("q"))["q"][0]);
        Assert.StartsWith("Nhập ít nhất 3 ký tự", (await admin.GetAsync("/api/search?q=%C3%BA").ProblemAsync("q"))["q"][0]);
        Assert.Contains("Không có loại kết quả “x”", (await admin.GetAsync("/api/search?q=abc&kind=x").ProblemAsync("kind"))["kind"][0]);
        Assert.Single(await HitsAsync(admin, "\"NEAR\" (thi", "task"));
        Assert.Single(await HitsAsync(admin, "50% mo_hinh", "task"));
        var page = await admin.GetStringAsync("/Search?q=%20%20");
        Assert.Contains("Nhập nội dung cần tìm.", page);
    }
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class SearchOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
