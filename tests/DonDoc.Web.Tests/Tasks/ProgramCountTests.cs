using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;

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
