using System.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DonDoc.Web.Features.Tasks;

/// <summary>
/// The bookkeeping that follows every change of tasks, written with it in one transaction: a new
/// task's path, a history row for each change of state, due date or lead unit, the parent's "x/y"
/// counts of its children, the unit rollups of the lead unit's ancestors (today's counts) and their
/// count steps (<see cref="CountSteps"/>: any past day's counts). Every code path that changes tasks saves through <see cref="SaveAsync"/>;
/// AppDb refuses any other save that touches them.
/// </summary>
public sealed class TaskLedger(Clock clock)
{
    /// <summary>Saves the tracked changes and what they imply; <paramref name="note"/> goes on the history rows and audit entries.</summary>
    public Task<int> SaveAsync(AppDb db, string? note, CancellationToken ct = default)
    {
        var changes = db.ChangeTracker.Entries<TaskItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new Change(e, e.State, e.State == EntityState.Added ? null : Facts.Of(e, original: true)))
            .ToList();
        return db.SaveAsync(new Rows(changes, note, clock.UtcNow), note, ct);
    }

    /// <summary>
    /// Recomputes every rollup from the tasks and the count steps from their history: after a bulk load or a move of
    /// unit subtrees, or to check the increments.
    /// </summary>
    public static async Task RebuildRollupsAsync(AppDb db, CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.UnitStats.ExecuteDeleteAsync(ct);
        var paths = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var groups = await db.Tasks
            .GroupBy(t => new { t.LeadUnitId, t.Status, t.DueDate, Late = t.SubmittedOn > t.DueDate })
            .Select(g => new { g.Key.LeadUnitId, g.Key.Status, g.Key.DueDate, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        var totals = new Dictionary<(int, string, DateOnly), int>();
        foreach (var g in groups)
        {
            // A stand-in submission date that reproduces the group's on-time/late split.
            DateOnly? submitted = g.Late && g.DueDate is { } d ? d.AddDays(1) : g.DueDate;
            var facts = new TaskFacts(g.LeadUnitId, g.Status, g.DueDate, submitted);
            foreach (var unit in Unit.Ancestors(paths[g.LeadUnitId]))
                foreach (var (metric, day) in facts.Metrics())
                    totals[(unit, metric, day)] = totals.GetValueOrDefault((unit, metric, day)) + g.Count;
        }
        await BulkWriter.WriteAsync(db, "UnitStats", ["UnitId", "Metric", "Day", "Count"],
            // In key order, so that a unit's rows share pages (see CountSteps.RebuildAsync).
            totals.OrderBy(t => t.Key.Item1).ThenBy(t => t.Key.Item2, StringComparer.Ordinal).ThenBy(t => t.Key.Item3)
                .Select(t => new object?[] { t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Value }), ct: ct);
        await CountSteps.RebuildAsync(db, ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    /// <summary>The non-zero changes to each (unit, metric, day) count; <paramref name="unitPaths"/> holds every lead unit's path.</summary>
    public static Dictionary<(int Unit, string Metric, DateOnly Day), int> RollupDelta(
        IReadOnlyList<(TaskFacts? Before, TaskFacts? After)> changes, IReadOnlyDictionary<int, string> unitPaths)
    {
        var delta = new Dictionary<(int, string, DateOnly), int>();
        void Add(TaskFacts? facts, int sign)
        {
            if (facts is not { } f) return;
            foreach (var unit in Unit.Ancestors(unitPaths[f.LeadUnitId]))
                foreach (var (metric, day) in f.Metrics())
                    delta[(unit, metric, day)] = delta.GetValueOrDefault((unit, metric, day)) + sign;
        }
        foreach (var (before, after) in changes)
        {
            Add(before, -1);
            Add(after, +1);
        }
        foreach (var key in delta.Where(d => d.Value == 0).Select(d => d.Key).ToList())
            delta.Remove(key);
        return delta;
    }

    internal sealed record Change(EntityEntry<TaskItem> Entry, EntityState State, Facts? Before);

    /// <summary>What one save of tasks implies, written once their rows (and so their ids) are in the database.</summary>
    internal sealed class Rows(List<Change> changes, string? note, DateTime atUtc) : IDerivedRows
    {
        public async Task<int> WriteAsync(AppDb db, CancellationToken ct)
        {
            await SetPathsAsync(db, changes.Where(c => c.State == EntityState.Added).Select(c => c.Entry.Entity).ToList(), ct);
            var facts = new List<(TaskFacts? Before, TaskFacts? After)>();
            var parentDelta = new Dictionary<int, (int Total, int Completed)>();
            foreach (var (entry, state, before) in changes)
            {
                var after = state == EntityState.Deleted ? (Facts?)null : Facts.Of(entry, original: false);
                if (after is { } a && (before is not { } b || a.Rollup != b.Rollup))
                    db.TaskEvents.Add(new TaskEvent
                    {
                        TaskId = entry.Entity.Id,
                        AtUtc = atUtc,
                        OnDate = Clock.LocalDate(atUtc),
                        FromStatus = before?.Rollup.Status,
                        Status = a.Rollup.Status,
                        LeadUnitId = a.Rollup.LeadUnitId,
                        DueDate = a.Rollup.DueDate,
                        SubmittedOn = a.Rollup.SubmittedOn,
                        Note = note,
                    });
                facts.Add((before?.Rollup, after?.Rollup));
                CountChild(parentDelta, before, -1);
                CountChild(parentDelta, after, +1);
            }
            var deleted = changes.Where(c => c.State == EntityState.Deleted).Select(c => c.Entry.Entity.Id).ToList();
            if (deleted.Count > 0)
                await CountSteps.ForgetAsync(db, deleted, ct);
            var written = await db.SavePassAsync(ct);
            var paths = await LeadPathsAsync(db, facts, ct);
            await ApplyRollupsAsync(db, facts, paths, ct);
            await CountSteps.ApplyAsync(db, facts.Where(f => f.After is not null).ToList(), Clock.LocalDate(atUtc), paths, ct);
            await CountChildrenAsync(db, parentDelta, ct);
            return written;
        }
    }

    // Paths hold the row's own id, known only once the row is inserted. A parent added in the same
    // save gets its path before its children.
    private static async Task SetPathsAsync(AppDb db, List<TaskItem> added, CancellationToken ct)
    {
        var pending = added;
        while (pending.Count > 0)
        {
            var waiting = new List<TaskItem>();
            foreach (var task in pending)
            {
                if (task.Parent is { Path: "/" } newParent && pending.Any(p => ReferenceEquals(p, newParent)))
                {
                    waiting.Add(task);
                    continue;
                }
                var parentPath = task.ParentId is { } parentId ? (task.Parent ?? await db.Tasks.FindAsync([parentId], ct))!.Path : "/";
                task.Path = TaskItem.ChildPath(parentPath, task.Id);
                task.Depth = task.Path.Count(c => c == '/') - 2;
            }
            if (waiting.Count == pending.Count)
                throw new InvalidOperationException("Cây nhiệm vụ có vòng lặp cha – con.");
            pending = waiting;
        }
    }

    private static void CountChild(Dictionary<int, (int Total, int Completed)> delta, Facts? facts, int sign)
    {
        if (facts is not { ParentId: { } parent } f || f.Rollup.Status == TaskState.Cancelled) return;
        var (total, completed) = delta.GetValueOrDefault(parent);
        delta[parent] = (total + sign, completed + (f.Rollup.Status == TaskState.Completed ? sign : 0));
    }

    // Added in the database rather than set from what this context read: two children of one parent
    // changing at once must both count. A parent this context tracks is brought in step without being
    // marked changed, so the counts raise no version of their own.
    private static async Task CountChildrenAsync(AppDb db, Dictionary<int, (int Total, int Completed)> parentDelta, CancellationToken ct)
    {
        var tracked = parentDelta.Count == 0 ? [] : db.ChangeTracker.Entries<TaskItem>().ToDictionary(e => e.Entity.Id);
        foreach (var (parentId, (total, completed)) in parentDelta.Where(p => p.Value != (0, 0)))
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Tasks\" SET \"ChildTotal\" = \"ChildTotal\" + {0}, \"ChildCompleted\" = \"ChildCompleted\" + {1} WHERE \"Id\" = {2}",
                [total, completed, parentId], ct);
            if (tracked.TryGetValue(parentId, out var entry))
            {
                entry.Entity.ChildTotal += total;
                entry.Entity.ChildCompleted += completed;
                entry.Property(t => t.ChildTotal).OriginalValue = entry.Entity.ChildTotal;
                entry.Property(t => t.ChildCompleted).OriginalValue = entry.Entity.ChildCompleted;
            }
        }
    }

    private static async Task<Dictionary<int, string>> LeadPathsAsync(AppDb db, IReadOnlyList<(TaskFacts? Before, TaskFacts? After)> changes, CancellationToken ct)
    {
        var unitIds = changes.SelectMany(c => new[] { c.Before?.LeadUnitId, c.After?.LeadUnitId }).OfType<int>().Distinct().ToList();
        return unitIds.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
    }

    /// <summary>Adds the difference between the before and after facts of changed tasks to the rollups.</summary>
    private static async Task ApplyRollupsAsync(AppDb db, IReadOnlyList<(TaskFacts? Before, TaskFacts? After)> changes,
        IReadOnlyDictionary<int, string> paths, CancellationToken ct)
    {
        // INSERT … ON CONFLICT DO UPDATE reads the same on SQLite and PostgreSQL.
        foreach (var chunk in RollupDelta(changes, paths).Chunk(200))
        {
            var sql = new StringBuilder("INSERT INTO \"UnitStats\" (\"UnitId\", \"Metric\", \"Day\", \"Count\") VALUES ");
            var args = new object[chunk.Length * 4];
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append($"({{{i * 4}}}, {{{i * 4 + 1}}}, {{{i * 4 + 2}}}, {{{i * 4 + 3}}})");
                args[i * 4] = chunk[i].Key.Unit;
                args[i * 4 + 1] = chunk[i].Key.Metric;
                args[i * 4 + 2] = chunk[i].Key.Day;
                args[i * 4 + 3] = chunk[i].Value;
            }
            sql.Append(" ON CONFLICT (\"UnitId\", \"Metric\", \"Day\") DO UPDATE SET \"Count\" = \"UnitStats\".\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    internal readonly record struct Facts(int? ParentId, TaskFacts Rollup)
    {
        public static Facts Of(EntityEntry<TaskItem> e, bool original)
        {
            T V<T>(string name) => (T)(original ? e.Property(name).OriginalValue : e.Property(name).CurrentValue)!;
            return new Facts(
                V<int?>(nameof(TaskItem.ParentId)),
                new TaskFacts(V<int>(nameof(TaskItem.LeadUnitId)), V<TaskState>(nameof(TaskItem.Status)),
                    V<DateOnly?>(nameof(TaskItem.DueDate)), V<DateOnly?>(nameof(TaskItem.SubmittedOn))));
        }
    }
}
