using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Search;

public sealed class IndexModel(SiteSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public SearchAnswer? Answer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The page opened without a query shows the empty box, not a refusal.
        if (!Request.Query.ContainsKey("q") && Kind is null)
            return;
        var key = SiteSearch.Check(Q, Kind);
        if (key.Problems is { } problems)
        {
            problems.CopyTo(ModelState);
            return;
        }
        Answer = await search.FindAsync(Q!, key.Value!, Kind, ct);
    }
}
