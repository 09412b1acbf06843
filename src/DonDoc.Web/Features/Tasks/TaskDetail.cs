using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

public sealed record UnitRef(int Id, string Name);

public sealed record EvidenceDto(int Id, string FileName, long Size);

public sealed record ProgressDto(int Id, DateOnly ReportedOn, int Percent, string Text, string? DropReason, string? Period, IReadOnlyList<EvidenceDto> Evidence);

public sealed record ExtensionDto(int Id, DateOnly? DueDateBefore, DateOnly RequestedDueDate, string Reason, ExtensionState State,
    DateOnly RequestedOn, DateOnly? DecidedOn, string? DecisionNote, int Version);

public sealed record HistoryDto(DateTime AtUtc, DateOnly OnDate, TaskState? FromStatus, TaskState Status, DateOnly? DueDate, string? Note);

public sealed record PeriodDto(int Id, string Label, DateOnly DueDate, DateOnly? ReportedOn);

public sealed record DocumentRef(int Id, string Symbol, string Title);

public sealed record TaskDetail(int Id, int? ParentId, string? ParentTitle, TaskKind Kind, string Title, string? Content, string? ExpectedResult,
    UnitRef LeadUnit, IReadOnlyList<UnitRef> Coordinators, UnitRef AssignedBy, UnitRef? Accountable, string? ResponsiblePerson,
    DocumentRef? SourceDocument, string? SourceNote, DeadlineKind DeadlineKind, Recurrence? Recurrence, DateOnly? DueDate,
    DateOnly? OriginalDueDate, TaskState Status, Overlay Overlay, int Percent, DateOnly AssignedOn, DateOnly? SubmittedOn,
    DateOnly? CompletedOn, string? ReturnReason, string? Result, int ChildCompleted, int ChildTotal, IReadOnlyList<TaskAction> Actions,
    IReadOnlyList<PeriodDto> Periods, IReadOnlyList<ProgressDto> Progress, IReadOnlyList<ExtensionDto> Extensions,
    IReadOnlyList<HistoryDto> History)
{
    /// <summary>What the user may do with the task; <see cref="Actions"/> already holds only what they may do now.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TaskAccess Access { get; init; } = null!;

    /// <summary>The version read: send it back (If-Match, or the pages' hidden field) so a change made meanwhile is not overwritten.</summary>
    public int Version { get; init; }

    /// <summary>The task as the user may see it, or null when it does not exist for them.</summary>
    public static async Task<TaskDetail?> LoadAsync(AppDb db, UserScope scope, int id, DateOnly today, CancellationToken ct)
    {
        var t = await scope.Visible(db.Tasks.AsNoTracking())
            .Include(x => x.LeadUnit).Include(x => x.AssignedByUnit).Include(x => x.AccountableUnit)
            .Include(x => x.SourceDocument).Include(x => x.Parent).Include(x => x.Coordinators).ThenInclude(c => c.Unit)
            .Include(x => x.Periods)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
            return null;
        // A task handed down from above is seen by its lead unit; the task above it may not be.
        if (t.ParentId is { } parentId && !await scope.Visible(db.Tasks).AnyAsync(p => p.Id == parentId, ct))
            (t.ParentId, t.Parent) = (null, null);
        var access = scope.AccessTo(t);
        var periods = t.Periods.OrderBy(p => p.DueDate).ToList();
        var progress = await db.ProgressReports.AsNoTracking().Include(r => r.Evidence)
            .Where(r => r.TaskId == id).OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        var extensions = await db.ExtensionRequests.AsNoTracking().Where(x => x.TaskId == id).OrderByDescending(x => x.Id)
            .Select(x => new ExtensionDto(x.Id, x.DueDateBefore, x.RequestedDueDate, x.Reason, x.State, x.RequestedOn, x.DecidedOn, x.DecisionNote, x.Version))
            .ToListAsync(ct);
        var history = await db.TaskEvents.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.Id)
            .Select(e => new HistoryDto(e.AtUtc, e.OnDate, e.FromStatus, e.Status, e.DueDate, e.Note)).ToListAsync(ct);
        return new TaskDetail(t.Id, t.ParentId, t.Parent?.Title, t.Kind, t.Title, t.Content, t.ExpectedResult,
            new UnitRef(t.LeadUnitId, t.LeadUnit!.Name),
            t.Coordinators.Select(c => new UnitRef(c.UnitId, c.Unit!.Name)).OrderBy(u => u.Name).ToList(),
            new UnitRef(t.AssignedByUnitId, t.AssignedByUnit!.Name),
            t.AccountableUnit is { } a ? new UnitRef(a.Id, a.Name) : null, t.ResponsiblePerson,
            t.SourceDocument is { } d ? new DocumentRef(d.Id, d.Symbol, d.Title) : null, t.SourceNote,
            t.DeadlineKind, t.Recurrence, t.DueDate, t.OriginalDueDate, t.Status, TaskRules.OverlayOn(t, today), t.Percent,
            t.AssignedOn, t.SubmittedOn, t.CompletedOn, t.ReturnReason, t.Result, t.ChildCompleted, t.ChildTotal,
            TaskRules.Allowed(t.Status).Where(access.Can).ToList(),
            periods.Select(p => new PeriodDto(p.Id, p.Label, p.DueDate, p.ReportedOn)).ToList(),
            progress.Select(r => new ProgressDto(r.Id, r.ReportedOn, r.Percent, r.Text, r.DropReason, periods.FirstOrDefault(p => p.Id == r.PeriodId)?.Label,
                r.Evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.Size)).ToList())).ToList(),
            extensions, history) { Access = access, Version = t.Version };
    }
}
