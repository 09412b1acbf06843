using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Conclusions;

/// <summary>
/// A conclusion read into draft tasks, reviewed and confirmed through the pages as a browser posts them;
/// each test has its own app and database, since the tests count the rows written.
/// </summary>
public abstract class ConclusionPageTests(Provider provider) : IAsyncLifetime
{
    private ImportApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new ImportApp(provider);
        await ((IAsyncLifetime)_app).InitializeAsync();
        _client = await SignedInAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }

    // The test clock stands at 2 March 2026. Ba Đình and Tây Hồ are units; "Ban Tổ chức Thành ủy" is not.
    public const string Conclusion = """
        ĐẢNG CỘNG SẢN VIỆT NAM
        THÀNH ỦY HÀ NỘI
        Số 45-KL/TU
        Hà Nội, ngày 20 tháng 2 năm 2026

        KẾT LUẬN
        CỦA THƯỜNG TRỰC THÀNH ỦY
        về một số nhiệm vụ trọng tâm quý II năm 2026

        Ngày 18/2/2026, Thường trực Thành ủy họp, đồng chí Bí thư Thành ủy kết luận như sau:

        1. Giao Đảng bộ phường Ba Đình chủ trì, phối hợp với Đảng bộ phường Tây Hồ rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/6/2026, báo cáo Ban Thường vụ Thành ủy.

        2. Ban Tổ chức Thành ủy chủ trì hướng dẫn các chi bộ tổ chức đại hội điểm, hoàn thành trong tháng 9/2026.

        3. Đảng bộ phường Hoàn Kiếm thường xuyên theo dõi, đôn đốc việc giải phóng mặt bằng.
        """;

    [DbFact]
    public async Task A_conclusion_is_registered_and_read_into_stored_drafts_with_units_matched()
    {
        var (id, page) = await ReadAsync(Conclusion);

        await _app.WithDbAsync(async db =>
        {
            var document = await db.Documents.SingleAsync(d => d.Id == id);
            Assert.Equal(("45-KL/TU", new DateOnly(2026, 2, 20), "Kết luận về một số nhiệm vụ trọng tâm quý II năm 2026"),
                (document.Symbol, document.IssuedOn, document.Title));
            var drafts = await db.TaskDrafts.Where(d => d.DocumentId == id).OrderBy(d => d.Position).ToListAsync();
            Assert.Equal(3, drafts.Count);
            Assert.Equal(("rà soát quy hoạch cán bộ", _app.Units.BaDinh.Id, _app.Units.TayHo.Id.ToString(), new DateOnly(2026, 6, 30), "báo cáo Ban Thường vụ Thành ủy"),
                (drafts[0].Title, drafts[0].LeadUnitId, drafts[0].CoordinatorUnitIds, drafts[0].DueDate, drafts[0].ExpectedResult));
            Assert.Equal(("Ban Tổ chức Thành ủy", (int?)null, DeadlineKind.Date), (drafts[1].LeadName, drafts[1].LeadUnitId, drafts[1].DeadlineKind));
            Assert.Equal((_app.Units.HoanKiem.Id, DeadlineKind.Ongoing, (DateOnly?)null), (drafts[2].LeadUnitId, drafts[2].DeadlineKind, drafts[2].DueDate));
            Assert.False(await db.Tasks.AnyAsync());
        });
        Assert.Equal(3, page.QuerySelectorAll("#form-drafts fieldset.review-item").Length);
        Assert.Contains("không khớp đơn vị nào", page.GetElementById("Drafts_1__LeadUnitId-match")!.TextContent);
        Assert.Equal(_app.Units.BaDinh.Id.ToString(), PageForm.Of(page, "form-drafts")["Drafts[0].LeadUnitId"]);

        // The same document again: the register refuses it, and no second set of drafts is made.
        var again = await ReadPageAsync(Conclusion);
        Assert.Contains(PageForm.Problems(again), m => m.Contains("45-KL/TU") && m.Contains("đã có trong sổ"));
        Assert.Equal(3, await _app.WithDbAsync(db => db.TaskDrafts.CountAsync()));
    }

    [DbFact]
    public async Task A_name_matching_several_units_shows_them_and_blocks_confirmation_until_one_is_picked()
    {
        var (id, page) = await ReadAsync(Conclusion);
        var form = PageForm.Of(page, "form-drafts");
        form["Drafts[0].LeadName"] = "đảng bộ PHƯỜNG";
        form["Drafts[1].LeadUnitId"] = _app.Units.UbndParty.Id.ToString();
        page = await FollowAsync(await form.PostAsync(_client));

        var options = page.QuerySelectorAll("#Drafts_0__LeadUnitId optgroup[label='Khớp với tên trong văn bản'] option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Đảng bộ phường Ba Đình", "Đảng bộ phường Hoàn Kiếm", "Đảng bộ phường Tây Hồ"], options.Order());
        Assert.Contains("khớp 3 đơn vị", page.GetElementById("Drafts_0__LeadUnitId-match")!.TextContent);
        Assert.Equal("", PageForm.Of(page, "form-drafts")["Drafts[0].LeadUnitId"]);

        var refused = await PageForm.ParseAsync(await PageForm.Of(page, "form-drafts").PostAsync(_client, "Confirm"));
        var problem = Assert.Single(PageForm.Problems(refused));
        Assert.Contains("Dự thảo 1 (“rà soát quy hoạch cán bộ”)", problem);
        Assert.Contains("đơn vị chủ trì “đảng bộ PHƯỜNG”", problem);
        Assert.False(await _app.WithDbAsync(db => db.Tasks.AnyAsync()));

        form = PageForm.Of(refused, "form-drafts");
        form["Drafts[0].LeadUnitId"] = _app.Units.TayHo.Id.ToString();
        var done = await form.PostAsync(_client, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        // Tây Hồ leads now, so it is no longer also a coordinator.
        Assert.Empty(await _app.WithDbAsync(db => db.Tasks.Where(t => t.LeadUnitId == _app.Units.TayHo.Id).SelectMany(t => t.Coordinators).ToListAsync()));
    }

    [DbFact]
    public async Task An_unmatched_lead_blocks_confirmation_and_then_all_tasks_are_created_with_their_source()
    {
        var (id, page) = await ReadAsync(Conclusion);
        var before = await _app.FootprintAsync();

        var refused = await PageForm.ParseAsync(await PageForm.Of(page, "form-drafts").PostAsync(_client, "Confirm"));
        var problem = Assert.Single(PageForm.Problems(refused));
        Assert.Equal("Dự thảo 2 (“hướng dẫn các chi bộ tổ chức đại hội điểm”): đơn vị chủ trì “Ban Tổ chức Thành ủy” chưa khớp với một đơn vị nào trong danh mục; chọn một đơn vị.", problem);
        Assert.Equal(before, await _app.FootprintAsync());

        var form = PageForm.Of(refused, "form-drafts");
        form["Drafts[1].LeadUnitId"] = _app.Units.UbndParty.Id.ToString();
        form["Drafts[2].ExpectedResult"] = "Báo cáo hằng tháng";
        var response = await form.PostAsync(_client, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await _app.WithDbAsync(async db =>
        {
            var tasks = await db.Tasks.Include(t => t.Coordinators).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(3, tasks.Count);
            Assert.All(tasks, t => Assert.Equal((id, _app.Units.Root.Id, TaskState.Assigned), (t.SourceDocumentId!.Value, t.AssignedByUnitId, t.Status)));
            Assert.Equal([_app.Units.BaDinh.Id, _app.Units.UbndParty.Id, _app.Units.HoanKiem.Id], tasks.Select(t => t.LeadUnitId));
            Assert.Equal([_app.Units.TayHo.Id], tasks[0].Coordinators.Select(c => c.UnitId));
            Assert.Equal((DeadlineKind.Date, (DateOnly?)new DateOnly(2026, 9, 30)), (tasks[1].DeadlineKind, tasks[1].DueDate));
            Assert.Equal((DeadlineKind.Ongoing, "Báo cáo hằng tháng"), (tasks[2].DeadlineKind, tasks[2].ExpectedResult));
            // Through the ledger: a history row per task, and the rollups of the lead units' ancestors.
            Assert.Equal(3, await db.TaskEvents.CountAsync());
            Assert.True(await db.UnitStats.AnyAsync(s => s.UnitId == _app.Units.Root.Id));
            var drafts = await db.TaskDrafts.Where(d => d.DocumentId == id).OrderBy(d => d.Position).ToListAsync();
            Assert.Equal(tasks.Select(t => (int?)t.Id), drafts.Select(d => d.TaskId));
        });

        page = await FollowAsync(response);
        Assert.Null(page.GetElementById("form-drafts"));
        Assert.Equal(3, page.QuerySelectorAll("#drafts-confirmed li").Length);
        Assert.Contains("Đã giao 3 nhiệm vụ", page.GetElementById("flash")!.TextContent);
    }

    [DbFact]
    public async Task A_task_the_workflow_refuses_leaves_no_task_at_all()
    {
        var (_, page) = await ReadAsync(Conclusion);
        var before = await _app.FootprintAsync();
        var form = PageForm.Of(page, "form-drafts");
        form["Drafts[1].LeadUnitId"] = _app.Units.UbndParty.Id.ToString();
        form["Drafts[1].DueDate"] = "2026-03-01";
        var refused = await PageForm.ParseAsync(await form.PostAsync(_client, "Confirm"));
        Assert.Contains(PageForm.Problems(refused), m => m.StartsWith("Dự thảo 2") && m.Contains("01/03/2026"));
        // The first draft's task was written in the same transaction and went with it.
        Assert.Equal(before, await _app.FootprintAsync());
        Assert.Equal(3, await _app.WithDbAsync(db => db.TaskDrafts.CountAsync(d => d.ConfirmedAtUtc == null)));
    }

    [DbFact]
    public async Task Confirming_twice_or_at_once_creates_nothing_twice()
    {
        var (id, page) = await ReadAsync(Conclusion);
        var form = PageForm.Of(page, "form-drafts");
        form["Drafts[1].LeadUnitId"] = _app.Units.UbndParty.Id.ToString();
        page = await FollowAsync(await form.PostAsync(_client));
        form = PageForm.Of(page, "form-drafts");
        using var other = await SignedInAsync();
        var otherTab = PageForm.Of(await PageForm.ParseAsync(await other.GetAsync($"/Conclusions/Review/{id}")), "form-drafts");

        var answers = await Task.WhenAll(form.PostAsync(_client, "Confirm"), otherTab.PostAsync(other, "Confirm"));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var late = await form.PostAsync(_client, "Confirm");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("đã được xác nhận rồi; không tạo lại nhiệm vụ", html);

        Assert.Equal(3, await _app.WithDbAsync(db => db.Tasks.CountAsync(t => t.SourceDocumentId == id)));
        Assert.Equal(3, await _app.WithDbAsync(db => db.TaskEvents.CountAsync()));
    }

    [DbFact]
    public async Task Drafts_are_split_merged_and_dropped_and_each_step_is_kept()
    {
        var (id, page) = await ReadAsync(Conclusion);
        int DraftId(IHtmlDocument p, int i) => int.Parse(PageForm.Of(p, "form-drafts")[$"Drafts[{i}].Id"]!);

        var form = PageForm.Of(page, "form-drafts");
        form["Drafts[0].Title"] = "rà soát quy hoạch cán bộ cấp ủy";
        page = await FollowAsync(await form.PostAsync(_client, $"Split&draft={DraftId(page, 0)}"));
        Assert.Equal(4, page.QuerySelectorAll("#form-drafts fieldset.review-item").Length);
        Assert.Equal("rà soát quy hoạch cán bộ cấp ủy", PageForm.Of(page, "form-drafts")["Drafts[1].Title"]);

        page = await FollowAsync(await PageForm.Of(page, "form-drafts").PostAsync(_client, $"Drop&draft={DraftId(page, 2)}"));
        page = await FollowAsync(await PageForm.Of(page, "form-drafts").PostAsync(_client, $"Merge&draft={DraftId(page, 2)}"));

        // A reload shows what the steps stored.
        page = await PageForm.ParseAsync(await _client.GetAsync($"/Conclusions/Review/{id}"));
        var stored = PageForm.Of(page, "form-drafts");
        Assert.Equal(2, page.QuerySelectorAll("#form-drafts fieldset.review-item").Length);
        Assert.Equal("rà soát quy hoạch cán bộ cấp ủy; theo dõi, đôn đốc việc giải phóng mặt bằng", stored["Drafts[1].Title"]);
        Assert.Equal(_app.Units.BaDinh.Id.ToString(), stored["Drafts[1].LeadUnitId"]);
    }

    [DbTheory]
    [InlineData("trống.txt", new byte[0], "trống")]
    [InlineData("ảnh.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00 }, "nhị phân")]
    [InlineData("tcvn3.txt", new byte[] { 0xA7, 0xB6, (byte)'n', (byte)'g', (byte)' ', 0xF7, (byte)'y', (byte)' ', 0xAE, 0xB5 }, "TCVN3")]
    [InlineData("cũ.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, ".docx")]
    public async Task Bad_files_are_refused_with_the_imports_messages(string name, byte[] bytes, string fragment)
    {
        var before = await _app.FootprintAsync();
        var problems = PageForm.Problems(await UploadAsync(name, bytes));
        Assert.Contains(problems, m => m.Contains(fragment) && m.Contains(name));
        Assert.Equal(before, await _app.FootprintAsync());
        Assert.False(await _app.WithDbAsync(db => db.TaskDrafts.AnyAsync()));
    }

    [DbFact]
    public async Task A_file_over_the_limit_is_refused()
    {
        var problems = PageForm.Problems(await UploadAsync("lớn.txt", Encoding.UTF8.GetBytes(new string('a', (int)ImportApp.MaxBytes + 1))));
        Assert.Contains(problems, m => m.Contains("lớn.txt") && m.Contains("quá lớn") && m.Contains("64 KB"));
        Assert.False(await _app.WithDbAsync(db => db.TaskDrafts.AnyAsync()));
    }

    [DbFact]
    public async Task The_report_import_offers_the_reports_directions_as_drafts()
    {
        var read = PageForm.Of(await PageForm.ParseAsync(await _client.GetAsync("/Import")), "form-import-read");
        read["pasted"] = Conclusion;
        var review = await PageForm.ParseAsync(await read.PostAsync(_client));
        Assert.Equal(3, review.QuerySelectorAll("#review-directions li").Length);

        var response = await PageForm.Of(review, "form-import-directions").PostAsync(_client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await FollowAsync(response);
        Assert.Equal(3, page.QuerySelectorAll("#form-drafts fieldset.review-item").Length);
    }

    [DbFact]
    public async Task Another_units_office_does_not_see_the_drafts()
    {
        var (id, _) = await ReadAsync(Conclusion);
        using var ward = await SignedInAsync(_app.Units.TayHo);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Conclusions/Review/{id}")).StatusCode);
    }

    private async Task<(int Id, IHtmlDocument Page)> ReadAsync(string text)
    {
        var read = PageForm.Of(await PageForm.ParseAsync(await _client.GetAsync("/Conclusions")), "form-conclusion-read");
        read["Pasted"] = text;
        var response = await read.PostAsync(_client);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Conclusions/Review/", location);
        return (int.Parse(location.Split('/')[^1]), await FollowAsync(response));
    }

    private async Task<IHtmlDocument> ReadPageAsync(string text)
    {
        var read = PageForm.Of(await PageForm.ParseAsync(await _client.GetAsync("/Conclusions")), "form-conclusion-read");
        read["Pasted"] = text;
        return await PageForm.ParseAsync(await read.PostAsync(_client));
    }

    private async Task<IHtmlDocument> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await PageForm.ParseAsync(await _client.GetAsync(response.Headers.Location));
    }

    private async Task<IHtmlDocument> UploadAsync(string name, byte[] bytes)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await _client.GetAsync("/Conclusions")), "form-conclusion-read");
        var content = new MultipartFormDataContent { { new StringContent(form["__RequestVerificationToken"]!), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "upload", name);
        return await PageForm.ParseAsync(await _client.PostAsync(form.Action, content));
    }

    private async Task<HttpClient> SignedInAsync(Features.Units.Unit? unit = null)
    {
        var userName = $"office.{Guid.NewGuid():N}"[..30];
        const string password = "Thu-nghiem-2026A";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await AccountSeed.EnsureRolesAsync(scope.ServiceProvider);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Chuyên viên văn phòng", UnitId = (unit ?? _app.Units.Root).Id };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.OfficeStaff)).Succeeded);
        }
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = PageForm.Of(await PageForm.ParseAsync(await client.GetAsync("/Accounts/Login")), "form-login");
        login["Input.UserName"] = userName;
        login["Input.Password"] = password;
        await login.PostAsync(client);
        return client;
    }
}

public sealed class ConclusionsOnSqlite() : ConclusionPageTests(Provider.Sqlite);

[OnPostgres]
public sealed class ConclusionsOnPostgres() : ConclusionPageTests(Provider.Postgres);
