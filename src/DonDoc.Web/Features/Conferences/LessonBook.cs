using System.ComponentModel.DataAnnotations;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

public sealed class NewLesson
{
    public LessonKind Kind { get; set; } = LessonKind.Lesson;

    [Required(ErrorMessage = "Nhập nội dung bài học hoặc mô hình.")]
    [StringLength(2000, ErrorMessage = "Nội dung dài quá 2.000 ký tự.")]
    public string Text { get; set; } = "";
}

/// <summary>
/// Lessons and good models typed on the page of the conference or the self-review they came from;
/// they take that record's unit and year, so they are listed and scoped with it.
/// </summary>
public sealed class LessonBook(AppDb db, Clock clock)
{
    public async Task<Outcome<Lesson>> AddToConferenceAsync(int conferenceId, NewLesson input, UserScope scope, CancellationToken ct)
    {
        var conference = await scope.Visible(db.Conferences.AsNoTracking()).Where(c => c.Id == conferenceId)
            .Select(c => new { c.UnitId, c.HeldOn.Year }).FirstOrDefaultAsync(ct);
        if (conference is null)
            return Outcome<Lesson>.NotFound($"Không có hội nghị số {conferenceId}.");
        return await AddAsync(new Lesson { Text = "", ConferenceId = conferenceId, UnitId = conference.UnitId, Year = conference.Year }, input, ct);
    }

    public async Task<Outcome<Lesson>> AddToReviewAsync(int reviewId, NewLesson input, UserScope scope, CancellationToken ct)
    {
        var review = await scope.Reviewed(db.Reviews.AsNoTracking()).Where(r => r.Id == reviewId)
            .Select(r => new { r.UnitId, r.Year }).FirstOrDefaultAsync(ct);
        if (review is null)
            return Outcome<Lesson>.NotFound($"Không có kỳ kiểm điểm số {reviewId}.");
        return await AddAsync(new Lesson { Text = "", ReviewId = reviewId, UnitId = review.UnitId, Year = review.Year }, input, ct);
    }

    private async Task<Outcome<Lesson>> AddAsync(Lesson lesson, NewLesson input, CancellationToken ct)
    {
        var text = VnText.Normalize(input.Text.Trim());
        if (text.Length == 0)
            return Problems.Of(nameof(input.Text), "Nhập nội dung bài học hoặc mô hình.");
        // Numbered after the ones already drawn from the same record, within their kind ("Một là … Năm là").
        var siblings = db.Lessons.Where(l => l.Kind == input.Kind
            && (lesson.ConferenceId != null ? l.ConferenceId == lesson.ConferenceId : l.ReviewId == lesson.ReviewId));
        lesson.Kind = input.Kind;
        lesson.Text = text;
        lesson.Position = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(l => l.Position, ct) + 1 : 0;
        lesson.CreatedAtUtc = clock.UtcNow;
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(ct);
        return lesson;
    }
}
