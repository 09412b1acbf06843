using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// A unit's programs with their "x/y" on the dashboard, today and as they stood on an earlier day: a
/// program cancelled since still counts on the days it ran, one started since does not appear on them.
/// </summary>
public abstract class ProgramCountTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    [DbFact]
    public async Task An_earlier_day_shows_the_programs_of_that_day()
    {
        var unit = app.Units.TayHo;
        var first = new DateOnly(2026, 3, 3);
        app.Clock.SetLocal(first, 9);
        var old = await CreateAsync("Chương trình chuyển đổi số phường Tây Hồ", unit.Id, TaskKind.Program, null);
        var done = await CreateAsync("Đề án số hóa hồ sơ đảng viên", unit.Id, TaskKind.Project, old);
        await CreateAsync("Đề án cổng thông tin phường", unit.Id, TaskKind.Project, old);
        foreach (var action in new[] { "accept", "submit", "complete" })
            await _client.PostAsync($"/api/tasks/{done}/{action}", action == "submit" ? Api.Done : null).OkAsync<System.Text.Json.JsonElement>();

        var second = first.AddDays(4);
        app.Clock.SetLocal(second, 10);
        await _client.PostAsync($"/api/tasks/{old}/cancel", new { Reason = "Gộp vào chương trình của quận" }).OkAsync<System.Text.Json.JsonElement>();
        var current = await CreateAsync("Chương trình xây dựng phường văn minh", unit.Id, TaskKind.Program, null);
        await CreateAsync("Đề án chỉnh trang đô thị", unit.Id, TaskKind.Project, current);

        Assert.Equal([(current, 0, 1)], await ProgramsAsync(unit.Id, null));
        Assert.Equal([(old, 1, 2)], await ProgramsAsync(unit.Id, first));
        Assert.Equal([(current, 0, 1)], await ProgramsAsync(unit.Id, second));
        Assert.Empty(await ProgramsAsync(unit.Id, first.AddDays(-1)));
    }

    [DbFact]
    public async Task A_program_is_drawn_at_each_quarter_end_with_the_x_y_the_dashboard_gives_that_day()
    {
        var unit = app.Units.UbndParty;
        app.Clock.SetLocal(new DateOnly(2025, 11, 10), 9);
        var program = await CreateAsync("Chương trình cải cách hành chính trong Đảng", unit.Id, TaskKind.Program, null);
        var first = await CreateAsync("Đề án một cửa liên thông", unit.Id, TaskKind.Project, program);
        var second = await CreateAsync("Đề án chữ ký số", unit.Id, TaskKind.Project, program);
        var third = await CreateAsync("Đề án lưu trữ điện tử", unit.Id, TaskKind.Project, program);
        app.Clock.SetLocal(new DateOnly(2026, 1, 20), 9);
        await DoneAsync(first);
        app.Clock.SetLocal(new DateOnly(2026, 5, 5), 9);
        await _client.PostAsync($"/api/tasks/{third}/cancel", new { Reason = "Gộp vào đề án của tỉnh" }).OkAsync<System.Text.Json.JsonElement>();
        await CreateAsync("Đề án bồi dưỡng kỹ năng số", unit.Id, TaskKind.Project, program);
        app.Clock.SetLocal(new DateOnly(2026, 8, 12), 9);
        await DoneAsync(second);
        app.Clock.SetLocal(new DateOnly(2026, 8, 20), 9);

        var milestones = await app.WithDbAsync(db => Features.Reports.ProgramProgress.MilestonesAsync(db, program, app.Clock.Today, default));
        Assert.Equal([(new DateOnly(2025, 12, 31), 0, 3), (new DateOnly(2026, 3, 31), 1, 3), (new DateOnly(2026, 6, 30), 1, 3), (new DateOnly(2026, 8, 20), 2, 3)],
            milestones.Select(m => (m.Day, m.Completed, m.Total)));
        // Each milestone is the program's x/y on the dashboard of that day (a past day replayed, today from the counters).
        foreach (var m in milestones)
            Assert.Contains((program, m.Completed, m.Total), await ProgramsAsync(unit.Id, m.Day == app.Clock.Today ? null : m.Day));

        var svg = await _client.GetStringAsync($"/api/tasks/{program}/charts/progress?asOf=2026-06-30");
        Assert.Contains("31/12/2025", svg);
        Assert.Contains("1/3", svg);
        Assert.DoesNotContain("20/08/2026", svg);
        // The progress report of the unit draws the same chart under the program's line.
        var report = await app.WithServicesAsync(s => s.GetRequiredService<Features.Reports.ReportMaker>().BuildAsync(
            new Features.Reports.ReportInputs(Features.Reports.ReportKind.Progress, unit.Id, unit.Id, null, app.Clock.Today, app.Clock.Today, "01-BC/VPĐU"), default));
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(report), false))
            Assert.Contains(docx.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(),
                d => d.Description == "Tiến độ chương trình qua các mốc: Chương trình cải cách hành chính trong Đảng");
        var outsider = await app.ClientAsync(Features.Accounts.Roles.UnitOfficer, app.Units.TayHo);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/tasks/{program}/charts/progress")).StatusCode);
    }

    private async Task DoneAsync(int id)
    {
        foreach (var action in new[] { "accept", "submit", "complete" })
            await _client.PostAsync($"/api/tasks/{id}/{action}", action == "submit" ? Api.Done : null).OkAsync<System.Text.Json.JsonElement>();
    }

    private async Task<int> CreateAsync(string title, int lead, TaskKind kind, int? parent) =>
        (await _client.PostAsync("/api/tasks", new
        {
            Title = title,
            LeadUnitId = lead,
            Kind = kind.ToString(),
            ParentId = parent,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(60),
        }).OkAsync<TaskDetail>()).Id;

    private async Task<List<(int, int, int)>> ProgramsAsync(int unitId, DateOnly? asOf)
    {
        var view = await _client.GetOkAsync<DashboardView>($"/api/units/{unitId}/dashboard" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : ""));
        return view.Programs.Select(p => (p.Id, p.Completed, p.Total)).ToList();
    }
}

public sealed class ProgramCountOnSqlite(SqliteApp app) : ProgramCountTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ProgramCountOnPostgres(PostgresApp app) : ProgramCountTests(app), IClassFixture<PostgresApp>;
