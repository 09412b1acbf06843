using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Dashboard;

public enum StepGrain
{
    Year = 0,
    Month = 1,
    Day = 2,
}

/// <summary>
/// How the dashboard counts of a unit's subtree changed on a day (<see cref="StepGrain.Day"/>), and the sums of
/// those changes over a month and over a year. The counts as of a day are the sum of every change up to it:
/// the years before, the months of its year before its month, the days of its month up to it, so at most
/// a year row, eleven month rows and a month of day rows per unit, whatever the history.
/// </summary>
public sealed class UnitCountStep
{
    public int UnitId { get; set; }
    public StepGrain Grain { get; set; }
    // The day, or the first day of the month or year.
    public DateOnly Day { get; set; }
    public int Total { get; set; }
    public int CompletedOnTime { get; set; }
    public int CompletedLate { get; set; }
    public int NotAccepted { get; set; }
    public int InProgress { get; set; }
    public int Submitted { get; set; }
    public int Overdue { get; set; }
    public int DueSoon { get; set; }
    public int Cancelled { get; set; }
}

internal sealed class UnitCountStepConfiguration : IEntityTypeConfiguration<UnitCountStep>
{
    public void Configure(EntityTypeBuilder<UnitCountStep> b) => b.HasKey(s => new { s.UnitId, s.Grain, s.Day });
}

/// <summary>
/// The ledger of count changes behind a past day's dashboard. A task's facts (lead unit, state, due date) hold from
/// the day they were recorded until the next change; while they hold, the task counts in its states on every day
/// and in an overlay that moves with the day only where <see cref="TaskRules.OverlayOn(TaskState, DateOnly?, DateOnly?, DateOnly)"/>
/// changes its answer: on the first day the task is due soon and on the day after its due date. So each change is
/// written as steps on those days, for the lead unit and every unit above it, in the transaction of the change.
/// The counts of any day are then exactly those of replaying the history to that day's end, which the tests check.
/// </summary>
public static class CountSteps
{
    private static readonly string[] Columns =
        ["Total", "CompletedOnTime", "CompletedLate", "NotAccepted", "InProgress", "Submitted", "Overdue", "DueSoon", "Cancelled"];

    /// <summary>What a task with these facts adds to its units' counts on one day.</summary>
    public static Counts On(TaskFacts f, DateOnly day)
    {
        int Is(bool yes) => yes ? 1 : 0;
        var overlay = TaskRules.OverlayOn(f.Status, f.DueDate, f.SubmittedOn, day);
        return new Counts(Is(f.Status != TaskState.Cancelled), Is(overlay == Overlay.CompletedOnTime), Is(overlay == Overlay.CompletedLate),
            Is(f.Status == TaskState.Assigned), Is(f.Status is TaskState.Accepted or TaskState.InProgress or TaskState.Returned),
            Is(f.Status == TaskState.Submitted), Is(overlay == Overlay.Overdue), Is(overlay == Overlay.DueSoon), Is(f.Status == TaskState.Cancelled));
    }

    /// <summary>The facts' counts from <paramref name="from"/> on, as a first step and the later days they change.</summary>
    private static IEnumerable<(DateOnly Day, Counts Change)> Steps(TaskFacts f, DateOnly from)
    {
        var first = On(f, from);
        yield return (from, first);
        if (f.DueDate is not { } due)
            yield break;
        // The overlay turns "due soon" DueSoonDays before the due date and "overdue" the day after it; a due date at
        // the calendar's edge has no such day beyond it.
        var previous = first;
        foreach (var day in new[] { due.DayNumber - TaskRules.DueSoonDays, due.DayNumber + 1 }
            .Where(n => n > from.DayNumber && n <= DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber))
        {
            var next = On(f, day);
            if (next != previous)
                yield return (day, next - previous);
            previous = next;
        }
    }

    /// <summary>
    /// The changes to the steps of every unit above the lead units when tasks change on a day from their facts
    /// before to their facts after; <paramref name="unitPaths"/> holds every lead unit's path.
    /// </summary>
    private static Dictionary<(int Unit, StepGrain Grain, DateOnly Day), Counts> Delta(
        IEnumerable<(TaskFacts? Before, TaskFacts? After)> changes, DateOnly on, IReadOnlyDictionary<int, string> unitPaths)
    {
        var byLead = new Dictionary<(int Unit, DateOnly Day), Counts>();
        foreach (var (before, after) in changes)
        {
            Add(byLead, before, on, -1);
            Add(byLead, after, on, +1);
        }
        return Spread(byLead, unitPaths);
    }

    private static void Add(Dictionary<(int Unit, DateOnly Day), Counts> byLead, TaskFacts? facts, DateOnly from, int sign)
    {
        if (facts is not { } f)
            return;
        foreach (var (day, change) in Steps(f, from))
            byLead[(f.LeadUnitId, day)] = byLead.GetValueOrDefault((f.LeadUnitId, day), DashboardQuery.Empty) + (sign < 0 ? DashboardQuery.Empty - change : change);
    }

    // Each lead unit's day steps go to it and every unit above it, as a day, its month and its year.
    private static Dictionary<(int Unit, StepGrain Grain, DateOnly Day), Counts> Spread(
        Dictionary<(int Unit, DateOnly Day), Counts> byLead, IReadOnlyDictionary<int, string> unitPaths)
    {
        var spread = new Dictionary<(int, StepGrain, DateOnly), Counts>();
        foreach (var ((lead, day), change) in byLead)
        {
            if (change == DashboardQuery.Empty)
                continue;
            foreach (var unit in Unit.Ancestors(unitPaths[lead]))
                foreach (var key in new[] { (unit, StepGrain.Day, day), (unit, StepGrain.Month, new DateOnly(day.Year, day.Month, 1)), (unit, StepGrain.Year, new DateOnly(day.Year, 1, 1)) })
                    spread[key] = spread.GetValueOrDefault(key, DashboardQuery.Empty) + change;
        }
        foreach (var key in spread.Where(s => s.Value == DashboardQuery.Empty).Select(s => s.Key).ToList())
            spread.Remove(key);
        return spread;
    }

    /// <summary>
    /// Takes back every step of tasks about to be deleted: their history goes with them, so a replay of any past day
    /// no longer finds them.
    /// </summary>
    public static async Task ForgetAsync(AppDb db, IReadOnlyCollection<int> taskIds, CancellationToken ct)
    {
        var history = new History(-1);
        var events = await db.TaskEvents.AsNoTracking().Where(e => taskIds.Contains(e.TaskId)).OrderBy(e => e.TaskId).ThenBy(e => e.Id)
            .Select(e => new { e.TaskId, e.OnDate, Facts = new TaskFacts(e.LeadUnitId, e.Status, e.DueDate, e.SubmittedOn) }).ToListAsync(ct);
        foreach (var e in events)
            history.Take(e.TaskId, e.OnDate, e.Facts);
        var leads = events.Select(e => e.Facts.LeadUnitId).Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => leads.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        await WriteAsync(db, Spread(history.ByLead, paths), ct);
    }

    // Each task's history in order: every record replaces the facts before it from its day on.
    private sealed class History(int sign)
    {
        private (int Task, TaskFacts? Facts) _previous;

        public Dictionary<(int Unit, DateOnly Day), Counts> ByLead { get; } = [];

        public void Take(int taskId, DateOnly on, TaskFacts facts)
        {
            var before = _previous.Task == taskId ? _previous.Facts : null;
            Add(ByLead, before, on, -sign);
            Add(ByLead, facts, on, sign);
            _previous = (taskId, facts);
        }
    }

    /// <summary>Adds the steps of tasks changed on <paramref name="on"/> to the ledger, in the caller's transaction.</summary>
    public static async Task ApplyAsync(AppDb db, IReadOnlyList<(TaskFacts? Before, TaskFacts? After)> changes, DateOnly on,
        IReadOnlyDictionary<int, string> unitPaths, CancellationToken ct) =>
        await WriteAsync(db, Delta(changes, on, unitPaths), ct);

    // INSERT … ON CONFLICT DO UPDATE reads the same on SQLite and PostgreSQL.
    private static async Task WriteAsync(AppDb db, Dictionary<(int Unit, StepGrain Grain, DateOnly Day), Counts> steps, CancellationToken ct)
    {
        var quoted = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var update = string.Join(", ", Columns.Select(c => $"\"{c}\" = \"UnitCountSteps\".\"{c}\" + excluded.\"{c}\""));
        const int width = 12;
        foreach (var chunk in steps.Chunk(100))
        {
            var args = new object[chunk.Length * width];
            var values = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var ((unit, grain, day), c) = chunk[i];
                object[] row = [unit, (int)grain, day, c.Total, c.CompletedOnTime, c.CompletedLate, c.NotAccepted, c.InProgress, c.Submitted, c.Overdue, c.DueSoon, c.Cancelled];
                row.CopyTo(args, i * width);
                values.Add("(" + string.Join(", ", Enumerable.Range(i * width, width).Select(n => $"{{{n}}}")) + ")");
            }
            // Every value is a parameter; the text holds only this class's column names.
            var sql = $"INSERT INTO \"UnitCountSteps\" (\"UnitId\", \"Grain\", \"Day\", {quoted}) VALUES {string.Join(", ", values)} " +
                $"ON CONFLICT (\"UnitId\", \"Grain\", \"Day\") DO UPDATE SET {update}";
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }
    }

    /// <summary>
    /// The counts of each unit's subtree at the end of a day: three index range scans per unit on (UnitId, Grain, Day),
    /// in one statement. A UNION ALL rather than one OR, which SQLite's planner would read as every row of each unit.
    /// The database adds them up: a unit's few dozen rows come back as one.
    /// </summary>
    public static async Task<Dictionary<int, Counts>> AsOfAsync(AppDb db, IReadOnlyCollection<int> unitIds, DateOnly day, CancellationToken ct)
    {
        var year = new DateOnly(day.Year, 1, 1);
        var month = new DateOnly(day.Year, day.Month, 1);
        var steps = db.UnitCountSteps.AsNoTracking().Where(s => unitIds.Contains(s.UnitId));
        var rows = await steps.Where(s => s.Grain == StepGrain.Year && s.Day < year)
            .Concat(steps.Where(s => s.Grain == StepGrain.Month && s.Day >= year && s.Day < month))
            .Concat(steps.Where(s => s.Grain == StepGrain.Day && s.Day >= month && s.Day <= day))
            .GroupBy(s => s.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Counts = new Counts(g.Sum(s => s.Total), g.Sum(s => s.CompletedOnTime), g.Sum(s => s.CompletedLate), g.Sum(s => s.NotAccepted),
                    g.Sum(s => s.InProgress), g.Sum(s => s.Submitted), g.Sum(s => s.Overdue), g.Sum(s => s.DueSoon), g.Sum(s => s.Cancelled)),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.UnitId, r => r.Counts);
    }

    /// <summary>
    /// Writes the ledger again from the whole history: after a bulk load, a move of unit subtrees (the steps follow the
    /// units' current paths, as a replay does), or an upgrade from a version without it.
    /// </summary>
    public static async Task RebuildAsync(AppDb db, CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.UnitCountSteps.ExecuteDeleteAsync(ct);
        var paths = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var history = new History(+1);
        var events = db.TaskEvents.AsNoTracking().OrderBy(e => e.TaskId).ThenBy(e => e.Id)
            .Select(e => new { e.TaskId, e.OnDate, Facts = new TaskFacts(e.LeadUnitId, e.Status, e.DueDate, e.SubmittedOn) });
        await foreach (var e in events.AsAsyncEnumerable().WithCancellation(ct))
            history.Take(e.TaskId, e.OnDate, e.Facts);
        await BulkWriter.WriteAsync(db, "UnitCountSteps", ["UnitId", "Grain", "Day", .. Columns],
            // In key order, so that a unit's rows share pages: a dashboard reads a few dozen rows of each unit shown.
            Spread(history.ByLead, paths).OrderBy(s => s.Key.Unit).ThenBy(s => s.Key.Grain).ThenBy(s => s.Key.Day).Select(s => new object?[]
            {
                s.Key.Unit, (int)s.Key.Grain, s.Key.Day, s.Value.Total, s.Value.CompletedOnTime, s.Value.CompletedLate, s.Value.NotAccepted,
                s.Value.InProgress, s.Value.Submitted, s.Value.Overdue, s.Value.DueSoon, s.Value.Cancelled,
            }), ct: ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }
}
