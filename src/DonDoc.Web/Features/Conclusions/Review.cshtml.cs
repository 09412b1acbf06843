using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conclusions;

/// <summary>
/// The office's review of a document's draft tasks: every field editable, units matched to the registry,
/// drafts merged, split or dropped, each step stored; then all confirmed as tasks at once.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class ReviewModel(AppDb db, ConclusionDrafts drafts, UserScope scope, Clock clock) : PageModel
{
    public sealed class DraftRow
    {
        public int Id { get; set; }
        public string? Title { get; set; }
        public string? Content { get; set; }
        public string? LeadName { get; set; }
        public int? LeadUnitId { get; set; }
        public string? CoordinatorNames { get; set; }
        public List<int?> CoordinatorUnitIds { get; set => field = value ?? []; } = [];
        public DeadlineKind DeadlineKind { get; set; }
        public DateOnly? DueDate { get; set; }
        public Recurrence? Recurrence { get; set; }
        public string? ExpectedResult { get; set; }
    }

    public sealed record Created(int TaskId, string Title, string LeadUnit, TaskState Status);

    [BindProperty]
    public List<DraftRow> Drafts { get; set; } = [];

    public Documents.Document Document { get; private set; } = null!;
    public IReadOnlyList<UnitMatch> LeadMatches { get; private set; } = [];
    public IReadOnlyList<IReadOnlyList<UnitMatch>> CoordinatorMatches { get; private set; } = [];
    public IReadOnlyList<UnitChoice> OtherUnits { get; private set; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<Created> Tasks { get; private set; } = [];

    public UnitPick LeadPick(int i) => new($"Drafts_{i}__LeadUnitId", $"Drafts[{i}].LeadUnitId", LeadMatches[i], Drafts[i].LeadUnitId,
        Drafts[i].LeadUnitId is { } l ? UnitNames.GetValueOrDefault(l) : null, OtherUnits, "— chọn đơn vị chủ trì —");

    public UnitPick CoordinatorPick(int i, int j)
    {
        var ids = Drafts[i].CoordinatorUnitIds;
        int? picked = j < ids.Count && ids[j] is > 0 ? ids[j] : null;
        return new($"Drafts_{i}__CoordinatorUnitIds_{j}_", $"Drafts[{i}].CoordinatorUnitIds[{j}]", CoordinatorMatches[i][j], picked,
            picked is { } p ? UnitNames.GetValueOrDefault(p) : null, OtherUnits, "— không giao phối hợp —");
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadDocumentAsync(id, ct) ? await ShowAsync(ct) : NotFound();

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        StepAsync(id, "Đã lưu các dự thảo.", (_, _) => Task.CompletedTask, ct);

    public Task<IActionResult> OnPostDropAsync(int id, int draft, CancellationToken ct) =>
        StepAsync(id, "Đã bỏ một dự thảo.", (open, _) =>
        {
            if (open.FirstOrDefault(d => d.Id == draft) is { } dropped)
                db.TaskDrafts.Remove(dropped);
            return Task.CompletedTask;
        }, ct);

    // The copy follows the original; the office then divides the work between them.
    public Task<IActionResult> OnPostSplitAsync(int id, int draft, CancellationToken ct) =>
        StepAsync(id, "Đã tách dự thảo thành hai; sửa nội dung của từng dự thảo.", (open, _) =>
        {
            if (open.FirstOrDefault(d => d.Id == draft) is not { } original)
                return Task.CompletedTask;
            foreach (var later in open.Where(d => d.Position > original.Position))
                later.Position++;
            db.TaskDrafts.Add(new TaskDraft
            {
                DocumentId = original.DocumentId, Position = original.Position + 1, Title = original.Title, Content = original.Content,
                LeadName = original.LeadName, LeadUnitId = original.LeadUnitId, CoordinatorNames = original.CoordinatorNames,
                CoordinatorUnitIds = original.CoordinatorUnitIds, DeadlineKind = original.DeadlineKind, DueDate = original.DueDate,
                Recurrence = original.Recurrence, ExpectedResult = original.ExpectedResult,
            });
            return Task.CompletedTask;
        }, ct);

    // Merged into the draft before it: the lead and deadline of the first stay, the texts and coordinators are joined.
    public Task<IActionResult> OnPostMergeAsync(int id, int draft, CancellationToken ct) =>
        StepAsync(id, "Đã gộp dự thảo vào dự thảo trước.", (open, _) =>
        {
            var ordered = open.OrderBy(d => d.Position).ToList();
            var i = ordered.FindIndex(d => d.Id == draft);
            if (i <= 0)
                return Task.CompletedTask;
            var (into, from) = (ordered[i - 1], ordered[i]);
            into.Title = Clip($"{into.Title}; {from.Title}", 500);
            into.Content = string.Join('\n', new[] { into.Content, from.Content }.Where(s => !string.IsNullOrWhiteSpace(s)));
            into.ExpectedResult = string.Join("; ", new[] { into.ExpectedResult, from.ExpectedResult }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } r ? Clip(r, 2000) : null;
            var names = ConclusionDrafts.CoordinatorLines(into).ToList();
            var ids = ConclusionDrafts.CoordinatorIds(into).ToList();
            foreach (var (name, unitId) in ConclusionDrafts.CoordinatorLines(from).Zip(ConclusionDrafts.CoordinatorIds(from)))
                if (!names.Contains(name))
                {
                    names.Add(name);
                    ids.Add(unitId);
                }
            into.CoordinatorNames = string.Join('\n', names);
            into.CoordinatorUnitIds = string.Join(',', ids);
            db.TaskDrafts.Remove(from);
            return Task.CompletedTask;
        }, ct);

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (!await LoadDocumentAsync(id, ct))
            return NotFound();
        var open = await ApplyEditsAsync(id, ct);
        await db.SaveChangesAsync(ct);
        var problems = ConclusionDrafts.Check(open);
        var result = problems.Any ? problems : await drafts.ConfirmAsync(id, ct);
        if (result.IsDone)
        {
            TempData["Flash"] = $"Đã giao {VnFormat.Number(result.Value)} nhiệm vụ theo văn bản {Document.Symbol}.";
            return RedirectToPage("Review", new { id });
        }
        if (result.Problems is { } refused)
            refused.CopyTo(ModelState);
        else if (await this.ShowRefusalAsync(result, db, "", ct) is { } refusal)
            return refusal;
        // Confirmed meanwhile (a second click, another tab): nothing more is created.
        if (open.Count == 0 || !await db.TaskDrafts.AnyAsync(d => d.DocumentId == id && d.ConfirmedAtUtc == null, ct))
            Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> StepAsync(int id, string done, Func<List<TaskDraft>, CancellationToken, Task> step, CancellationToken ct)
    {
        if (!await LoadDocumentAsync(id, ct))
            return NotFound();
        var open = await ApplyEditsAsync(id, ct);
        await step(open, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = done;
        return RedirectToPage("Review", new { id });
    }

    private async Task<bool> LoadDocumentAsync(int id, CancellationToken ct)
    {
        Document = (await scope.Visible(db.Documents.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct))!;
        return Document is not null;
    }

    /// <summary>
    /// The posted fields onto the stored open drafts. A renamed unit is matched again; a unit picked from a
    /// list is kept only if the user sees it. Drafts already confirmed are not changed.
    /// </summary>
    private async Task<List<TaskDraft>> ApplyEditsAsync(int documentId, CancellationToken ct)
    {
        var open = await db.TaskDrafts.Where(d => d.DocumentId == documentId && d.ConfirmedAtUtc == null).OrderBy(d => d.Position).ToListAsync(ct);
        var picked = Drafts.SelectMany(r => r.CoordinatorUnitIds.Append(r.LeadUnitId).Select(x => x ?? 0)).Where(i => i != 0).Distinct().ToList();
        var visible = await scope.VisibleUnitIdsAsync(picked, ct);
        int? Seen(int? unitId) => unitId is { } u && visible.Contains(u) ? u : null;
        foreach (var row in Drafts)
        {
            if (open.FirstOrDefault(d => d.Id == row.Id) is not { } draft)
                continue;
            draft.Title = Clip(VnText.Normalize(row.Title ?? "").Trim(), 500);
            draft.Content = NullIfBlank(row.Content);
            draft.ExpectedResult = NullIfBlank(row.ExpectedResult) is { } r ? Clip(r, 2000) : null;
            draft.DeadlineKind = row.DeadlineKind;
            draft.DueDate = row.DeadlineKind == DeadlineKind.Ongoing ? null : row.DueDate;
            draft.Recurrence = row.DeadlineKind == DeadlineKind.Periodic ? row.Recurrence : null;

            var leadName = Clip(VnText.Normalize(row.LeadName ?? "").Trim(), 300);
            draft.LeadUnitId = leadName != draft.LeadName && row.LeadUnitId == draft.LeadUnitId
                ? (await drafts.MatchAsync(leadName, ct)).Chosen
                : Seen(row.LeadUnitId);
            draft.LeadName = leadName;

            var lines = VnText.Normalize(row.CoordinatorNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var ids = new List<int>();
            var before = ConclusionDrafts.CoordinatorLines(draft);
            for (var j = 0; j < lines.Length; j++)
                ids.Add(j < before.Count && before[j] == lines[j] && j < row.CoordinatorUnitIds.Count
                    ? Seen(row.CoordinatorUnitIds[j]) ?? 0
                    : (await drafts.MatchAsync(lines[j], ct)).Chosen ?? 0);
            draft.CoordinatorNames = string.Join('\n', lines);
            draft.CoordinatorUnitIds = string.Join(',', ids);
        }
        return open;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var stored = await db.TaskDrafts.AsNoTracking().Where(d => d.DocumentId == Document.Id).OrderBy(d => d.Position).ToListAsync(ct);
        var open = stored.Where(d => d.ConfirmedAtUtc == null).ToList();
        // The form shows what is stored, edits included (a renamed unit may have been matched again), and keeps its messages.
        {
            var errors = ModelState.SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
            ModelState.Clear();
            foreach (var (key, message) in errors)
                ModelState.AddModelError(key, message);
            Drafts = open.Select(d => new DraftRow
            {
                Id = d.Id, Title = d.Title, Content = d.Content, LeadName = d.LeadName, LeadUnitId = d.LeadUnitId,
                CoordinatorNames = d.CoordinatorNames, CoordinatorUnitIds = ConclusionDrafts.CoordinatorIds(d).Select(x => (int?)x).ToList(),
                DeadlineKind = d.DeadlineKind, DueDate = d.DueDate, Recurrence = d.Recurrence, ExpectedResult = d.ExpectedResult,
            }).ToList();
        }
        var leads = new List<UnitMatch>();
        var coordinators = new List<IReadOnlyList<UnitMatch>>();
        foreach (var row in Drafts)
        {
            leads.Add(await drafts.MatchAsync(row.LeadName, ct));
            var lines = (row.CoordinatorNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var matches = new List<UnitMatch>();
            foreach (var line in lines)
                matches.Add(await drafts.MatchAsync(line, ct));
            coordinators.Add(matches);
        }
        LeadMatches = leads;
        CoordinatorMatches = coordinators;
        OtherUnits = await UnitChoices.AroundAsync(db, scope, clock.Today, [scope.UnitId], ct: ct);
        var chosen = Drafts.SelectMany(r => r.CoordinatorUnitIds.Append(r.LeadUnitId).Select(x => x ?? 0)).Where(i => i != 0).Distinct().ToList();
        // Every task the document is the source of, whether confirmed here or entered by hand; handed-down copies are under their parents.
        Tasks = await scope.Visible(db.Tasks.AsNoTracking()).Where(t => t.SourceDocumentId == Document.Id && t.ParentId == null).OrderBy(t => t.Id)
            .Select(t => new Created(t.Id, t.Title, t.LeadUnit!.Name, t.Status)).ToListAsync(ct);
        UnitNames = await scope.Visible(db.Units.AsNoTracking()).Where(u => chosen.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return Page();
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : VnText.Normalize(s).Trim();

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
