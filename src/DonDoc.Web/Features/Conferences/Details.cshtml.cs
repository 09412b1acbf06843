using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

/// <param name="Visible">False for a document registered by a unit outside the reader's scope: only the citation, which the report itself gives, is shown.</param>
public sealed record CitedRow(int Id, string Symbol, string TypeName, DateOnly IssuedOn, string Title, DocumentStatus Status, string Citation, bool Visible);

public sealed record AttendeeRow(int Id, string Name, ConferenceRole Role, IReadOnlyList<string> Positions);

public sealed record BridgeRow(string Name, int? UnitId);

public sealed record LessonRow(LessonKind Kind, string Text);

public sealed record ListView(string Title, IReadOnlyList<string> Items);

public sealed record DirectionRow(int Id, string Title, string LeadUnit, DateOnly? DueDate, TaskState Status, Overlay Overlay);

public sealed class DetailsModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public Conference Conference { get; private set; } = null!;
    public string? SourceName { get; private set; }
    public int SourceLength { get; private set; }
    public IReadOnlyList<CitedRow> Documents { get; private set; } = [];
    public IReadOnlyList<AttendeeRow> People { get; private set; } = [];
    public IReadOnlyList<ConferenceFigure> Figures { get; private set; } = [];
    public IReadOnlyList<ListView> Lists { get; private set; } = [];
    public string? UnitName { get; private set; }
    public IReadOnlyList<BridgeRow> Bridges { get; private set; } = [];
    public IReadOnlyList<LessonRow> Lessons { get; private set; } = [];
    // Null when there is none, or when it is registered outside the reader's scope.
    public (int Id, string Symbol, string Title)? Conclusion { get; private set; }
    // The conclusion's directions as the tasks they became, as far as the reader sees them.
    public IReadOnlyList<DirectionRow> Directions { get; private set; } = [];
    public Progress DirectionProgress { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<(int Id, string Title)> Reviews { get; private set; } = [];

    // A conclusion gives a few dozen directions at most; past this the task list serves.
    public const int MaxDirections = 200;

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scope.Visible(db.Conferences.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct) is not { } conference)
            return NotFound();
        Conference = conference;
        UnitName = conference.UnitId is { } unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(ct) : null;
        if (conference.ConclusionId is { } conclusionId
            && await scope.Visible(db.Documents.AsNoTracking()).Where(d => d.Id == conclusionId).Select(d => new { d.Symbol, d.Title }).FirstOrDefaultAsync(ct) is { } conclusion)
        {
            Conclusion = (conclusionId, conclusion.Symbol, conclusion.Title);
            var today = clock.Today;
            var directions = await scope.Visible(db.Tasks.AsNoTracking()).Where(t => t.SourceDocumentId == conclusionId && t.ParentId == null)
                .OrderBy(t => t.Id).Take(MaxDirections)
                .Select(t => new { t.Id, t.Title, Lead = t.LeadUnit!.Name, t.DueDate, t.Status, t.SubmittedOn }).ToListAsync(ct);
            Directions = directions.Select(t => new DirectionRow(t.Id, t.Title, t.Lead, t.DueDate, t.Status,
                TaskRules.OverlayOn(t.Status, t.DueDate, t.SubmittedOn, today))).ToList();
            DirectionProgress = Progress.Of(directions.Select(t => (t.Status, t.DueDate, t.SubmittedOn)), today);
        }
        Reviews = (await scope.Visible(db.Reviews.AsNoTracking()).Where(r => r.ConferenceId == id).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => (r.Id, r.Title)).ToList();
        Bridges = await db.ConferenceBridges.AsNoTracking().Where(b => b.ConferenceId == id).OrderBy(b => b.Position)
            .Select(b => new BridgeRow(b.Name, b.UnitId)).ToListAsync(ct);
        Lessons = await db.Lessons.AsNoTracking().Where(l => l.ConferenceId == id).OrderBy(l => l.Kind).ThenBy(l => l.Position)
            .Select(l => new LessonRow(l.Kind, l.Text)).ToListAsync(ct);
        if (conference.SourceId is { } sourceId)
        {
            var source = await db.ImportSources.AsNoTracking().Where(s => s.Id == sourceId)
                .Select(s => new { s.FileName, s.Content.Length }).FirstAsync(ct);
            (SourceName, SourceLength) = (source.FileName, source.Length);
        }

        var visible = scope.Visible(db.Documents);
        Documents = (await db.ConferenceDocuments.AsNoTracking().Where(d => d.ConferenceId == id)
            .OrderBy(d => d.Document!.IssuedOn).ThenBy(d => d.Document!.Symbol)
            .Select(d => new CitedRow(d.DocumentId, d.Document!.Symbol, d.Document.TypeName, d.Document.IssuedOn, d.Document.Title, d.Document.Status,
                d.Citation, visible.Any(v => v.Id == d.DocumentId)))
            .ToListAsync(ct))
            .Select(d => d.Visible ? d : d with { TypeName = "", Title = "", IssuedOn = default, Status = default })
            .ToList();

        var people = await db.ConferencePeople.AsNoTracking().Where(p => p.ConferenceId == id)
            .Select(p => new { p.PersonId, p.Person!.Name, p.Role }).ToListAsync(ct);
        var positions = await db.PersonPositions.AsNoTracking().Where(p => p.ConferenceId == id)
            .OrderBy(p => p.Id).Select(p => new { p.PersonId, p.Title }).ToListAsync(ct);
        People = people
            .Select(p => new AttendeeRow(p.PersonId, p.Name, p.Role, positions.Where(x => x.PersonId == p.PersonId).Select(x => x.Title).ToList()))
            .OrderBy(p => p.Id).ToList();

        Figures = await db.ConferenceFigures.AsNoTracking().Where(f => f.ConferenceId == id).OrderBy(f => f.Position).ToListAsync(ct);
        Lists = (await db.ConferenceLists.AsNoTracking().Where(l => l.ConferenceId == id).Include(l => l.Items)
                .OrderBy(l => l.Position).ToListAsync(ct))
            .Select(l => new ListView(l.Title, l.Items.OrderBy(i => i.Position).Select(i => i.Text).ToList())).ToList();
        return Page();
    }
}
