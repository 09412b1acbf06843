using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conclusions;

/// <param name="Chosen">The unit taken when the name matches exactly one; null when it matches none or several.</param>
public sealed record UnitMatch(int? Chosen, IReadOnlyList<UnitChoice> Candidates);

/// <summary>
/// Turns a registered document's directions into drafts, matches the units they name against the units
/// the user sees, and confirms the drafts as tasks in one transaction.
/// </summary>
public sealed class ConclusionDrafts(AppDb db, Clock clock, TaskWorkflow workflow, UserScope scope)
{
    public const int MaxCandidates = 20;

    public async Task<List<TaskDraft>> DraftAsync(int documentId, TaskExtraction reading, CancellationToken ct)
    {
        var drafts = new List<TaskDraft>();
        foreach (var (task, i) in reading.Tasks.Select((t, i) => (t, i)))
        {
            var coordinators = new List<int>();
            foreach (var name in task.Coordinators)
                coordinators.Add((await MatchAsync(name, ct)).Chosen ?? 0);
            drafts.Add(new TaskDraft
            {
                DocumentId = documentId,
                Position = i,
                Title = Clip(VnText.Normalize(task.Title), 500),
                Content = VnText.Normalize(task.Text),
                LeadName = Clip(VnText.Normalize(task.Lead), 300),
                LeadUnitId = (await MatchAsync(task.Lead, ct)).Chosen,
                CoordinatorNames = string.Join('\n', task.Coordinators.Select(VnText.Normalize)),
                CoordinatorUnitIds = string.Join(',', coordinators),
                DeadlineKind = task.Ongoing ? DeadlineKind.Ongoing : task.Recurrence is not null ? DeadlineKind.Periodic : DeadlineKind.Date,
                DueDate = task.Ongoing ? null : task.Due,
                Recurrence = task.Recurrence switch
                {
                    "monthly" => Recurrence.Monthly,
                    "quarterly" => Recurrence.Quarterly,
                    "yearly" => Recurrence.Yearly,
                    _ => null,
                },
                ExpectedResult = task.Result is null ? null : Clip(VnText.Normalize(task.Result), 2000),
            });
        }
        return drafts;
    }

    /// <summary>
    /// The units in the user's scope, open today, whose folded name holds the folded <paramref name="name"/>;
    /// one is chosen when its name is exactly the name, or when it is the only candidate.
    /// </summary>
    public async Task<UnitMatch> MatchAsync(string? name, CancellationToken ct)
    {
        var key = VnText.Fold(name ?? "").Trim();
        if (key.Length == 0)
            return new UnitMatch(null, []);
        var today = clock.Today;
        var found = await scope.Visible(db.Units.AsNoTracking())
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today) && u.SearchKey.Contains(key))
            .OrderBy(u => u.Depth).ThenBy(u => u.Code).Take(MaxCandidates + 1)
            .Select(u => new { u.Id, u.Name, u.Depth }).ToListAsync(ct);
        var candidates = found.Take(MaxCandidates).Select(u => new UnitChoice(u.Id, u.Name, 0)).ToList();
        var exact = found.Where(u => VnText.Fold(u.Name) == key).ToList();
        int? chosen = exact.Count == 1 ? exact[0].Id : found.Count == 1 ? found[0].Id : null;
        return new UnitMatch(chosen, candidates);
    }

    /// <summary>
    /// Creates one task per open draft of the document, all or none, each with the document as its source and
    /// assigned by the user's unit. The drafts are claimed first: a second confirmation, in another tab or at
    /// the same moment, claims nothing and is refused.
    /// </summary>
    public async Task<Outcome<int>> ConfirmAsync(int documentId, CancellationToken ct)
    {
        var drafts = await db.TaskDrafts.Where(d => d.DocumentId == documentId && d.ConfirmedAtUtc == null)
            .OrderBy(d => d.Position).ToListAsync(ct);
        if (drafts.Count == 0)
            return AlreadyConfirmed(documentId);
        var problems = Check(drafts);
        if (problems.Any)
            return problems;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        var ids = drafts.Select(d => d.Id).ToList();
        var claimed = await db.TaskDrafts.Where(d => ids.Contains(d.Id) && d.ConfirmedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ConfirmedAtUtc, now), ct);
        if (claimed != drafts.Count)
            return AlreadyConfirmed(documentId);
        foreach (var (draft, i) in drafts.Select((d, i) => (d, i)))
        {
            var created = await workflow.CreateAsync(ToTask(draft), scope, ct);
            if (!created.IsDone)
            {
                // Nothing of this confirmation is kept, and the drafts stay open for correction.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (created.Problems is { } refused)
                {
                    var named = new Problems();
                    foreach (var (field, messages) in refused.ToDictionary())
                        foreach (var message in messages)
                            named.Add(FieldOf(i, field), $"Dự thảo {i + 1} (“{draft.Title}”): {message}");
                    return named;
                }
                return created.Kind == OutcomeKind.Conflict ? created.Conflict! : Problems.Of("", $"Dự thảo {i + 1} (“{draft.Title}”): {created.Message}");
            }
            draft.TaskId = created.Value!.Id;
            draft.ConfirmedAtUtc = now;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return drafts.Count;
    }

    /// <summary>What keeps the drafts from being confirmed, each message naming the draft and the field.</summary>
    public static Problems Check(IReadOnlyList<TaskDraft> drafts)
    {
        var problems = new Problems();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var name = $"Dự thảo {i + 1} (“{d.Title}”)";
            if (string.IsNullOrWhiteSpace(d.Title))
                problems.Add(FieldOf(i, nameof(TaskDraft.Title)), $"Dự thảo {i + 1}: nhập tên nhiệm vụ.");
            if (d.LeadUnitId is null)
                problems.Add(FieldOf(i, nameof(TaskDraft.LeadUnitId)), string.IsNullOrWhiteSpace(d.LeadName)
                    ? $"{name}: chưa có đơn vị chủ trì; chọn một đơn vị."
                    : $"{name}: đơn vị chủ trì “{d.LeadName}” chưa khớp với một đơn vị nào trong danh mục; chọn một đơn vị.");
            if (d.DeadlineKind == DeadlineKind.Date && d.DueDate is null)
                problems.Add(FieldOf(i, nameof(TaskDraft.DueDate)), $"{name}: chưa có hạn hoàn thành; nhập hạn hoặc chọn “thường xuyên”.");
            if (d.DeadlineKind == DeadlineKind.Periodic && d.Recurrence is null)
                problems.Add(FieldOf(i, nameof(TaskDraft.Recurrence)), $"{name}: nhiệm vụ định kỳ phải chọn chu kỳ (tháng, quý, năm).");
        }
        return problems;
    }

    public static string FieldOf(int index, string field) => $"Drafts[{index}].{field}";

    public static IReadOnlyList<int> CoordinatorIds(TaskDraft d) =>
        d.CoordinatorUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    public static IReadOnlyList<string> CoordinatorLines(TaskDraft d) =>
        d.CoordinatorNames.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private NewTask ToTask(TaskDraft d) => new()
    {
        Title = d.Title,
        Content = d.Content,
        LeadUnitId = d.LeadUnitId,
        CoordinatorUnitIds = CoordinatorIds(d).Where(id => id != 0 && id != d.LeadUnitId).Distinct().ToList(),
        DeadlineKind = d.DeadlineKind,
        DueDate = d.DeadlineKind == DeadlineKind.Ongoing ? null : d.DueDate,
        Recurrence = d.DeadlineKind == DeadlineKind.Periodic ? d.Recurrence : null,
        ExpectedResult = d.ExpectedResult,
        SourceDocumentId = d.DocumentId,
    };

    private static Problems AlreadyConfirmed(int documentId) =>
        Problems.Of("", $"Các nhiệm vụ dự thảo của văn bản số {documentId} đã được xác nhận rồi; không tạo lại nhiệm vụ.");

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>What the unit select of the review page shows for one name.</summary>
public sealed record UnitPick(string Id, string Name, UnitMatch Match, int? Selected, string? SelectedName, IReadOnlyList<UnitChoice> Others, string Empty);
