using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Units;

public sealed record MergeRequest(IReadOnlyList<string> UnitCodes, string? ParentCode, string? Name, string? Code, UnitType? Type, DateOnly? OnDate);

public sealed record NewUnit(string? Name, string? Code, UnitType? Type);

/// <summary>Splits one unit; its active children go to the new unit at index <paramref name="ChildrenTo"/>.</summary>
public sealed record SplitRequest(string? UnitCode, DateOnly? OnDate, IReadOnlyList<NewUnit> Units, int ChildrenTo);

public sealed record UnitLink(int Id, string Code, string Name);

/// <summary>What a reorganisation will do, checked and ready to apply; active children go to Opening[Receiving].</summary>
public sealed record ReorganizationPlan(LineageKind Kind, DateOnly OnDate, IReadOnlyList<UnitLink> Closing, UnitLink Parent,
    IReadOnlyList<NewUnit> Opening, int Receiving, int ChildrenMoving, int TasksReassigned)
{
    internal List<Unit> OldUnits { get; init; } = [];
    internal Unit? ParentUnit { get; init; }
}

public static class LineageKinds
{
    public static string Label(this LineageKind kind) => kind switch
    {
        LineageKind.Merge => "Hợp nhất",
        LineageKind.Split => "Chia tách",
        LineageKind.Rename => "Đổi tên",
        _ => kind.ToString(),
    };
}

/// <summary>
/// Merges and splits units without overwriting history: old units close on the day, new ones open,
/// lineage rows link them, and active children move with their whole subtrees.
/// </summary>
public sealed class Reorganization(AppDb db, Clock clock, TaskLedger ledger)
{
    private static readonly TaskState[] OpenStates = Enum.GetValues<TaskState>().Where(TaskRules.IsOpen).ToArray();

    public static IReadOnlyList<string> SplitCodes(string? text) =>
        (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<Outcome<ReorganizationPlan>> CheckMergeAsync(MergeRequest r, CancellationToken ct = default)
    {
        var problems = new Problems();
        var codes = r.UnitCodes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (codes.Count < 2)
            problems.Add("UnitCodes", "Các đơn vị được hợp nhất: cần nhập mã của ít nhất hai đơn vị.");
        foreach (var dup in codes.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add("UnitCodes", $"Các đơn vị được hợp nhất: mã “{dup.Key}” được nhập nhiều lần.");
        var olds = await db.Units.Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        foreach (var missing in codes.Where(c => !olds.Any(u => u.Code == c)).Distinct())
            problems.Add("UnitCodes", $"Các đơn vị được hợp nhất: không có đơn vị mã “{missing}”.");
        foreach (var closed in olds.Where(u => u.ValidTo is not null))
            problems.Add("UnitCodes", $"Các đơn vị được hợp nhất: {closed.Name} đã hết hiệu lực từ {VnFormat.Date(closed.ValidTo)}.");
        foreach (var nested in olds.Where(u => olds.Any(o => o != u && u.Path.StartsWith(o.Path, StringComparison.Ordinal))))
            problems.Add("UnitCodes", $"Các đơn vị được hợp nhất: {nested.Name} thuộc một đơn vị khác trong danh sách; chỉ hợp nhất các đơn vị không lồng nhau.");

        Unit? parent = null;
        if (string.IsNullOrWhiteSpace(r.ParentCode))
            problems.Add("ParentCode", "Đơn vị cấp trên: chưa nhập mã.");
        else if ((parent = await db.Units.FirstOrDefaultAsync(u => u.Code == r.ParentCode.Trim(), ct)) is null)
            problems.Add("ParentCode", $"Đơn vị cấp trên: không có đơn vị mã “{r.ParentCode.Trim()}”.");
        else if (parent.ValidTo is not null)
            problems.Add("ParentCode", $"Đơn vị cấp trên: {parent.Name} đã hết hiệu lực từ {VnFormat.Date(parent.ValidTo)}.");
        else if (olds.FirstOrDefault(o => parent.Path.StartsWith(o.Path, StringComparison.Ordinal)) is { } inside)
            problems.Add("ParentCode", $"Đơn vị cấp trên: không thể là {inside.Name} hay một đơn vị thuộc đơn vị này, vì nó sẽ bị hợp nhất.");

        var opening = new NewUnit(r.Name, r.Code, r.Type);
        await CheckNewUnitAsync(opening, "", problems, ct);
        CheckDate(r.OnDate, parent is null ? olds : olds.Append(parent), "OnDate", problems);
        if (problems.Any)
            return problems;

        var oldIds = olds.Select(u => u.Id).ToList();
        return new ReorganizationPlan(LineageKind.Merge, r.OnDate!.Value, olds.Select(Ref).ToList(), Ref(parent!), [Normalized(opening)], 0,
            await db.Units.CountAsync(u => u.ParentId != null && oldIds.Contains(u.ParentId.Value) && u.ValidTo == null, ct),
            await db.Tasks.CountAsync(t => oldIds.Contains(t.LeadUnitId) && OpenStates.Contains(t.Status), ct))
        {
            OldUnits = olds,
            ParentUnit = parent,
        };
    }

    public async Task<Outcome<ReorganizationPlan>> CheckSplitAsync(SplitRequest r, CancellationToken ct = default)
    {
        var problems = new Problems();
        Unit? old = null;
        if (string.IsNullOrWhiteSpace(r.UnitCode))
            problems.Add("UnitCode", "Đơn vị được chia tách: chưa nhập mã.");
        else if ((old = await db.Units.FirstOrDefaultAsync(u => u.Code == r.UnitCode.Trim(), ct)) is null)
            problems.Add("UnitCode", $"Đơn vị được chia tách: không có đơn vị mã “{r.UnitCode.Trim()}”.");
        else if (old.ValidTo is not null)
            problems.Add("UnitCode", $"Đơn vị được chia tách: {old.Name} đã hết hiệu lực từ {VnFormat.Date(old.ValidTo)}.");
        else if (old.ParentId is null)
            problems.Add("UnitCode", $"Đơn vị được chia tách: {old.Name} là đơn vị cấp cao nhất, không chia tách được.");

        // Blank rows are spare lines of the form, not units.
        var rows = r.Units.Select((u, i) => (Unit: u, Index: i))
            .Where(x => !string.IsNullOrWhiteSpace(x.Unit.Name) || !string.IsNullOrWhiteSpace(x.Unit.Code)).ToList();
        if (rows.Count < 2)
            problems.Add("Units", "Các đơn vị mới: cần ít nhất hai đơn vị, mỗi đơn vị có tên và mã.");
        foreach (var (unit, index) in rows)
            await CheckNewUnitAsync(unit, $"Units[{index}].", problems, ct, $" (dòng {index + 1})");
        foreach (var dup in rows.Where(x => !string.IsNullOrWhiteSpace(x.Unit.Code))
                     .GroupBy(x => x.Unit.Code!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"Units[{dup.Last().Index}].Code", $"Mã đơn vị mới “{dup.Key}” được nhập nhiều lần.");
        if (!rows.Any(x => x.Index == r.ChildrenTo))
            problems.Add("ChildrenTo", "Đơn vị nhận các đơn vị trực thuộc: hãy chọn một dòng đã nhập tên và mã.");
        CheckDate(r.OnDate, old is null ? [] : [old], "OnDate", problems);
        if (problems.Any)
            return problems;

        var parent = await db.Units.FirstAsync(u => u.Id == old!.ParentId, ct);
        return new ReorganizationPlan(LineageKind.Split, r.OnDate!.Value, [Ref(old!)], Ref(parent),
            rows.Select(x => Normalized(x.Unit)).ToList(), rows.FindIndex(x => x.Index == r.ChildrenTo),
            await db.Units.CountAsync(u => u.ParentId == old!.Id && u.ValidTo == null, ct), 0)
        {
            OldUnits = [old!],
            ParentUnit = parent,
        };
    }

    public async Task<Outcome<List<Unit>>> MergeAsync(MergeRequest r, CancellationToken ct = default)
    {
        var plan = await CheckMergeAsync(r, ct);
        return plan.Problems is { } problems ? problems : await ApplyOrConflictAsync(plan.Value!, ct);
    }

    public async Task<Outcome<List<Unit>>> SplitAsync(SplitRequest r, CancellationToken ct = default)
    {
        var plan = await CheckSplitAsync(r, ct);
        return plan.Problems is { } problems ? problems : await ApplyOrConflictAsync(plan.Value!, ct);
    }

    private async Task<Outcome<List<Unit>>> ApplyOrConflictAsync(ReorganizationPlan plan, CancellationToken ct)
    {
        try
        {
            return await ApplyAsync(plan, ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Another reorganisation changed one of these units between the check and this write; its transaction is rolled back.
            return await Conflict.OfAsync(db, e, x => x is Unit u ? $"Đơn vị {u.Name} ({u.Code})" : "Dữ liệu", ct);
        }
    }

    private async Task<List<Unit>> ApplyAsync(ReorganizationPlan plan, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = plan.Opening.Select(n => new Unit
        {
            Code = n.Code!,
            Name = n.Name!,
            Type = n.Type!.Value,
            ParentId = plan.ParentUnit!.Id,
            Parent = plan.ParentUnit,
            ValidFrom = plan.OnDate,
        }).ToList();
        db.Units.AddRange(opened);
        foreach (var old in plan.OldUnits)
            old.ValidTo = plan.OnDate;
        await UnitPaths.SaveAsync(db, ct);

        foreach (var old in plan.OldUnits)
            foreach (var successor in opened)
                db.UnitLineages.Add(new UnitLineage { PredecessorId = old.Id, SuccessorId = successor.Id, OnDate = plan.OnDate, Kind = plan.Kind });
        await db.SaveChangesAsync(ct);

        var receiving = opened[plan.Receiving];
        var moved = 0;
        foreach (var old in plan.OldUnits)
            moved += await MoveChildrenAsync(old, receiving, ct);
        // The moves bypassed the change tracker, and queries return tracked units as they were loaded.
        if (moved > 0)
            foreach (var entry in db.ChangeTracker.Entries<Unit>().ToList())
                await entry.ReloadAsync(ct);

        if (plan.Kind == LineageKind.Merge)
            await ReassignOpenTasksAsync(plan.OldUnits.Select(u => u.Id).ToList(), receiving, ct);

        // Rollups are kept per ancestor path: the tasks of moved subtrees now count for other ancestors.
        // A full rebuild in this transaction is simplest and takes seconds at city scale.
        if (moved > 0)
            await TaskLedger.RebuildRollupsAsync(db, ct);
        await tx.CommitAsync(ct);
        return opened;
    }

    private async Task<int> MoveChildrenAsync(Unit from, Unit to, CancellationToken ct)
    {
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == from.Id && u.ValidTo == null)
            .Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        var depthDelta = to.Depth - from.Depth;
        foreach (var child in children)
        {
            var oldPrefix = child.Path;
            var newPrefix = Unit.ChildPath(to.Path, child.Id);
            var (lo, hi) = Unit.SubtreeRange(oldPrefix);
            // The child's whole subtree, closed units included: every path must follow the parent chain.
            await db.Units
                .Where(u => string.Compare(u.Path, lo) >= 0 && string.Compare(u.Path, hi) < 0)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.Path, u => newPrefix + u.Path.Substring(oldPrefix.Length))
                    .SetProperty(u => u.Depth, u => u.Depth + depthDelta), ct);
        }
        var ids = children.Select(c => c.Id).ToList();
        if (ids.Count > 0)
        {
            // Tracked, unlike the paths (derived from the parents): the change of parent is audited and raises each unit's version.
            foreach (var child in await db.Units.Where(u => ids.Contains(u.Id)).ToListAsync(ct))
                child.ParentId = to.Id;
            await db.SaveChangesAsync(ct);
        }
        return ids.Count;
    }

    private async Task ReassignOpenTasksAsync(List<int> oldIds, Unit to, CancellationToken ct)
    {
        // Tracked, so that the ledger writes each task's history row and rollup change.
        var tasks = await db.Tasks.Where(t => oldIds.Contains(t.LeadUnitId) && OpenStates.Contains(t.Status)).ToListAsync(ct);
        foreach (var task in tasks)
            task.LeadUnitId = to.Id;

        var coordinating = await db.TaskCoordinators
            .Where(c => oldIds.Contains(c.UnitId) && db.Tasks.Any(t => t.Id == c.TaskId && OpenStates.Contains(t.Status)))
            .ToListAsync(ct);
        var taskIds = coordinating.Select(c => c.TaskId).Distinct().ToList();
        var keep = await db.Tasks.Where(t => taskIds.Contains(t.Id))
            .Where(t => t.LeadUnitId == to.Id || oldIds.Contains(t.LeadUnitId) || t.Coordinators.Any(c => c.UnitId == to.Id))
            .Select(t => t.Id).ToListAsync(ct);
        db.TaskCoordinators.RemoveRange(coordinating);
        db.TaskCoordinators.AddRange(taskIds.Except(keep).Select(id => new TaskCoordinator { TaskId = id, UnitId = to.Id }));

        await ledger.SaveAsync(db, tasks.Count > 0 ? $"Hợp nhất đơn vị: chuyển chủ trì sang {to.Name} ({to.Code})." : null, ct);
    }

    private async Task CheckNewUnitAsync(NewUnit unit, string prefix, Problems problems, CancellationToken ct, string where = "")
    {
        var name = unit.Name is null ? "" : VnText.Normalize(unit.Name);
        var code = unit.Code?.Trim() ?? "";
        if (name.Length == 0)
            problems.Add(prefix + "Name", $"Tên đơn vị mới{where}: chưa nhập.");
        else if (name.Length > 300)
            problems.Add(prefix + "Name", $"Tên đơn vị mới{where}: dài quá 300 ký tự.");
        if (code.Length == 0)
            problems.Add(prefix + "Code", $"Mã đơn vị mới{where}: chưa nhập.");
        else if (code.Length > 40)
            problems.Add(prefix + "Code", $"Mã đơn vị mới{where}: dài quá 40 ký tự.");
        else if (await db.Units.AnyAsync(u => u.Code == code, ct))
            problems.Add(prefix + "Code", $"Mã đơn vị mới{where}: mã “{code}” đã có đơn vị khác dùng.");
        if (unit.Type is not { } type || !Enum.IsDefined(type))
            problems.Add(prefix + "Type", $"Loại đơn vị mới{where}: chưa chọn.");
    }

    private void CheckDate(DateOnly? onDate, IEnumerable<Unit> units, string field, Problems problems)
    {
        if (onDate is not { } day)
        {
            problems.Add(field, "Ngày tổ chức lại: chưa nhập.");
            return;
        }
        // Later days would close units and move tasks before the decision takes effect.
        if (day > clock.Today)
            problems.Add(field, $"Ngày tổ chức lại: {VnFormat.Date(day)} ở sau hôm nay ({VnFormat.Date(clock.Today)}).");
        foreach (var unit in units.Where(u => day < u.ValidFrom))
            problems.Add(field, $"Ngày tổ chức lại: {VnFormat.Date(day)} ở trước ngày {unit.Name} bắt đầu hiệu lực ({VnFormat.Date(unit.ValidFrom)}).");
    }

    private static NewUnit Normalized(NewUnit u) => new(VnText.Normalize(u.Name!), u.Code!.Trim(), u.Type);

    private static UnitLink Ref(Unit u) => new(u.Id, u.Code, u.Name);
}
