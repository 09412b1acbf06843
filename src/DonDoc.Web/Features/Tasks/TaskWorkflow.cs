using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Tasks;

public sealed class EvidenceOptions
{
    public string Directory { get; set; } = "data/evidence";
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The largest progress report the page and the API read, set on each as its body and form limit (Kestrel
    /// refuses more than 30 MB by default): up to <see cref="MaxFiles"/> files of <see cref="MaxBytes"/> and the text.
    /// </summary>
    public long RequestLimit => MaxFiles * MaxBytes + 1024 * 1024;

    public const int MaxFiles = 10;
    public string[] AllowedExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".txt", ".jpg", ".jpeg", ".png"];
}

/// <summary>
/// Every change to a task, used by both the pages and the API: each method validates everything
/// first and then writes in one save through <see cref="TaskLedger"/>, which adds the history rows,
/// the parent's counts and the unit rollups in the same transaction, so a refusal leaves nothing
/// half-written. Each returns an <see cref="Outcome{T}"/>; whether the user may act on the task at
/// all is <see cref="UserScope.OnTaskAsync{T}"/>'s to say.
/// </summary>
public sealed class TaskWorkflow(AppDb db, Clock clock, TaskLedger ledger, IOptions<EvidenceOptions> evidenceOptions, NoticeBoard notices)
{
    private EvidenceOptions Evidence => evidenceOptions.Value;

    // A periodic task holds one row per period; more than ten years of months is a mistake in the end date.
    private const int MaxPeriods = 120;

    /// <param name="creatorUnitId">The unit of the person entering the task: a top-level task is
    /// assigned by it unless the input names another, so a district's own tasks are judged by the district.</param>
    public async Task<Outcome<TaskItem>> CreateAsync(NewTask input, int? creatorUnitId = null, CancellationToken ct = default)
    {
        var (problems, parent, periods) = await CheckNewAsync(input, ct);
        if (problems.Any)
            return problems;
        var today = clock.Today;

        var assignedBy = input.AssignedByUnitId ?? parent?.LeadUnitId ?? creatorUnitId ?? await RootUnitIdAsync(ct);
        var task = new TaskItem
        {
            ParentId = parent?.Id,
            Kind = input.Kind,
            Title = VnText.Normalize(input.Title),
            Content = NormalizeOrNull(input.Content),
            ExpectedResult = NormalizeOrNull(input.ExpectedResult),
            LeadUnitId = input.LeadUnitId!.Value,
            AssignedByUnitId = assignedBy,
            AccountableUnitId = input.AccountableUnitId,
            ResponsiblePerson = NormalizeOrNull(input.ResponsiblePerson),
            Coordinators = input.CoordinatorUnitIds.Distinct().Select(id => new TaskCoordinator { UnitId = id }).ToList(),
            SourceDocumentId = input.SourceDocumentId ?? parent?.SourceDocumentId,
            SourceNote = NormalizeOrNull(input.SourceNote),
            ImportCode = input.ImportCode,
            DeadlineKind = input.DeadlineKind,
            Recurrence = input.DeadlineKind == DeadlineKind.Date ? null : input.Recurrence,
            DueDate = periods.Count > 0 ? periods[0].DueDate : input.DeadlineKind == DeadlineKind.Date ? input.DueDate : null,
            Status = TaskState.Assigned,
            AssignedOn = today,
            CreatedAtUtc = clock.UtcNow,
            UpdatedAtUtc = clock.UtcNow,
            Periods = periods.Select(p => new TaskPeriod { Label = p.Label, StartsOn = p.StartsOn, DueDate = p.DueDate }).ToList(),
        };
        task.OriginalDueDate = task.DueDate;
        db.Tasks.Add(task);
        // A parent closed between this read and this write must refuse the child, not gain it afterwards.
        if (parent is not null)
            Versions.Touch(db, parent);
        await notices.AddAsync(NoticeKind.Assigned, task, ct);
        if (await SaveAsync("Giao nhiệm vụ", ct) is { } conflict)
            return conflict;
        return task;
    }

    /// <summary>A task entered by a user: it may name only what they see, and is assigned by their unit unless it names another.</summary>
    public async Task<Outcome<TaskItem>> CreateAsync(NewTask input, UserScope user, CancellationToken ct) =>
        await user.CheckNewTaskAsync(input, ct) is { } outside ? outside : await CreateAsync(input, user.UnitId, ct);

    /// <summary>
    /// Everything <see cref="CreateAsync(NewTask, int?, CancellationToken)"/> refuses, without writing: the spreadsheet
    /// import asks it for each row of its preview.
    /// </summary>
    public async Task<(Problems Problems, TaskItem? Parent, List<(string Label, DateOnly StartsOn, DateOnly DueDate)> Periods)> CheckNewAsync(
        NewTask input, CancellationToken ct)
    {
        var problems = new Problems();
        var today = clock.Today;
        TaskItem? parent = null;
        if (input.ParentId is { } parentId && (parent = await db.Tasks.FindAsync([parentId], ct)) is null)
            problems.Add(nameof(input.ParentId), $"Không có nhiệm vụ cấp trên số {parentId}.");
        else if (parent is not null && !TaskRules.IsOpen(parent.Status))
            problems.Add(nameof(input.ParentId), $"Nhiệm vụ cấp trên số {parent.Id} đã kết thúc ({parent.Status.Label()}), không giao thêm nhiệm vụ con được.");
        var unitIds = new[] { input.LeadUnitId, input.AssignedByUnitId, input.AccountableUnitId }
            .Concat(input.CoordinatorUnitIds.Select(i => (int?)i)).OfType<int>().Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        CheckUnit(problems, units, input.LeadUnitId, nameof(input.LeadUnitId), "Đơn vị chủ trì", today);
        CheckUnit(problems, units, input.AssignedByUnitId, nameof(input.AssignedByUnitId), "Đơn vị giao", today);
        CheckUnit(problems, units, input.AccountableUnitId, nameof(input.AccountableUnitId), "Cơ quan chịu trách nhiệm", today);
        foreach (var id in input.CoordinatorUnitIds)
            CheckUnit(problems, units, id, nameof(input.CoordinatorUnitIds), "Đơn vị phối hợp", today);
        if (input.LeadUnitId is { } lead && input.CoordinatorUnitIds.Contains(lead))
            problems.Add(nameof(input.CoordinatorUnitIds), "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.");
        if (input.SourceDocumentId is { } docId && !await db.Documents.AnyAsync(d => d.Id == docId, ct))
            problems.Add(nameof(input.SourceDocumentId), $"Không có văn bản số {docId} trong sổ văn bản.");
        var periods = CheckDeadline(problems, input, today);
        return (problems, parent, periods);
    }

    /// <summary>Handed down by a user: the unit whose children receive it must be one they see.</summary>
    public async Task<Outcome<int>> FanOutAsync(int parentId, FanOutRequest input, int? version, UserScope user, CancellationToken ct) =>
        input.UnitId is { } unitId && !await user.SeesUnitAsync(unitId, ct)
            ? Problems.Of(nameof(input.UnitId), $"Không có đơn vị số {unitId}.")
            : await FanOutAsync(parentId, input, version, ct);

    public async Task<Outcome<IReadOnlyList<FanOutTarget>>> FanOutTargetsAsync(int parentId, FanOutRequest input, UserScope user, CancellationToken ct) =>
        input.UnitId is { } unitId && !await user.SeesUnitAsync(unitId, ct)
            ? Problems.Of(nameof(input.UnitId), $"Không có đơn vị số {unitId}.")
            : await FanOutTargetsAsync(parentId, input, ct);

    /// <summary>The units a fan-out would reach, for the preview before it is confirmed.</summary>
    public async Task<Outcome<IReadOnlyList<FanOutTarget>>> FanOutTargetsAsync(int parentId, FanOutRequest input, CancellationToken ct = default)
    {
        var parent = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == parentId, ct);
        if (parent is null)
            return Missing<IReadOnlyList<FanOutTarget>>(parentId);
        return await TargetsAsync(parent, input, ct);
    }

    // The active units below the chosen one (its children, or every unit of a type in its subtree) that
    // have no copy of the task yet; none while the task is closed.
    private async Task<Outcome<IReadOnlyList<FanOutTarget>>> TargetsAsync(TaskItem parent, FanOutRequest input, CancellationToken ct)
    {
        if (!TaskRules.IsOpen(parent.Status))
            return Problems.Of("status", "Nhiệm vụ đã kết thúc, không giao tiếp được.");
        var rootId = input.UnitId ?? parent.LeadUnitId;
        var root = await db.Units.FindAsync([rootId], ct);
        if (root is null)
            return Problems.Of(nameof(input.UnitId), $"Không có đơn vị số {rootId}.");
        var today = clock.Today;
        var targets = input.UnitType is { } type
            ? db.Units.Where(u => u.Path.StartsWith(root.Path) && u.Id != root.Id && u.Type == type)
            : db.Units.Where(u => u.ParentId == root.Id);
        var already = db.Tasks.Where(t => t.ParentId == parent.Id).Select(t => t.LeadUnitId);
        var units = await targets
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today) && !already.Contains(u.Id))
            .OrderBy(u => u.Code)
            .Select(u => new FanOutTarget(u.Id, u.Code, u.Name, u.ParentId == root.Id ? null : u.Parent!.Name))
            .ToListAsync(ct);
        if (units.Count == 0)
            return Problems.Of(nameof(input.UnitId), "Không có đơn vị nào (chưa được giao) để giao tiếp nhiệm vụ.");
        return new(units, null);
    }

    public async Task<Outcome<int>> FanOutAsync(int parentId, FanOutRequest input, int? version = null, CancellationToken ct = default)
    {
        var parent = await db.Tasks.Include(t => t.Coordinators).FirstOrDefaultAsync(t => t.Id == parentId, ct);
        if (parent is null)
            return Missing<int>(parentId);
        if (version is { } read && parent.Version != read)
            return await Conflict.SinceAsync(db, parent, read, What(parent), ct);
        var targets = await TargetsAsync(parent, input, ct);
        if (targets.Problems is { } none)
            return none;
        var reachable = targets.Value!.Select(u => u.Id).ToList();
        var units = reachable;
        if (input.UnitIds is { } ticked)
        {
            var problems = new Problems();
            if (ticked.Count == 0)
                problems.Add(nameof(input.UnitIds), "Chọn ít nhất một đơn vị nhận nhiệm vụ.");
            foreach (var unitId in ticked.Distinct().Except(reachable))
                problems.Add(nameof(input.UnitIds), $"Đơn vị số {unitId} không thuộc các đơn vị được chọn để giao, hoặc đã được giao nhiệm vụ này.");
            if (problems.Any)
                return problems;
            units = reachable.Where(ticked.Contains).ToList();
        }
        var today = clock.Today;

        var periods = parent.DeadlineKind == DeadlineKind.Periodic
            ? await db.TaskPeriods.Where(p => p.TaskId == parent.Id && p.DueDate >= today).OrderBy(p => p.DueDate).ToListAsync(ct)
            : [];
        // Each unit owes every period still running, the first of them next: the parent's own due date may
        // already have moved past a period the parent reported.
        var due = periods.Count > 0 ? periods[0].DueDate : parent.DueDate;
        var children = units.Select(unitId => new TaskItem
        {
            Parent = parent,
            ParentId = parent.Id,
            Kind = parent.Kind == TaskKind.Program ? TaskKind.Project : TaskKind.Item,
            Title = parent.Title,
            Content = parent.Content,
            ExpectedResult = parent.ExpectedResult,
            LeadUnitId = unitId,
            AssignedByUnitId = parent.LeadUnitId,
            AccountableUnitId = parent.AccountableUnitId,
            SourceDocumentId = parent.SourceDocumentId,
            SourceNote = parent.SourceNote,
            DeadlineKind = parent.DeadlineKind,
            Recurrence = parent.Recurrence,
            DueDate = due,
            OriginalDueDate = due,
            Status = TaskState.Assigned,
            AssignedOn = today,
            CreatedAtUtc = clock.UtcNow,
            UpdatedAtUtc = clock.UtcNow,
            Periods = periods.Select(p => new TaskPeriod { Label = p.Label, StartsOn = p.StartsOn, DueDate = p.DueDate }).ToList(),
        }).ToList();
        db.Tasks.AddRange(children);
        Versions.Touch(db, parent);
        await notices.AddAssignedAsync(children, ct);
        if (await SaveAsync("Giao cho đơn vị cấp dưới", ct) is { } conflict)
            return conflict;
        return children.Count;
    }

    /// <summary>
    /// Takes back, on the day they were handed down, the copies that no unit has accepted yet: a fan-out
    /// to the wrong units is undone before anyone works on it. Later, a copy is cancelled with a reason.
    /// </summary>
    public async Task<Outcome<int>> WithdrawAsync(int parentId, WithdrawRequest input, int? version = null, CancellationToken ct = default)
    {
        var parent = await db.Tasks.FirstOrDefaultAsync(t => t.Id == parentId, ct);
        if (parent is null)
            return Missing<int>(parentId);
        if (version is { } read && parent.Version != read)
            return await Conflict.SinceAsync(db, parent, read, What(parent), ct);
        var copies = await Withdrawable(parentId).Include(t => t.Coordinators).Include(t => t.Periods).ToListAsync(ct);
        var problems = new Problems();
        if (input.TaskIds is { } chosen)
        {
            if (chosen.Count == 0)
                problems.Add(nameof(input.TaskIds), "Chọn ít nhất một bản giao để thu hồi.");
            foreach (var id in chosen.Distinct().Except(copies.Select(c => c.Id)))
                problems.Add(nameof(input.TaskIds), $"Nhiệm vụ số {id} không thu hồi được: chỉ thu hồi bản giao trong ngày mà đơn vị chưa tiếp nhận.");
            copies = copies.Where(c => chosen.Contains(c.Id)).ToList();
        }
        else if (copies.Count == 0)
            problems.Add(nameof(input.TaskIds), "Không còn bản giao nào thu hồi được: chỉ thu hồi trong ngày giao, khi đơn vị chưa tiếp nhận.");
        if (problems.Any)
            return problems;
        db.Tasks.RemoveRange(copies);
        Versions.Touch(db, parent);
        if (await SaveAsync($"Thu hồi {copies.Count} bản giao cho đơn vị cấp dưới", ct) is { } conflict)
            return conflict;
        return copies.Count;
    }

    /// <summary>The copies of a task handed down today that nobody has accepted, nor handed further down.</summary>
    public IQueryable<TaskItem> Withdrawable(int parentId)
    {
        var today = clock.Today;
        return db.Tasks.Where(t => t.ParentId == parentId && t.Status == TaskState.Assigned && t.AssignedOn == today
            && !db.Tasks.Any(c => c.ParentId == t.Id));
    }

    /// <summary>Corrected by a user: the units it names must be ones they see.</summary>
    public async Task<Outcome<TaskItem>> EditAsync(int id, TaskEdit input, int? version, UserScope user, CancellationToken ct)
    {
        var named = new[] { input.LeadUnitId, input.AccountableUnitId }.OfType<int>().Concat(input.CoordinatorUnitIds).ToList();
        var seen = await user.VisibleUnitIdsAsync(named, ct);
        var problems = new Problems();
        foreach (var unitId in named.Distinct().Where(u => !seen.Contains(u)))
            problems.Add(unitId == input.LeadUnitId ? nameof(input.LeadUnitId) : unitId == input.AccountableUnitId ? nameof(input.AccountableUnitId)
                : nameof(input.CoordinatorUnitIds), $"Không có đơn vị số {unitId}.");
        return problems.Any ? problems : await EditAsync(id, input, version, ct);
    }

    /// <summary>
    /// The assigning side corrects what it wrote. Once the lead unit has accepted, the deadline moves only
    /// through an extension and the lead unit no longer changes (cancel and assign anew instead); a closed
    /// task is not edited. Coordinators are replaced as given.
    /// </summary>
    public async Task<Outcome<TaskItem>> EditAsync(int id, TaskEdit input, int? version = null, CancellationToken ct = default)
    {
        var task = await db.Tasks.Include(t => t.Coordinators).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
            return Missing<TaskItem>(id);
        if (version is { } read && task.Version != read)
            return await Conflict.SinceAsync(db, task, read, What(task), ct);
        if (await CheckEditAsync(task, input, ct) is { Any: true } problems)
            return problems;
        var lead = input.LeadUnitId!.Value;
        var kept = task.Coordinators.Select(c => c.UnitId).ToHashSet();
        var moved = input.DueDate is { } due && due != task.DueDate;

        task.Title = VnText.Normalize(input.Title);
        task.Content = NormalizeOrNull(input.Content);
        task.ExpectedResult = NormalizeOrNull(input.ExpectedResult);
        task.ResponsiblePerson = NormalizeOrNull(input.ResponsiblePerson);
        task.LeadUnitId = lead;
        task.AccountableUnitId = input.AccountableUnitId;
        if (moved)
            task.DueDate = task.OriginalDueDate = input.DueDate;
        var wanted = input.CoordinatorUnitIds.Distinct().ToHashSet();
        task.Coordinators.RemoveAll(c => !wanted.Contains(c.UnitId));
        task.Coordinators.AddRange(wanted.Where(u => !kept.Contains(u)).Select(u => new TaskCoordinator { UnitId = u }));
        task.UpdatedAtUtc = clock.UtcNow;
        // A change to the coordinators alone must still move the task's version, so that a form read before it is refused.
        Versions.Touch(db, task);
        if (db.Entry(task).Property(t => t.LeadUnitId).IsModified)
            await notices.AddAsync(NoticeKind.Assigned, task, ct);
        if (await SaveAsync("Sửa nhiệm vụ", ct) is { } conflict)
            return conflict;
        return task;
    }

    /// <summary>
    /// Everything <see cref="EditAsync(int, TaskEdit, int?, CancellationToken)"/> refuses for a task loaded with its
    /// coordinators, without writing: the spreadsheet import asks it for each row it would change.
    /// </summary>
    public async Task<Problems> CheckEditAsync(TaskItem task, TaskEdit input, CancellationToken ct)
    {
        var problems = new Problems();
        var today = clock.Today;
        if (!TaskRules.IsOpen(task.Status))
            return Problems.Of("status", $"Nhiệm vụ đã “{task.Status.Label()}”, không sửa được.");
        var accepted = task.Status != TaskState.Assigned;
        var lead = input.LeadUnitId!.Value;
        if (accepted && lead != task.LeadUnitId)
            problems.Add(nameof(input.LeadUnitId), "Đơn vị chủ trì đã tiếp nhận nhiệm vụ, không đổi được; hãy hủy nhiệm vụ và giao lại cho đơn vị khác.");
        if (lead != task.LeadUnitId && await db.Tasks.AnyAsync(t => t.ParentId == task.Id, ct))
            problems.Add(nameof(input.LeadUnitId), "Nhiệm vụ đã giao tiếp xuống đơn vị cấp dưới, không đổi đơn vị chủ trì được.");
        var moved = input.DueDate is { } due && due != task.DueDate;
        if (moved)
        {
            if (task.DeadlineKind != DeadlineKind.Date)
                problems.Add(nameof(input.DueDate), "Nhiệm vụ định kỳ hoặc thường xuyên không có một hạn hoàn thành để sửa.");
            else if (accepted)
                problems.Add(nameof(input.DueDate), "Nhiệm vụ đã được tiếp nhận: đổi thời hạn phải qua đề nghị gia hạn.");
            else if (input.DueDate < today)
                problems.Add(nameof(input.DueDate), "Hạn hoàn thành không được trước ngày hôm nay.");
        }
        var unitIds = new[] { (int?)lead, input.AccountableUnitId }.Concat(input.CoordinatorUnitIds.Select(i => (int?)i)).OfType<int>().Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        if (lead != task.LeadUnitId)
            CheckUnit(problems, units, lead, nameof(input.LeadUnitId), "Đơn vị chủ trì", today);
        if (input.AccountableUnitId != task.AccountableUnitId)
            CheckUnit(problems, units, input.AccountableUnitId, nameof(input.AccountableUnitId), "Cơ quan chịu trách nhiệm", today);
        var kept = task.Coordinators.Select(c => c.UnitId).ToHashSet();
        foreach (var unitId in input.CoordinatorUnitIds.Where(u => !kept.Contains(u)))
            CheckUnit(problems, units, unitId, nameof(input.CoordinatorUnitIds), "Đơn vị phối hợp", today);
        if (input.CoordinatorUnitIds.Contains(lead))
            problems.Add(nameof(input.CoordinatorUnitIds), "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.");
        return problems;
    }

    public Task<Outcome<TaskItem>> AcceptAsync(int id, int? version = null, CancellationToken ct = default) =>
        TransitionAsync(id, version, TaskAction.Accept, "Tiếp nhận nhiệm vụ", (_, _) => null, ct);

    /// <summary>The lead unit reports the task done, with its result; below 100% only when it confirms so.</summary>
    public Task<Outcome<TaskItem>> SubmitAsync(int id, SubmitInput input, int? version = null, CancellationToken ct = default)
    {
        var percent = input.Percent ?? TaskRules.MaxPercent;
        return TransitionAsync(id, version, TaskAction.Submit, $"Báo cáo hoàn thành ({percent}%)", (t, today) =>
        {
            var problems = new Problems();
            if (string.IsNullOrWhiteSpace(input.Result))
                problems.Add(nameof(input.Result), TaskRules.ResultRequired);
            if (percent is < TaskRules.MinPercent or > TaskRules.MaxPercent)
                problems.Add(nameof(input.Percent), TaskRules.PercentRange);
            else if (percent < TaskRules.MaxPercent && !input.ConfirmIncomplete)
                problems.Add(nameof(input.ConfirmIncomplete),
                    $"Kết quả mới đạt {percent}%, chưa đủ 100%: đánh dấu ô xác nhận nếu vẫn báo cáo hoàn thành.");
            if (problems.Any)
                return problems;
            t.SubmittedOn = today;
            t.Result = VnText.Normalize(input.Result!);
            t.Percent = percent;
            return null;
        }, ct, NoticeKind.AwaitingDecision);
    }

    public Task<Outcome<TaskItem>> CompleteAsync(int id, int? version = null, CancellationToken ct = default) =>
        TransitionAsync(id, version, TaskAction.Complete, "Công nhận hoàn thành", (t, today) =>
        {
            t.CompletedOn = today;
            t.Percent = TaskRules.MaxPercent;
            return null;
        }, ct);

    public Task<Outcome<TaskItem>> ReturnAsync(int id, ReasonInput input, int? version = null, CancellationToken ct = default) =>
        TransitionAsync(id, version, TaskAction.Return, "Trả lại: " + input.Reason.Trim(), (t, _) =>
        {
            if (string.IsNullOrWhiteSpace(input.Reason))
                return Problems.Of(nameof(input.Reason), "Trả lại nhiệm vụ phải nêu lý do.");
            t.ReturnReason = VnText.Normalize(input.Reason);
            t.SubmittedOn = null;
            return null;
        }, ct, NoticeKind.Returned);

    public Task<Outcome<TaskItem>> CancelAsync(int id, ReasonInput input, int? version = null, CancellationToken ct = default) =>
        TransitionAsync(id, version, TaskAction.Cancel, "Hủy: " + input.Reason.Trim(), (_, _) =>
            string.IsNullOrWhiteSpace(input.Reason) ? Problems.Of(nameof(input.Reason), "Hủy nhiệm vụ phải nêu lý do.") : null, ct);

    public async Task<Outcome<ProgressReport>> ReportProgressAsync(int id, ProgressInput input, IReadOnlyList<EvidenceFile> files,
        int? version = null, CancellationToken ct = default)
    {
        var task = await db.Tasks.FindAsync([id], ct);
        if (task is null)
            return Missing<ProgressReport>(id);
        if (version is { } read && task.Version != read)
            return await Conflict.SinceAsync(db, task, read, What(task), ct);
        var problems = new Problems();
        var today = clock.Today;
        var reportedOn = input.ReportedOn ?? today;
        if (TaskRules.Next(task.Status, TaskAction.Progress) is null)
            problems.Add("status", $"Nhiệm vụ đang ở trạng thái “{task.Status.Label()}”, không báo cáo tiến độ được.");
        if (input.Percent is null)
            problems.Add(nameof(input.Percent), "Nhập tỷ lệ hoàn thành (từ 0 đến 100%).");
        else if (input.Percent is < TaskRules.MinPercent or > TaskRules.MaxPercent)
            problems.Add(nameof(input.Percent), TaskRules.PercentRange);
        if (string.IsNullOrWhiteSpace(input.Text))
            problems.Add(nameof(input.Text), "Nhập nội dung báo cáo tiến độ.");
        // A periodic task starts each period anew; elsewhere a fall needs saying why.
        if (input.Percent < task.Percent && task.DeadlineKind != DeadlineKind.Periodic && string.IsNullOrWhiteSpace(input.DropReason))
            problems.Add(nameof(input.DropReason), $"Tỷ lệ {input.Percent}% thấp hơn lần báo cáo trước ({task.Percent}%): nêu lý do giảm.");
        if (reportedOn > today)
            problems.Add(nameof(input.ReportedOn), $"Ngày báo cáo {VnFormat.Date(reportedOn)} ở sau hôm nay.");
        if (reportedOn < task.AssignedOn)
            problems.Add(nameof(input.ReportedOn), $"Ngày báo cáo {VnFormat.Date(reportedOn)} ở trước ngày giao {VnFormat.Date(task.AssignedOn)}.");
        if (files.Count > EvidenceOptions.MaxFiles)
            problems.Add("files", $"Mỗi báo cáo kèm nhiều nhất {EvidenceOptions.MaxFiles} tệp.");
        foreach (var file in files)
        {
            var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!Evidence.AllowedExtensions.Contains(ext))
                problems.Add("files", $"Tệp “{file.FileName}”: chỉ nhận {string.Join(", ", Evidence.AllowedExtensions)}.");
            if (file.Length > Evidence.MaxBytes)
                problems.Add("files", $"Tệp “{file.FileName}” lớn quá {Evidence.MaxBytes / 1024 / 1024} MB.");
            if (file.Length == 0)
                problems.Add("files", $"Tệp “{file.FileName}” trống.");
            else if (file.Length <= Evidence.MaxBytes && Evidence.AllowedExtensions.Contains(ext)
                && EvidenceContent.Problem(file, Evidence.MaxBytes) is { } wrong)
                problems.Add("files", wrong);
        }
        if (problems.Any)
            return problems;

        var report = new ProgressReport
        {
            TaskId = task.Id,
            ReportedOn = reportedOn,
            Percent = input.Percent!.Value,
            Text = VnText.Normalize(input.Text),
            DropReason = NormalizeOrNull(input.DropReason),
            CreatedAtUtc = clock.UtcNow,
        };
        if (task.DeadlineKind == DeadlineKind.Periodic
            && await db.TaskPeriods.Where(p => p.TaskId == task.Id && p.ReportedOn == null && p.StartsOn <= reportedOn)
                .OrderBy(p => p.DueDate).FirstOrDefaultAsync(ct) is { } period)
        {
            period.ReportedOn = reportedOn;
            report.PeriodId = period.Id;
            task.DueDate = await db.TaskPeriods.Where(p => p.TaskId == task.Id && p.ReportedOn == null && p.Id != period.Id)
                .OrderBy(p => p.DueDate).Select(p => (DateOnly?)p.DueDate).FirstOrDefaultAsync(ct) ?? task.DueDate;
        }
        var stored = new List<string>();
        try
        {
            foreach (var file in files)
            {
                var name = await StoreAsync(file, ct);
                stored.Add(name);
                report.Evidence.Add(new Evidence
                {
                    FileName = Path.GetFileName(file.FileName),
                    ContentType = file.ContentType,
                    Size = file.Length,
                    StoredName = name,
                });
            }
            task.Status = TaskState.InProgress;
            task.Percent = input.Percent!.Value;
            task.UpdatedAtUtc = clock.UtcNow;
            // A new report changes the task even when its state and percent stay the same: whoever
            // acts next must have read it, so the version moves (and is checked) here too.
            Versions.Touch(db, task);
            db.ProgressReports.Add(report);
            if (await SaveAsync($"Báo cáo tiến độ {input.Percent}%", ct) is not { } conflict)
                return report;
            DeleteStored();
            return conflict;
        }
        catch
        {
            DeleteStored();
            throw;
        }

        // The files were written before the transaction; take them back with it.
        void DeleteStored()
        {
            foreach (var name in stored)
                File.Delete(Path.Combine(Evidence.Directory, name));
        }
    }

    public string EvidencePath(Evidence e) => Path.Combine(Evidence.Directory, e.StoredName);

    /// <summary>
    /// Copies a file under a temporary name and gives it its own only once complete, so that no reader and no
    /// row ever meets half a file; a copy that fails takes its partial file away at once.
    /// </summary>
    private async Task<string> StoreAsync(EvidenceFile file, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
        var path = Path.Combine(Evidence.Directory, name);
        var partial = path + ".part";
        try
        {
            Directory.CreateDirectory(Evidence.Directory);
            await using (var source = file.Open())
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
                await source.CopyToAsync(target, ct);
            File.Move(partial, path);
            return name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceStorageException(Evidence.Directory, e);
        }
        finally
        {
            if (File.Exists(partial))
                File.Delete(partial);
        }
    }

    public async Task<Outcome<ExtensionRequest>> RequestExtensionAsync(int id, ExtensionInput input, int? version = null, CancellationToken ct = default)
    {
        var task = await db.Tasks.FindAsync([id], ct);
        if (task is null)
            return Missing<ExtensionRequest>(id);
        if (version is { } read && task.Version != read)
            return await Conflict.SinceAsync(db, task, read, What(task), ct);
        var problems = new Problems();
        if (!TaskRules.IsOpen(task.Status))
            problems.Add("status", "Nhiệm vụ đã kết thúc, không gia hạn được.");
        if (task.DueDate is not { } due)
            problems.Add("status", "Nhiệm vụ thường xuyên không có hạn để gia hạn.");
        else if (input.RequestedDueDate is { } wanted && ExtensionProblem(wanted, due, await NextPeriodDueAsync(task, ct)) is { } wrong)
            problems.Add(nameof(input.RequestedDueDate), wrong);
        if (input.RequestedDueDate is null)
            problems.Add(nameof(input.RequestedDueDate), "Chọn hạn mới đề nghị.");
        if (string.IsNullOrWhiteSpace(input.Reason))
            problems.Add(nameof(input.Reason), "Nhập lý do đề nghị gia hạn.");
        if (await db.ExtensionRequests.AnyAsync(x => x.TaskId == id && x.State == ExtensionState.Pending, ct))
            problems.Add("status", "Đã có một đề nghị gia hạn đang chờ quyết định.");
        if (problems.Any)
            return problems;
        var request = new ExtensionRequest
        {
            TaskId = id,
            DueDateBefore = task.DueDate,
            RequestedDueDate = input.RequestedDueDate!.Value,
            Reason = VnText.Normalize(input.Reason),
            State = ExtensionState.Pending,
            RequestedOn = clock.Today,
        };
        db.ExtensionRequests.Add(request);
        // Two requests racing past the "one pending at a time" check above: the task's version lets only one through.
        Versions.Touch(db, task);
        await notices.AddAsync(NoticeKind.AwaitingDecision, task, request, ct);
        if (await SaveAsync($"Đề nghị gia hạn đến {VnFormat.Date(request.RequestedDueDate)}", ct) is { } conflict)
            return conflict;
        return request;
    }

    /// <summary>The version, if given, is the extension request's: the decision is about it.</summary>
    public async Task<Outcome<ExtensionRequest>> DecideExtensionAsync(int id, int requestId, ExtensionDecision input, int? version = null,
        CancellationToken ct = default)
    {
        var request = await db.ExtensionRequests.FirstOrDefaultAsync(x => x.Id == requestId && x.TaskId == id, ct);
        if (request is null)
            return Outcome<ExtensionRequest>.NotFound($"Không có đề nghị gia hạn số {requestId} của nhiệm vụ {id}.");
        if (version is { } read && request.Version != read)
            return await Conflict.SinceAsync(db, request, read, What(request), ct);
        if (request.State != ExtensionState.Pending)
            return Problems.Of("requestId", "Đề nghị gia hạn này đã được quyết định.");
        var task = (await db.Tasks.FindAsync([id], ct))!;
        // An absent answer is no answer: it must not be taken as "no".
        if (input.Approve is not { } approve)
            return Problems.Of(nameof(input.Approve), "Chọn đồng ý hoặc không đồng ý gia hạn.");
        if (!approve && string.IsNullOrWhiteSpace(input.Note))
            return Problems.Of(nameof(input.Note), "Không đồng ý gia hạn phải nêu lý do.");
        TaskPeriod? period = null;
        if (approve)
        {
            // The task may have moved on since the request: closed, extended otherwise, or a period reported.
            if (!TaskRules.IsOpen(task.Status))
                return Problems.Of("status", $"Nhiệm vụ đã kết thúc ({task.Status.Label()}), không gia hạn được; chỉ có thể không đồng ý.");
            if (task.DueDate is not { } due)
                return Problems.Of("status", "Nhiệm vụ không còn hạn để gia hạn; chỉ có thể không đồng ý.");
            if (ExtensionProblem(request.RequestedDueDate, due, await NextPeriodDueAsync(task, ct)) is { } wrong)
                return Problems.Of(nameof(input.Approve), $"{wrong} Chỉ có thể không đồng ý; đơn vị đề nghị lại nếu cần.");
            if (task.DeadlineKind == DeadlineKind.Periodic)
                period = await CurrentPeriodQuery(task).FirstOrDefaultAsync(ct);
        }
        request.State = approve ? ExtensionState.Approved : ExtensionState.Refused;
        request.DecidedOn = clock.Today;
        request.DecisionNote = NormalizeOrNull(input.Note);
        if (approve)
        {
            task.DueDate = request.RequestedDueDate;
            // A periodic task's due date is its current period's; the report that closes the period moves it on.
            if (period is not null)
                period.DueDate = request.RequestedDueDate;
            task.UpdatedAtUtc = clock.UtcNow;
        }
        Versions.Touch(db, task);
        await notices.AddAsync(NoticeKind.ExtensionDecided, task, request, ct);
        var note = approve ? $"Gia hạn đến {VnFormat.Date(request.RequestedDueDate)}" : "Không đồng ý gia hạn";
        if (await SaveAsync(note, ct) is { } conflict)
            return conflict;
        return request;
    }

    private async Task<Outcome<TaskItem>> TransitionAsync(int id, int? version, TaskAction action, string note,
        Func<TaskItem, DateOnly, Problems?> apply, CancellationToken ct, NoticeKind? notice = null)
    {
        var task = await db.Tasks.FindAsync([id], ct);
        if (task is null)
            return Missing<TaskItem>(id);
        // Checked before the state rules: "cannot accept, already accepted" would hide what happened.
        if (version is { } read && task.Version != read)
            return await Conflict.SinceAsync(db, task, read, What(task), ct);
        if (TaskRules.Next(task.Status, action) is not { } next)
            return Problems.Of("status", $"Nhiệm vụ đang ở trạng thái “{task.Status.Label()}”, không thể “{action.Label()}”.");
        if (apply(task, clock.Today) is { } problems)
            return problems;
        task.Status = next;
        task.UpdatedAtUtc = clock.UtcNow;
        if (notice is { } kind)
            await notices.AddAsync(kind, task, ct);
        if (await SaveAsync(note, ct) is { } conflict)
            return conflict;
        return task;
    }

    /// <summary>
    /// Saves through the ledger, which writes the tasks' history, parents' counts and unit rollups with
    /// them; or describes the change that another user saved between this read and this write.
    /// </summary>
    private async Task<Conflict?> SaveAsync(string note, CancellationToken ct)
    {
        try
        {
            await ledger.SaveAsync(db, note, ct);
            return null;
        }
        catch (DbUpdateConcurrencyException e)
        {
            return await Conflict.OfAsync(db, e, What, ct);
        }
    }

    private static Outcome<T> Missing<T>(int taskId) => Outcome<T>.NotFound($"Không có nhiệm vụ số {taskId}.");

    private static string What(object record) => record switch
    {
        TaskItem t => $"Nhiệm vụ số {t.Id}",
        ExtensionRequest x => $"Đề nghị gia hạn số {x.Id}",
        _ => "Dữ liệu",
    };

    private IQueryable<TaskPeriod> CurrentPeriodQuery(TaskItem task) =>
        db.TaskPeriods.Where(p => p.TaskId == task.Id && p.ReportedOn == null).OrderBy(p => p.DueDate);

    /// <summary>The due date of the period after the current one: an extension of this period may not reach it.</summary>
    private async Task<DateOnly?> NextPeriodDueAsync(TaskItem task, CancellationToken ct) =>
        task.DeadlineKind == DeadlineKind.Periodic
            ? await CurrentPeriodQuery(task).Skip(1).Select(p => (DateOnly?)p.DueDate).FirstOrDefaultAsync(ct)
            : null;

    private static string? ExtensionProblem(DateOnly wanted, DateOnly due, DateOnly? nextPeriodDue) =>
        !InputRules.InWindow(wanted) ? InputRules.OutOfWindow(wanted)
        : wanted <= due ? $"Hạn mới {VnFormat.Date(wanted)} phải sau hạn hiện tại ({VnFormat.Date(due)})."
        : wanted >= nextPeriodDue ? $"Hạn mới {VnFormat.Date(wanted)} phải trước hạn của kỳ sau ({VnFormat.Date(nextPeriodDue.Value)})."
        : null;

    private Task<int> RootUnitIdAsync(CancellationToken ct) =>
        db.Units.Where(u => u.ParentId == null && u.ValidTo == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);

    private static void CheckUnit(Problems problems, Dictionary<int, Unit> units, int? id, string field, string what, DateOnly today)
    {
        if (id is not { } value) return;
        if (!units.TryGetValue(value, out var unit))
            problems.Add(field, $"{what}: không có đơn vị số {value}.");
        else if (!unit.IsActiveOn(today))
            problems.Add(field, $"{what}: đơn vị “{unit.Name}” đã ngừng hoạt động từ {VnFormat.Date(unit.ValidTo)}.");
    }

    private static List<(string Label, DateOnly StartsOn, DateOnly DueDate)> CheckDeadline(Problems problems, NewTask input, DateOnly today)
    {
        switch (input.DeadlineKind)
        {
            case DeadlineKind.Date when input.DueDate is null:
                problems.Add(nameof(input.DueDate), "Nhiệm vụ có thời hạn phải có hạn hoàn thành.");
                break;
            case DeadlineKind.Date when input.DueDate < today:
                problems.Add(nameof(input.DueDate), $"Hạn hoàn thành {VnFormat.Date(input.DueDate)} ở trước ngày giao {VnFormat.Date(today)}.");
                break;
            case DeadlineKind.Periodic when input.Recurrence is null:
                problems.Add(nameof(input.Recurrence), "Nhiệm vụ định kỳ phải chọn chu kỳ (tháng, quý, năm).");
                break;
            case DeadlineKind.Periodic:
                var endsOn = input.EndsOn ?? new DateOnly(today.Year, 12, 31);
                if (endsOn < today)
                {
                    problems.Add(nameof(input.EndsOn), $"Ngày kết thúc {VnFormat.Date(endsOn)} ở trước hôm nay.");
                    break;
                }
                // Stops at one past the limit: an end date centuries away would otherwise run the calendar out.
                var periods = TaskRules.Periods(input.Recurrence.Value, today, endsOn).Take(MaxPeriods + 1).ToList();
                if (periods.Count > MaxPeriods)
                    problems.Add(nameof(input.EndsOn), $"Quá {MaxPeriods} kỳ báo cáo; chọn ngày kết thúc gần hơn.");
                else
                    return periods;
                break;
            case DeadlineKind.Ongoing when input.DueDate is not null:
                problems.Add(nameof(input.DueDate), "Nhiệm vụ thường xuyên không có hạn hoàn thành.");
                break;
        }
        return [];
    }

    private static string? NormalizeOrNull(string? s) => string.IsNullOrWhiteSpace(s) ? null : VnText.Normalize(s);
}
