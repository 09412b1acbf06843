using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Dashboard;

/// <summary>
/// Pre-aggregated counts of the tasks led within a unit's subtree, kept in step with every task
/// change by <see cref="TaskLedger"/>, so a dashboard reads a handful of rows per unit shown instead of counting tasks.
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
