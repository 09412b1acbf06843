using System.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Dashboard;

/// <summary>
/// Pre-aggregated counts of the tasks led within a unit's subtree, kept in step with every task
/// change, so a dashboard reads a handful of rows per unit shown instead of counting tasks.
/// Metrics: "s:{state}" per state; "ontime"/"late" for completed tasks; "d" (by due day) and
/// "m" (by first day of the due month) for tasks that still owe work and have a due date, so the
/// overdue and due-soon counts for any "today" need at most a month of day rows.
/// </summary>
public sealed class UnitStat
{
    public int UnitId { get; set; }
    public required string Metric { get; set; }
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}

internal sealed class UnitStatConfiguration : IEntityTypeConfiguration<UnitStat>
{
    public void Configure(EntityTypeBuilder<UnitStat> b)
    {
        b.HasKey(s => new { s.UnitId, s.Metric, s.Day });
        b.Property(s => s.Metric).HasMaxLength(16);
    }
}

/// <summary>What a task contributes to the rollups of its lead unit's ancestors.</summary>
public readonly record struct TaskFacts(int LeadUnitId, TaskState Status, DateOnly? DueDate, DateOnly? SubmittedOn)
{
    public static readonly DateOnly NoDay = DateOnly.MinValue;

    public IEnumerable<(string Metric, DateOnly Day)> Metrics()
    {
        yield return ("s:" + Status, NoDay);
        if (Status == TaskState.Completed)
            yield return (TaskRules.IsLate(DueDate, SubmittedOn) ? "late" : "ontime", NoDay);
        if (TaskRules.OwesWork(Status) && DueDate is { } due)
        {
            yield return ("d", due);
            yield return ("m", new DateOnly(due.Year, due.Month, 1));
        }
    }
}

public static class Rollups
{
    public static IEnumerable<int> Ancestors(string unitPath) =>
        unitPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    /// <summary>Adds the difference between the before and after facts of changed tasks.</summary>
    public static async Task ApplyAsync(AppDb db, IReadOnlyList<(TaskFacts? Before, TaskFacts? After)> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
            return;
        var unitIds = changes.SelectMany(c => new[] { c.Before?.LeadUnitId, c.After?.LeadUnitId })
            .OfType<int>().Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        await UpsertAsync(db, Delta(changes, paths).Select(d => (d.Key, d.Value)), ct);
    }

    /// <summary>The non-zero changes to each (unit, metric, day) count; <paramref name="unitPaths"/> holds every lead unit's path.</summary>
    public static Dictionary<(int Unit, string Metric, DateOnly Day), int> Delta(
        IReadOnlyList<(TaskFacts? Before, TaskFacts? After)> changes, IReadOnlyDictionary<int, string> unitPaths)
    {
        var delta = new Dictionary<(int, string, DateOnly), int>();
        void Add(TaskFacts? facts, int sign)
        {
            if (facts is not { } f) return;
            foreach (var unit in Ancestors(unitPaths[f.LeadUnitId]))
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

    /// <summary>Recomputes every rollup from the tasks: after a bulk load, or to check the increments.</summary>
    public static async Task RebuildAsync(AppDb db, CancellationToken ct = default)
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
            foreach (var unit in Ancestors(paths[g.LeadUnitId]))
                foreach (var (metric, day) in facts.Metrics())
                    totals[(unit, metric, day)] = totals.GetValueOrDefault((unit, metric, day)) + g.Count;
        }
        await BulkWriter.WriteAsync(db, "UnitStats", ["UnitId", "Metric", "Day", "Count"],
            totals.Select(t => new object?[] { t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Value }), ct: ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    private static async Task UpsertAsync(AppDb db, IEnumerable<((int Unit, string Metric, DateOnly Day) Key, int Count)> rows, CancellationToken ct)
    {
        // INSERT … ON CONFLICT DO UPDATE reads the same on SQLite and PostgreSQL.
        foreach (var chunk in rows.Chunk(200))
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
                args[i * 4 + 3] = chunk[i].Count;
            }
            sql.Append(" ON CONFLICT (\"UnitId\", \"Metric\", \"Day\") DO UPDATE SET \"Count\" = \"UnitStats\".\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
