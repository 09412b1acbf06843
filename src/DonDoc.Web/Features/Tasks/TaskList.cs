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
    // The dashboard's own counts: "counted" is its total (cancelled tasks left out), "working" its
    // "Đang thực hiện" (accepted, in progress or returned for rework).
    public static readonly string[] Views = ["counted", "open", "working", "overdue", "duesoon", "completedontime", "completedlate"];

    private static readonly TaskState[] Owing = [TaskState.Assigned, TaskState.Accepted, TaskState.InProgress, TaskState.Returned];

    private const int SmallSubtree = 500;

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
        query = view switch
        {
            "counted" => query.Where(t => t.Status != TaskState.Cancelled),
            "open" => query.Where(t => t.Status != TaskState.Completed && t.Status != TaskState.Cancelled),
            "working" => query.Where(t => t.Status == TaskState.Accepted || t.Status == TaskState.InProgress || t.Status == TaskState.Returned),
            "overdue" => query.Where(t => Owing.Contains(t.Status) && t.DueDate < today),
            "duesoon" => query.Where(t => Owing.Contains(t.Status) && t.DueDate >= today && t.DueDate <= soonEnd),
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

        var page = unit is not null && scope == "subtree" && view is "overdue" or "duesoon" && f is { Parent: null, DueFrom: null, DueTo: null }
            && string.IsNullOrWhiteSpace(f.Q)
            ? await DueDayPageAsync(db, unit, view == "overdue" ? (DateOnly.MinValue, today.AddDays(-1)) : (today, soonEnd), f, ct)
            : await Paging.PageAsync(Project(query.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id)), f.Page, f.PageSize, ct);
        return page with { Items = page.Items.Select(r => r with { Overlay = TaskRules.OverlayOn(r.Status, r.DueDate, r.SubmittedOn, today) }).ToList() };
    }

    private static IQueryable<TaskRow> Project(IQueryable<TaskItem> ordered) =>
        ordered.Select(t => new TaskRow(t.Id, t.ParentId, t.Kind, t.Title, t.LeadUnitId, t.LeadUnit!.Name, t.Status, t.DeadlineKind,
            t.DueDate, t.OriginalDueDate, t.SubmittedOn, t.Percent, t.ChildCompleted, t.ChildTotal, t.AssignedOn, t.CompletedOn));

    /// <summary>
    /// A page of the overdue or due-soon list of a subtree without counting or sorting its tasks: the
    /// unit's rollup holds how many tasks fall due on each day, so the total is a sum over days and
    /// the page is read from the few days that hold its rows.
    /// </summary>
    private static async Task<Page<TaskRow>> DueDayPageAsync(AppDb db, Unit unit,
        (DateOnly From, DateOnly To) days, TaskFilter f, CancellationToken ct)
    {
        var histogram = await db.UnitStats.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.Metric == "d" && s.Day >= days.From && s.Day <= days.To && s.Count > 0)
            .OrderBy(s => s.Day).Select(s => new { s.Day, s.Count }).ToListAsync(ct);
        var number = Math.Max(f.Page ?? 1, 1);
        var size = Math.Clamp(f.PageSize ?? Paging.DefaultSize, 1, Paging.MaxSize);
        var offset = (number - 1) * size;
        var total = histogram.Sum(h => h.Count);
        var before = 0;
        var taken = 0;
        var wanted = new List<DateOnly>();
        foreach (var h in histogram)
        {
            if (wanted.Count == 0 && before + h.Count <= offset)
            {
                before += h.Count;
                continue;
            }
            wanted.Add(h.Day);
            taken += h.Count;
            if (before + taken >= offset + size)
                break;
        }
        if (wanted.Count == 0)
            return new Page<TaskRow>([], total, number, size);
        var query = db.Tasks.AsNoTracking().Where(t => Owing.Contains(t.Status) && t.DueDate != null && wanted.Contains(t.DueDate.Value));
        // A small subtree is read unit by unit; a large one day by day, whichever touches fewer rows.
        var (from, to) = Unit.SubtreeRange(unit.Path);
        var units = await db.Units.Where(u => string.Compare(u.Path, from) >= 0 && string.Compare(u.Path, to) < 0)
            .Select(u => u.Id).Take(SmallSubtree + 1).ToListAsync(ct);
        query = units.Count <= SmallSubtree
            ? query.Where(t => units.Contains(t.LeadUnitId))
            : query.Where(t => string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0);
        var items = await Project(query.OrderBy(t => t.DueDate).ThenBy(t => t.Id))
            .Skip(offset - before).Take(size).ToListAsync(ct);
        return new Page<TaskRow>(items, total, number, size);
    }
}
