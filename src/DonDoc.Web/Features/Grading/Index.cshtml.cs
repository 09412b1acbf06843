using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Grading;

public sealed class IndexModel(AppDb db, UserScope scope, Clock clock, GradeBook book) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    // The child whose grade form is open.
    [BindProperty(SupportsGet = true)]
    public int? Child { get; set; }

    [BindProperty]
    public GradeInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public GradingView? View { get; private set; }
    public GradeRow? Editing { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        if (Editing is { } row)
        {
            Input = new GradeInput
            {
                Score = row.Record?.Score,
                Grade = row.Record?.Grade ?? row.Suggested,
                Reason = row.Record?.OverrideReason,
                PeerGroup = row.PeerGroup,
                Outstanding = row.Record?.Outstanding ?? false,
            };
            Version = row.Record?.Version ?? 0;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostGradeAsync(CancellationToken ct)
    {
        if (!User.IsOffice())
            return Forbid();
        if (await LoadAsync(ct) is { } refused)
            return refused;
        if (View is null || Editing is null)
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var result = await book.EnterAsync(View.UnitId, View.Year, Editing.UnitId, Input, Version == 0 ? null : Version, ct);
        if (result.IsDone)
        {
            Flash = $"Đã xếp loại {Editing.UnitName} năm {View.Year}: {result.Value!.Grade.Label()}.";
            return RedirectToPage(new { unit = View.UnitId, year = View.Year });
        }
        return await this.ShowRefusalAsync(result, db, nameof(Input), ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        Unit ??= await scope.HomeUnitAsync(clock.Today, ct);
        if (Unit is not { } unitId)
            return NotFound();
        var view = await book.GetAsync(unitId, Year.Value, ct);
        if (view.Problems is { } problems)
        {
            problems.CopyTo(ModelState);
            return null;
        }
        if (!view.IsDone)
            return NotFound();
        View = view.Value!;
        CanEdit = User.IsOffice();
        if (Child is { } child)
        {
            Editing = View.Children.FirstOrDefault(c => c.UnitId == child);
            if (Editing is null)
                return NotFound();
        }
        return null;
    }
}
