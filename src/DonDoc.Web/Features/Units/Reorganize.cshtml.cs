using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Units;

public sealed class MergeInput
{
    public string? UnitCodes { get; set; }
    public string? ParentCode { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public UnitType? Type { get; set; }
    public DateOnly? OnDate { get; set; }

    public MergeRequest ToRequest() => new(Reorganization.SplitCodes(UnitCodes), ParentCode, Name, Code, Type, OnDate);
}

public sealed class NewUnitInput
{
    public string? Name { get; set; }
    public string? Code { get; set; }
    public UnitType? Type { get; set; }
}

public sealed class SplitInput
{
    public string? UnitCode { get; set; }
    public DateOnly? OnDate { get; set; }
    public List<NewUnitInput> Units { get; set; } = [];
    public int ChildrenTo { get; set; }

    public SplitRequest ToRequest() => new(UnitCode, OnDate, Units.Select(u => new NewUnit(u.Name, u.Code, u.Type)).ToList(), ChildrenTo);
}

/// <summary>The merge and split forms: a first submit checks and shows what will happen, a second applies it.</summary>
// Reorganising moves whole subtrees, across any user's scope: the administrator's alone.
[Authorize(Policy = Policies.Administrator)]
public sealed class ReorganizeModel(Reorganization reorganization, AppDb db, Clock clock) : PageModel
{
    private const int SpareRows = 3;

    [FromQuery]
    public string? Mode { get; set; }

    [BindProperty]
    public MergeInput Merge { get; set; } = new();

    [BindProperty]
    public SplitInput Split { get; set; } = new();

    [BindProperty]
    public bool Confirmed { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ReorganizationPlan? Plan { get; private set; }
    public DateOnly Today => clock.Today;

    public IEnumerable<SelectListItem> TypeOptions(UnitType? selected) =>
        Enum.GetValues<UnitType>().Select(t => new SelectListItem(t.Label(), t.ToString(), t == selected));

    public async Task OnGetAsync(string? unit, CancellationToken ct)
    {
        Mode = Mode == "split" ? "split" : "merge";
        Merge.OnDate = Split.OnDate = Today;
        if (!string.IsNullOrWhiteSpace(unit)
            && await db.Units.AsNoTracking().Where(u => u.Code == unit).Select(u => new { u.Code, u.Type, ParentCode = u.Parent!.Code })
                .FirstOrDefaultAsync(ct) is { } start)
        {
            Merge.UnitCodes = start.Code;
            Merge.ParentCode = start.ParentCode;
            Merge.Type = start.Type;
            Split.UnitCode = start.Code;
            Split.Units = Enumerable.Range(0, SpareRows).Select(_ => new NewUnitInput { Type = start.Type }).ToList();
        }
        PadRows();
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        Mode = "merge";
        PadRows();
        if (!ModelState.IsValid)
            return Page();
        var request = Merge.ToRequest();
        if (!Confirmed)
        {
            var plan = await reorganization.CheckMergeAsync(request, ct);
            plan.Problems?.CopyTo(ModelState, nameof(Merge));
            Plan = plan.Value;
            return Page();
        }
        var done = await reorganization.MergeAsync(request, ct);
        if (!done.IsDone)
            return await this.ShowRefusalAsync(done, db, nameof(Merge), ct) ?? Page();
        var unit = done.Value![0];
        Notice = $"Đã hợp nhất {VnFormat.Number(request.UnitCodes.Count)} đơn vị thành {unit.Name}, hiệu lực từ ngày {VnFormat.Date(unit.ValidFrom)}.";
        return Redirect($"/Units/Details/{unit.Id}");
    }

    public async Task<IActionResult> OnPostSplitAsync(CancellationToken ct)
    {
        Mode = "split";
        PadRows();
        if (!ModelState.IsValid)
            return Page();
        var request = Split.ToRequest();
        if (!Confirmed)
        {
            var plan = await reorganization.CheckSplitAsync(request, ct);
            plan.Problems?.CopyTo(ModelState, nameof(Split));
            Plan = plan.Value;
            return Page();
        }
        var done = await reorganization.SplitAsync(request, ct);
        if (!done.IsDone)
            return await this.ShowRefusalAsync(done, db, nameof(Split), ct) ?? Page();
        var first = done.Value![0];
        Notice = $"Đã chia tách {request.UnitCode} thành {VnFormat.Number(done.Value.Count)} đơn vị: {string.Join(", ", done.Value.Select(u => u.Name))}, hiệu lực từ ngày {VnFormat.Date(first.ValidFrom)}.";
        return Redirect($"/Units/Details/{first.Id}");
    }

    // Without script, one more line for another new unit costs a round trip.
    public IActionResult OnPostAddRow()
    {
        Mode = "split";
        ModelState.Clear();
        Split.Units.Add(new NewUnitInput { Type = Split.Units.LastOrDefault()?.Type });
        return Page();
    }

    private void PadRows()
    {
        while (Split.Units.Count < SpareRows)
            Split.Units.Add(new NewUnitInput());
    }
}
