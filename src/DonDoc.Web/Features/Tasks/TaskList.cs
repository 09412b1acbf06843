using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

public sealed record TaskRow(int Id, int? ParentId, TaskKind Kind, string Title, int LeadUnitId, string LeadUnitName,
    TaskState Status, DeadlineKind DeadlineKind, DateOnly? DueDate, DateOnly? OriginalDueDate, DateOnly? SubmittedOn,
    int Percent, int ChildCompleted, int ChildTotal, DateOnly AssignedOn, DateOnly? CompletedOn)
{
    public Overlay Overlay { get; init; }
}

public sealed class TaskFilter
{
    public int? Unit { get; set; }
    // "subtree": led anywhere in the unit's subtree; "own": led or coordinated by the unit itself.
    public string? Scope { get; set; }
    // A state (Assigned, InProgress …) or a derived view: overdue, duesoon, open, completedontime, completedlate.
    public string? Status { get; set; }
    public DateOnly? DueFrom { get; set; }
    public DateOnly? DueTo { get; set; }
    public int? Parent { get; set; }
    public string? Q { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

public static class TaskList
{
    public static readonly string[] Views = ["open", "overdue", "duesoon", "completedontime", "completedlate"];

    public static async Task<Outcome<Page<TaskRow>>> QueryAsync(AppDb db, TaskFilter f, DateOnly today, CancellationToken ct)
    {
        var problems = Paging.Check(f.Page, f.PageSize) ?? new Problems();
        var scope = f.Scope ?? "subtree";
        if (scope is not ("subtree" or "own"))
            problems.Add("scope", "Phạm vi phải là “subtree” (cả đơn vị cấp dưới) hoặc “own” (riêng đơn vị).");
        TaskState? state = null;
        var view = f.Status?.ToLowerInvariant();
        if (view is not null && !Views.Contains(view))
        {
            if (Enum.TryParse<TaskState>(f.Status, ignoreCase: true, out var s) && !int.TryParse(f.Status, out _))
                (state, view) = (s, null);
            else
                problems.Add("status", $"Trạng thái “{f.Status}” không có; dùng {string.Join(", ", Enum.GetNames<TaskState>().Concat(Views))}.");
        }
        if (f.DueFrom > f.DueTo)
            problems.Add("dueFrom", "“Hạn từ ngày” ở sau “hạn đến ngày”.");
        Unit? unit = null;
        if (f.Unit is { } unitId && (unit = await db.Units.FindAsync([unitId], ct)) is null)
            problems.Add("unit", $"Không có đơn vị số {unitId}.");
        if (problems.Any)
            return problems;

        var query = db.Tasks.AsNoTracking();
        if (unit is not null)
        {
            if (scope == "own")
                query = query.Where(t => t.LeadUnitId == unit.Id || t.Coordinators.Any(c => c.UnitId == unit.Id));
            else
            {
                var (from, to) = Unit.SubtreeRange(unit.Path);
                query = query.Where(t => string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0);
            }
        }
        if (f.Parent is { } parent)
            query = query.Where(t => t.ParentId == parent);
        if (state is { } st)
            query = query.Where(t => t.Status == st);
        var soonEnd = today.AddDays(TaskRules.DueSoonDays);
        var owing = new[] { TaskState.Assigned, TaskState.Accepted, TaskState.InProgress, TaskState.Returned };
        query = view switch
        {
            "open" => query.Where(t => t.Status != TaskState.Completed && t.Status != TaskState.Cancelled),
            "overdue" => query.Where(t => owing.Contains(t.Status) && t.DueDate < today),
            "duesoon" => query.Where(t => owing.Contains(t.Status) && t.DueDate >= today && t.DueDate <= soonEnd),
            "completedontime" => query.Where(t => t.Status == TaskState.Completed && !(t.SubmittedOn > t.DueDate)),
            "completedlate" => query.Where(t => t.Status == TaskState.Completed && t.SubmittedOn > t.DueDate),
            _ => query,
        };
        if (f.DueFrom is { } dueFrom)
            query = query.Where(t => t.DueDate >= dueFrom);
        if (f.DueTo is { } dueTo)
            query = query.Where(t => t.DueDate <= dueTo);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = DonDoc.Text.VnText.Normalize(f.Q);
            query = query.Where(t => t.Title.Contains(q));
        }

        var rows = query
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new TaskRow(t.Id, t.ParentId, t.Kind, t.Title, t.LeadUnitId, t.LeadUnit!.Name, t.Status, t.DeadlineKind,
                t.DueDate, t.OriginalDueDate, t.SubmittedOn, t.Percent, t.ChildCompleted, t.ChildTotal, t.AssignedOn, t.CompletedOn));
        var page = await Paging.PageAsync(rows, f.Page, f.PageSize, ct);
        return page with { Items = page.Items.Select(r => r with { Overlay = TaskRules.OverlayOn(r.Status, r.DueDate, r.SubmittedOn, today) }).ToList() };
    }
}
