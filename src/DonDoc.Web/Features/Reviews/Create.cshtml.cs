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

[Authorize(Policy = Policies.Office)]
public sealed class CreateModel(AppDb db, UserScope scope, Clock clock, RemediationPlan plan) : PageModel
{
    [BindProperty]
    public NewReview Input { get; set; } = new();

    // Set once the previous review's unremedied limitations have been offered for this unit and year.
    [BindProperty]
    public string? OfferedFor { get; set; }

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<LimitationRow> Offers { get; private set; } = [];
    public string? ConferenceTitle { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    private string OfferKey => $"{Input.UnitId}/{Input.Year}";

    public async Task<IActionResult> OnGetAsync(int? unit, int? conference, CancellationToken ct)
    {
        Input.UnitId = unit;
        Input.Year = clock.Today.Year;
        Input.HeldOn = clock.Today;
        if (conference is { } conferenceId)
        {
            var held = await scope.Visible(db.Conferences.AsNoTracking()).Where(c => c.Id == conferenceId)
                .Select(c => new { c.UnitId, c.HeldOn }).FirstOrDefaultAsync(ct);
            if (held is null)
                return NotFound();
            Input.ConferenceId = conferenceId;
            Input.UnitId = held.UnitId ?? unit;
            Input.HeldOn = held.HeldOn;
            // A year's review is held in the first months of the next year, as the 16th plenum of 9/1/2024 reviewed 2023.
            Input.Year = held.HeldOn.Month <= 3 ? held.HeldOn.Year - 1 : held.HeldOn.Year;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            // Before the first save for a unit and year, offer what last year's review left unremedied.
            if (OfferedFor != OfferKey && await scope.SeesUnitAsync(Input.UnitId!.Value, ct)
                && await plan.CarryOverOffersAsync(Input.UnitId!.Value, Input.Year!.Value, ct) is { Count: > 0 } offers)
                return await OfferAsync(offers, ct);
            var result = await plan.CreateReviewAsync(Input, scope, ct);
            if (result.IsDone)
            {
                Flash = "Đã ghi kỳ kiểm điểm.";
                return RedirectToPage("Details", new { id = result.Value!.Id });
            }
            if (await this.ShowRefusalAsync(result, db, nameof(Input), ct) is { } refused)
                return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    // Opens the level below the chosen unit, and shows what may be carried over, without losing what has been typed.
    public async Task<IActionResult> OnPostUnitsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Input.UnitId is { } unitId && Input.Year is { } year && await scope.SeesUnitAsync(unitId, ct))
            return await OfferAsync(await plan.CarryOverOffersAsync(unitId, year, ct), ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> OfferAsync(IReadOnlyList<LimitationRow> offers, CancellationToken ct)
    {
        Input.CarryOverIds = offers.Select(o => o.Id).ToList();
        OfferedFor = OfferKey;
        ModelState.Remove($"{nameof(OfferedFor)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.CarryOverIds)}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.UnitId], Input.MonitorUnitIds, ct);
        ConferenceTitle = Input.ConferenceId is { } conferenceId
            ? await scope.Visible(db.Conferences.AsNoTracking()).Where(c => c.Id == conferenceId).Select(c => c.Title).FirstOrDefaultAsync(ct)
            : null;
        if (OfferedFor == OfferKey && Input.UnitId is { } unitId && Input.Year is { } year && await scope.SeesUnitAsync(unitId, ct))
            Offers = await plan.CarryOverOffersAsync(unitId, year, ct);
    }
}
