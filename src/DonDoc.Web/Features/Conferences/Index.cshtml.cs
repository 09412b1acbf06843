using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

/// <summary>The conferences the user sees, by the unit that held them (with its subtree) and the year.</summary>
public sealed class IndexModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public Page<ConferenceRow> Conferences { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    [FromQuery(Name = "unit")]
    public int? UnitId { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    public ConferenceFilter Filter => new() { Unit = UnitId, Year = Year };

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [UnitId], ct: ct);
        Years = await scope.Visible(db.Conferences.AsNoTracking()).Select(c => c.HeldOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (Paging.Check(page, null) is { } problems)
        {
            problems.CopyTo(ModelState);
            return Page();
        }
        var rows = await ConferenceLists.ConferencesAsync(db, scope, Filter, ct);
        if (rows.Problems is { } refused)
        {
            refused.CopyTo(ModelState);
            return Page();
        }
        var (number, size) = Paging.For(Request, page, Paging.DefaultSize);
        Conferences = await Paging.PageAsync(rows.Value!, number, size, ct);
        return Page();
    }
}
