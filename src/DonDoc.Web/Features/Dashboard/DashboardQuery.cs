using DonDoc.Web.Data;
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
/// per unit shown either way, whatever the number of tasks and the length of their history.
/// </summary>
public sealed class DashboardQuery(AppDb db, Clock clock)
{
    public async Task<DashboardView?> GetAsync(int unitId, DateOnly? asOf, CancellationToken ct = default)
    {
        var today = clock.Today;
        var day = asOf ?? today;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
            return null;
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == unitId && u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo > day))
            .OrderBy(u => u.Code).ToListAsync(ct);
        var shown = children.Prepend(unit).ToList();
        var historical = day < today;
        var ids = shown.Select(u => u.Id).ToList();
        var counts = historical ? await CountSteps.AsOfAsync(db, ids, day, ct) : await FromRollupsAsync(ids, day, ct);
        UnitCounts Row(Unit u) => new(u.Id, u.Code, u.Name, u.Type, counts.GetValueOrDefault(u.Id) ?? Empty);
        var ranked = Ranking.Order(children.Select(Row)).ToList();
        var programs = await ChildCountsAsync(unitId, day, historical, t => t.Kind == TaskKind.Program, null, ct);
        var directions = await ChildCountsAsync(unitId, day, historical, t => t.Kind != TaskKind.Program && t.ChildTotal > 0, MaxDirections, ct);
        return new DashboardView(Row(unit), day, historical, ranked, programs, directions);
    }

    public static readonly Counts Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The newest directions shown; the task list holds the rest.</summary>
    public const int MaxDirections = 20;

    private async Task<Dictionary<int, Counts>> FromRollupsAsync(List<int> unitIds, DateOnly today, CancellationToken ct)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        var soonEnd = today.AddDays(TaskRules.DueSoonDays);
        // Three index range scans on (UnitId, Metric, Day): their size follows the units shown. The state
        // metrics are one range ("s:…"), not a list: given a list, SQLite's planner probes (UnitId) alone
        // and walks every day row of each unit, a cost that grows with the tasks.
        var fixedRows = await db.UnitStats.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.Day == TaskFacts.NoDay
                && ((string.Compare(s.Metric, StateMetricsFrom) >= 0 && string.Compare(s.Metric, StateMetricsTo) < 0)
                    || s.Metric == "ontime" || s.Metric == "late"))
            .ToListAsync(ct);
        var months = await db.UnitStats.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.Metric == "m" && s.Day < firstOfMonth)
            .GroupBy(s => s.UnitId).Select(g => new { UnitId = g.Key, Count = g.Sum(s => s.Count) })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var days = await db.UnitStats.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.Metric == "d" && s.Day >= firstOfMonth && s.Day <= soonEnd)
            .ToListAsync(ct);
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

    // The unit's own tasks that others carry out (programs with their projects, directions handed down),
    // each with x/y of its children as they stood that day.
    private async Task<List<ProgramCount>> ChildCountsAsync(int unitId, DateOnly day, bool historical,
        System.Linq.Expressions.Expression<Func<TaskItem, bool>> which, int? newest, CancellationToken ct)
    {
        var candidates = db.Tasks.AsNoTracking().Where(t => t.LeadUnitId == unitId).Where(which);
        if (historical)
        {
            // The programs of that day: assigned by its end and not cancelled by then, whatever became of them since.
            var cut = Clock.EndOfDayUtc(day);
            var events = db.TaskEvents.Where(e => e.AtUtc < cut);
            candidates = candidates.Where(t => events.Any(e => e.TaskId == t.Id)
                && events.Where(e => e.TaskId == t.Id).OrderByDescending(e => e.Id).Select(e => e.Status).First() != TaskState.Cancelled);
        }
        else
            candidates = candidates.Where(t => t.Status != TaskState.Cancelled);
        var ordered = newest is { } take ? candidates.OrderByDescending(t => t.Id).Take(take) : candidates.OrderBy(t => t.Id);
        var rows = await ordered.Select(t => new ProgramCount(t.Id, t.Title, t.ChildCompleted, t.ChildTotal)).ToListAsync(ct);
        if (!historical || rows.Count == 0)
            return rows;
        var ids = rows.Select(p => p.Id).ToList();
        var children = db.Tasks.Where(t => t.ParentId != null && ids.Contains(t.ParentId.Value));
        var states = await LatestStates(day, children.Select(t => t.Id))
            .Join(children, e => e.TaskId, t => t.Id, (e, t) => new { t.ParentId, e.Status })
            .Where(x => x.Status != TaskState.Cancelled)
            .GroupBy(x => x.ParentId)
            .Select(g => new { Id = g.Key!.Value, Total = g.Count(), Completed = g.Count(x => x.Status == TaskState.Completed) })
            .ToDictionaryAsync(x => x.Id, ct);
        // A direction handed down only later was not one that day; a program with no projects yet still was a program.
        return rows.Select(p => states.TryGetValue(p.Id, out var s) ? p with { Completed = s.Completed, Total = s.Total } : p with { Completed = 0, Total = 0 })
            .Where(p => newest is null || p.Total > 0)
            .ToList();
    }
}
