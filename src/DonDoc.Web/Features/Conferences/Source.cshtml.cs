using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

/// <summary>The text a conference was imported from, as it was read; seen where the conference is.</summary>
public sealed class SourceModel(AppDb db, UserScope scope) : PageModel
{
    public int ConferenceId { get; private set; }
    public string ConferenceTitle { get; private set; } = "";
    public string? FileName { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await scope.Visible(db.Conferences.AsNoTracking()).Where(c => c.Id == id && c.Source != null)
            .Select(c => new { c.Title, c.Source!.FileName, c.Source.PublishedOn, c.Source.Content }).FirstOrDefaultAsync(ct);
        if (found is null)
            return NotFound();
        (ConferenceId, ConferenceTitle, FileName, PublishedOn, Text) = (id, found.Title, found.FileName, found.PublishedOn, found.Content);
        return Page();
    }
}
