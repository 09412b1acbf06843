using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

/// <summary>Adds a lesson or a good model to the conference or the self-review it was drawn from.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class LessonModel(AppDb db, UserScope scope, LessonBook book) : PageModel
{
    [BindProperty]
    public NewLesson Input { get; set; } = new();

    [FromQuery(Name = "conference")]
    public int? ConferenceId { get; set; }

    [FromQuery(Name = "review")]
    public int? ReviewId { get; set; }

    public string SourceTitle { get; private set; } = "";

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var result = ConferenceId is { } conferenceId
            ? await book.AddToConferenceAsync(conferenceId, Input, scope, ct)
            : await book.AddToReviewAsync(ReviewId!.Value, Input, scope, ct);
        if (result.IsDone)
        {
            Flash = $"Đã ghi {Lesson.KindLabel(Input.Kind).ToLowerInvariant()}.";
            return ConferenceId is { } id ? RedirectToPage("Details", new { id }) : RedirectToPage("/Reviews/Details", new { id = ReviewId });
        }
        return await this.ShowRefusalAsync(result, db, nameof(Input), ct) ?? Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var title = ConferenceId is { } conferenceId
            ? await scope.Visible(db.Conferences.AsNoTracking()).Where(c => c.Id == conferenceId).Select(c => c.Title).FirstOrDefaultAsync(ct)
            : ReviewId is { } reviewId
                ? await scope.Reviewed(db.Reviews.AsNoTracking()).Where(r => r.Id == reviewId).Select(r => r.Title).FirstOrDefaultAsync(ct)
                : null;
        SourceTitle = title ?? "";
        return title is not null;
    }
}
