using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Indicators;

/// <summary>
/// An indicator's plans for a unit and period: the unit's own target, its children's, whether they add up, and for the office
/// the forms that set the target and hand it down in one step.
/// </summary>
public sealed class DetailsModel(AppDb db, UserScope scope, IndicatorBoard board, IndicatorBook book, Clock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? TargetHigh { get; set; }

    // Child unit id → its target, as typed.
    [BindProperty]
    public Dictionary<int, string?> Children { get; set; } = [];

    public PlanSplit? Split { get; private set; }
    public bool IsOffice => scope.Roles.Overlaps(Roles.Office);

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken ct)
    {
        if (!IsOffice)
            return Forbid();
        var target = ReadNumber(Target, nameof(Target));
        var high = ReadNumber(TargetHigh, nameof(TargetHigh));
        if (target is null && ModelState.IsValid)
            ModelState.AddModelError(nameof(Target), "Cần chỉ tiêu kế hoạch.");
        if (ModelState.IsValid)
        {
            var result = await book.SetPlanAsync(id, new PlanInput(Unit, Period ?? "", target!.Value, high, Basis), ct);
            if (result.IsDone)
            {
                Flash = "Đã ghi kế hoạch.";
                return Redirect($"/Indicators/Details/{id}?unit={Unit}&period={Period}");
            }
            if (await this.ShowRefusalAsync(result, db, "", ct) is { } refused)
                return refused;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostHandDownAsync(int id, CancellationToken ct)
    {
        if (!IsOffice)
            return Forbid();
        var targets = new List<ChildTarget>();
        foreach (var (unitId, text) in Children.OrderBy(c => c.Key))
            if (!string.IsNullOrWhiteSpace(text) && ReadNumber(text, $"Children[{unitId}]") is { } t)
                targets.Add(new ChildTarget(unitId, t));
        if (ModelState.IsValid)
        {
            var result = await book.HandDownAsync(id, new HandDownInput(Unit, Period ?? "", targets, Basis), ct);
            if (result.IsDone)
            {
                Flash = $"Đã giao kế hoạch cho {result.Value} đơn vị trực thuộc.";
                return Redirect($"/Indicators/Details/{id}?unit={Unit}&period={Period}");
            }
            if (result.Problems is { } problems)
                foreach (var (field, messages) in problems.ToDictionary())
                    foreach (var message in messages)
                    {
                        var m = System.Text.RegularExpressions.Regex.Match(field, @"^targets\[(\d+)\]");
                        ModelState.AddModelError(m.Success ? $"Children[{targets[int.Parse(m.Groups[1].Value)].UnitId}]" : "", message);
                    }
            else if (await this.ShowRefusalAsync(result, db, "", ct) is { } refused)
                return refused;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private decimal? ReadNumber(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DonDoc.Text.VnFormat.TryParseNumber(text, out var n))
            return n;
        ModelState.AddModelError(field, $"“{text}” không phải một số viết kiểu Việt Nam (ví dụ 10.027 hoặc 7,5).");
        return null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var (period, error) = DonDoc.Web.Features.Indicators.Period.Parse(Period ?? clock.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Period), error);
            period = DonDoc.Web.Features.Indicators.Period.OfYear(clock.Today.Year);
        }
        Period = period!.Value.Key;
        Split = await board.SplitAsync(id, Unit, period.Value, clock.Today, ct);
        return Split is not null;
    }
}
