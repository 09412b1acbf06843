using DonDoc.Web.Data;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Years;

/// <summary>The theme and the groups' titles, numbered in the order given.</summary>
public sealed class YearFrameInput
{
    public string? Theme { get; set; }
    public List<string>? Groups { get; set; }
}

public sealed class FilingInput
{
    public int? TaskId { get; set; }
}

public sealed class IndicatorFilingInput
{
    public int? IndicatorId { get; set; }
}

public sealed record FiledTask(int Id, string Title, TaskKind Kind, TaskState Status, Overlay Overlay, string LeadUnit, DateOnly? DueDate,
    int ChildCompleted, int ChildTotal);

/// <summary>A group with its tasks' x/y: the filed tasks completed over those not cancelled.</summary>
public sealed record GroupView(int Number, string Title, int Completed, int Total, IReadOnlyList<FiledTask> Tasks, IReadOnlyList<IndicatorRow> Indicators);

/// <summary>A unit's year as the page and the API show it; Version is 0 while nothing is recorded for the year.</summary>
/// <param name="Indicators">Every indicator the unit works to in the year, with the year's figures so far.</param>
public sealed record YearFrameView(int UnitId, string UnitName, int Year, string? Theme, int Version, IReadOnlyList<GroupView> Groups,
    IReadOnlyList<IndicatorRow> Indicators);

/// <summary>
/// Reads and writes a unit's year frame: the office of a unit in the user's scope sets the theme and
/// groups, and files under them tasks that its subtree leads or assigned. Each write raises the frame's
/// version, so two offices working on one year at once get a conflict rather than a lost change.
/// </summary>
public sealed class YearFrames(AppDb db, UserScope scope, Clock clock)
{
    public const int MaxGroups = 20;
    public const int MaxText = 500;

    public async Task<Outcome<YearFrameView>> GetAsync(int unitId, int year, CancellationToken ct)
    {
        if (!InputRules.YearInWindow(year))
            return Problems.Of("year", InputRules.YearOutOfWindow(year));
        if (await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => new { u.Name, u.Path }).FirstOrDefaultAsync(ct) is not { } unit)
            return Outcome<YearFrameView>.NotFound($"Không có đơn vị số {unitId}.");
        var name = unit.Name;
        var defined = await IndicatorBoard.ToRef(IndicatorBoard.Of(db, unit.Path, year, year).OrderBy(i => i.Code)).ToListAsync(ct);
        var asOf = clock.Today < new DateOnly(year, 12, 31) ? clock.Today : new DateOnly(year, 12, 31);
        var cells = await IndicatorBoard.CellsAsync(db, defined, [unitId], Period.OfYear(year), year - 1, asOf, ct);
        var indicators = defined.Select(i => new IndicatorRow(i, cells.GetValueOrDefault((i.Id, unitId)) ?? IndicatorCell.Empty)).ToList();
        var frame = await db.UnitYears.AsNoTracking().Where(y => y.UnitId == unitId && y.Year == year)
            .Select(y => new { y.Id, y.Theme, y.Version }).FirstOrDefaultAsync(ct);
        if (frame is null)
            return new YearFrameView(unitId, name, year, null, 0, [], indicators);
        var groups = await db.KeyTaskGroups.AsNoTracking().Where(g => g.UnitYearId == frame.Id).OrderBy(g => g.Number)
            .Select(g => new { g.Id, g.Number, g.Title }).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var filed = await db.GroupTasks.AsNoTracking().Where(f => groupIds.Contains(f.GroupId))
            .OrderBy(f => f.Task!.DueDate).ThenBy(f => f.TaskId)
            .Select(f => new
            {
                f.GroupId, f.TaskId, f.Task!.Title, f.Task.Kind, f.Task.Status, f.Task.DueDate, f.Task.SubmittedOn,
                Lead = f.Task.LeadUnit!.Name, f.Task.ChildCompleted, f.Task.ChildTotal,
            })
            .ToListAsync(ct);
        var filedIndicators = await db.Set<GroupIndicator>().AsNoTracking().Where(f => groupIds.Contains(f.GroupId)).ToListAsync(ct);
        var today = clock.Today;
        return new YearFrameView(unitId, name, year, frame.Theme, frame.Version, groups.Select(g =>
        {
            var tasks = filed.Where(f => f.GroupId == g.Id)
                .Select(f => new FiledTask(f.TaskId, f.Title, f.Kind, f.Status, TaskRules.OverlayOn(f.Status, f.DueDate, f.SubmittedOn, today),
                    f.Lead, f.DueDate, f.ChildCompleted, f.ChildTotal))
                .ToList();
            var mine = filedIndicators.Where(f => f.GroupId == g.Id).Select(f => f.IndicatorId).ToHashSet();
            return new GroupView(g.Number, g.Title, tasks.Count(t => t.Status == TaskState.Completed),
                tasks.Count(t => t.Status != TaskState.Cancelled), tasks, indicators.Where(i => mine.Contains(i.Indicator.Id)).ToList());
        }).ToList(), indicators);
    }

    /// <summary>Sets the theme and the groups (creating the year on its first save); a group that still holds tasks cannot be dropped.</summary>
    public async Task<Outcome<UnitYear>> SaveAsync(int unitId, int year, YearFrameInput input, int? version, CancellationToken ct)
    {
        if (!InputRules.YearInWindow(year))
            return Problems.Of("year", InputRules.YearOutOfWindow(year));
        if (!await scope.SeesUnitAsync(unitId, ct))
            return Outcome<UnitYear>.NotFound($"Không có đơn vị số {unitId}.");
        var theme = string.IsNullOrWhiteSpace(input.Theme) ? null : input.Theme.Trim();
        var titles = (input.Groups ?? []).Select(t => t?.Trim() ?? "").ToList();
        var problems = new Problems();
        if (theme is { Length: > MaxText })
            problems.Add("theme", $"Chủ đề năm dài quá {MaxText} ký tự.");
        if (titles.Count > MaxGroups)
            problems.Add("groups", $"Nhiều nhất {MaxGroups} nhóm nhiệm vụ trọng tâm.");
        for (var i = 0; i < titles.Count; i++)
            if (titles[i].Length == 0)
                problems.Add($"groups[{i}]", $"Nhóm {i + 1} chưa có tên.");
            else if (titles[i].Length > MaxText)
                problems.Add($"groups[{i}]", $"Tên nhóm {i + 1} dài quá {MaxText} ký tự.");

        var frame = await db.UnitYears.Include(y => y.Groups).ThenInclude(g => g.Tasks).Include(y => y.Groups).ThenInclude(g => g.Indicators)
            .AsSplitQuery().FirstOrDefaultAsync(y => y.UnitId == unitId && y.Year == year, ct);
        if (frame is not null && version is { } read && frame.Version != read)
            return await Conflict.SinceAsync(db, frame, read, What(frame), ct);
        foreach (var dropped in frame?.Groups.Where(g => g.Number > titles.Count && g.Tasks.Count > 0) ?? [])
            problems.Add("groups", $"Nhóm {dropped.Number} “{dropped.Title}” còn {dropped.Tasks.Count} nhiệm vụ; hãy bỏ xếp các nhiệm vụ trước khi bỏ nhóm.");
        if (problems.Any)
            return problems;

        if (frame is null)
        {
            frame = new UnitYear { UnitId = unitId, Year = year };
            db.UnitYears.Add(frame);
        }
        frame.Theme = theme;
        db.KeyTaskGroups.RemoveRange(frame.Groups.Where(g => g.Number > titles.Count).ToList());
        for (var i = 0; i < titles.Count; i++)
        {
            if (frame.Groups.FirstOrDefault(g => g.Number == i + 1) is { } group)
                group.Title = titles[i];
            else
                frame.Groups.Add(new KeyTaskGroup { Number = i + 1, Title = titles[i] });
        }
        if (db.Entry(frame).State == EntityState.Unchanged)
            Versions.Touch(db, frame);
        return await SaveAsync(frame, $"Khung năm {year}", ct);
    }

    public Task<Outcome<UnitYear>> FileAsync(int unitId, int year, int number, FilingInput input, int? version, CancellationToken ct) =>
        ChangeFilingAsync(unitId, year, number, version, async (frame, group) =>
        {
            if (input.TaskId is not { } taskId)
                return Problems.Of("taskId", "Chọn nhiệm vụ cần xếp vào nhóm.");
            var task = await scope.Visible(db.Tasks.AsNoTracking()).Where(t => t.Id == taskId)
                .Select(t => new { LeadPath = t.LeadUnit!.Path, AssignedPath = t.AssignedByUnit!.Path }).FirstOrDefaultAsync(ct);
            if (task is null)
                return Problems.Of("taskId", $"Không có nhiệm vụ số {taskId}.");
            var unitPath = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync(ct);
            if (!task.LeadPath.StartsWith(unitPath, StringComparison.Ordinal) && !task.AssignedPath.StartsWith(unitPath, StringComparison.Ordinal))
                return Problems.Of("taskId", $"Nhiệm vụ số {taskId} không do đơn vị hoặc cấp dưới của đơn vị chủ trì hay giao.");
            if (frame.Groups.FirstOrDefault(g => g.Tasks.Any(t => t.TaskId == taskId)) is { } filedIn)
                return Problems.Of("taskId", $"Nhiệm vụ số {taskId} đã được xếp vào nhóm {filedIn.Number}.");
            group.Tasks.Add(new GroupTask { TaskId = taskId });
            return null;
        }, $"Xếp nhiệm vụ {input.TaskId} vào nhóm {number} năm {year}", ct);

    public Task<Outcome<UnitYear>> FileIndicatorAsync(int unitId, int year, int number, IndicatorFilingInput input, int? version, CancellationToken ct) =>
        ChangeFilingAsync(unitId, year, number, version, async (frame, group) =>
        {
            if (input.IndicatorId is not { } indicatorId)
                return Problems.Of("indicatorId", "Chọn chỉ tiêu cần xếp vào nhóm.");
            var unitPath = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync(ct);
            if (!await IndicatorBoard.Of(db, unitPath, year, year).AnyAsync(i => i.Id == indicatorId, ct))
                return Problems.Of("indicatorId", $"Đơn vị không có chỉ tiêu số {indicatorId} trong năm {year}.");
            if (frame.Groups.FirstOrDefault(g => g.Indicators.Any(i => i.IndicatorId == indicatorId)) is { } filedIn)
                return Problems.Of("indicatorId", $"Chỉ tiêu số {indicatorId} đã được xếp vào nhóm {filedIn.Number}.");
            group.Indicators.Add(new GroupIndicator { IndicatorId = indicatorId });
            return null;
        }, $"Xếp chỉ tiêu {input.IndicatorId} vào nhóm {number} năm {year}", ct);

    public Task<Outcome<UnitYear>> UnfileIndicatorAsync(int unitId, int year, int number, int indicatorId, int? version, CancellationToken ct) =>
        ChangeFilingAsync(unitId, year, number, version, (_, group) =>
        {
            if (group.Indicators.FirstOrDefault(i => i.IndicatorId == indicatorId) is not { } filed)
                return Task.FromResult<Problems?>(Problems.Of("indicatorId", $"Chỉ tiêu số {indicatorId} không nằm trong nhóm {number}."));
            group.Indicators.Remove(filed);
            return Task.FromResult<Problems?>(null);
        }, $"Bỏ chỉ tiêu {indicatorId} khỏi nhóm {number} năm {year}", ct);

    public Task<Outcome<UnitYear>> UnfileAsync(int unitId, int year, int number, int taskId, int? version, CancellationToken ct) =>
        ChangeFilingAsync(unitId, year, number, version, (_, group) =>
        {
            if (group.Tasks.FirstOrDefault(t => t.TaskId == taskId) is not { } filed)
                return Task.FromResult<Problems?>(Problems.Of("taskId", $"Nhiệm vụ số {taskId} không nằm trong nhóm {number}."));
            db.GroupTasks.Remove(filed);
            return Task.FromResult<Problems?>(null);
        }, $"Bỏ nhiệm vụ {taskId} khỏi nhóm {number} năm {year}", ct);

    private async Task<Outcome<UnitYear>> ChangeFilingAsync(int unitId, int year, int number, int? version,
        Func<UnitYear, KeyTaskGroup, Task<Problems?>> change, string note, CancellationToken ct)
    {
        if (!await scope.SeesUnitAsync(unitId, ct))
            return Outcome<UnitYear>.NotFound($"Không có đơn vị số {unitId}.");
        var frame = await db.UnitYears.Include(y => y.Groups).ThenInclude(g => g.Tasks).Include(y => y.Groups).ThenInclude(g => g.Indicators)
            .AsSplitQuery().FirstOrDefaultAsync(y => y.UnitId == unitId && y.Year == year, ct);
        if (frame?.Groups.FirstOrDefault(g => g.Number == number) is not { } group)
            return Outcome<UnitYear>.NotFound($"Năm {year} của đơn vị chưa có nhóm nhiệm vụ trọng tâm số {number}.");
        if (version is { } read && frame.Version != read)
            return await Conflict.SinceAsync(db, frame, read, What(frame), ct);
        if (await change(frame, group) is { } problems)
            return problems;
        Versions.Touch(db, frame);
        return await SaveAsync(frame, note, ct);
    }

    private async Task<Outcome<UnitYear>> SaveAsync(UnitYear frame, string note, CancellationToken ct)
    {
        try
        {
            await db.SaveAsync(null, note, ct);
            return frame;
        }
        catch (DbUpdateConcurrencyException e)
        {
            return await Conflict.OfAsync(db, e, What, ct);
        }
        catch (DbUpdateException e) when (Database.IsDuplicate(e))
        {
            // Another office created the year, or filed the same task, between this read and this write.
            db.ChangeTracker.Clear();
            var current = await db.UnitYears.FirstAsync(y => y.UnitId == frame.UnitId && y.Year == frame.Year, ct);
            return await Conflict.SinceAsync(db, current, frame.Id == 0 ? 0 : frame.Version - 1, What(current), ct);
        }
    }

    private static string What(object record) => record is UnitYear y ? $"Khung năm {y.Year} của đơn vị" : "Dữ liệu";
}
