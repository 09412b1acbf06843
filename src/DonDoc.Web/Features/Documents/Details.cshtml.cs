using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Documents;

public sealed class DetailsModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public DocumentDto Document { get; private set; } = null!;
    public string? IssuerName { get; private set; }
    public Page<TaskRow> Tasks { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public AuditLogView AuditLog { get; private set; } = AuditLogView.Empty;

    [TempData]
    public string? Flash { get; set; }

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? page, CancellationToken ct)
    {
        if (await scope.Visible(db.Documents.AsNoTracking()).Where(d => d.Id == id).ToDto().FirstOrDefaultAsync(ct) is not { } document)
            return NotFound();
        Document = document;
        IssuerName = await db.Issuers.Where(i => i.Code == document.IssuerCode).Select(i => i.Name).FirstOrDefaultAsync(ct);

        // Children fanned out from a task inherit its document; listing them here would bury the office's
        // own assignments, so only tasks whose parent has another source are shown (each with its x/y).
        var tasks = scope.Visible(db.Tasks.AsNoTracking())
            .Where(t => t.SourceDocumentId == id && (t.ParentId == null || t.Parent!.SourceDocumentId != id))
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new TaskRow(t.Id, t.ParentId, t.Kind, t.Title, t.LeadUnitId, t.LeadUnit!.Name, t.Status, t.DeadlineKind,
                t.DueDate, t.OriginalDueDate, t.SubmittedOn, t.Percent, t.ChildCompleted, t.ChildTotal, t.AssignedOn, t.CompletedOn));
        var today = clock.Today;
        var rows = await Paging.PageAsync(tasks, page, Paging.DefaultSize, ct);
        Tasks = rows with { Items = rows.Items.Select(r => r with { Overlay = TaskRules.OverlayOn(r.Status, r.DueDate, r.SubmittedOn, today) }).ToList() };
        AuditLog = await AuditTrail.AuditLog.ForRecordAsync(db, scope, "Documents", id, ct);
        return Page();
    }
}
