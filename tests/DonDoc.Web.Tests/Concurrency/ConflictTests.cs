using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DonDoc.Web.Data;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Concurrency;

/// <summary>
/// Two people open the same task and both act: the second is refused with 409 and told what the
/// first changed (field, the value they read, the value now), through the API and through the page,
/// and nothing is overwritten.
/// </summary>
public abstract class ConflictTests(TestApp app)
{
    private readonly HttpClient _first = app.AdminClient();
    private readonly HttpClient _second = app.AdminClient();

    [DbFact]
    public async Task Api_the_second_action_on_the_version_both_read_gets_409_with_what_changed()
    {
        var id = await CreateTaskAsync("Sơ kết 6 tháng thực hiện Nghị quyết");
        var readByFirst = await _first.GetAsync($"/api/tasks/{id}");
        var readBySecond = await _second.GetAsync($"/api/tasks/{id}");
        Assert.Equal("\"1\"", readByFirst.Headers.ETag?.Tag);
        Assert.Equal("\"1\"", readBySecond.Headers.ETag?.Tag);
        Assert.Equal(1, (await readBySecond.Content.ReadFromJsonAsync<TaskDetail>(Api.Json))!.Version);

        using (var accepted = await SendAsync(_first, $"/api/tasks/{id}/accept", null, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(2, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        }
        var before = await AuditCountAsync();

        using var refused = await SendAsync(_second, $"/api/tasks/{id}/cancel", new { Reason = "Không còn phù hợp" }, "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"2\"", refused.Headers.ETag?.Tag);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dữ liệu đã bị thay đổi", problem.GetProperty("title").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(2, problem.GetProperty("version").GetInt32());
        Assert.Equal(1, problem.GetProperty("yourVersion").GetInt32());
        Assert.Equal("admin", problem.GetProperty("changedBy").GetString());
        var status = Assert.Single(problem.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Status");
        Assert.Equal("Trạng thái", status.GetProperty("label").GetString());
        Assert.Equal("Assigned", status.GetProperty("yours").GetString());
        Assert.Equal("Accepted", status.GetProperty("current").GetString());
        Assert.DoesNotContain(problem.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() is "Version" or "UpdatedAtUtc");
        Assert.Equal(["Tiếp nhận nhiệm vụ"], problem.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Nothing was overwritten, nor written.
        var task = await _first.TaskAsync(id);
        Assert.Equal(TaskState.Accepted, task.Status);
        Assert.Equal(2, task.Version);
        Assert.Equal(before, await AuditCountAsync());

        // Having seen the change, the second user may still act, on the version now current.
        using var retried = await SendAsync(_second, $"/api/tasks/{id}/cancel", new { Reason = "Không còn phù hợp" }, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(TaskState.Cancelled, (await _first.TaskAsync(id)).Status);
    }

    [DbFact]
    public async Task Api_adding_to_a_task_is_a_change_of_the_task()
    {
        var id = await CreateTaskAsync("Chuẩn bị nội dung hội nghị sơ kết");
        await _first.PostAsync($"/api/tasks/{id}/accept").OkAsync<JsonElement>();
        await _first.PostAsync($"/api/tasks/{id}/progress", new { Percent = 0, Text = "Đã lập đề cương." }).OkAsync<JsonElement>();
        var read = (await _second.TaskAsync(id)).Version;
        // A progress report that changes none of the task's own values, and an extension request, still move its version on.
        await _first.PostAsync($"/api/tasks/{id}/progress", new { Percent = 0, Text = "Đã xin ý kiến các ban." }).OkAsync<JsonElement>();
        // One action, one version: a client counting versions sees each change once.
        var afterReport = (await _first.TaskAsync(id)).Version;
        Assert.Equal(read + 1, afterReport);
        var due = (await _first.TaskAsync(id)).DueDate!.Value;
        await _first.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = due.AddDays(10), Reason = "Chờ ý kiến các ban" }).OkAsync<JsonElement>();
        Assert.Equal(afterReport + 1, (await _first.TaskAsync(id)).Version);

        using var refused = await SendAsync(_second, $"/api/tasks/{id}/progress", new { Percent = 10, Text = "Báo cáo từ trang cũ" }, $"\"{read}\"");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var actions = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(2, actions.Count);
        Assert.StartsWith("Báo cáo tiến độ", actions[0]);
        Assert.StartsWith("Đề nghị gia hạn đến", actions[1]);
        Assert.Equal(2, (await _first.TaskAsync(id)).Progress.Count);
    }

    [DbFact]
    public async Task Api_two_decisions_on_one_extension_request_do_not_both_apply()
    {
        var id = await CreateTaskAsync("Hoàn thiện hồ sơ đề án");
        var due = (await _first.TaskAsync(id)).DueDate!.Value;
        var request = await _first.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = due.AddDays(20), Reason = "Chờ số liệu" })
            .OkAsync<JsonElement>();
        var requestId = request.GetProperty("id").GetInt32();
        var version = request.GetProperty("version").GetInt32();
        Assert.Equal(version, Assert.Single((await _second.TaskAsync(id)).Extensions).Version);

        using (var approved = await SendAsync(_first, $"/api/tasks/{id}/extension/{requestId}/decision", new { Approve = true }, $"\"{version}\""))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using var refused = await SendAsync(_second, $"/api/tasks/{id}/extension/{requestId}/decision",
            new { Approve = false, Note = "Không đủ lý do" }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("changes").EnumerateArray(), c =>
            c.GetProperty("field").GetString() == "State" && c.GetProperty("yours").GetString() == "Pending" && c.GetProperty("current").GetString() == "Approved");
        var task = await _first.TaskAsync(id);
        Assert.Equal(due.AddDays(20), task.DueDate);
        Assert.Equal(ExtensionState.Approved, Assert.Single(task.Extensions).State);
    }

    [DbFact]
    public async Task Api_without_if_match_acts_on_the_current_version_and_a_malformed_one_is_refused()
    {
        var id = await CreateTaskAsync("Tuyên truyền kỷ niệm ngày thành lập Đảng");
        await SendAsync(_first, $"/api/tasks/{id}/accept", null, "\"một\"").ProblemAsync("If-Match");
        Assert.Equal(TaskState.Assigned, (await _first.TaskAsync(id)).Status);
        await _first.PostAsync($"/api/tasks/{id}/accept").OkAsync<JsonElement>();
        Assert.Equal(TaskState.Accepted, (await _first.TaskAsync(id)).Status);
    }

    [DbFact]
    public async Task Page_a_form_posted_from_a_stale_page_gets_409_showing_what_changed()
    {
        var id = await CreateTaskAsync("Kiện toàn ban chỉ đạo cải cách hành chính");
        var pageOfFirst = await PageForm.ParseAsync(await _first.GetAsync($"/Tasks/Details/{id}"));
        var pageOfSecond = await PageForm.ParseAsync(await _second.GetAsync($"/Tasks/Details/{id}"));

        var accept = PageForm.Of(pageOfFirst, "form-accept");
        Assert.Equal("1", accept["version"]);
        using (var done = await accept.PostAsync(_first))
            Assert.True(done.IsSuccessStatusCode, $"{(int)done.StatusCode}");
        Assert.Equal(TaskState.Accepted, (await _first.TaskAsync(id)).Status);

        var cancel = PageForm.Of(pageOfSecond, "form-cancel");
        Assert.Equal("1", cancel["version"]);
        cancel["Cancel.Reason"] = "Đã giao cho đơn vị khác";
        using var refused = await cancel.PostAsync(_second);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var conflict = page.GetElementById("conflict");
        Assert.NotNull(conflict);
        Assert.Contains("Dữ liệu đã bị thay đổi", conflict.TextContent);
        var row = Assert.Single(conflict.QuerySelectorAll(".conflict-changes tbody tr"), r => r.TextContent.Contains("Trạng thái"));
        Assert.Equal("Đã giao", row.QuerySelector(".conflict-yours")!.TextContent.Trim());
        Assert.Equal("Đã tiếp nhận", row.QuerySelector(".conflict-current")!.TextContent.Trim());
        // The page now shows the task as it is, and its forms carry the current version; the reason typed stays.
        Assert.Equal("2", PageForm.Of(page, "form-cancel")["version"]);
        Assert.Equal("Đã giao cho đơn vị khác", PageForm.Of(page, "form-cancel")["Cancel.Reason"]);
        Assert.Equal(TaskState.Accepted, (await _first.TaskAsync(id)).Status);
    }

    [DbFact]
    public async Task A_change_saved_between_the_read_and_the_write_is_not_overwritten()
    {
        var id = await CreateTaskAsync("Đánh giá chất lượng sinh hoạt chi bộ");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var flow = scope.ServiceProvider.GetRequiredService<TaskWorkflow>();
        // This context read the task at version 1 …
        Assert.Equal(1, (await db.Tasks.FindAsync(id))!.Version);
        // … someone else then cancels it …
        await _second.PostAsync($"/api/tasks/{id}/cancel", new { Reason = "Trùng với nhiệm vụ khác" }).OkAsync<JsonElement>();
        // … and this context's accept, with no version given, is refused by the version column itself.
        var result = await flow.AcceptAsync(id);
        var conflict = Assert.IsType<Conflict>(result.Conflict);
        Assert.Equal((1, 2), (conflict.YourVersion, conflict.CurrentVersion));
        Assert.Contains(conflict.Changes, c => c is { Field: "Status", Yours: "Assigned", Current: "Cancelled" });
        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Contains("Trạng thái: Đã giao → Đã hủy", conflict.Summary);
        Assert.Equal(TaskState.Cancelled, (await _first.TaskAsync(id)).Status);
    }

    [DbFact]
    public async Task A_reorganisation_of_units_changed_meanwhile_is_refused_and_says_what_changed()
    {
        var (a, b) = await app.WithDbAsync(async db =>
        {
            var units = new[] { "HN-A", "HN-B" }.Select(code => new Unit
            {
                Code = code, Name = $"Đảng bộ {code}", Type = UnitType.DangBoTrucThuoc, ParentId = app.Units.Root.Id, ValidFrom = TestApp.FirstDay,
            }).ToList();
            db.Units.AddRange(units);
            await UnitPaths.SaveAsync(db);
            return (units[0], units[1]);
        });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var reorganization = scope.ServiceProvider.GetRequiredService<Reorganization>();
        // This context has read both units; someone else renames one of them before the merge is written.
        await db.Units.Where(u => u.Id == a.Id || u.Id == b.Id).ToListAsync();
        await app.WithDbAsync(async other =>
        {
            (await other.Units.SingleAsync(u => u.Id == a.Id)).Name = "Đảng bộ phường Hà Nam";
            await other.SaveChangesAsync();
        });

        var result = await reorganization.MergeAsync(new MergeRequest([a.Code, b.Code], app.Units.Root.Code, "Đảng bộ hợp nhất", "HN-AB",
            UnitType.DangBoTrucThuoc, app.Clock.Today));
        var conflict = Assert.IsType<Conflict>(result.Conflict);
        Assert.Contains(conflict.Changes, c => c is { Field: "Name", Yours: "Đảng bộ HN-A", Current: "Đảng bộ phường Hà Nam" });
        Assert.Contains("Tên: Đảng bộ HN-A → Đảng bộ phường Hà Nam", conflict.Summary);
        // The merge's transaction was rolled back whole.
        Assert.False(await app.WithDbAsync(other => other.Units.AnyAsync(u => u.Code == "HN-AB")));
        Assert.Null(await app.WithDbAsync(other => other.Units.Where(u => u.Id == a.Id).Select(u => u.ValidTo).SingleAsync()));
    }

    [DbFact]
    public async Task A_unit_starts_at_version_1_and_a_save_from_a_stale_read_of_it_is_refused()
    {
        var unit = await app.WithDbAsync(async db =>
        {
            var added = new Unit { Code = "CB-PB", Name = "Chi bộ phiên bản", Type = UnitType.ChiBo, ParentId = app.Units.TayHo.Id, ValidFrom = TestApp.FirstDay };
            db.Units.Add(added);
            await UnitPaths.SaveAsync(db);
            return added;
        });
        Assert.Equal(1, unit.Version);
        await app.WithDbAsync(async db =>
        {
            var stale = await db.Units.SingleAsync(u => u.Id == unit.Id);
            await app.WithDbAsync(async other =>
            {
                (await other.Units.SingleAsync(u => u.Id == unit.Id)).Name = "Chi bộ phiên bản mới";
                await other.SaveChangesAsync();
            });
            // A unit changed under this context cannot be overwritten either.
            stale.ValidTo = TestApp.FirstDay.AddDays(1);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });
        var now = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        Assert.Equal((2, "Chi bộ phiên bản mới", (DateOnly?)null), (now.Version, now.Name, now.ValidTo));
    }

    private async Task<int> CreateTaskAsync(string title) =>
        (await _first.PostAsync("/api/tasks", new { Title = title, LeadUnitId = app.Units.HoanKiem.Id, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(30) })
            .OkAsync<TaskDetail>()).Id;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }, options: Api.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private Task<int> AuditCountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync());
}

public sealed class ConflictsOnSqlite(SqliteApp app) : ConflictTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ConflictsOnPostgres(PostgresApp app) : ConflictTests(app), IClassFixture<PostgresApp>;
