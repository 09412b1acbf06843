using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Years;

public sealed class FrameForm
{
    public string? Theme { get; set; }
    // One group a line, in order.
    public string? Groups { get; set; }
}

public sealed record TaskChoice(int Id, string Title);

public sealed class IndexModel(AppDb db, UserScope scope, Clock clock, YearFrames frames) : PageModel
{
    // Candidates for filing, at most this many: the unit's own work, newest deadlines last.
    private const int MaxChoices = 300;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public FrameForm Frame { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public YearFrameView View { get; private set; } = null!;
    public IReadOnlyList<TaskChoice> Choices { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        Frame = new FrameForm { Theme = View.Theme, Groups = string.Join("\n", View.Groups.Select(g => g.Title)) };
        return Page();
    }

    public async Task<IActionResult> OnPostFrameAsync(CancellationToken ct)
    {
        if (!User.IsOffice())
            return Forbid();
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var titles = (Frame.Groups ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var result = await frames.SaveAsync(View.UnitId, View.Year, new YearFrameInput { Theme = Frame.Theme, Groups = titles }, Version, ct);
        if (result.IsDone)
            return Done($"Đã ghi chủ đề và {titles.Count} nhóm nhiệm vụ trọng tâm năm {View.Year}.");
        return await this.ShowRefusalAsync(result, db, nameof(Frame), ct) ?? await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostFileAsync(int number, int? taskId, CancellationToken ct)
    {
        if (!User.IsOffice())
            return Forbid();
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var result = await frames.FileAsync(View.UnitId, View.Year, number, new FilingInput { TaskId = taskId }, Version, ct);
        if (result.IsDone)
            return Done($"Đã xếp nhiệm vụ số {taskId} vào nhóm {number}.");
        return await this.ShowRefusalAsync(result, db, "", ct) ?? await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostUnfileAsync(int number, int taskId, CancellationToken ct)
    {
        if (!User.IsOffice())
            return Forbid();
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var result = await frames.UnfileAsync(View.UnitId, View.Year, number, taskId, Version, ct);
        if (result.IsDone)
            return Done($"Đã bỏ nhiệm vụ số {taskId} khỏi nhóm {number}.");
        return await this.ShowRefusalAsync(result, db, "", ct) ?? await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostFileIndicatorAsync(int number, int? indicatorId, CancellationToken ct)
    {
        if (!User.IsOffice())
            return Forbid();
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var result = await frames.FileIndicatorAsync(View.UnitId, View.Year, number, new IndicatorFilingInput { IndicatorId = indicatorId }, Version, ct);
        if (result.IsDone)
            return Done($"Đã xếp chỉ tiêu số {indicatorId} vào nhóm {number}.");
        return await this.ShowRefusalAsync(result, db, "", ct) ?? await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostUnfileIndicatorAsync(int number, int indicatorId, CancellationToken ct)
    {
        if (!User.IsOffice())
            return Forbid();
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var result = await frames.UnfileIndicatorAsync(View.UnitId, View.Year, number, indicatorId, Version, ct);
        if (result.IsDone)
            return Done($"Đã bỏ chỉ tiêu số {indicatorId} khỏi nhóm {number}.");
        return await this.ShowRefusalAsync(result, db, "", ct) ?? await ReloadAsync(ct);
    }

    private IActionResult Done(string message)
    {
        Flash = message;
        return RedirectToPage(new { unit = View.UnitId, year = View.Year });
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        // The form keeps what was typed; the rest shows the year as it now is.
        db.ChangeTracker.Clear();
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        Unit ??= await scope.HomeUnitAsync(clock.Today, ct);
        if (Unit is not { } unitId)
            return NotFound();
        var view = await frames.GetAsync(unitId, Year.Value, ct);
        if (view.Problems is { } problems)
        {
            problems.CopyTo(ModelState);
            View = new YearFrameView(unitId, "", Year.Value, null, 0, [], []);
            return Page();
        }
        if (!view.IsDone)
            return NotFound();
        View = view.Value!;
        CanEdit = User.IsOffice();
        if (CanEdit && View.Groups.Count > 0)
        {
            var filed = View.Groups.SelectMany(g => g.Tasks).Select(t => t.Id).ToList();
            var (start, end) = (new DateOnly(View.Year, 1, 1), new DateOnly(View.Year, 12, 31));
            Choices = await scope.Visible(db.Tasks.AsNoTracking())
                .Where(t => t.Status != TaskState.Cancelled && !filed.Contains(t.Id)
                    && (t.LeadUnitId == unitId || (t.AssignedByUnitId == unitId && t.ParentId == null))
                    && (t.DueDate == null || (t.DueDate >= start && t.DueDate <= end) || t.Kind == TaskKind.Program))
                .OrderBy(t => t.Kind == TaskKind.Program ? 0 : 1).ThenBy(t => t.Id).Take(MaxChoices)
                .Select(t => new TaskChoice(t.Id, t.Title)).ToListAsync(ct);
        }
        return null;
    }
}
