using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

/// <summary>One line of the reporting form, typed the way the office writes numbers ("10.027", "7,5").</summary>
public sealed class ActualLine
{
    public int IndicatorId { get; set; }
    public string? Value { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public bool Estimate { get; set; }
    public string? Note { get; set; }
}

/// <summary>A unit's reporting form for one period: every indicator it reports in that kind of period, with what it gave so far.</summary>
public sealed class ReportModel(AppDb db, UserScope scope, IndicatorBook book, Clock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public List<ActualLine> Lines { get; set; } = [];

    public UnitLink? ReportingUnit { get; private set; }
    public Period Shown { get; private set; }
    public IReadOnlyList<IndicatorRef> Indicators { get; private set; } = [];
    public IReadOnlyDictionary<int, IndicatorActual> Current { get; private set; } = new Dictionary<int, IndicatorActual>();
    public bool CanReport => scope.Roles.Overlaps([.. Roles.Office, Roles.UnitOfficer]);

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Lines = Indicators.Select(i => Current.TryGetValue(i.Id, out var a)
            ? new ActualLine
            {
                IndicatorId = i.Id, Value = i.Kind == IndicatorKind.Ratio ? null : VnFormat.Figure(a.Value),
                Numerator = i.Kind == IndicatorKind.Ratio ? VnFormat.Figure(a.Numerator) : null,
                Denominator = i.Kind == IndicatorKind.Ratio ? VnFormat.Figure(a.Denominator) : null, Estimate = a.IsEstimate, Note = a.Note,
            }
            : new ActualLine { IndicatorId = i.Id, Estimate = clock.Today < Shown.End }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanReport)
            return Forbid();
        if (!await LoadAsync(ct))
            return NotFound();
        var items = new List<ActualItem>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            decimal? Read(string? text, string field)
            {
                if (string.IsNullOrWhiteSpace(text))
                    return null;
                if (VnFormat.TryParseNumber(text, out var n))
                    return n;
                ModelState.AddModelError($"Lines[{i}].{field}", $"“{text}” không phải một số viết kiểu Việt Nam (ví dụ 10.027 hoặc 7,5).");
                return null;
            }
            var (value, num, den) = (Read(line.Value, nameof(line.Value)), Read(line.Numerator, nameof(line.Numerator)), Read(line.Denominator, nameof(line.Denominator)));
            // A line left empty is not reported yet.
            if (value is null && num is null && den is null)
                continue;
            items.Add(new ActualItem(line.IndicatorId, value, num, den, line.Estimate, line.Note));
        }
        if (ModelState.IsValid && items.Count == 0)
            ModelState.AddModelError("", "Chưa nhập số thực hiện nào.");
        if (!ModelState.IsValid)
            return Page();
        var result = await book.ReportAsync(Unit!.Value, new ActualReport(Shown.Key, items), ct);
        if (result.IsDone)
        {
            Flash = result.Value == 0 ? "Không có số nào thay đổi." : $"Đã ghi {result.Value} số thực hiện {Shown.Label}.";
            return RedirectToPage("Report", new { unit = Unit, period = Shown.Key });
        }
        // Problems name items[i] in the order sent; the form names its lines, which may have left empty ones out.
        var lineOf = items.Select(it => Lines.FindIndex(l => l.IndicatorId == it.IndicatorId)).ToList();
        if (result.Problems is { } problems)
        {
            foreach (var (field, messages) in problems.ToDictionary())
            {
                var key = field;
                var m = System.Text.RegularExpressions.Regex.Match(field, @"^items\[(\d+)\]\.(\w+)$");
                if (m.Success)
                    key = $"Lines[{lineOf[int.Parse(m.Groups[1].Value)]}].{char.ToUpperInvariant(m.Groups[2].Value[0])}{m.Groups[2].Value[1..]}";
                foreach (var message in messages)
                    ModelState.AddModelError(key == "period" ? "" : key, message);
            }
            return Page();
        }
        return await this.ShowRefusalAsync(result, db, "", ct) ?? Page();
    }

    /// <summary>A filled-in sheet read into the form, for the user to check and save: nothing is written yet.</summary>
    public async Task<IActionResult> OnPostSheetAsync(IFormFile? file, CancellationToken ct)
    {
        if (!CanReport)
            return Forbid();
        if (!await LoadAsync(ct))
            return NotFound();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Chọn tệp bảng tính (.xlsx) số thực hiện để tải lên.");
            return Page();
        }
        var read = await book.ReadSheetAsync(Unit!.Value, Shown.Key, await TaskImport.TaskImportApi.ReadAsync(file, ct), [], ct);
        if (read.Problems is { } problems)
        {
            problems.CopyTo(ModelState);
            return Page();
        }
        var items = read.Value!.Items.ToDictionary(i => i.IndicatorId);
        ModelState.Clear();
        Lines = Indicators.Select(i => items.TryGetValue(i.Id, out var item)
            ? new ActualLine
            {
                IndicatorId = i.Id, Value = item.Value is { } v ? VnFormat.Figure(v) : null, Numerator = item.Numerator is { } n ? VnFormat.Figure(n) : null,
                Denominator = item.Denominator is { } d ? VnFormat.Figure(d) : null, Estimate = item.Estimate, Note = item.Note,
            }
            : new ActualLine { IndicatorId = i.Id }).ToList();
        FromSheet = items.Count;
        return Page();
    }

    // Lines read from an uploaded sheet and shown for checking, not yet saved.
    public int? FromSheet { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Unit ??= await scope.HomeUnitAsync(today, ct);
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == Unit).Select(u => new { Link = new UnitLink(u.Id, u.Code, u.Name), u.Path })
            .FirstOrDefaultAsync(ct);
        if (unit is null)
            return false;
        ReportingUnit = unit.Link;
        var parsed = DonDoc.Web.Features.Indicators.Period.Parse(Period);
        // By default the quarter that last ended: the one units are reporting.
        Shown = parsed.Period ?? DonDoc.Web.Features.Indicators.Period.Quarter(today.AddMonths(-3).Year, (today.AddMonths(-3).Month - 1) / 3 + 1);
        if (Period is not null && parsed.Error is { } error)
            ModelState.AddModelError(nameof(Period), error);
        Indicators = await IndicatorBoard.ToRef(IndicatorBoard.Of(db, unit.Path, Shown.Year, Shown.LastYear)
            .Where(i => i.ReportEvery == Shown.Kind).OrderBy(i => i.Code)).ToListAsync(ct);
        var ids = Indicators.Select(i => i.Id).ToList();
        Current = await db.IndicatorActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId) && a.UnitId == unit.Link.Id && a.ReplacedAtUtc == null
            && a.PeriodKind == Shown.Kind && a.Year == Shown.Year && a.Number == Shown.Number).ToDictionaryAsync(a => a.IndicatorId, ct);
        return true;
    }
}
