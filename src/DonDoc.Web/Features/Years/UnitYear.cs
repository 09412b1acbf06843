using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Years;

/// <summary>
/// A unit's year: its theme ("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển") and its numbered
/// groups of key tasks. Every change to the groups or to what is filed under them raises its version.
/// </summary>
public sealed class UnitYear : IVersioned
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    public string? Theme { get; set; }
    public List<KeyTaskGroup> Groups { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>One of the year's groups of key tasks ("nhóm nhiệm vụ trọng tâm"), numbered from 1.</summary>
public sealed class KeyTaskGroup
{
    public int Id { get; set; }
    public int UnitYearId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public List<GroupTask> Tasks { get; set; } = [];
    public List<GroupIndicator> Indicators { get; set; } = [];
}

/// <summary>
/// A task filed under a group. The filing of each kind of record is a table of its own (tasks here), so
/// the task rows stay the ledger's alone.
/// </summary>
public sealed class GroupTask
{
    public int GroupId { get; set; }
    public int TaskId { get; set; }
    public TaskItem? Task { get; set; }
}

/// <summary>An indicator filed under a group, beside the tasks that carry it.</summary>
public sealed class GroupIndicator
{
    public int GroupId { get; set; }
    public int IndicatorId { get; set; }
    public Indicators.Indicator? Indicator { get; set; }
}

internal sealed class UnitYearConfiguration : IEntityTypeConfiguration<UnitYear>
{
    public void Configure(EntityTypeBuilder<UnitYear> b)
    {
        b.Property(y => y.Theme).HasMaxLength(500);
        b.Property(y => y.Version).IsVersion();
        b.HasIndex(y => new { y.UnitId, y.Year }).IsUnique();
        b.HasOne(y => y.Unit).WithMany().HasForeignKey(y => y.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(y => y.Groups).WithOne().HasForeignKey(g => g.UnitYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyTaskGroupConfiguration : IEntityTypeConfiguration<KeyTaskGroup>
{
    public void Configure(EntityTypeBuilder<KeyTaskGroup> b)
    {
        b.Property(g => g.Title).HasMaxLength(500);
        b.HasIndex(g => new { g.UnitYearId, g.Number }).IsUnique();
        b.HasMany(g => g.Tasks).WithOne().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Indicators).WithOne().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupTaskConfiguration : IEntityTypeConfiguration<GroupTask>
{
    public void Configure(EntityTypeBuilder<GroupTask> b)
    {
        b.HasKey(t => new { t.GroupId, t.TaskId });
        b.HasIndex(t => t.TaskId);
        // A task handed down by mistake is deleted the same day (withdraw); its filing goes with it.
        b.HasOne(t => t.Task).WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupIndicatorConfiguration : IEntityTypeConfiguration<GroupIndicator>
{
    public void Configure(EntityTypeBuilder<GroupIndicator> b)
    {
        b.HasKey(i => new { i.GroupId, i.IndicatorId });
        b.HasIndex(i => i.IndicatorId);
        b.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
