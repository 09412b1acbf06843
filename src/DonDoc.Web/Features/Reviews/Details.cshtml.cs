using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reviews;

public sealed record ReviewHead(int Id, string Title, int UnitId, string UnitName, ReviewSubject Subject, ReviewPeriod Period,
    string PeriodLabel, DateOnly HeldOn, IReadOnlyList<string> Monitors, int? ConferenceId, string? ConferenceTitle);

public sealed record ItemRow(int LimitationId, int TaskId, string Title, string? ResponsiblePerson, string? Body, DateOnly? DueDate,
    string? ExpectedResult, TaskState Status, Overlay Overlay);

public sealed class DetailsModel(AppDb db, UserScope scope, Clock clock, RemediationPlan plan) : PageModel
{
    public ReviewHead Review { get; private set; } = null!;
    public IReadOnlyList<LimitationRow> Limitations { get; private set; } = [];
    public ILookup<int, ItemRow> Items { get; private set; } = Array.Empty<ItemRow>().ToLookup(i => i.LimitationId);
    public IReadOnlyList<LessonRow> Lessons { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var head = await scope.Visible(db.Reviews.AsNoTracking()).Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.Title, r.UnitId, UnitName = r.Unit!.Name, r.Subject, r.Period, r.PeriodLabel, r.HeldOn,
                Monitors = r.Monitors.OrderBy(m => m.Unit!.Code).Select(m => m.Unit!.Name).ToList(),
                r.ConferenceId,
            })
            .FirstOrDefaultAsync(ct);
        if (head is null)
            return NotFound();
        // A monitoring body may not see the conference of the unit it monitors.
        var conferenceTitle = head.ConferenceId is { } conferenceId
            ? await scope.Visible(db.Conferences.AsNoTracking()).Where(c => c.Id == conferenceId).Select(c => c.Title).FirstOrDefaultAsync(ct)
            : null;
        Review = new(head.Id, head.Title, head.UnitId, head.UnitName, head.Subject, head.Period, head.PeriodLabel, head.HeldOn, head.Monitors,
            conferenceTitle is null ? null : head.ConferenceId, conferenceTitle);
        Lessons = await db.Lessons.AsNoTracking().Where(l => l.ReviewId == id).OrderBy(l => l.Kind).ThenBy(l => l.Position)
            .Select(l => new LessonRow(l.Kind, l.Text)).ToListAsync(ct);
        Limitations = await plan.LimitationsAsync(id, ct);
        var today = clock.Today;
        var items = await db.RemediationItems.AsNoTracking().Where(i => i.Limitation!.ReviewId == id).OrderBy(i => i.Id)
            .Select(i => new
            {
                i.LimitationId, i.TaskId, i.Task!.Title, i.Task.ResponsiblePerson, Body = i.Task.AccountableUnit!.Name,
                i.Task.DueDate, i.Task.ExpectedResult, i.Task.Status, i.Task.SubmittedOn,
            })
            .ToListAsync(ct);
        Items = items.Select(i => new ItemRow(i.LimitationId, i.TaskId, i.Title, i.ResponsiblePerson, i.Body, i.DueDate, i.ExpectedResult,
            i.Status, TaskRules.OverlayOn(i.Status, i.DueDate, i.SubmittedOn, today))).ToLookup(i => i.LimitationId);
        CanEdit = Roles.Office.Any(User.IsInRole) && await scope.Reviewed(db.Reviews).AnyAsync(r => r.Id == id, ct);
        return Page();
    }
}
