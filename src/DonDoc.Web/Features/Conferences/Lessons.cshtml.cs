using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

public sealed record LessonListRow(int Id, LessonKind Kind, string Text, int Year, string? UnitName, int? ConferenceId, string? ConferenceTitle,
    int? ReviewId, string? ReviewTitle);

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

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [UnitId], ct: ct);
        var visible = scope.Visible(db.Lessons.AsNoTracking());
        Years = await visible.Select(l => l.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
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
            visible = visible.Where(l => subtree.Any(u => u.Id == l.UnitId));
        }
        if (Year is { } year)
            visible = visible.Where(l => l.Year == year);
        if (Kind is { } kind)
            visible = visible.Where(l => l.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var key = VnText.Fold(Q);
            visible = visible.Where(l => l.SearchKey.Contains(key));
        }
        var rows = visible.OrderByDescending(l => l.Year).ThenByDescending(l => l.ConferenceId).ThenByDescending(l => l.ReviewId).ThenBy(l => l.Kind).ThenBy(l => l.Position)
            .Select(l => new LessonListRow(l.Id, l.Kind, l.Text, l.Year,
                db.Units.Where(u => u.Id == l.UnitId).Select(u => u.Name).FirstOrDefault(),
                l.ConferenceId, db.Conferences.Where(c => c.Id == l.ConferenceId).Select(c => c.Title).FirstOrDefault(),
                l.ReviewId, db.Reviews.Where(r => r.Id == l.ReviewId).Select(r => r.Title).FirstOrDefault()));
        var (number, size) = Paging.For(Request, page, Paging.DefaultSize);
        Lessons = await Paging.PageAsync(rows, number, size, ct);
        return Page();
    }
}
