using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

public sealed record ConferenceRow(int Id, string Title, string Kind, DateOnly HeldOn, string? UnitName, ConferenceFormat Format, string? FileName,
    int Documents, int People, int Lessons);

public sealed record LessonListRow(int Id, LessonKind Kind, string Text, int Year, string? UnitName, int? ConferenceId, string? ConferenceTitle,
    int? ReviewId, string? ReviewTitle);

/// <summary>The conference list's filter: the unit that held them (with its subtree) and the year.</summary>
public sealed class ConferenceFilter
{
    public int? Unit { get; set; }
    public int? Year { get; set; }
}

/// <summary>The lesson book's filter: year, unit (with its subtree), kind and words (with or without diacritics).</summary>
public sealed class LessonFilter
{
    public int? Unit { get; set; }
    public int? Year { get; set; }
    public LessonKind? Kind { get; set; }
    public string? Q { get; set; }
}

/// <summary>
/// The conference list and the lesson book as the user sees them, filtered and ordered: the pages show a page of
/// these rows and the exports write all of them.
/// </summary>
public static class ConferenceLists
{
    public static async Task<Outcome<IQueryable<ConferenceRow>>> ConferencesAsync(AppDb db, UserScope scope, ConferenceFilter f, CancellationToken ct)
    {
        var visible = scope.Visible(db.Conferences.AsNoTracking());
        if (f.Unit is { } unitId)
        {
            if (await scope.SubtreeAsync(db.Units.AsNoTracking(), unitId, ct) is not { } subtree)
                return UnknownUnit;
            visible = visible.Where(c => subtree.Any(u => u.Id == c.UnitId));
        }
        if (f.Year is { } year)
            visible = visible.Where(c => c.HeldOn.Year == year);
        return new(visible
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .Select(c => new ConferenceRow(c.Id, c.Title, c.Kind, c.HeldOn, c.Unit == null ? null : c.Unit.Name, c.Format,
                c.Source == null ? null : c.Source.FileName,
                db.ConferenceDocuments.Count(d => d.ConferenceId == c.Id),
                db.ConferencePeople.Count(p => p.ConferenceId == c.Id),
                db.Lessons.Count(l => l.ConferenceId == c.Id))), null);
    }

    public static async Task<Outcome<IQueryable<LessonListRow>>> LessonsAsync(AppDb db, UserScope scope, LessonFilter f, CancellationToken ct)
    {
        var visible = scope.Visible(db.Lessons.AsNoTracking());
        if (f.Unit is { } unitId)
        {
            if (await scope.SubtreeAsync(db.Units.AsNoTracking(), unitId, ct) is not { } subtree)
                return UnknownUnit;
            visible = visible.Where(l => subtree.Any(u => u.Id == l.UnitId));
        }
        if (f.Year is { } year)
            visible = visible.Where(l => l.Year == year);
        if (f.Kind is { } kind)
            visible = visible.Where(l => l.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var key = VnText.Fold(f.Q);
            visible = visible.Where(l => l.SearchKey.Contains(key));
        }
        return new(visible.OrderByDescending(l => l.Year).ThenByDescending(l => l.ConferenceId).ThenByDescending(l => l.ReviewId)
            .ThenBy(l => l.Kind).ThenBy(l => l.Position)
            .Select(l => new LessonListRow(l.Id, l.Kind, l.Text, l.Year,
                db.Units.Where(u => u.Id == l.UnitId).Select(u => u.Name).FirstOrDefault(),
                l.ConferenceId, db.Conferences.Where(c => c.Id == l.ConferenceId).Select(c => c.Title).FirstOrDefault(),
                l.ReviewId, db.Reviews.Where(r => r.Id == l.ReviewId).Select(r => r.Title).FirstOrDefault())), null);
    }

    private static Problems UnknownUnit => Problems.Of("unit", "Không có đơn vị này trong phạm vi của bạn.");
}
