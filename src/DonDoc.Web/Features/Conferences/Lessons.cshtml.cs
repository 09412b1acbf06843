using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

/// <summary>Lessons and good models the user sees, by year, unit and words (with or without diacritics).</summary>
public sealed class LessonsModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public Page<LessonListRow> Lessons { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    [FromQuery(Name = "unit")]
    public int? UnitId { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "kind")]
    public LessonKind? Kind { get; set; }

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    public LessonFilter Filter => new() { Unit = UnitId, Year = Year, Kind = Kind, Q = Q };

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [UnitId], ct: ct);
        Years = await scope.Visible(db.Lessons.AsNoTracking()).Select(l => l.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (Paging.Check(page, null) is { } problems)
        {
            problems.CopyTo(ModelState);
            return Page();
        }
        var rows = await ConferenceLists.LessonsAsync(db, scope, Filter, ct);
        if (rows.Problems is { } refused)
        {
            refused.CopyTo(ModelState);
            return Page();
        }
        var (number, size) = Paging.For(Request, page, Paging.DefaultSize);
        Lessons = await Paging.PageAsync(rows.Value!, number, size, ct);
        return Page();
    }
}
