using DonDoc.Web.Data;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Tests.Rules;

/// <summary>
/// Drives random work through the real workflow on a SQLite file, then checks the rollup-based
/// dashboard against a count over every task, and the as-of replay against what was counted on
/// each past day.
/// </summary>
public sealed class RollupTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-rollups-").FullName;
    private readonly MutableTime _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private AppDb _db = null!;

    public async Task InitializeAsync()
    {
        _db = Database.CreateContext($"Data Source={Path.Combine(_dir, "t.db")}", _time);
        await Database.MigrateAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Deep_tree_counts_reach_every_ancestor()
    {
        var chain = new List<Unit>();
        Unit? parent = null;
        for (var depth = 0; depth < 8; depth++)
        {
            var unit = NewUnit($"D{depth}", parent, depth == 0 ? UnitType.TinhUy : UnitType.DangBoCoSo);
            _db.Units.Add(unit);
            await UnitPaths.SaveAsync(_db);
            chain.Add(unit);
            parent = unit;
        }
        Assert.Equal(7, chain[^1].Depth);
        Assert.Equal("/" + string.Join("/", chain.Select(u => u.Id)) + "/", chain[^1].Path);
        await RunScenarioAsync(chain, days: 20, tasksPerDay: 6, seed: 7);
    }

    [Fact]
    public async Task Wide_tree_counts_each_child_apart()
    {
        var root = NewUnit("W", null, UnitType.TinhUy);
        _db.Units.Add(root);
        await UnitPaths.SaveAsync(_db);
        var children = Enumerable.Range(0, 150).Select(i => NewUnit($"W{i:000}", root, UnitType.DangBoTrucThuoc)).ToList();
        _db.Units.AddRange(children);
        await UnitPaths.SaveAsync(_db);
        await RunScenarioAsync([root, .. children], days: 25, tasksPerDay: 12, seed: 11);
    }

    [Fact]
    public async Task Past_days_count_as_a_replay_of_the_history_also_across_a_merger()
    {
        var root = NewUnit("M", null, UnitType.TinhUy);
        _db.Units.Add(root);
        await UnitPaths.SaveAsync(_db);
        var committees = Enumerable.Range(0, 3).Select(i => NewUnit($"M{i}", root, UnitType.DangBoTrucThuoc)).ToList();
        _db.Units.AddRange(committees);
        await UnitPaths.SaveAsync(_db);
        var cells = committees.SelectMany(c => Enumerable.Range(0, 3).Select(i => NewUnit($"{c.Code}-{i}", c, UnitType.DangBoCoSo))).ToList();
        _db.Units.AddRange(cells);
        await UnitPaths.SaveAsync(_db);
        // On the ninth day two committees merge: their grassroots move under the new one and their open tasks go to it.
        await RunScenarioAsync([root, .. committees, .. cells], days: 24, tasksPerDay: 8, seed: 23, async (day, clock, units) =>
        {
            if (day != 9)
                return units;
            var merged = await new Reorganization(_db, clock, new TaskLedger(clock)).MergeAsync(
                new MergeRequest(["M0", "M1"], "M", "Đảng bộ hợp nhất", "M01", UnitType.DangBoTrucThuoc, clock.Today));
            Assert.Null(merged.Problems);
            _db.ChangeTracker.Clear();
            return await _db.Units.AsNoTracking().Where(u => u.ValidTo == null).ToListAsync();
        });
    }

    [Fact]
    public async Task A_database_from_before_the_count_steps_gets_them_from_its_history_when_migrated()
    {
        var root = NewUnit("U", null, UnitType.TinhUy);
        _db.Units.Add(root);
        await UnitPaths.SaveAsync(_db);
        var children = Enumerable.Range(0, 4).Select(i => NewUnit($"U{i}", root, UnitType.DangBoTrucThuoc)).ToList();
        _db.Units.AddRange(children);
        await UnitPaths.SaveAsync(_db);
        await RunScenarioAsync([root, .. children], days: 6, tasksPerDay: 5, seed: 31);
        var kept = await StepsAsync();
        Assert.NotEmpty(kept);

        // As a version without them left it: history, no steps.
        await _db.UnitCountSteps.ExecuteDeleteAsync();
        await Database.MigrateAsync(_db);
        Assert.Equal(kept, await StepsAsync());
    }

    [Fact]
    public async Task A_save_that_skips_the_ledger_or_the_unit_paths_is_refused_and_writes_nothing()
    {
        var unit = NewUnit("R", null, UnitType.TinhUy);
        _db.Units.Add(unit);
        var unsaved = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.SaveChangesAsync());
        Assert.Contains("UnitPaths", unsaved.Message);
        await UnitPaths.SaveAsync(_db);
        Assert.Equal($"/{unit.Id}/", unit.Path);

        _db.Tasks.Add(new TaskItem { Title = "Ngoài sổ", LeadUnitId = unit.Id, AssignedByUnitId = unit.Id, AssignedOn = new DateOnly(2026, 3, 2) });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.SaveChangesAsync());
        Assert.Contains("TaskLedger", refused.Message);
        _db.ChangeTracker.Clear();
        Assert.Equal(0, await _db.Tasks.CountAsync());
        Assert.Equal(0, await _db.TaskEvents.CountAsync());
        Assert.Empty(await StatsAsync());
    }

    private async Task RunScenarioAsync(List<Unit> units, int days, int tasksPerDay, int seed,
        Func<int, Clock, List<Unit>, Task<List<Unit>>>? reorganize = null)
    {
        var random = new Random(seed);
        var clock = new Clock(_time);
        var flow = new TaskWorkflow(_db, clock, new TaskLedger(clock), Options.Create(new EvidenceOptions { Directory = Path.Combine(_dir, "evidence") }), new NoticeBoard(_db, clock));
        var query = new DashboardQuery(_db, clock);
        var program = (await flow.CreateAsync(new NewTask { Title = "Chương trình", LeadUnitId = units[0].Id, Kind = TaskKind.Program, DeadlineKind = DeadlineKind.Ongoing })).Value!;
        var counted = new Dictionary<DateOnly, Dictionary<int, Counts>>();
        for (var day = 0; day < days; day++)
        {
            if (reorganize is not null)
                units = await reorganize(day, clock, units);
            for (var i = 0; i < tasksPerDay; i++)
            {
                var lead = units[random.Next(units.Count)];
                var input = new NewTask
                {
                    Title = $"Nhiệm vụ {day}-{i}",
                    LeadUnitId = lead.Id,
                    ParentId = random.Next(3) == 0 ? program.Id : null,
                    DeadlineKind = random.Next(6) == 0 ? DeadlineKind.Ongoing : DeadlineKind.Date,
                };
                if (input.DeadlineKind == DeadlineKind.Date)
                    input.DueDate = clock.Today.AddDays(random.Next(0, 12));
                Assert.Null((await flow.CreateAsync(input)).Problems);
            }
            var open = await _db.Tasks.Where(t => t.Status != TaskState.Completed && t.Status != TaskState.Cancelled && t.Id != program.Id)
                .Select(t => new { t.Id, t.Status }).ToListAsync();
            foreach (var t in open.Where(_ => random.Next(3) == 0))
                await ActAsync(flow, t.Id, t.Status, random);
            _db.ChangeTracker.Clear();

            counted[clock.Today] = await CountByBruteForceAsync(units, clock.Today);
            foreach (var unit in units.Take(3))
            {
                var view = (await query.GetAsync(unit.Id, null))!;
                Assert.Equal(counted[clock.Today][unit.Id], view.Unit.Counts);
                foreach (var child in view.Children)
                    Assert.Equal(counted[clock.Today][child.Id], child.Counts);
            }
            _time.Advance(TimeSpan.FromDays(1));
        }

        // Counted on the day, unless a merger has since moved units: a past day is then counted on today's tree, as a replay does.
        foreach (var (day, byUnit) in counted.Where(_ => reorganize is null))
        {
            var view = (await query.GetAsync(units[0].Id, day))!;
            Assert.True(view.Historical);
            Assert.Equal(byUnit[units[0].Id], view.Unit.Counts);
            foreach (var child in view.Children)
                Assert.Equal(byUnit[child.Id], child.Counts);
        }
        var everyUnit = await _db.Units.AsNoTracking().ToListAsync();
        for (var day = counted.Keys.Min().AddDays(-1); day < clock.Today; day = day.AddDays(1))
        {
            var replayed = await ReplayAsync(everyUnit, day);
            foreach (var unit in everyUnit)
            {
                var view = (await query.GetAsync(unit.Id, day))!;
                Assert.True(view.Unit.Counts == replayed[unit.Id], $"{unit.Code} on {day}: {view.Unit.Counts}, replayed {replayed[unit.Id]}");
                foreach (var child in view.Children)
                    Assert.Equal(replayed[child.Id], child.Counts);
            }
        }

        // The list behind each count pages through exactly the replay's tasks, whatever the day, the unit or the count.
        for (var day = counted.Keys.Min(); day < clock.Today; day = day.AddDays(5))
            await AssertListsAsync(query, everyUnit, day);

        var reloaded = await _db.Tasks.AsNoTracking().FirstAsync(t => t.Id == program.Id);
        var children = await _db.Tasks.Where(t => t.ParentId == program.Id && t.Status != TaskState.Cancelled).ToListAsync();
        Assert.Equal(children.Count, reloaded.ChildTotal);
        Assert.Equal(children.Count(c => c.Status == TaskState.Completed), reloaded.ChildCompleted);

        var incremental = await StatsAsync();
        var steps = await StepsAsync();
        await TaskLedger.RebuildRollupsAsync(_db);
        Assert.Equal(incremental, await StatsAsync());
        Assert.Equal(steps, await StepsAsync());
    }

    private static async Task ActAsync(TaskWorkflow flow, int id, TaskState status, Random random)
    {
        switch (status)
        {
            case TaskState.Assigned:
                await flow.AcceptAsync(id);
                break;
            case TaskState.Accepted or TaskState.InProgress or TaskState.Returned:
                var choice = random.Next(4);
                if (choice == 0)
                    await flow.SubmitAsync(id, new SubmitInput { Result = "Đã hoàn thành", Percent = 100 });
                else if (choice == 1)
                {
                    var request = (await flow.RequestExtensionAsync(id, new ExtensionInput { RequestedDueDate = new DateOnly(2026, 12, 31), Reason = "Cần thêm thời gian" })).Value;
                    if (request is not null)
                        await flow.DecideExtensionAsync(id, request.Id, new ExtensionDecision { Approve = random.Next(2) == 0, Note = "Ý kiến" });
                }
                else
                    await flow.ReportProgressAsync(id, new ProgressInput { Percent = random.Next(101), Text = "Đang triển khai", DropReason = "Đánh giá lại khối lượng còn lại" }, []);
                break;
            case TaskState.Submitted:
                var next = random.Next(5);
                if (next == 0)
                    await flow.ReturnAsync(id, new ReasonInput { Reason = "Chưa đạt yêu cầu" });
                else if (next == 1)
                    await flow.CancelAsync(id, new ReasonInput { Reason = "Không còn phù hợp" });
                else
                    await flow.CompleteAsync(id);
                break;
        }
    }

    private async Task<Dictionary<int, Counts>> CountByBruteForceAsync(List<Unit> units, DateOnly today)
    {
        var tasks = await _db.Tasks.AsNoTracking().Select(t => new { t.LeadUnit!.Path, t.Status, t.DueDate, t.SubmittedOn }).ToListAsync();
        return units.ToDictionary(u => u.Id, u =>
            Count(tasks.Where(t => t.Path.StartsWith(u.Path)).Select(t => new TaskFacts(0, t.Status, t.DueDate, t.SubmittedOn)), today));
    }

    // The slow path the count steps must agree with: every task's last history row before the day's end, on today's tree.
    private async Task<Dictionary<int, Counts>> ReplayAsync(List<Unit> units, DateOnly day)
    {
        var cut = Clock.EndOfDayUtc(day);
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var latest = (await _db.TaskEvents.AsNoTracking().Where(e => e.AtUtc < cut).ToListAsync())
            .GroupBy(e => e.TaskId).Select(g => g.MaxBy(e => e.Id)!).ToList();
        return units.ToDictionary(u => u.Id, u => Count(latest.Where(e => paths[e.LeadUnitId].StartsWith(u.Path))
            .Select(e => new TaskFacts(e.LeadUnitId, e.Status, e.DueDate, e.SubmittedOn)), day));
    }

    // Each unit's list of each count of the day, read page by page (four rows a page) to its end: the replay's tasks of
    // that count, each once, its total on every page, a lead unit's rows together and by due date.
    private async Task AssertListsAsync(DashboardQuery query, List<Unit> units, DateOnly day)
    {
        const int size = 4;
        var cut = Clock.EndOfDayUtc(day);
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var latest = (await _db.TaskEvents.AsNoTracking().Where(e => e.AtUtc < cut).ToListAsync())
            .GroupBy(e => e.TaskId).Select(g => g.MaxBy(e => e.Id)!).ToList();
        var statuses = new CountsCard(0, DashboardQuery.Empty).Metrics.Select(m => m.Status).OfType<string>().ToList();
        foreach (var unit in units)
            foreach (var status in statuses)
            {
                int Metric(Counts c) => CountsCard.Pick(c, status);
                var expected = latest.Where(e => paths[e.LeadUnitId].StartsWith(unit.Path, StringComparison.Ordinal)
                    && Metric(CountSteps.On(new TaskFacts(e.LeadUnitId, e.Status, e.DueDate, e.SubmittedOn), day)) > 0)
                    .Select(e => e.TaskId).Order().ToList();
                var listed = new List<TaskThen>();
                for (var page = 1; page <= expected.Count / size + 1; page++)
                {
                    var read = await query.TasksOnAsync(unit, day, Metric, page, size);
                    Assert.Equal(expected.Count, read.Total);
                    Assert.True(read.Items.Count == Math.Clamp(expected.Count - (page - 1) * size, 0, size), $"{unit.Code} {status} {day} page {page}");
                    listed.AddRange(read.Items);
                }
                Assert.True(expected.SequenceEqual(listed.Select(t => t.Id).Order()), $"{unit.Code} {status} {day}: {string.Join(",", expected)} / {string.Join(",", listed.Select(t => t.Id))}");
                var runs = listed.Select((t, i) => (t, i)).GroupBy(x => x.t.LeadUnitId).ToList();
                Assert.All(runs, g => Assert.Equal(g.Count() - 1, g.Last().i - g.First().i));
                Assert.All(runs, g => Assert.Equal(g.Select(x => x.t).OrderBy(t => t.DueDate is null).ThenBy(t => t.DueDate).ThenBy(t => t.Id), g.Select(x => x.t)));
            }
    }

    private static Counts Count(IEnumerable<TaskFacts> tasks, DateOnly day)
    {
        var mine = tasks.ToList();
        var overlays = mine.Select(t => TaskRules.OverlayOn(t.Status, t.DueDate, t.SubmittedOn, day)).ToList();
        return new Counts(
            mine.Count(t => t.Status != TaskState.Cancelled),
            overlays.Count(o => o == Overlay.CompletedOnTime),
            overlays.Count(o => o == Overlay.CompletedLate),
            mine.Count(t => t.Status == TaskState.Assigned),
            mine.Count(t => t.Status is TaskState.Accepted or TaskState.InProgress or TaskState.Returned),
            mine.Count(t => t.Status == TaskState.Submitted),
            overlays.Count(o => o == Overlay.Overdue),
            overlays.Count(o => o == Overlay.DueSoon),
            mine.Count(t => t.Status == TaskState.Cancelled));
    }

    private async Task<List<string>> StepsAsync() =>
        (await _db.UnitCountSteps.AsNoTracking().ToListAsync())
            .Where(s => new Counts(s.Total, s.CompletedOnTime, s.CompletedLate, s.NotAccepted, s.InProgress, s.Submitted, s.Overdue, s.DueSoon, s.Cancelled) != DashboardQuery.Empty)
            .Select(s => $"{s.UnitId}|{s.Grain}|{s.Day:yyyy-MM-dd}|{s.Total}|{s.CompletedOnTime}|{s.CompletedLate}|{s.NotAccepted}|{s.InProgress}|{s.Submitted}|{s.Overdue}|{s.DueSoon}|{s.Cancelled}")
            .Order().ToList();

    private async Task<List<string>> StatsAsync() =>
        (await _db.UnitStats.AsNoTracking().Where(s => s.Count != 0).ToListAsync())
            .Select(s => $"{s.UnitId}|{s.Metric}|{s.Day:yyyy-MM-dd}|{s.Count}").Order().ToList();

    private static Unit NewUnit(string code, Unit? parent, UnitType type) => new()
    {
        Code = code,
        Name = "Đơn vị " + code,
        Type = type,
        Parent = parent,
        ParentId = parent?.Id,
        ValidFrom = new DateOnly(2025, 7, 1),
    };

    private sealed class MutableTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
