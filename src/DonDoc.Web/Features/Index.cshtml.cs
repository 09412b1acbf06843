using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features;

public sealed class IndexModel(UserScope scope, Clock clock) : PageModel
{
    public bool WithoutUnit => !scope.SeesEverything && scope.UnitId is null;

    // The dashboard of the top of what the user sees: the root for the administrator, otherwise their unit.
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await scope.HomeUnitAsync(clock.Today, ct) is { } id ? Redirect($"/Dashboard/{id}") : Page();
}
