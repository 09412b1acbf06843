using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Documents;

public sealed class IndexModel(AppDb db, UserScope scope) : PageModel
{
    public DocumentFilter Filter { get; private set; } = new();
    public Page<DocumentDto> Documents { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<(string Code, string Names)> Types { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Issuers { get; private set; } = new Dictionary<string, string>();
    /// <summary>The reader's unit, heading the printed register.</summary>
    public string? UnitName { get; private set; }

    public async Task OnGetAsync([FromQuery] DocumentFilter filter, CancellationToken ct)
    {
        Filter = filter;
        (filter.Page, filter.PageSize) = Paging.For(Request, filter.Page, filter.PageSize);
        var types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.Code).ThenBy(t => t.Name).ToListAsync(ct);
        // Three codes mean "Quy định" (QĐ and QĐi in the Party's documents, QyĐ in the State's): each says whose.
        Types = types.GroupBy(t => t.Code)
            .Select(g => (g.Key, string.Join("; ", g.GroupBy(t => t.Name).Select(n =>
                $"{n.Key} ({string.Join(", ", n.Select(t => t.Form).Distinct().Order().Select(f => f == SymbolForm.Party ? "Đảng" : "Nhà nước"))})"))))
            .ToList();
        UnitName = await db.Units.Where(u => u.Id == scope.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        Issuers = await db.Issuers.AsNoTracking().OrderBy(i => i.Code).ToDictionaryAsync(i => i.Code, i => i.Name, ct);

        var query = DocumentsApi.Filter(db, scope, filter);
        if (query.Problems is { } problems)
        {
            problems.CopyTo(ModelState);
            return;
        }
        Documents = await Paging.PageAsync(query.Value!.ToDto(), filter.Page, filter.PageSize, ct);
    }

    public static string StatusLabel(DocumentStatus s) => s == DocumentStatus.Registered ? "Đã đăng ký" : "Được trích dẫn, chưa đăng ký";
}
