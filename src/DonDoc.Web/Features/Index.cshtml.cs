using DonDoc.Web.Data;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features;

public sealed class IndexModel(AppDb db, Clock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var root = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == null && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .OrderBy(u => u.Code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        return root is { } id ? Redirect($"/Dashboard/{id}") : Page();
    }
}
