using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Accounts.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDb db, UserAdmin admin) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // "page" is also the route value naming the Razor page: read it from the query only.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<UserRow> Users { get; private set; } = new([], 0, 1, PageSize);
    public DateTimeOffset Now => admin.Now;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Names are few (one per person): matched in memory, folded, so "nguyen" finds "Nguyễn".
            var key = VnText.Fold(Q);
            var ids = (await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName, UnitName = u.Unit!.Name }).ToListAsync(ct))
                .Where(u => VnText.Fold($"{u.UserName} {u.DisplayName} {u.UnitName}").Contains(key, StringComparison.Ordinal))
                .Select(u => u.Id).ToList();
            query = query.Where(u => ids.Contains(u.Id));
        }
        var (number, size) = Paging.For(Request, Math.Max(PageNumber, 1), PageSize);
        var page = await Paging.PageAsync(admin.Rows(query.OrderBy(u => u.UserName)), number, size, ct);
        Users = page with { Items = await admin.WithRolesAsync(page.Items, ct) };
    }
}
