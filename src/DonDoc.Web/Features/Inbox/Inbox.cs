using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Inbox;

public enum InboxSection
{
    // A unit officer's: tasks their unit leads.
    ToAccept,
    ToReport,
    Returned,
    // A leader's: what their unit assigned.
    ToDecide,
    Extensions,
    // Anyone's whose unit is named to monitor a remediation plan.
    Monitoring,
    // The office's: directions read from documents, not yet confirmed as tasks.
    Drafts,
}

public sealed record InboxTask(int Id, string Title, string LeadUnit, DateOnly? DueDate, TaskState Status, Overlay Overlay, int Percent,
    int Version, string? Note);

public sealed record InboxExtension(int TaskId, int RequestId, string Title, string LeadUnit, DateOnly? DueDate, DateOnly RequestedDueDate,
    DateOnly RequestedOn, string Reason);

public sealed record InboxDraftDocument(int DocumentId, string Symbol, string Title, int Drafts);

/// <summary>
/// What waits for the signed-in person, by role, always for their own unit: the tasks it leads to
/// accept and report on, what it assigned and must decide, the remediation it monitors and, for the
/// office, drafts to confirm. Each section reads at most <see cref="Shown"/> rows and counts at most
/// <see cref="CountCap"/>, so the menu costs the same for a ward and for the whole country.
/// </summary>
public sealed class Inbox(AppDb db, UserScope scope, Clock clock)
{
    public const int Shown = 50;
    public const int CountCap = 999;

    private static readonly TaskState[] Owing = [TaskState.Accepted, TaskState.InProgress, TaskState.Returned];
    private static readonly TaskState[] Closed = [TaskState.Completed, TaskState.Cancelled];

    public IReadOnlyList<InboxSection> SectionsFor() =>
        scope.UnitId is null ? []
        : Enum.GetValues<InboxSection>().Where(s => s switch
        {
            InboxSection.ToAccept or InboxSection.ToReport or InboxSection.Returned => scope.Roles.Contains(Roles.UnitOfficer),
            InboxSection.ToDecide or InboxSection.Extensions => scope.Roles.Contains(Roles.Leader),
            InboxSection.Drafts => Roles.Office.Any(scope.Roles.Contains),
            _ => true,
        }).ToList();

    /// <summary>How many wait in each section, counted up to <see cref="CountCap"/> (shown as "999+").</summary>
    public async Task<IReadOnlyDictionary<InboxSection, int>> CountsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<InboxSection, int>();
        foreach (var section in SectionsFor())
            counts[section] = section switch
            {
                InboxSection.Extensions => await Extensions().Take(CountCap + 1).CountAsync(ct),
                InboxSection.Drafts => await Drafts().Select(d => d.DocumentId).Distinct().Take(CountCap + 1).CountAsync(ct),
                _ => await Tasks(section).Take(CountCap + 1).CountAsync(ct),
            };
        return counts;
    }

    public static string CountLabel(int count) => count > CountCap ? $"{CountCap}+" : count.ToString();

    public async Task<IReadOnlyList<InboxTask>> TasksAsync(InboxSection section, CancellationToken ct)
    {
        var today = clock.Today;
        var tasks = Tasks(section);
        // The most urgent first: the earliest deadline, and open-ended work last.
        var ordered = section == InboxSection.ToDecide
            ? tasks.OrderBy(t => t.SubmittedOn).ThenBy(t => t.Id)
            : tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id);
        var rows = await ordered.Take(Shown)
            .Select(t => new
            {
                t.Id, t.Title, Lead = t.LeadUnit!.Name, t.DueDate, t.Status, t.SubmittedOn, t.Percent, t.Version, t.ReturnReason, t.Result,
            })
            .ToListAsync(ct);
        return rows.Select(t => new InboxTask(t.Id, t.Title, t.Lead, t.DueDate, t.Status,
                TaskRules.OverlayOn(t.Status, t.DueDate, t.SubmittedOn, today), t.Percent, t.Version,
                section == InboxSection.Returned ? t.ReturnReason : section == InboxSection.ToDecide ? t.Result : null))
            .ToList();
    }

    public async Task<IReadOnlyList<InboxExtension>> ExtensionsAsync(CancellationToken ct) =>
        await Extensions().OrderBy(x => x.Request.RequestedOn).ThenBy(x => x.Request.Id).Take(Shown)
            .Select(x => new InboxExtension(x.Task.Id, x.Request.Id, x.Task.Title, x.Task.LeadUnit!.Name, x.Task.DueDate,
                x.Request.RequestedDueDate, x.Request.RequestedOn, x.Request.Reason))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<InboxDraftDocument>> DraftDocumentsAsync(CancellationToken ct) =>
        await Drafts().GroupBy(d => d.DocumentId)
            .Select(g => new { DocumentId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.DocumentId).Take(Shown)
            .Join(db.Documents, g => g.DocumentId, d => d.Id, (g, d) => new InboxDraftDocument(d.Id, d.Symbol, d.Title, g.Count))
            .ToListAsync(ct);

    private IQueryable<TaskItem> Tasks(InboxSection section)
    {
        var own = scope.UnitId ?? 0;
        var today = clock.Today;
        var soon = today.AddDays(TaskRules.DueSoonDays);
        var tasks = scope.Visible(db.Tasks.AsNoTracking());
        return section switch
        {
            InboxSection.ToAccept => tasks.Where(t => t.LeadUnitId == own && t.Status == TaskState.Assigned),
            InboxSection.ToReport => tasks.Where(t => t.LeadUnitId == own && Owing.Contains(t.Status) && t.DueDate != null && t.DueDate <= soon),
            InboxSection.Returned => tasks.Where(t => t.LeadUnitId == own && t.Status == TaskState.Returned),
            InboxSection.ToDecide => tasks.Where(t => t.AssignedByUnitId == own && t.Status == TaskState.Submitted),
            // From the few monitored items to their tasks, not from every open task to its items.
            InboxSection.Monitoring => tasks.Where(t => !Closed.Contains(t.Status) && db.RemediationItems
                .Where(i => i.Limitation!.Review!.Monitors.Any(m => m.UnitId == own)).Select(i => i.TaskId).Contains(t.Id)),
            _ => tasks.Where(_ => false),
        };
    }

    private IQueryable<ExtensionTask> Extensions()
    {
        var own = scope.UnitId ?? 0;
        return db.ExtensionRequests.AsNoTracking().Where(x => x.State == ExtensionState.Pending)
            .Join(scope.Visible(db.Tasks.AsNoTracking()).Where(t => t.AssignedByUnitId == own), x => x.TaskId, t => t.Id,
                (x, t) => new ExtensionTask { Request = x, Task = t });
    }

    private IQueryable<Conclusions.TaskDraft> Drafts()
    {
        var documents = scope.Visible(db.Documents.AsNoTracking());
        return db.TaskDrafts.AsNoTracking().Where(d => d.ConfirmedAtUtc == null && documents.Any(doc => doc.Id == d.DocumentId));
    }

    private sealed class ExtensionTask
    {
        public required ExtensionRequest Request { get; init; }
        public required TaskItem Task { get; init; }
    }
}
