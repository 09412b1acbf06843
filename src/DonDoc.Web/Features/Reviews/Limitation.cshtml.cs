using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reviews;

[Authorize(Policy = Policies.Office)]
public sealed class LimitationModel(AppDb db, UserScope scope, RemediationPlan plan) : PageModel
{
    [BindProperty]
    public NewLimitation Input { get; set; } = new();

    public int ReviewId { get; private set; }
    public string ReviewTitle { get; private set; } = "";
    public IReadOnlyList<string> Groups { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var result = await plan.AddLimitationAsync(id, Input, scope, ct);
        if (result.IsDone)
        {
            Flash = $"Đã ghi hạn chế {result.Value!.Number} {result.Value.Group}.";
            return RedirectToPage("Details", new { id });
        }
        return await this.ShowRefusalAsync(result, db, nameof(Input), ct) ?? Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var review = await scope.Reviewed(db.Reviews.AsNoTracking()).Where(r => r.Id == id).Select(r => new { r.Id, r.Title }).FirstOrDefaultAsync(ct);
        if (review is null)
            return false;
        (ReviewId, ReviewTitle) = (review.Id, review.Title);
        Groups = await db.Limitations.AsNoTracking().Where(l => l.ReviewId == id).Select(l => l.Group).Distinct().ToListAsync(ct);
        return true;
    }
}
