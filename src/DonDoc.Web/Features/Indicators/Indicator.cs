using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Indicators;

public enum IndicatorKind
{
    // Counted over the period: kết nạp đảng viên in the quarter.
    Flow,
    // Standing at the period's end: số đảng viên at 31/12.
    Stock,
    // Numerator over denominator, in percent: tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.
    Ratio,
}

public enum IndicatorDirection
{
    Higher,
    Lower,
    // "trên 90%": reached at or above the target, never "exceeded".
    Floor,
    // "7,5–8,0": reached within the bounds.
    Range,
}

/// <summary>
/// An indicator (chỉ tiêu) a unit set, usually by a resolution or program, for the years of its term. Units below the
/// owner get plans and report actuals for it; the figures roll up the unit tree as <see cref="IndicatorTotal"/>.
/// </summary>
public sealed class Indicator : ISearchable, IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    // "đảng viên", "tổ chức", "%".
    public required string Measure { get; set; }
    public IndicatorKind Kind { get; set; }
    public IndicatorDirection Direction { get; set; }
    // The period units report in (month, quarter or year); the longer ones are summed from it.
    public PeriodKind ReportEvery { get; set; }
    // Days after a period's end until its reporting locks.
    public int ReportWithinDays { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public int OwnerUnitId { get; set; }
    public Unit? OwnerUnit { get; set; }
    public int? DocumentId { get; set; }
    public Document? Document { get; set; }
    // The program or project of the task tree the indicator belongs to.
    public int? TaskId { get; set; }
    public TaskItem? Task { get; set; }
    public string? NumeratorLabel { get; set; }
    public string? DenominatorLabel { get; set; }
    // One of the basic economic and social targets whose miss makes a unit "không hoàn thành nhiệm vụ" (366-QĐ/TW).
    public bool IsBasicTarget { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    public string SearchKey { get; set; } = "";

    public string SearchText => $"{Name} {Code}";
}

/// <summary>
/// A row that is never overwritten: a new figure closes the current row (<see cref="ReplacedAtUtc"/>) and opens
/// another, so the figures of any past day are read as cheaply as today's.
/// </summary>
public interface IDatedFigure
{
    DateTime RecordedAtUtc { get; set; }
    DateTime? ReplacedAtUtc { get; set; }
}

/// <summary>A target for a unit and a period; a unit can hold several, one per basis ("dự toán Trung ương giao").</summary>
public sealed class IndicatorPlan : IDatedFigure, IVersioned
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public string Basis { get; set; } = "";
    public decimal Target { get; set; }
    // The upper bound of a range target.
    public decimal? TargetHigh { get; set; }
    // The plan of the unit above this one was handed down from.
    public long? HandedDownFromId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public DateTime? ReplacedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>What a unit reported for itself for one reporting period: an estimate before the period closes, then the final figure.</summary>
public sealed class IndicatorActual : IDatedFigure, IVersioned
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    // Flows and stocks; a ratio keeps its numerator and denominator and computes the value.
    public decimal Value { get; set; }
    public decimal Numerator { get; set; }
    public decimal Denominator { get; set; }
    public bool IsEstimate { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public DateTime? ReplacedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The sum of the actuals of a unit's subtree for one reporting period, as it stood from <see cref="IDatedFigure.RecordedAtUtc"/>
/// until replaced. Flows and stocks are summed; a ratio sums its numerator and denominator. Written only by
/// <see cref="IndicatorLedger"/>, with the actuals it follows.
/// </summary>
public sealed class IndicatorTotal : IDatedFigure
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int UnitId { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public decimal Value { get; set; }
    public decimal Numerator { get; set; }
    public decimal Denominator { get; set; }
    // Units of the subtree whose figure is in the sum, and how many of those figures are estimates.
    public int Reporters { get; set; }
    public int Estimates { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public DateTime? ReplacedAtUtc { get; set; }
}

/// <summary>The office reopening a locked period for one unit, until a day; the audit trail keeps who and why.</summary>
public sealed class IndicatorReopening
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int UnitId { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public DateOnly Until { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class IndicatorConfiguration :
    IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<IndicatorPlan>, IEntityTypeConfiguration<IndicatorActual>,
    IEntityTypeConfiguration<IndicatorTotal>, IEntityTypeConfiguration<IndicatorReopening>
{
    // The current row of a figure: the one not yet replaced. Written the same on both databases.
    private const string Current = "\"ReplacedAtUtc\" IS NULL";

    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(400);
        b.Property(i => i.Measure).HasMaxLength(40);
        b.Property(i => i.NumeratorLabel).HasMaxLength(200);
        b.Property(i => i.DenominatorLabel).HasMaxLength(200);
        b.Property(i => i.SearchKey).HasMaxLength(500);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.ReportEvery).HasConversion<string>().HasMaxLength(12);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.OwnerUnitId, i.Code }).IsUnique();
        b.HasIndex(i => i.TaskId);
        b.HasOne(i => i.OwnerUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Document).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Task).WithMany().OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IndicatorPlan> b)
    {
        b.Property(p => p.PeriodKind).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Basis).HasMaxLength(200);
        b.Property(p => p.Target).HasPrecision(20, 4);
        b.Property(p => p.TargetHigh).HasPrecision(20, 4);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.IndicatorId, p.UnitId, p.PeriodKind, p.Year, p.Number, p.Basis }).IsUnique().HasFilter(Current);
        b.HasIndex(p => new { p.IndicatorId, p.UnitId, p.PeriodKind, p.Year, p.Number, p.RecordedAtUtc });
        b.HasIndex(p => p.HandedDownFromId);
        b.HasOne(p => p.Indicator).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Unit).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndicatorPlan>().WithMany().HasForeignKey(p => p.HandedDownFromId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IndicatorActual> b)
    {
        b.Property(a => a.PeriodKind).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Value).HasPrecision(20, 4);
        b.Property(a => a.Numerator).HasPrecision(20, 4);
        b.Property(a => a.Denominator).HasPrecision(20, 4);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.IndicatorId, a.UnitId, a.PeriodKind, a.Year, a.Number }).IsUnique().HasFilter(Current);
        b.HasIndex(a => new { a.IndicatorId, a.UnitId, a.PeriodKind, a.Year, a.Number, a.RecordedAtUtc });
        b.HasOne(a => a.Indicator).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Unit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IndicatorTotal> b)
    {
        b.Property(t => t.PeriodKind).HasConversion<string>().HasMaxLength(12);
        b.Property(t => t.Value).HasPrecision(20, 4);
        b.Property(t => t.Numerator).HasPrecision(20, 4);
        b.Property(t => t.Denominator).HasPrecision(20, 4);
        // One current sum per unit and period: two writers racing for it cannot both add a row.
        b.HasIndex(t => new { t.IndicatorId, t.UnitId, t.PeriodKind, t.Year, t.Number }).IsUnique().HasFilter(Current);
        b.HasIndex(t => new { t.IndicatorId, t.UnitId, t.PeriodKind, t.Year, t.Number, t.RecordedAtUtc });
        b.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IndicatorReopening> b)
    {
        b.Property(r => r.PeriodKind).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.HasIndex(r => new { r.IndicatorId, r.UnitId, r.PeriodKind, r.Year, r.Number });
        b.HasOne<Indicator>().WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
