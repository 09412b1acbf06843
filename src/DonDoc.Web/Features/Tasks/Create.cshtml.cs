using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

public sealed record ParentTask(int Id, string Title, TaskKind Kind, int LeadUnitId, string LeadUnitName, int? SourceDocumentId,
    DeadlineKind DeadlineKind, Recurrence? Recurrence, DateOnly? DueDate);

public sealed record DocumentChoice(int Id, string Symbol, string Title);

[Authorize(Policy = Policies.Office)]
public sealed class CreateModel(AppDb db, UserScope scope, Clock clock, TaskWorkflow workflow) : PageModel
{
    private const int RecentDocuments = 100;

    [BindProperty]
    public NewTask Input { get; set; } = new();

    public ParentTask? Parent { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<DocumentChoice> Documents { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int? parent, int? document, int? unit, CancellationToken ct)
    {
        Input.ParentId = parent;
        Input.SourceDocumentId = document;
        Input.LeadUnitId = unit;
        if (parent is not null)
        {
            if ((Parent = await LoadParentAsync(parent.Value, ct)) is not { } p)
                return NotFound();
            // A part of a program is a project, a part of anything else an item; the parent's source and deadline carry over.
            Input.Kind = p.Kind == TaskKind.Program ? TaskKind.Project : TaskKind.Item;
            Input.SourceDocumentId ??= p.SourceDocumentId;
            Input.DeadlineKind = p.DeadlineKind;
            Input.Recurrence = p.Recurrence;
            if (p.DeadlineKind == DeadlineKind.Date && p.DueDate >= clock.Today)
                Input.DueDate = p.DueDate;
        }
        if (document is not null && !await scope.Visible(db.Documents).AnyAsync(d => d.Id == document, ct))
            return NotFound();
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Without script every deadline field is on screen; only those of the chosen kind count.
        if (Input.DeadlineKind != DeadlineKind.Date)
            Input.DueDate = null;
        if (Input.DeadlineKind != DeadlineKind.Periodic)
            Input.EndsOn = null;
        if (Input.DeadlineKind == DeadlineKind.Date)
            Input.Recurrence = null;

        if (ModelState.IsValid)
        {
            var result = await workflow.CreateAsync(Input, scope, ct);
            if (result.IsDone)
            {
                Flash = "Đã giao nhiệm vụ.";
                return RedirectToPage("Details", new { id = result.Value!.Id });
            }
            if (await this.ShowRefusalAsync(result, db, nameof(Input), ct) is { } refused)
                return refused;
        }
        if (Input.ParentId is { } parentId)
            Parent = await LoadParentAsync(parentId, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    // Opens the level below the chosen lead unit without losing what has been typed.
    public async Task<IActionResult> OnPostUnitsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Input.ParentId is { } parentId)
            Parent = await LoadParentAsync(parentId, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    private Task<ParentTask?> LoadParentAsync(int id, CancellationToken ct) =>
        scope.Visible(db.Tasks.AsNoTracking()).Where(t => t.Id == id)
            .Select(t => new ParentTask(t.Id, t.Title, t.Kind, t.LeadUnitId, t.LeadUnit!.Name, t.SourceDocumentId,
                t.DeadlineKind, t.Recurrence, t.DueDate))
            .FirstOrDefaultAsync(ct);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today,
            [Parent?.LeadUnitId, Input.LeadUnitId, Input.AccountableUnitId], Input.CoordinatorUnitIds, ct);
        var documents = scope.Visible(db.Documents.AsNoTracking());
        var recent = await documents.Where(d => d.Status == DocumentStatus.Registered)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(RecentDocuments)
            .Select(d => new DocumentChoice(d.Id, d.Symbol, d.Title)).ToListAsync(ct);
        if (Input.SourceDocumentId is { } chosen && recent.All(d => d.Id != chosen))
            recent.InsertRange(0, await documents.Where(d => d.Id == chosen)
                .Select(d => new DocumentChoice(d.Id, d.Symbol, d.Title)).ToListAsync(ct));
        Documents = recent;
    }
}
