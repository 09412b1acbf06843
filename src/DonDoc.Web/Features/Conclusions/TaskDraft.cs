using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Conclusions;

/// <summary>
/// One direction read from a conclusion or direction document, kept until the office confirms it as a task,
/// so that the review can be done in steps. Names are kept as the text wrote them; the unit ids are the
/// office's choice among the units those names match.
/// </summary>
public sealed class TaskDraft
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    // The direction's sentence as written, kept as the task's content.
    public string? Content { get; set; }
    public string LeadName { get; set; } = "";
    public int? LeadUnitId { get; set; }
    // One name a line; the unit chosen for each line, in the same order, 0 where none was.
    public string CoordinatorNames { get; set; } = "";
    public string CoordinatorUnitIds { get; set; } = "";
    public DeadlineKind DeadlineKind { get; set; }
    public DateOnly? DueDate { get; set; }
    public Recurrence? Recurrence { get; set; }
    public string? ExpectedResult { get; set; }
    // Set when a confirmation claims the draft, before any task is written: a second confirmation finds nothing to claim.
    public DateTime? ConfirmedAtUtc { get; set; }
    public int? TaskId { get; set; }
}

internal sealed class TaskDraftConfiguration : IEntityTypeConfiguration<TaskDraft>
{
    public void Configure(EntityTypeBuilder<TaskDraft> b)
    {
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.LeadName).HasMaxLength(300);
        b.Property(d => d.ExpectedResult).HasMaxLength(2000);
        b.HasIndex(d => new { d.DocumentId, d.Position });
        b.HasIndex(d => d.TaskId).IsUnique();
        b.HasOne<TaskItem>().WithMany().HasForeignKey(d => d.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Document).WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.DeadlineKind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Recurrence).HasConversion<string>().HasMaxLength(20);
    }
}
