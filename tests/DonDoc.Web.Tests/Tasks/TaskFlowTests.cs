using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// One direction from the city committee, handed down to the four ward committees and worked
/// through to the end over three weeks, checked through the API at each step: the dashboard, the
/// parent's "x/y", the filtered list, and the as-of view of each earlier day.
/// </summary>
public abstract class TaskFlowTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();
    private TestUnits Units => app.Units;

    [DbFact]
    public async Task A_fanned_out_task_is_counted_on_every_day_and_each_day_can_be_replayed()
    {
        var dueDate = new DateOnly(2026, 3, 20);
        app.Clock.SetLocal(TestApp.FirstDay, 9);
        var parent = await _client.PostAsync("/api/tasks", new
        {
            Title = "Triển khai Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp",
            LeadUnitId = Units.Root.Id,
            DeadlineKind = "Date",
            DueDate = dueDate,
        }).OkAsync<TaskDetail>();
        Assert.Equal(TaskState.Assigned, parent.Status);
        Assert.Equal(dueDate, parent.DueDate);

        var fanout = await _client.PostAsync($"/api/tasks/{parent.Id}/fanout").OkAsync<FanOutResult>();
        Assert.Equal(4, fanout.Created);
        var children = (await _client.GetOkAsync<Page<TaskRow>>($"/api/tasks?parent={parent.Id}")).Items.ToDictionary(r => r.LeadUnitId, r => r.Id);
        // The closed unit gets nothing; the cell is a grandchild, not a child.
        Assert.Equal(Units.ActiveChildren.Select(u => u.Id).Order(), children.Keys.Order());
        var baDinh = children[Units.BaDinh.Id];
        var hoanKiem = children[Units.HoanKiem.Id];
        var tayHo = children[Units.TayHo.Id];
        var ubnd = children[Units.UbndParty.Id];

        foreach (var id in new[] { baDinh, hoanKiem, tayHo })
            await ActAsync(id, "accept", TaskState.Accepted);
        await ProgressAsync(baDinh, 50);
        await ProgressAsync(hoanKiem, 30);
        await ActAsync(baDinh, "submit", TaskState.Submitted);
        await ActAsync(baDinh, "complete", TaskState.Completed);

        await AssertChildCountAsync(parent.Id, 1, 4);
        var day1 = await DashboardAsync();
        Assert.Equal(Counts(total: 5, onTime: 1, notAccepted: 2, inProgress: 2), day1.Unit.Counts);
        Assert.Equal(Units.ActiveChildren.Select(u => u.Id).Order(), day1.Children.Select(c => c.Id).Order());
        Assert.Equal(Counts(total: 1, onTime: 1), Child(day1, Units.BaDinh).Counts);
        Assert.Equal(Counts(total: 1, inProgress: 1), Child(day1, Units.HoanKiem).Counts);
        Assert.Equal(Counts(total: 1, inProgress: 1), Child(day1, Units.TayHo).Counts);
        Assert.Equal(Counts(total: 1, notAccepted: 1), Child(day1, Units.UbndParty).Counts);

        // Six days before the due date, late in the evening in Hà Nội (still the 14th, and in UTC too).
        var day2Date = new DateOnly(2026, 3, 14);
        app.Clock.SetLocal(day2Date, 23, 50);
        Assert.Equal(Counts(total: 5, onTime: 1, notAccepted: 2, inProgress: 2, dueSoon: 4), (await DashboardAsync()).Unit.Counts);
        await ActAsync(hoanKiem, "submit", TaskState.Submitted);
        var day2 = await DashboardAsync();
        Assert.Equal(Counts(total: 5, onTime: 1, notAccepted: 2, inProgress: 1, submitted: 1, dueSoon: 3), day2.Unit.Counts);
        Assert.Equal(Counts(total: 1, submitted: 1), Child(day2, Units.HoanKiem).Counts);

        // Twenty minutes later: still the 14th in UTC, already the 15th in Hà Nội.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(new DateOnly(2026, 3, 14), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(new DateOnly(2026, 3, 15), app.Clock.Today);
        await ActAsync(ubnd, "accept", TaskState.Accepted);
        var day3 = await DashboardAsync();
        Assert.Equal(new DateOnly(2026, 3, 15), day3.AsOf);
        Assert.Equal(Counts(total: 5, onTime: 1, notAccepted: 1, inProgress: 2, submitted: 1, dueSoon: 3), day3.Unit.Counts);

        // Five days after the due date.
        app.Clock.SetLocal(new DateOnly(2026, 3, 25), 10);
        Assert.Equal(Counts(total: 5, onTime: 1, notAccepted: 1, inProgress: 2, submitted: 1, overdue: 3), (await DashboardAsync()).Unit.Counts);
        await ActAsync(hoanKiem, "complete", TaskState.Completed); // submitted on the 14th: on time
        await ProgressAsync(tayHo, 80);
        await ActAsync(tayHo, "submit", TaskState.Submitted);
        await ActAsync(tayHo, "complete", TaskState.Completed); // submitted on the 25th: late
        var day4 = await DashboardAsync();
        Assert.Equal(Counts(total: 5, onTime: 2, late: 1, notAccepted: 1, inProgress: 1, overdue: 2), day4.Unit.Counts);
        Assert.Equal(Counts(total: 1, late: 1), Child(day4, Units.TayHo).Counts);
        Assert.Equal(Counts(total: 1, inProgress: 1, overdue: 1), Child(day4, Units.UbndParty).Counts);
        await AssertChildCountAsync(parent.Id, 3, 4);

        var overdue = await ListAsync($"unit={Units.Root.Id}&scope=subtree&status=overdue");
        Assert.Equal(new[] { parent.Id, ubnd }.Order(), overdue.Select(r => r.Id).Order());
        Assert.All(overdue, r => Assert.Equal(Overlay.Overdue, r.Overlay));
        Assert.Equal([ubnd], (await ListAsync($"unit={Units.UbndParty.Id}&scope=subtree&status=overdue")).Select(r => r.Id));
        Assert.Empty(await ListAsync($"unit={Units.BaDinh.Id}&scope=subtree&status=overdue"));
        Assert.Equal([parent.Id], (await ListAsync($"unit={Units.Root.Id}&scope=own&status=overdue")).Select(r => r.Id));
        Assert.Equal([tayHo], (await ListAsync($"unit={Units.Root.Id}&scope=subtree&status=completedlate")).Select(r => r.Id));
        Assert.Equal(new[] { baDinh, hoanKiem }.Order(),
            (await ListAsync($"unit={Units.Root.Id}&scope=subtree&status=completedontime")).Select(r => r.Id).Order());

        // Each earlier day, replayed from the history, shows exactly what was counted on it.
        foreach (var (day, counted) in new[] { (TestApp.FirstDay, day1), (day2Date, day2), (new DateOnly(2026, 3, 15), day3) })
        {
            var replayed = await DashboardAsync(day);
            Assert.True(replayed.Historical);
            Assert.Equal(day, replayed.AsOf);
            Assert.Equal(counted.Unit.Counts, replayed.Unit.Counts);
            Assert.Equal(counted.Children.ToDictionary(c => c.Id, c => c.Counts), replayed.Children.ToDictionary(c => c.Id, c => c.Counts));
            Assert.Equal(counted.Directions, replayed.Directions);
        }

        // Today's dashboard and a past day's each read their rows in three statements, the directions' x/y included.
        foreach (var (day, completed) in new (DateOnly?, int)[] { (null, 3), (day2Date, 1) })
        {
            var seen = new StatementRecorder();
            await using var db = Database.CreateContext(app.ConnectionString, app.Clock, seen);
            var view = await new DashboardQuery(db, new Clock(app.Clock)).GetAsync(Units.Root.Id, day);
            Assert.Equal([(parent.Id, completed, 4)], view!.Directions.Select(d => (d.Id, d.Completed, d.Total)));
            Assert.True(seen.Statements.Count <= 3, string.Join("\n\n", seen.Statements.Select(s => s.Text)));
        }
    }

    private async Task ActAsync(int id, string action, TaskState expected)
    {
        var result = await _client.PostAsync($"/api/tasks/{id}/{action}", action == "submit" ? Api.Done : null).OkAsync<StatusResult>();
        Assert.Equal(expected, result.Status);
    }

    private async Task ProgressAsync(int id, int percent)
    {
        await _client.PostAsync($"/api/tasks/{id}/progress", new { Percent = percent, Text = $"Đã triển khai {percent}% khối lượng công việc." })
            .OkAsync<ProgressResult>();
        var task = await _client.GetOkAsync<TaskDetail>($"/api/tasks/{id}");
        Assert.Equal(TaskState.InProgress, task.Status);
        Assert.Equal(percent, task.Percent);
    }

    private async Task AssertChildCountAsync(int parentId, int completed, int total)
    {
        var parent = await _client.GetOkAsync<TaskDetail>($"/api/tasks/{parentId}");
        Assert.Equal($"{completed}/{total}", $"{parent.ChildCompleted}/{parent.ChildTotal}");
        var row = Assert.Single(await ListAsync($"unit={Units.Root.Id}&scope=own"), r => r.Id == parentId);
        Assert.Equal($"{completed}/{total}", $"{row.ChildCompleted}/{row.ChildTotal}");
    }

    private Task<DashboardView> DashboardAsync(DateOnly? asOf = null) =>
        _client.GetOkAsync<DashboardView>($"/api/units/{Units.Root.Id}/dashboard" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : ""));

    private async Task<IReadOnlyList<TaskRow>> ListAsync(string query) =>
        (await _client.GetOkAsync<Page<TaskRow>>("/api/tasks?" + query)).Items;

    private static UnitCounts Child(DashboardView view, Features.Units.Unit unit) => Assert.Single(view.Children, c => c.Id == unit.Id);

    private static Counts Counts(int total, int onTime = 0, int late = 0, int notAccepted = 0, int inProgress = 0,
        int submitted = 0, int overdue = 0, int dueSoon = 0, int cancelled = 0) =>
        new(total, onTime, late, notAccepted, inProgress, submitted, overdue, dueSoon, cancelled);

    private sealed record FanOutResult(int Created);

    private sealed record StatusResult(int Id, TaskState Status);

    private sealed record ProgressResult(int Id, int Percent, DateOnly ReportedOn);
}

public sealed class TaskFlowOnSqlite(SqliteApp app) : TaskFlowTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class TaskFlowOnPostgres(PostgresApp app) : TaskFlowTests(app), IClassFixture<PostgresApp>;
