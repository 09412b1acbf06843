using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Reviews;

public enum ReviewSubject
{
    Committee,
    Leadership,
}

public enum ReviewPeriod
{
    Year,
    Term,
}

/// <summary>
/// A self-review (kiểm điểm) of a unit's committee or leadership for a year or a term, with its
/// limitations; each limitation's remediation items are tasks, so its progress is theirs.
/// </summary>
public sealed class Review
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Title { get; set; }
    public ReviewSubject Subject { get; set; }
    public ReviewPeriod Period { get; set; }
    // The year the period ends: next year's review of the unit carries over from the latest earlier one.
    public int Year { get; set; }
    // "2023", "2020 – 2025".
    public required string PeriodLabel { get; set; }
    public DateOnly HeldOn { get; set; }
    // The conference (a plenum, most often) where the review was held, when it is recorded.
    public int? ConferenceId { get; set; }
    public Conference? Conference { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<Limitation> Limitations { get; set; } = [];
    public List<ReviewMonitor> Monitors { get; set; } = [];
}

/// <summary>A limitation (hạn chế), numbered within its group ("trong xây dựng Đảng"), with its causes.</summary>
public sealed class Limitation
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }
    public required string Group { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public string? Cause { get; set; }
    // The same limitation in the previous review, when it was carried over unremedied.
    public int? CarriedFromId { get; set; }
    public List<RemediationItem> Items { get; set; } = [];
}

/// <summary>A remediation item: its "5 rõ" live on its task, which the workflow follows like any other.</summary>
public sealed class RemediationItem
{
    public int Id { get; set; }
    public int LimitationId { get; set; }
    public Limitation? Limitation { get; set; }
    public int TaskId { get; set; }
    public TaskItem? Task { get; set; }
}

/// <summary>A body named to monitor (theo dõi, giám sát) the remediation; it sees the review and its tasks.</summary>
public sealed class ReviewMonitor
{
    public int ReviewId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.Title).HasMaxLength(500);
        b.Property(r => r.PeriodLabel).HasMaxLength(40);
        b.Property(r => r.Subject).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Period).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.UnitId, r.Year });
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Conference).WithMany().HasForeignKey(r => r.ConferenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Limitations).WithOne(l => l.Review).HasForeignKey(l => l.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Monitors).WithOne().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LimitationConfiguration : IEntityTypeConfiguration<Limitation>
{
    public void Configure(EntityTypeBuilder<Limitation> b)
    {
        b.Property(l => l.Group).HasMaxLength(200);
        b.Property(l => l.Text).HasMaxLength(4000);
        b.Property(l => l.Cause).HasMaxLength(4000);
        b.HasIndex(l => new { l.ReviewId, l.Group, l.Number }).IsUnique();
        b.HasOne<Limitation>().WithMany().HasForeignKey(l => l.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Items).WithOne(i => i.Limitation).HasForeignKey(i => i.LimitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RemediationItemConfiguration : IEntityTypeConfiguration<RemediationItem>
{
    public void Configure(EntityTypeBuilder<RemediationItem> b)
    {
        b.HasIndex(i => i.TaskId).IsUnique();
        b.HasIndex(i => i.LimitationId);
        b.HasOne(i => i.Task).WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewMonitorConfiguration : IEntityTypeConfiguration<ReviewMonitor>
{
    public void Configure(EntityTypeBuilder<ReviewMonitor> b)
    {
        b.HasKey(m => new { m.ReviewId, m.UnitId });
        b.HasIndex(m => m.UnitId);
        b.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ReviewLabels
{
    public static string Label(this ReviewSubject s) => s switch
    {
        ReviewSubject.Leadership => "Tập thể lãnh đạo đơn vị",
        _ => "Tập thể cấp ủy",
    };

    public static string Label(this ReviewPeriod p) => p switch
    {
        ReviewPeriod.Term => "nhiệm kỳ",
        _ => "năm",
    };
}
