using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

public sealed record ConferenceRow(int Id, string Title, string Kind, DateOnly HeldOn, string? UnitName, ConferenceFormat Format, string? FileName,
    int Documents, int People, int Lessons);

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

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [UnitId], ct: ct);
        var visible = scope.Visible(db.Conferences.AsNoTracking());
        Years = await visible.Select(c => c.HeldOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (Paging.Check(page, null) is { } problems)
        {
            problems.CopyTo(ModelState);
            return Page();
        }
        if (UnitId is { } unitId)
        {
            if (await scope.SubtreeAsync(db.Units.AsNoTracking(), unitId, ct) is not { } subtree)
            {
                ModelState.AddModelError("unit", "Không có đơn vị này trong phạm vi của bạn.");
                return Page();
            }
            visible = visible.Where(c => subtree.Any(u => u.Id == c.UnitId));
        }
        if (Year is { } year)
            visible = visible.Where(c => c.HeldOn.Year == year);
        var rows = visible
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .Select(c => new ConferenceRow(c.Id, c.Title, c.Kind, c.HeldOn, c.Unit == null ? null : c.Unit.Name, c.Format,
                c.Source == null ? null : c.Source.FileName,
                db.ConferenceDocuments.Count(d => d.ConferenceId == c.Id),
                db.ConferencePeople.Count(p => p.ConferenceId == c.Id),
                db.Lessons.Count(l => l.ConferenceId == c.Id)));
        var (number, size) = Paging.For(Request, page, Paging.DefaultSize);
        Conferences = await Paging.PageAsync(rows, number, size, ct);
        return Page();
    }
}
