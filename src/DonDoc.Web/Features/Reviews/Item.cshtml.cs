using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reviews;

/// <summary>Adds a remediation item to a limitation: saved only with all of the "5 rõ" (see <see cref="FiveClear"/>).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ItemModel(AppDb db, UserScope scope, Clock clock, RemediationPlan plan) : PageModel
{
    [BindProperty]
    public NewRemediationItem Input { get; set; } = new();

    public int ReviewId { get; private set; }
    public string ReviewTitle { get; private set; } = "";
    public string LimitationText { get; private set; } = "";
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (ModelState.IsValid)
        {
            var result = await plan.AddItemAsync(id, Input, scope, ct);
            if (result.IsDone)
            {
                Flash = "Đã ghi biện pháp khắc phục và giao nhiệm vụ khắc phục.";
                return RedirectToPage("Details", null, new { id = ReviewId }, $"limitation-{id}");
            }
            if (await this.ShowRefusalAsync(result, db, nameof(Input), ct) is { } refused)
                return refused;
        }
        return Page();
    }

    // Opens the level below the chosen body without losing what has been typed.
    public async Task<IActionResult> OnPostUnitsAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var limitation = await db.Limitations.AsNoTracking()
            .Where(l => l.Id == id && scope.Reviewed(db.Reviews).Any(r => r.Id == l.ReviewId))
            .Select(l => new { l.ReviewId, ReviewTitle = l.Review!.Title, l.Group, l.Number, l.Text })
            .FirstOrDefaultAsync(ct);
        if (limitation is null)
            return false;
        (ReviewId, ReviewTitle, LimitationText) = (limitation.ReviewId, limitation.ReviewTitle, $"{limitation.Number}. {limitation.Text} ({limitation.Group})");
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.AccountableUnitId], null, ct);
        return true;
    }
}
