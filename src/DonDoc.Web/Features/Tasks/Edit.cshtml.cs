using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

/// <summary>The assigning side corrects a task it gave; the rules are <see cref="TaskWorkflow.EditAsync(int, TaskEdit, int?, CancellationToken)"/>'s.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(AppDb db, UserScope scope, Clock clock, TaskWorkflow workflow) : PageModel
{
    [BindProperty]
    public TaskEdit Input { get; set; } = new();

    // The version the form was read at: a save over a newer one is refused with what changed.
    [BindProperty]
    public int Version { get; set; }

    public int Id { get; private set; }
    public TaskState Status { get; private set; }
    public DeadlineKind DeadlineKind { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    // Once accepted, the deadline moves through an extension and the lead unit stays.
    public bool Accepted => Status != TaskState.Assigned;

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is { } refused)
            return refused;
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new
            {
                t.Title, t.Content, t.ExpectedResult, t.LeadUnitId, t.AccountableUnitId, t.ResponsiblePerson, t.DueDate, t.Version,
                Coordinators = t.Coordinators.Select(c => c.UnitId).ToList(),
            })
            .FirstAsync(ct);
        Input = new TaskEdit
        {
            Title = task.Title, Content = task.Content, ExpectedResult = task.ExpectedResult, LeadUnitId = task.LeadUnitId,
            AccountableUnitId = task.AccountableUnitId, ResponsiblePerson = task.ResponsiblePerson, DueDate = task.DueDate,
            CoordinatorUnitIds = task.Coordinators,
        };
        Version = task.Version;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is { } refused)
            return refused;
        if (ModelState.IsValid)
        {
            var result = await workflow.EditAsync(id, Input, Version, scope, ct);
            if (result.IsDone)
            {
                Flash = "Đã sửa nhiệm vụ.";
                return RedirectToPage("Details", new { id });
            }
            if (await this.ShowRefusalAsync(result, db, nameof(Input), ct) is { } shown)
                return shown;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    // Opens the level below the chosen lead unit without losing what has been typed.
    public async Task<IActionResult> OnPostUnitsAsync(int id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is { } refused)
            return refused;
        ModelState.Clear();
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> EditableAsync(int id, CancellationToken ct)
    {
        if (await scope.TaskAsync(id, ct) is not { } access)
            return NotFound();
        if (!access.Can(TaskRight.Edit))
            return Forbid();
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Status, t.DeadlineKind }).FirstAsync(ct);
        (Id, Status, DeadlineKind) = (id, task.Status, task.DeadlineKind);
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken ct) =>
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.LeadUnitId, Input.AccountableUnitId], Input.CoordinatorUnitIds, ct);
}
