using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Tasks;

public enum TaskState
{
    Assigned,
    Accepted,
    InProgress,
    Submitted,
    Returned,
    Completed,
    Cancelled,
}

public enum TaskKind
{
    Task,
    Program,
    Project,
    Item,
    Remediation,
}

public enum DeadlineKind
{
    Date,
    Periodic,
    Ongoing,
}

public enum Recurrence
{
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>
/// A task with the "5 rõ": what (title, content), who (lead unit, coordinators, responsible person),
/// which body answers for it, by when (deadline) and the expected result. Tasks nest to any depth.
/// </summary>
public sealed class TaskItem : ISearchable, IVersioned
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public TaskItem? Parent { get; set; }
    public string Path { get; set; } = "/";
    public int Depth { get; set; }
    public TaskKind Kind { get; set; }

    public required string Title { get; set; }
    public string? Content { get; set; }
    public string? ExpectedResult { get; set; }

    public int LeadUnitId { get; set; }
    public Unit? LeadUnit { get; set; }
    public int AssignedByUnitId { get; set; }
    public Unit? AssignedByUnit { get; set; }
    public int? AccountableUnitId { get; set; }
    public Unit? AccountableUnit { get; set; }
    public string? ResponsiblePerson { get; set; }
    public List<TaskCoordinator> Coordinators { get; set; } = [];
    public List<TaskPeriod> Periods { get; set; } = [];

    public int? SourceDocumentId { get; set; }
    public Document? SourceDocument { get; set; }
    public string? SourceNote { get; set; }
    // The code the assigning unit gave the task in its spreadsheet ("CT01"): importing the sheet again updates it.
    public string? ImportCode { get; set; }

    public DeadlineKind DeadlineKind { get; set; }
    public Recurrence? Recurrence { get; set; }
    // For periodic tasks: the due date of the earliest period not yet reported.
    public DateOnly? DueDate { get; set; }
    // The due date as first assigned; extensions move DueDate only.
    public DateOnly? OriginalDueDate { get; set; }

    public TaskState Status { get; set; }
    public int Percent { get; set; }
    public DateOnly AssignedOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? ReturnReason { get; set; }
    // What the lead unit reported when it last submitted the task as done.
    public string? Result { get; set; }

    // Direct children, maintained with every change so "30/34" needs no count over the children.
    public int ChildTotal { get; set; }
    public int ChildCompleted { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public string SearchKey { get; set; } = "";

    public string SearchText => Title;

    public static string ChildPath(string parentPath, int id) => $"{parentPath}{id}/";
}

public sealed class TaskCoordinator
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>One period of a periodic task, each with its own due date.</summary>
public sealed class TaskPeriod
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public required string Label { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? ReportedOn { get; set; }
}

/// <summary>
/// The task's state after each change of status, due date or lead unit. Dashboards "as of" a day are
/// rebuilt from these rows, so a count reported at a milestone can be reproduced later.
/// </summary>
public sealed class TaskEvent
{
    public long Id { get; set; }
    public int TaskId { get; set; }
    public DateTime AtUtc { get; set; }
    public DateOnly OnDate { get; set; }
    public TaskState? FromStatus { get; set; }
    public TaskState Status { get; set; }
    public int LeadUnitId { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public string? Note { get; set; }
}

public sealed class ProgressReport
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int? PeriodId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public int Percent { get; set; }
    public required string Text { get; set; }
    // Why the percent fell below the report before it.
    public string? DropReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
}

public sealed class Evidence
{
    public int Id { get; set; }
    public int ProgressReportId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StoredName { get; set; }
}

public enum ExtensionState
{
    Pending,
    Approved,
    Refused,
}

public sealed class ExtensionRequest : IVersioned
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateOnly? DueDateBefore { get; set; }
    public DateOnly RequestedDueDate { get; set; }
    public required string Reason { get; set; }
    public ExtensionState State { get; set; }
    public DateOnly RequestedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Version).IsVersion();
        b.Property(t => t.Path).HasMaxLength(400);
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.SearchKey).HasMaxLength(500);
        b.Property(t => t.Content).HasMaxLength(8000);
        b.Property(t => t.ExpectedResult).HasMaxLength(2000);
        b.Property(t => t.ResponsiblePerson).HasMaxLength(200);
        b.Property(t => t.SourceNote).HasMaxLength(1000);
        b.Property(t => t.ReturnReason).HasMaxLength(2000);
        b.Property(t => t.Result).HasMaxLength(8000);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.DeadlineKind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Recurrence).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(t => t.ParentId);
        b.HasIndex(t => t.Path);
        b.HasIndex(t => new { t.LeadUnitId, t.Status, t.DueDate });
        b.HasIndex(t => new { t.Status, t.DueDate });
        b.HasIndex(t => t.SourceDocumentId);
        b.Property(t => t.ImportCode).HasMaxLength(40);
        // One task per code and assigning unit: two imports of the same code at once cannot both add it.
        b.HasIndex(t => new { t.AssignedByUnitId, t.ImportCode }).IsUnique();
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.LeadUnit).WithMany().HasForeignKey(t => t.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.AssignedByUnit).WithMany().HasForeignKey(t => t.AssignedByUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.AccountableUnit).WithMany().HasForeignKey(t => t.AccountableUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.SourceDocument).WithMany().HasForeignKey(t => t.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Coordinators).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Periods).WithOne().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskCoordinatorConfiguration : IEntityTypeConfiguration<TaskCoordinator>
{
    public void Configure(EntityTypeBuilder<TaskCoordinator> b)
    {
        b.HasKey(c => new { c.TaskId, c.UnitId });
        b.HasIndex(c => c.UnitId);
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskPeriodConfiguration : IEntityTypeConfiguration<TaskPeriod>
{
    public void Configure(EntityTypeBuilder<TaskPeriod> b)
    {
        b.Property(p => p.Label).HasMaxLength(40);
        b.HasIndex(p => new { p.TaskId, p.DueDate });
    }
}

internal sealed class TaskEventConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> b)
    {
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.TaskId, e.AtUtc });
        b.HasIndex(e => e.AtUtc);
        // A subtree's past days are replayed from the tasks its units led (DashboardQuery).
        b.HasIndex(e => new { e.LeadUnitId, e.TaskId });
        b.HasOne<TaskItem>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.Property(r => r.Text).HasMaxLength(8000);
        b.Property(r => r.DropReason).HasMaxLength(2000);
        b.HasIndex(r => r.TaskId);
        b.HasOne<TaskItem>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TaskPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.ContentType).HasMaxLength(120);
        b.Property(e => e.StoredName).HasMaxLength(80);
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsVersion();
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
        b.HasIndex(x => x.TaskId);
        b.HasOne<TaskItem>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
