using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Dashboard;

public sealed record Counts(int Total, int CompletedOnTime, int CompletedLate, int NotAccepted, int InProgress,
    int Submitted, int Overdue, int DueSoon, int Cancelled)
{
    public int Completed => CompletedOnTime + CompletedLate;

    /// <summary>
    /// The tasks that count toward the rate: those completed and those past their deadline still open.
    /// A task not yet due is left out until its deadline passes, so a new direction handed down to 136
    /// units does not pull the rate down on the day it is sent, only when those units fall behind.
    /// A task waiting for the assigning side to recognise it counts once recognised.
    /// </summary>
    public int Due => Completed + Overdue;

    /// <summary>Completed over <see cref="Due"/>, or null while nothing is due.</summary>
    public decimal? CompletionRate => Due == 0 ? null : Math.Round(100m * Completed / Due, 1);

    public static Counts operator +(Counts a, Counts b) => new(a.Total + b.Total, a.CompletedOnTime + b.CompletedOnTime,
        a.CompletedLate + b.CompletedLate, a.NotAccepted + b.NotAccepted, a.InProgress + b.InProgress, a.Submitted + b.Submitted,
        a.Overdue + b.Overdue, a.DueSoon + b.DueSoon, a.Cancelled + b.Cancelled);

    public static Counts operator -(Counts a, Counts b) => new(a.Total - b.Total, a.CompletedOnTime - b.CompletedOnTime,
        a.CompletedLate - b.CompletedLate, a.NotAccepted - b.NotAccepted, a.InProgress - b.InProgress, a.Submitted - b.Submitted,
        a.Overdue - b.Overdue, a.DueSoon - b.DueSoon, a.Cancelled - b.Cancelled);
}

public sealed record UnitCounts(int Id, string Code, string Name, UnitType Type, Counts Counts);

public sealed record ProgramCount(int Id, string Title, int Completed, int Total);

/// <summary>A task as it stood at the end of a past day: the lead unit, state and due date of that day.</summary>
public sealed record TaskThen(int Id, string Title, int LeadUnitId, string LeadUnitName, TaskState Status, DateOnly? DueDate, Overlay Overlay);

/// <summary>A task overdue or due soon on a day, with the lead unit that owes it.</summary>
public sealed record TaskDue(int Id, string Title, int LeadUnitId, DateOnly DueDate, Overlay Overlay);

public sealed record DashboardView(UnitCounts Unit, DateOnly AsOf, bool Historical, IReadOnlyList<UnitCounts> Children,
    IReadOnlyList<ProgramCount> Programs, IReadOnlyList<ProgramCount> Directions)
{
    /// <summary>The rank of each child unit that has one; <see cref="Children"/> are in ranking order.</summary>
    public IReadOnlyDictionary<int, int> Ranks { get; } = Ranking.Ranks(Children);
}

/// <summary>
/// The dashboard of a unit's subtree. Today's view reads the rollups, a past day's the count steps: a few rows
/// per unit shown either way, whatever the number of tasks and the length of their history. With a
/// <paramref name="cache"/>, a dashboard read since the last committed change is answered from it.
/// </summary>
public sealed class DashboardQuery(AppDb db, Clock clock, DashboardCache? cache = null)
{
    /// <param name="fresh">Read the rows even when the cache holds the answer (a request with <c>Cache-Control: no-cache</c>).</param>
    public async Task<DashboardView?> GetAsync(int unitId, DateOnly? asOf, CancellationToken ct = default, bool fresh = false)
    {
        var today = clock.Today;
        var day = asOf ?? today;
        // Inside a transaction the head may be this transaction's own, not yet committed and perhaps never.
        if (cache is null || fresh || db.Database.CurrentTransaction is not null)
            return await ReadAsync(unitId, day, today, ct);
        var head = await DashboardCache.HeadAsync(db, ct);
        if (cache.Find(unitId, day, today, head) is { } kept)
            return kept;
        var view = await ReadAsync(unitId, day, today, ct);
        if (view is not null)
            cache.Keep(unitId, day, today, head, view);
        return view;
    }

    private async Task<DashboardView?> ReadAsync(int unitId, DateOnly day, DateOnly today, CancellationToken ct)
    {
        // Three statements: the units, their counts, the tasks the unit handed down with their children's x/y.
        var shown = await db.Units.AsNoTracking()
            .Where(u => u.Id == unitId || (u.ParentId == unitId && u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo > day)))
            .ToListAsync(ct);
        if (shown.FirstOrDefault(u => u.Id == unitId) is not { } unit)
            return null;
        var children = shown.Where(u => u.Id != unitId).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var historical = day < today;
        var ids = shown.Select(u => u.Id).ToList();
        var counts = historical ? await CountSteps.AsOfAsync(db, ids, day, ct) : await FromRollupsAsync(ids, day, ct);
        UnitCounts Row(Unit u) => new(u.Id, u.Code, u.Name, u.Type, counts.GetValueOrDefault(u.Id) ?? Empty);
        var ranked = Ranking.Order(children.Select(Row)).ToList();
        var (programs, directions) = await HandedDownAsync(unitId, day, historical, ct);
        return new DashboardView(Row(unit), day, historical, ranked, programs, directions);
    }

    public static readonly Counts Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The newest directions shown; the task list holds the rest.</summary>
    public const int MaxDirections = 20;

    private async Task<Dictionary<int, Counts>> FromRollupsAsync(List<int> unitIds, DateOnly today, CancellationToken ct)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        var soonEnd = today.AddDays(TaskRules.DueSoonDays);
        // Three index range scans on (UnitId, Metric, Day) in one statement: their size follows the units shown.
        // The state metrics are one range ("s:…"), not a list: given a list, SQLite's planner probes (UnitId) alone
        // and walks every day row of each unit, a cost that grows with the tasks; for the same reason the ranges
        // are a UNION ALL rather than one OR.
        var rows = await db.UnitStats.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.Day == TaskFacts.NoDay
                && ((string.Compare(s.Metric, StateMetricsFrom) >= 0 && string.Compare(s.Metric, StateMetricsTo) < 0)
                    || s.Metric == "ontime" || s.Metric == "late"))
            .Concat(db.UnitStats.AsNoTracking().Where(s => unitIds.Contains(s.UnitId) && s.Metric == "m" && s.Day < firstOfMonth))
            .Concat(db.UnitStats.AsNoTracking().Where(s => unitIds.Contains(s.UnitId) && s.Metric == "d" && s.Day >= firstOfMonth && s.Day <= soonEnd))
            .ToListAsync(ct);
        var fixedRows = rows.Where(r => r.Day == TaskFacts.NoDay).ToList();
        var months = rows.Where(r => r.Metric == "m").GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var days = rows.Where(r => r.Metric == "d").ToList();
        var fixedByUnit = fixedRows.ToLookup(r => r.UnitId);
        var daysByUnit = days.ToLookup(d => d.UnitId);
        return unitIds.ToDictionary(id => id, id =>
        {
            var f = fixedByUnit[id].ToDictionary(r => r.Metric, r => r.Count);
            int S(TaskState s) => f.GetValueOrDefault("s:" + s);
            var unitDays = daysByUnit[id];
            var overdue = months.GetValueOrDefault(id) + unitDays.Where(d => d.Day < today).Sum(d => d.Count);
            var dueSoon = unitDays.Where(d => d.Day >= today).Sum(d => d.Count);
            var total = Enum.GetValues<TaskState>().Where(s => s != TaskState.Cancelled).Sum(S);
            return new Counts(total, f.GetValueOrDefault("ontime"), f.GetValueOrDefault("late"), S(TaskState.Assigned),
                S(TaskState.Accepted) + S(TaskState.InProgress) + S(TaskState.Returned), S(TaskState.Submitted),
                overdue, dueSoon, S(TaskState.Cancelled));
        });
    }

    // Every "s:{state}" metric sorts within ["s:", "s;"): ';' follows ':' in ordinal order.
    private const string StateMetricsFrom = "s:";
    private const string StateMetricsTo = "s;";

    // The last history row written before the end of the day of each of the tasks (null: of every task).
    private IQueryable<TaskEvent> LatestStates(DateOnly day, IQueryable<int>? taskIds)
    {
        var cut = Clock.EndOfDayUtc(day);
        var events = db.TaskEvents.Where(e => e.AtUtc < cut);
        if (taskIds is not null)
            events = events.Where(e => taskIds.Contains(e.TaskId));
        var latest = events.GroupBy(e => e.TaskId).Select(g => g.Max(e => e.Id));
        return db.TaskEvents.AsNoTracking().Where(e => latest.Contains(e.Id));
    }

    // Every task a unit of the subtree has led at some time: those a past day's replay of the subtree must read,
    // found by the history's lead-unit index, so that a province's replay reads the province's history only.
    // The whole tree reads everything anyway.
    private IQueryable<int>? LedWithin(Unit unit)
    {
        if (unit.ParentId is null)
            return null;
        var subtree = db.Units.Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id);
        return db.TaskEvents.Where(e => subtree.Contains(e.LeadUnitId)).Select(e => e.TaskId);
    }

    /// <summary>
    /// The tasks behind the overdue and due-soon counts of a unit's subtree on a day: today's states, or a past
    /// day's history replayed to its end, judged by the same <see cref="TaskRules.OverlayOn(TaskState, DateOnly?, DateOnly?, DateOnly)"/>.
    /// </summary>
    public async Task<List<TaskDue>> DueAsync(Unit unit, DateOnly day, CancellationToken ct = default)
    {
        var soonEnd = day.AddDays(TaskRules.DueSoonDays);
        var owing = Enum.GetValues<TaskState>().Where(TaskRules.OwesWork).ToList();
        var subtree = db.Units.Where(u => u.Path.StartsWith(unit.Path));
        var rows = day < clock.Today
            ? await LatestStates(day, LedWithin(unit)).Join(subtree, e => e.LeadUnitId, u => u.Id, (e, u) => e)
                .Where(e => owing.Contains(e.Status) && e.DueDate != null && e.DueDate <= soonEnd)
                .Join(db.Tasks, e => e.TaskId, t => t.Id, (e, t) => new { t.Id, t.Title, e.LeadUnitId, e.Status, e.DueDate, e.SubmittedOn })
                .ToListAsync(ct)
            : await db.Tasks.AsNoTracking().Join(subtree, t => t.LeadUnitId, u => u.Id, (t, u) => t)
                .Where(t => owing.Contains(t.Status) && t.DueDate != null && t.DueDate <= soonEnd)
                .Select(t => new { t.Id, t.Title, t.LeadUnitId, t.Status, t.DueDate, t.SubmittedOn })
                .ToListAsync(ct);
        return rows.Select(r => new TaskDue(r.Id, r.Title, r.LeadUnitId, r.DueDate!.Value, TaskRules.OverlayOn(r.Status, r.DueDate, r.SubmittedOn, day)))
            .Where(r => r.Overlay is Overlay.Overdue or Overlay.DueSoon)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>
    /// A page of the tasks behind one of a past day's counts of a unit's subtree (<paramref name="metric"/> picks the count
    /// from a task's own <see cref="CountSteps.On"/>, so the list holds exactly what was counted), as they stood that day,
    /// in the order of the unit tree: the unit's own tasks (the earliest due first), then each of its units in code order,
    /// each the same way down. The ledger says how many of them each unit's subtree holds that day, so the page is found by
    /// walking down to it, one read of a unit's units and their counts per level, and only the units whose own tasks the
    /// page shows are replayed: its cost follows the page and the depth of the tree, not the subtree's history.
    /// </summary>
    public async Task<Page<TaskThen>> TasksOnAsync(Unit unit, DateOnly day, Func<Counts, int> metric, int page, int size, CancellationToken ct = default)
    {
        var total = metric((await CountSteps.AsOfAsync(db, [unit.Id], day, ct)).GetValueOrDefault(unit.Id) ?? Empty);
        var shown = new List<(int TaskId, Unit Lead, TaskEvent State)>();
        var skip = (long)(page - 1) * size;
        if (skip < total)
            await WalkAsync(unit, total, (int)skip);
        var ids = shown.Select(s => s.TaskId).ToList();
        var titles = await db.Tasks.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Title }).ToDictionaryAsync(t => t.Id, t => t.Title, ct);
        return new Page<TaskThen>(shown.Select(s => new TaskThen(s.TaskId, titles[s.TaskId], s.Lead.Id, s.Lead.Name, s.State.Status,
            s.State.DueDate, TaskRules.OverlayOn(s.State.Status, s.State.DueDate, s.State.SubmittedOn, day))).ToList(), total, page, size);

        bool Counted(TaskEvent e) => metric(CountSteps.On(new TaskFacts(e.LeadUnitId, e.Status, e.DueDate, e.SubmittedOn), day)) > 0;

        // Adds the tasks of this subtree (counted: how many it holds) after the first `skip` of them, until the page is full.
        // Every unit under it now, whatever its days: the ledger counts a past day on today's tree, as a replay does.
        async Task WalkAsync(Unit at, int counted, int skip)
        {
            // With each unit under it, whether it has units of its own: one that has none holds only its own tasks, so it
            // needs no walk, and those of them the page reaches one after another are replayed in one statement.
            var children = (await db.Units.AsNoTracking().Where(u => u.ParentId == at.Id)
                    .Select(u => new { Unit = u, Leaf = !db.Units.Any(c => c.ParentId == u.Id) }).ToListAsync(ct))
                .OrderBy(c => c.Unit.Code, StringComparer.Ordinal).ToList();
            var counts = children.Count == 0 ? [] : await CountSteps.AsOfAsync(db, children.Select(c => c.Unit.Id).ToList(), day, ct);
            var under = children.Select(c => (c.Unit, c.Leaf, Counted: metric(counts.GetValueOrDefault(c.Unit.Id) ?? Empty))).ToList();
            var own = counted - under.Sum(c => c.Counted);
            if (skip < own)
            {
                await AddOwnAsync([(at, skip)]);
                skip = 0;
            }
            else
                skip -= own;
            for (var i = 0; i < under.Count && shown.Count < size; i++)
            {
                var (child, leaf, n) = under[i];
                if (skip >= n)
                {
                    skip -= n;
                    continue;
                }
                if (!leaf)
                {
                    await WalkAsync(child, n, skip);
                    skip = 0;
                    continue;
                }
                var leaves = new List<(Unit Unit, int Skip)> { (child, skip) };
                var room = size - shown.Count - (n - skip);
                skip = 0;
                for (; room > 0 && i + 1 < under.Count && under[i + 1].Leaf; i++)
                    if (under[i + 1].Counted > 0)
                    {
                        leaves.Add((under[i + 1].Unit, 0));
                        room -= under[i + 1].Counted;
                    }
                await AddOwnAsync(leaves);
            }
        }

        // The tasks each of these units itself led at the day's end, after the first Skip of each, until the page is full:
        // from the history of the tasks they have ever led, in one statement.
        async Task AddOwnAsync(List<(Unit Unit, int Skip)> units)
        {
            var ids = units.Select(u => u.Unit.Id).ToList();
            var states = (await LatestStates(day, db.TaskEvents.Where(e => ids.Contains(e.LeadUnitId)).Select(e => e.TaskId))
                .Where(e => ids.Contains(e.LeadUnitId)).ToListAsync(ct)).ToLookup(e => e.LeadUnitId);
            foreach (var (lead, first) in units)
                shown.AddRange(states[lead.Id].Where(Counted).OrderBy(e => e.DueDate is null).ThenBy(e => e.DueDate).ThenBy(e => e.TaskId)
                    .Skip(first).Take(size - shown.Count).Select(e => (e.TaskId, lead, e)));
        }
    }

    // The unit's own tasks that others carry out (programs with their projects, directions handed down, the newest
    // MaxDirections of them), each with x/y of its children as they stood that day: one statement either way.
    private async Task<(List<ProgramCount> Programs, List<ProgramCount> Directions)> HandedDownAsync(int unitId, DateOnly day, bool historical,
        CancellationToken ct)
    {
        var own = db.Tasks.AsNoTracking().Where(t => t.LeadUnitId == unitId);
        List<(bool Program, ProgramCount Count)> rows;
        if (historical)
        {
            // A task's state at the day's end is that of its last history row written before it (none: not yet assigned).
            var cut = Clock.EndOfDayUtc(day);
            var then = db.Tasks.Select(t => new
            {
                t.Id, t.ParentId,
                Status = db.TaskEvents.Where(e => e.TaskId == t.Id && e.AtUtc < cut).OrderByDescending(e => e.Id).Select(e => (TaskState?)e.Status).FirstOrDefault(),
            });
            // The tasks of that day: assigned by its end and not cancelled by then, whatever became of them since.
            own = own.Where(t => then.Any(x => x.Id == t.Id && x.Status != null && x.Status != TaskState.Cancelled));
            rows = (await Picked(own)
                .Select(t => new
                {
                    t.Kind, t.Id, t.Title,
                    Completed = then.Count(c => c.ParentId == t.Id && c.Status == TaskState.Completed),
                    Total = then.Count(c => c.ParentId == t.Id && c.Status != null && c.Status != TaskState.Cancelled),
                })
                .ToListAsync(ct))
                .Select(t => (Program: t.Kind == TaskKind.Program, Count: new ProgramCount(t.Id, t.Title, t.Completed, t.Total)))
                // A direction handed down only later was not one that day; a program with no projects yet still was a program.
                .Where(r => r.Program || r.Count.Total > 0)
                .ToList();
        }
        else
            rows = (await Picked(own.Where(t => t.Status != TaskState.Cancelled))
                .Select(t => new { t.Kind, t.Id, t.Title, t.ChildCompleted, t.ChildTotal })
                .ToListAsync(ct))
                .Select(t => (Program: t.Kind == TaskKind.Program, Count: new ProgramCount(t.Id, t.Title, t.ChildCompleted, t.ChildTotal)))
                .ToList();
        return (rows.Where(r => r.Program).Select(r => r.Count).OrderBy(p => p.Id).ToList(),
            rows.Where(r => !r.Program).Select(r => r.Count).OrderByDescending(p => p.Id).ToList());

        // Every program, and the newest directions that have units carrying them out now.
        static IQueryable<TaskItem> Picked(IQueryable<TaskItem> own) => own.Where(t => t.Kind == TaskKind.Program)
            .Concat(own.Where(t => t.Kind != TaskKind.Program && t.ChildTotal > 0).OrderByDescending(t => t.Id).Take(MaxDirections));
    }

}
