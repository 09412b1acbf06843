using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

public sealed record ConferenceRow(int Id, string Title, DateOnly HeldOn, string? FileName, int Documents, int People, int Figures, int Lists);

public sealed class IndexModel(AppDb db) : PageModel
{
    public Page<ConferenceRow> Conferences { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        if (Paging.Check(page, null) is { } problems)
        {
            problems.CopyTo(ModelState);
            return Page();
        }
        var rows = db.Conferences.AsNoTracking()
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .Select(c => new ConferenceRow(c.Id, c.Title, c.HeldOn, c.Source == null ? null : c.Source.FileName,
                db.ConferenceDocuments.Count(d => d.ConferenceId == c.Id),
                db.ConferencePeople.Count(p => p.ConferenceId == c.Id),
                db.ConferenceFigures.Count(f => f.ConferenceId == c.Id),
                db.ConferenceLists.Count(l => l.ConferenceId == c.Id)));
        Conferences = await Paging.PageAsync(rows, page, Paging.DefaultSize, ct);
        return Page();
    }
}
