using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Years;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Years;

/// <summary>
/// A unit's year: the office sets its theme and groups, files tasks under them, and the year shows each
/// group's x/y from those tasks (a program with its own children's x/y); scope, conflicts and bad input.
/// </summary>
public abstract class YearFrameTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    private Task<HttpClient> OfficeAsync(DonDoc.Web.Features.Units.Unit? unit = null) =>
        app.ClientAsync(Roles.OfficeStaff, unit ?? app.Units.Root, followRedirects: false);

    private static readonly object Frame2026 = new
    {
        Theme = "Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển",
        Groups = new[] { "Xây dựng, chỉnh đốn Đảng", "Phát triển kinh tế - xã hội", "Bảo đảm quốc phòng, an ninh" },
    };

    private static string YearUrl(int unit, int year) => $"/api/units/{unit}/years/{year}";

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body, int? version)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Api.Json) };
        if (version is { } v)
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return request;
    }

    private async Task<int> TaskAsync(string title, int lead, int? parent = null, TaskKind kind = TaskKind.Task) =>
        (await _admin.PostAsync("/api/tasks", new
        {
            Title = title, LeadUnitId = lead, AssignedByUnitId = Units.Root.Id, DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(60), ParentId = parent, Kind = kind.ToString(),
        }).OkAsync<TaskDetail>()).Id;

    private async Task CompleteAsync(int task)
    {
        await _admin.ActAsync(task, "accept");
        await _admin.SubmitAsync(task);
        await _admin.ActAsync(task, "complete");
    }

    [DbFact]
    public async Task The_office_sets_the_theme_and_groups_files_tasks_and_the_year_counts_them()
    {
        var office = await OfficeAsync();
        var saved = await office.SendAsync(Send(HttpMethod.Put, YearUrl(Units.Root.Id, 2026), Frame2026, null)).OkAsync<YearFrameView>();
        Assert.Equal(1, saved.Version);
        Assert.Equal(["Xây dựng, chỉnh đốn Đảng", "Phát triển kinh tế - xã hội", "Bảo đảm quốc phòng, an ninh"], saved.Groups.Select(g => g.Title));
        Assert.Equal([1, 2, 3], saved.Groups.Select(g => g.Number));

        var program = await TaskAsync("Chương trình chuyển đổi số", Units.Root.Id, kind: TaskKind.Program);
        var done = await TaskAsync("Đề án dữ liệu số", Units.BaDinh.Id, program, TaskKind.Project);
        await TaskAsync("Đề án hạ tầng số", Units.HoanKiem.Id, program, TaskKind.Project);
        await CompleteAsync(done);
        var open = await TaskAsync("Rà soát tổ chức cơ sở đảng", Units.TayHo.Id);
        var finished = await TaskAsync("Tổng kết công tác kiểm tra", Units.BaDinh.Id);
        await CompleteAsync(finished);

        var version = saved.Version;
        foreach (var (number, task) in new[] { (2, program), (1, open), (1, finished) })
            version = (await office.SendAsync(Send(HttpMethod.Post, $"{YearUrl(Units.Root.Id, 2026)}/groups/{number}/tasks", new { TaskId = task }, version))
                .OkAsync<YearFrameView>()).Version;

        var year = await office.GetOkAsync<YearFrameView>(YearUrl(Units.Root.Id, 2026));
        Assert.Equal(version, year.Version);
        Assert.Equal((1, 2), (year.Groups[0].Completed, year.Groups[0].Total));
        var filedProgram = Assert.Single(year.Groups[1].Tasks);
        Assert.Equal((0, 1), (year.Groups[1].Completed, year.Groups[1].Total));
        Assert.Equal((1, 2), (filedProgram.ChildCompleted, filedProgram.ChildTotal));
        Assert.Empty(year.Groups[2].Tasks);

        // The page shows the same, in Vietnamese.
        var page = await PageForm.ParseAsync(await office.GetAsync($"/Years?unit={Units.Root.Id}&year=2026"));
        Assert.Contains("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển", page.QuerySelector("#year-theme")!.TextContent);
        Assert.Equal("1/2 nhiệm vụ hoàn thành", page.QuerySelector("#group-1 .progress-count")!.TextContent.Trim());
        Assert.Equal("1/2", page.QuerySelector($"#group-2 #filed-{program} .child-count")!.TextContent.Trim());

        // Unfiled, the task leaves the group's count; the change is in the audit trail.
        await office.SendAsync(Send(HttpMethod.Delete, $"{YearUrl(Units.Root.Id, 2026)}/groups/1/tasks/{open}", null, version)).OkAsync<YearFrameView>();
        year = await office.GetOkAsync<YearFrameView>(YearUrl(Units.Root.Id, 2026));
        Assert.Equal((1, 1), (year.Groups[0].Completed, year.Groups[0].Total));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "GroupTasks" && e.Detail!.Contains("Bỏ nhiệm vụ"))));

        // The empty third group can go; renamed groups keep what is filed under their numbers.
        var fewer = await office.SendAsync(Send(HttpMethod.Put, YearUrl(Units.Root.Id, 2026),
            new { Theme = "Kỷ cương, trách nhiệm", Groups = new[] { "Công tác xây dựng Đảng", "Kinh tế - xã hội" } }, year.Version)).OkAsync<YearFrameView>();
        Assert.Equal(["Công tác xây dựng Đảng", "Kinh tế - xã hội"], fewer.Groups.Select(g => g.Title));
        Assert.Equal([1, 1], fewer.Groups.Select(g => g.Tasks.Count));
        Assert.Equal(year.Version + 1, fewer.Version);
    }

    [DbFact]
    public async Task A_stale_version_is_a_conflict_and_bad_input_is_refused_by_field_with_nothing_written()
    {
        var office = await OfficeAsync();
        var url = YearUrl(Units.Root.Id, 2027);
        var saved = await office.SendAsync(Send(HttpMethod.Put, url, Frame2026, null)).OkAsync<YearFrameView>();
        var task = await TaskAsync("Nhiệm vụ của năm 2027", Units.BaDinh.Id);
        var filed = await office.SendAsync(Send(HttpMethod.Post, $"{url}/groups/3/tasks", new { TaskId = task }, saved.Version)).OkAsync<YearFrameView>();

        using (var stale = await office.SendAsync(Send(HttpMethod.Put, url, new { Theme = "Chủ đề khác", Groups = new[] { "Một nhóm" } }, saved.Version)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var body = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(filed.Version, body.GetProperty("version").GetInt32());
        }
        var before = await CountsAsync();

        var errors = await office.SendAsync(Send(HttpMethod.Put, url, new { Theme = new string('x', 501), Groups = new[] { "Nhóm một", " " } }, filed.Version))
            .ProblemAsync("theme", "groups[1]");
        Assert.Equal(["Nhóm 2 chưa có tên."], errors["groups[1]"]);
        // Dropping group 3 while it holds a task.
        errors = await office.SendAsync(Send(HttpMethod.Put, url, new { Groups = new[] { "Nhóm một", "Nhóm hai" } }, filed.Version)).ProblemAsync("groups");
        Assert.Contains("còn 1 nhiệm vụ", errors["groups"][0]);
        await office.SendAsync(Send(HttpMethod.Post, $"{url}/groups/1/tasks", new { TaskId = task }, filed.Version)).ProblemAsync("taskId");
        await office.SendAsync(Send(HttpMethod.Post, $"{url}/groups/1/tasks", new { TaskId = 987654 }, filed.Version)).ProblemAsync("taskId");
        await office.SendAsync(Send(HttpMethod.Put, YearUrl(Units.Root.Id, 2101), Frame2026, null)).ProblemAsync("year");
        using (var missing = await office.SendAsync(Send(HttpMethod.Post, $"{url}/groups/9/tasks", new { TaskId = task }, null)))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(before, await CountsAsync());

        var year = await office.GetOkAsync<YearFrameView>(url);
        Assert.Equal("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển", year.Theme);
        Assert.Equal(filed.Version, year.Version);
    }

    [DbFact]
    public async Task Units_outside_the_scope_do_not_exist_and_only_the_office_writes()
    {
        var office = await OfficeAsync(Units.BaDinh);
        var own = await office.SendAsync(Send(HttpMethod.Put, YearUrl(Units.BaDinh.Id, 2026), Frame2026, null)).OkAsync<YearFrameView>();
        var otherTask = await TaskAsync("Nhiệm vụ của phường Hoàn Kiếm", Units.HoanKiem.Id);
        // A task outside Ba Đình's subtree: it does not exist for Ba Đình's office.
        await office.SendAsync(Send(HttpMethod.Post, $"{YearUrl(Units.BaDinh.Id, 2026)}/groups/1/tasks", new { TaskId = otherTask }, own.Version)).ProblemAsync("taskId");

        var outside = YearUrl(Units.HoanKiem.Id, 2026);
        foreach (var request in new[]
        {
            Send(HttpMethod.Get, outside, null, null),
            Send(HttpMethod.Put, outside, Frame2026, null),
            Send(HttpMethod.Post, $"{outside}/groups/1/tasks", new { TaskId = otherTask }, null),
        })
        {
            using var response = await office.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/Years?unit={Units.HoanKiem.Id}&year=2026")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.UnitYears.AnyAsync(y => y.UnitId == Units.HoanKiem.Id)));

        using var viewer = await app.ClientAsync(Roles.Viewer, Units.BaDinh);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(YearUrl(Units.BaDinh.Id, 2026))).StatusCode);
        using var put = await viewer.SendAsync(Send(HttpMethod.Put, YearUrl(Units.BaDinh.Id, 2026), Frame2026, null));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [DbFact]
    public async Task Offices_writing_one_year_at_once_get_a_conflict_never_an_error()
    {
        var office = await OfficeAsync();
        var url = YearUrl(Units.Root.Id, 2028);
        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            office.SendAsync(Send(HttpMethod.Put, url, new { Theme = $"Chủ đề {i}", Groups = new[] { "Nhóm một", "Nhóm hai" } }, null))));
        Assert.All(created, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.UnitYears.CountAsync(y => y.UnitId == Units.Root.Id && y.Year == 2028)));

        var tasks = new[] { await TaskAsync("Việc thứ nhất năm 2028", Units.BaDinh.Id), await TaskAsync("Việc thứ hai năm 2028", Units.TayHo.Id) };
        var filed = await Task.WhenAll(tasks.Select(t => office.SendAsync(Send(HttpMethod.Post, $"{url}/groups/1/tasks", new { TaskId = t }, null))));
        Assert.All(filed, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        var year = await office.GetOkAsync<YearFrameView>(url);
        Assert.Equal(filed.Count(a => a.StatusCode == HttpStatusCode.OK), year.Groups[0].Tasks.Count);
    }

    private Task<string> CountsAsync() => app.WithDbAsync(async db =>
        $"years={await db.UnitYears.CountAsync()} groups={await db.KeyTaskGroups.CountAsync()} filed={await db.GroupTasks.CountAsync()} audit={await db.AuditEntries.CountAsync()}");
}

public sealed class YearFrameOnSqlite(SqliteApp app) : YearFrameTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class YearFrameOnPostgres(PostgresApp app) : YearFrameTests(app), IClassFixture<PostgresApp>;
