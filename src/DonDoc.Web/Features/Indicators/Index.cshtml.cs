using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Indicators;

/// <summary>The indicator dashboard: a unit's indicators in a period as of a day, and one indicator across its child units.</summary>
public sealed class IndexModel(IndicatorBoard board, UserScope scope, Clock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public BoardArgs Args { get; set; } = new();

    public IndicatorBoardView? View { get; private set; }
    public bool Historical => View is { } v && v.AsOf < clock.Today;

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken ct)
    {
        var read = Args.Read(clock.Today);
        if (read.Problems is { } problems)
        {
            problems.CopyTo(ModelState);
            read = new BoardArgs().Read(clock.Today);
        }
        var (period, asOf, compare) = read.Value;
        if ((unit ?? await scope.HomeUnitAsync(clock.Today, ct)) is not { } unitId)
            return Page();
        View = await board.GetAsync(unitId, period, asOf, compare, Args.Indicator, ct);
        return View is null ? NotFound() : Page();
    }

    public string Href(int unitId, int? indicator = null) =>
        $"/Indicators?unit={unitId}&period={View!.Period.Key}&indicator={indicator ?? View.Selected?.Id}"
        + (Historical ? $"&asOf={View.AsOf:yyyy-MM-dd}" : "") + (Args.Compare is { } c ? $"&compare={c}" : "");
}
