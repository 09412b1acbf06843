using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Reviews;

public sealed class IndexModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public Page<ReviewRow> Reviews { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        if (Paging.Check(page, null) is { } problems)
        {
            problems.CopyTo(ModelState);
            return Page();
        }
        Reviews = await ReviewRows.PageAsync(db, scope.Visible(db.Reviews), page, clock.Today, ct);
        return Page();
    }
}
