using System.ComponentModel.DataAnnotations;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

public sealed record NewIndicator(
    [property: Required(ErrorMessage = "Cần mã chỉ tiêu."), StringLength(40, ErrorMessage = "Mã chỉ tiêu dài tối đa 40 ký tự.")] string Code,
    [property: Required(ErrorMessage = "Cần tên chỉ tiêu."), StringLength(400, ErrorMessage = "Tên chỉ tiêu dài tối đa 400 ký tự.")] string Name,
    [property: Required(ErrorMessage = "Cần đơn vị tính."), StringLength(40, ErrorMessage = "Đơn vị tính dài tối đa 40 ký tự.")] string Measure,
    IndicatorKind Kind, IndicatorDirection Direction, PeriodKind ReportEvery, int FromYear, int ToYear, int OwnerUnitId,
    int? ReportWithinDays = null, int? DocumentId = null, int? TaskId = null,
    [property: StringLength(200, ErrorMessage = "Tên tử số dài tối đa 200 ký tự.")] string? NumeratorLabel = null,
    [property: StringLength(200, ErrorMessage = "Tên mẫu số dài tối đa 200 ký tự.")] string? DenominatorLabel = null,
    bool IsBasicTarget = false);

public sealed record PlanInput(int UnitId, string Period, decimal Target, decimal? TargetHigh = null,
    [property: StringLength(200, ErrorMessage = "Căn cứ kế hoạch dài tối đa 200 ký tự.")] string? Basis = null);

public sealed record ChildTarget(int UnitId, decimal Target, decimal? TargetHigh = null);

/// <summary>Targets for the children of <see cref="FromUnitId"/>, handed down from its own plan for the period and basis.</summary>
public sealed record HandDownInput(int FromUnitId, string Period, List<ChildTarget> Targets, string? Basis = null);

public sealed record ActualItem(int IndicatorId, decimal? Value = null, decimal? Numerator = null, decimal? Denominator = null,
    bool Estimate = false, [property: StringLength(1000, ErrorMessage = "Ghi chú dài tối đa 1000 ký tự.")] string? Note = null);

/// <summary>A unit's report for one period: the figures of any of its indicators reported in that period.</summary>
public sealed record ActualReport(string Period, List<ActualItem> Items);

public sealed record ReopenInput(int UnitId, string Period, DateOnly Until,
    [property: Required(ErrorMessage = "Cần lý do mở lại kỳ báo cáo."), StringLength(1000, ErrorMessage = "Lý do dài tối đa 1000 ký tự.")] string Reason);

/// <summary>
/// Defining indicators, setting and handing down plans, reporting actuals and reopening a locked period: each checks
/// everything first and then writes in one transaction (<see cref="IndicatorLedger"/>), shared by the pages and the API.
/// </summary>
public sealed class IndicatorBook(AppDb db, UserScope scope, Clock clock)
{
    private const int MaxTermYears = 10;

    public async Task<Outcome<int>> DefineAsync(NewIndicator input, CancellationToken ct)
    {
        if (!scope.Roles.Overlaps(Roles.Office))
            return Outcome<int>.Forbidden("Chỉ Văn phòng đặt chỉ tiêu.");
        var owner = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == input.OwnerUnitId).Select(u => new { u.Id }).FirstOrDefaultAsync(ct);
        var problems = new Problems();
        if (owner is null)
            problems.Add(nameof(input.OwnerUnitId), $"Không có đơn vị số {input.OwnerUnitId} trong phạm vi của bạn.");
        if (!InputRules.YearInWindow(input.FromYear))
            problems.Add(nameof(input.FromYear), InputRules.YearOutOfWindow(input.FromYear));
        if (input.ToYear < input.FromYear || input.ToYear - input.FromYear > MaxTermYears)
            problems.Add(nameof(input.ToYear), $"Năm cuối phải từ {input.FromYear} đến {input.FromYear + MaxTermYears}.");
        if (input.ReportEvery is not (PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year))
            problems.Add(nameof(input.ReportEvery), "Đơn vị báo cáo theo tháng, quý hoặc năm; số 6 tháng, 9 tháng, cả năm và nhiệm kỳ được cộng từ đó.");
        if (input.ReportWithinDays is < 0 or > 120)
            problems.Add(nameof(input.ReportWithinDays), "Hạn báo cáo sau khi hết kỳ từ 0 đến 120 ngày.");
        if (input.Kind == IndicatorKind.Ratio && (string.IsNullOrWhiteSpace(input.NumeratorLabel) || string.IsNullOrWhiteSpace(input.DenominatorLabel)))
            problems.Add(string.IsNullOrWhiteSpace(input.NumeratorLabel) ? nameof(input.NumeratorLabel) : nameof(input.DenominatorLabel),
                "Chỉ tiêu tỷ lệ cần tên tử số và mẫu số (ví dụ: số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ / tổng số tổ chức cơ sở đảng).");
        if (input.DocumentId is { } doc && !await scope.Visible(db.Documents).AnyAsync(d => d.Id == doc, ct))
            problems.Add(nameof(input.DocumentId), $"Không có văn bản số {doc}.");
        if (input.TaskId is { } task && !await scope.Visible(db.Tasks).AnyAsync(t => t.Id == task, ct))
            problems.Add(nameof(input.TaskId), $"Không có nhiệm vụ số {task}.");
        var code = VnText.Normalize(input.Code.Trim());
        if (owner is not null && await db.Indicators.AnyAsync(i => i.OwnerUnitId == owner.Id && i.Code == code, ct))
            problems.Add(nameof(input.Code), $"Đơn vị đã có chỉ tiêu mã {code}.");
        if (problems.Any)
            return problems;
        var indicator = new Indicator
        {
            Code = code, Name = VnText.Normalize(input.Name.Trim()), Measure = VnText.Normalize(input.Measure.Trim()), Kind = input.Kind,
            Direction = input.Direction, ReportEvery = input.ReportEvery, ReportWithinDays = input.ReportWithinDays ?? 10,
            FromYear = input.FromYear, ToYear = input.ToYear, OwnerUnitId = input.OwnerUnitId, DocumentId = input.DocumentId, TaskId = input.TaskId,
            NumeratorLabel = Clean(input.NumeratorLabel), DenominatorLabel = Clean(input.DenominatorLabel), IsBasicTarget = input.IsBasicTarget,
            CreatedAtUtc = clock.UtcNow,
        };
        db.Indicators.Add(indicator);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Database.IsDuplicate(e))
        {
            return Problems.Of(nameof(input.Code), $"Đơn vị đã có chỉ tiêu mã {code}.");
        }
        return indicator.Id;
    }

    public async Task<Outcome<int>> SetPlanAsync(int indicatorId, PlanInput input, CancellationToken ct)
    {
        if (!scope.Roles.Overlaps(Roles.Office))
            return Outcome<int>.Forbidden("Chỉ Văn phòng giao kế hoạch chỉ tiêu.");
        if (await FindAsync(indicatorId, ct) is not { } indicator)
            return Outcome<int>.NotFound($"Không có chỉ tiêu số {indicatorId}.");
        var problems = new Problems();
        var period = CheckPeriod(indicator, input.Period, nameof(input.Period), problems, reporting: false);
        if (!await InScopeBelowOwnerAsync(indicator, input.UnitId, ct))
            problems.Add(nameof(input.UnitId), $"Không có đơn vị số {input.UnitId} trong phạm vi của bạn và của chỉ tiêu.");
        CheckTarget(indicator, input.Target, input.TargetHigh, nameof(input.Target), problems);
        if (problems.Any)
            return problems;
        var basis = Clean(input.Basis) ?? "";
        var plan = new IndicatorPlan { IndicatorId = indicator.Id, UnitId = input.UnitId, Basis = basis, Target = input.Target, TargetHigh = input.TargetHigh };
        Place(plan, period!.Value);
        await CloseCurrentPlansAsync(indicator.Id, [input.UnitId], period.Value, basis, ct);
        if (await SaveAsync([plan], $"Giao kế hoạch {period.Value.Label}", ct) is { } refusal)
            return refusal;
        return input.UnitId;
    }

    public async Task<Outcome<int>> HandDownAsync(int indicatorId, HandDownInput input, CancellationToken ct)
    {
        if (!scope.Roles.Overlaps(Roles.Office))
            return Outcome<int>.Forbidden("Chỉ Văn phòng giao kế hoạch chỉ tiêu.");
        if (await FindAsync(indicatorId, ct) is not { } indicator)
            return Outcome<int>.NotFound($"Không có chỉ tiêu số {indicatorId}.");
        var problems = new Problems();
        var period = CheckPeriod(indicator, input.Period, nameof(input.Period), problems, reporting: false);
        var basis = Clean(input.Basis) ?? "";
        if (!await InScopeBelowOwnerAsync(indicator, input.FromUnitId, ct))
            problems.Add(nameof(input.FromUnitId), $"Không có đơn vị số {input.FromUnitId} trong phạm vi của bạn và của chỉ tiêu.");
        if (input.Targets is null or [])
            problems.Add(nameof(input.Targets), "Cần ít nhất một đơn vị cấp dưới nhận kế hoạch.");
        if (problems.Any)
            return problems;
        var parent = await db.IndicatorPlans.AsNoTracking().Where(p => p.IndicatorId == indicator.Id && p.UnitId == input.FromUnitId
                && p.PeriodKind == period!.Value.Kind && p.Year == period.Value.Year && p.Number == period.Value.Number && p.Basis == basis
                && p.ReplacedAtUtc == null)
            .Select(p => new { p.Id }).FirstOrDefaultAsync(ct);
        if (parent is null)
            problems.Add(nameof(input.Period), $"Đơn vị chưa có kế hoạch {period!.Value.Label}{(basis.Length > 0 ? $" ({basis})" : "")} để giao xuống.");
        var today = clock.Today;
        var childIds = (await db.Units.AsNoTracking()
            .Where(u => u.ParentId == input.FromUnitId && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < input.Targets!.Count; i++)
        {
            var t = input.Targets[i];
            if (!childIds.Contains(t.UnitId))
                problems.Add($"targets[{i}].unitId", $"Đơn vị số {t.UnitId} không phải đơn vị trực thuộc đang hoạt động của đơn vị giao.");
            else if (input.Targets.Take(i).Any(o => o.UnitId == t.UnitId))
                problems.Add($"targets[{i}].unitId", $"Đơn vị số {t.UnitId} được giao hai lần.");
            CheckTarget(indicator, t.Target, t.TargetHigh, $"targets[{i}].target", problems);
        }
        if (problems.Any)
            return problems;
        var plans = input.Targets.Select(t =>
        {
            var plan = new IndicatorPlan { IndicatorId = indicator.Id, UnitId = t.UnitId, Basis = basis, Target = t.Target, TargetHigh = t.TargetHigh, HandedDownFromId = parent!.Id };
            Place(plan, period!.Value);
            return plan;
        }).ToList<IDatedFigure>();
        await CloseCurrentPlansAsync(indicator.Id, input.Targets.Select(t => t.UnitId).ToList(), period!.Value, basis, ct);
        if (await SaveAsync(plans, $"Giao kế hoạch {period.Value.Label} cho {plans.Count} đơn vị cấp dưới", ct) is { } refusal)
            return refusal;
        return plans.Count;
    }

    public async Task<Outcome<int>> ReportAsync(int unitId, ActualReport input, CancellationToken ct)
    {
        if (!scope.Roles.Overlaps([.. Roles.Office, Roles.UnitOfficer]))
            return Outcome<int>.Forbidden("Chỉ cán bộ đơn vị hoặc Văn phòng báo cáo số thực hiện.");
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
        if (unit is null)
            return Outcome<int>.NotFound($"Không có đơn vị số {unitId}.");
        var problems = new Problems();
        var parsed = Period.Parse(input.Period);
        if (parsed.Error is { } error)
            problems.Add(nameof(input.Period), error);
        if (input.Items is null or [])
            problems.Add(nameof(input.Items), "Cần ít nhất một số thực hiện.");
        if (problems.Any)
            return problems;
        var period = parsed.Period!.Value;
        var ids = input.Items!.Select(i => i.IndicatorId).ToList();
        // Any year: a period outside an indicator's term is refused by name below.
        var indicators = await IndicatorBoard.ToRef(IndicatorBoard.Of(db, unit.Path, InputRules.First.Year, InputRules.Last.Year).Where(i => ids.Contains(i.Id)))
            .ToDictionaryAsync(i => i.Id, ct);
        var current = await db.IndicatorActuals.Where(a => ids.Contains(a.IndicatorId) && a.UnitId == unitId && a.PeriodKind == period.Kind
            && a.Year == period.Year && a.Number == period.Number && a.ReplacedAtUtc == null).ToDictionaryAsync(a => a.IndicatorId, ct);
        var reopened = (await db.IndicatorReopenings.AsNoTracking().Where(r => ids.Contains(r.IndicatorId) && r.UnitId == unitId && r.PeriodKind == period.Kind
            && r.Year == period.Year && r.Number == period.Number && r.Until >= clock.Today).Select(r => r.IndicatorId).ToListAsync(ct)).ToHashSet();
        var added = new List<IDatedFigure>();
        for (var i = 0; i < input.Items!.Count; i++)
        {
            var item = input.Items[i];
            var field = $"items[{i}]";
            if (!indicators.TryGetValue(item.IndicatorId, out var indicator))
            {
                problems.Add($"{field}.indicatorId", $"Đơn vị không có chỉ tiêu số {item.IndicatorId}.");
                continue;
            }
            if (input.Items.Take(i).Any(o => o.IndicatorId == item.IndicatorId))
                problems.Add($"{field}.indicatorId", $"Chỉ tiêu “{indicator.Name}” được báo cáo hai lần.");
            CheckPeriod(indicator, input.Period, nameof(input.Period), problems, reporting: true);
            var before = current.GetValueOrDefault(indicator.Id);
            if (CheckTiming(indicator, period, item.Estimate, before, reopened.Contains(indicator.Id)) is { } late)
                problems.Add(late.Field == "period" ? nameof(input.Period) : $"{field}.{late.Field}", late.Message);
            var figure = CheckFigure(indicator, item, field, problems);
            if (figure is null || problems.Any)
                continue;
            if (before is not null && before.Value == figure.Value.Value && before.Numerator == figure.Value.Numerator
                && before.Denominator == figure.Value.Denominator && before.IsEstimate == item.Estimate && before.Note == Clean(item.Note))
                continue;
            if (before is not null)
                before.ReplacedAtUtc = clock.UtcNow;
            var actual = new IndicatorActual
            {
                IndicatorId = indicator.Id, UnitId = unitId, Value = figure.Value.Value, Numerator = figure.Value.Numerator,
                Denominator = figure.Value.Denominator, IsEstimate = item.Estimate, Note = Clean(item.Note),
            };
            Place(actual, period);
            added.Add(actual);
        }
        if (problems.Any)
            return problems;
        if (added.Count == 0)
            return 0;
        if (await SaveAsync(added, $"Báo cáo số thực hiện {period.Label}", ct) is { } refusal)
            return refusal;
        return added.Count;
    }

    /// <summary>
    /// A unit's filled-in sheet read into the report the form would send, by indicator code; every line that cannot be
    /// read is named ("Dòng 5: …") under <c>file</c>. <paramref name="lines"/> gives each item's line in the sheet.
    /// </summary>
    public async Task<Outcome<ActualReport>> ReadSheetAsync(int unitId, string? period, byte[] bytes, List<int> lines, CancellationToken ct)
    {
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => new { u.Path }).FirstOrDefaultAsync(ct);
        if (unit is null)
            return Outcome<ActualReport>.NotFound($"Không có đơn vị số {unitId}.");
        List<ActualSheetLine> rows;
        try
        {
            rows = ActualSheet.Read(bytes);
        }
        catch (TaskImport.SheetFileException e)
        {
            return Problems.Of("file", e.Message);
        }
        var byCode = (await IndicatorBoard.ToRef(IndicatorBoard.Of(db, unit.Path, InputRules.First.Year, InputRules.Last.Year)).ToListAsync(ct))
            .GroupBy(i => VnText.Fold(i.Code)).ToDictionary(g => g.Key, g => g.First());
        var problems = new Problems();
        var items = new List<ActualItem>();
        foreach (var row in rows)
        {
            if (!byCode.TryGetValue(VnText.Fold(row.Code), out var indicator))
            {
                problems.Add("file", $"Dòng {row.Line}: đơn vị không có chỉ tiêu mã “{row.Code}”.");
                continue;
            }
            var (value, num, den) = (ActualSheet.Number(row.Value), ActualSheet.Number(row.Numerator), ActualSheet.Number(row.Denominator));
            foreach (var error in new[] { value.Error, num.Error, den.Error }.OfType<string>())
                problems.Add("file", $"Dòng {row.Line}: {error}");
            if (value.Value is null && num.Value is null && den.Value is null)
                continue;
            items.Add(new ActualItem(indicator.Id, value.Value, num.Value, den.Value, row.Estimate, string.IsNullOrWhiteSpace(row.Note) ? null : row.Note));
            lines.Add(row.Line);
        }
        if (!problems.Any && items.Count == 0)
            problems.Add("file", "Tệp chưa có số thực hiện nào.");
        if (problems.Any)
            return problems;
        return new ActualReport(period ?? "", items);
    }

    /// <summary>A unit's sheet reported as one report: all its lines or none, each refusal named by its line.</summary>
    public async Task<Outcome<int>> ReportSheetAsync(int unitId, string? period, byte[] bytes, CancellationToken ct)
    {
        var lines = new List<int>();
        var read = await ReadSheetAsync(unitId, period, bytes, lines, ct);
        if (!read.IsDone)
            return read.Kind == OutcomeKind.NotFound ? Outcome<int>.NotFound(read.Message!) : read.Problems!;
        var result = await ReportAsync(unitId, read.Value!, ct);
        if (result.Problems is not { } problems)
            return result;
        var named = new Problems();
        foreach (var (field, messages) in problems.ToDictionary())
            foreach (var message in messages)
            {
                var m = System.Text.RegularExpressions.Regex.Match(field, @"^items\[(\d+)\]");
                named.Add(m.Success ? "file" : field, m.Success ? $"Dòng {lines[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}: {message}" : message);
            }
        return named;
    }

    public async Task<Outcome<long>> ReopenAsync(int indicatorId, ReopenInput input, CancellationToken ct)
    {
        if (!scope.Roles.Overlaps(Roles.Office))
            return Outcome<long>.Forbidden("Chỉ Văn phòng mở lại kỳ báo cáo.");
        if (await FindAsync(indicatorId, ct) is not { } indicator)
            return Outcome<long>.NotFound($"Không có chỉ tiêu số {indicatorId}.");
        var problems = new Problems();
        var period = CheckPeriod(indicator, input.Period, nameof(input.Period), problems, reporting: true);
        if (!await InScopeBelowOwnerAsync(indicator, input.UnitId, ct) || (input.UnitId == scope.UnitId && !scope.IsAdministrator))
            problems.Add(nameof(input.UnitId), "Văn phòng chỉ mở lại kỳ báo cáo cho đơn vị cấp dưới trong phạm vi của mình.");
        if (input.Until < clock.Today || input.Until > clock.Today.AddDays(60))
            problems.Add(nameof(input.Until), $"Hạn mở lại từ hôm nay ({VnFormat.Date(clock.Today)}) đến 60 ngày sau.");
        if (problems.Any)
            return problems;
        var reopening = new IndicatorReopening
        {
            IndicatorId = indicator.Id, UnitId = input.UnitId, PeriodKind = period!.Value.Kind, Year = period.Value.Year, Number = period.Value.Number,
            Until = input.Until, Reason = VnText.Normalize(input.Reason.Trim()), CreatedAtUtc = clock.UtcNow,
        };
        db.IndicatorReopenings.Add(reopening);
        await db.SaveAsync(null, $"Mở lại kỳ báo cáo {period.Value.Label}: {reopening.Reason}", ct);
        return reopening.Id;
    }

    /// <summary>The day a period's reporting locks: its end plus the indicator's days for reporting.</summary>
    public static DateOnly Deadline(IndicatorRef indicator, Period period) => period.End.AddDays(indicator.ReportWithinDays);

    /// <summary>
    /// Before a period ends only an estimate is taken; after its deadline nothing, unless the office reopened it; a final
    /// figure is never replaced by an estimate.
    /// </summary>
    private (string Field, string Message)? CheckTiming(IndicatorRef indicator, Period period, bool estimate, IndicatorActual? before, bool reopened)
    {
        var today = clock.Today;
        var deadline = Deadline(indicator, period);
        if (today > deadline && !reopened)
            return ("period", $"Kỳ báo cáo {period.Label} của chỉ tiêu “{indicator.Name}” đã khóa sau hạn {VnFormat.Date(deadline)}; đề nghị Văn phòng mở lại nếu cần báo cáo bổ sung.");
        if (today < period.End && !estimate)
            return ("estimate", $"Kỳ {period.Label} chưa kết thúc (đến {VnFormat.Date(period.End)}): chỉ nhận số ước thực hiện.");
        if (estimate && before is { IsEstimate: false })
            return ("estimate", $"Chỉ tiêu “{indicator.Name}” đã có số chính thức {period.Label}; số ước không thay được số chính thức.");
        return null;
    }

    private static Figure? CheckFigure(IndicatorRef indicator, ActualItem item, string field, Problems problems)
    {
        if (indicator.Kind != IndicatorKind.Ratio)
        {
            if (item.Value is not { } value)
                problems.Add($"{field}.value", $"Cần số thực hiện của chỉ tiêu “{indicator.Name}”.");
            else if (value < 0)
                problems.Add($"{field}.value", $"Số thực hiện của chỉ tiêu “{indicator.Name}” không được âm.");
            else
                return new Figure(value, 0, 0, 1, item.Estimate ? 1 : 0);
            return null;
        }
        if (item.Numerator is not { } num || item.Denominator is not { } den)
        {
            problems.Add(item.Numerator is null ? $"{field}.numerator" : $"{field}.denominator", $"Chỉ tiêu tỷ lệ “{indicator.Name}” cần cả tử số và mẫu số.");
            return null;
        }
        if (num < 0 || den <= 0)
            problems.Add(num < 0 ? $"{field}.numerator" : $"{field}.denominator", "Tử số không được âm, mẫu số phải lớn hơn 0.");
        else if (num > den)
            problems.Add($"{field}.numerator", $"Tử số ({VnFormat.Number(num, 0)}) lớn hơn mẫu số ({VnFormat.Number(den, 0)}) của chỉ tiêu “{indicator.Name}”.");
        else
            return new Figure(0, num, den, 1, item.Estimate ? 1 : 0);
        return null;
    }

    private static Period? CheckPeriod(IndicatorRef indicator, string? text, string field, Problems problems, bool reporting)
    {
        var (period, error) = Period.Parse(text);
        if (error is not null)
        {
            problems.Add(field, error);
            return null;
        }
        var p = period!.Value;
        if (p.Year < indicator.FromYear || p.LastYear > indicator.ToYear)
            problems.Add(field, $"Kỳ {p.Label} nằm ngoài thời gian của chỉ tiêu “{indicator.Name}” ({indicator.FromYear}–{indicator.ToYear}).");
        else if (reporting && p.Kind != indicator.ReportEvery)
            problems.Add(field, $"Chỉ tiêu “{indicator.Name}” báo cáo theo {indicator.ReportEvery.Label().ToLowerInvariant()}, không theo kỳ {p.Label}.");
        else if (!reporting && p.Parts(indicator.ReportEvery).Count == 0)
            problems.Add(field, $"Chỉ tiêu “{indicator.Name}” báo cáo theo {indicator.ReportEvery.Label().ToLowerInvariant()}: không đặt được kế hoạch {p.Label}.");
        return problems.Any ? null : p;
    }

    private static void CheckTarget(IndicatorRef indicator, decimal target, decimal? high, string field, Problems problems)
    {
        if (target < 0)
            problems.Add(field, "Chỉ tiêu kế hoạch không được âm.");
        else if (indicator.Kind == IndicatorKind.Ratio && target > 100)
            problems.Add(field, "Kế hoạch của một tỷ lệ không quá 100%.");
        if (indicator.Direction == IndicatorDirection.Range && (high is not { } h || h < target))
            problems.Add(field.Replace("target", "targetHigh", StringComparison.OrdinalIgnoreCase),
                "Chỉ tiêu trong khoảng cần cận trên không nhỏ hơn cận dưới (ví dụ 7,5–8,0).");
        else if (indicator.Direction != IndicatorDirection.Range && high is not null)
            problems.Add(field.Replace("target", "targetHigh", StringComparison.OrdinalIgnoreCase), "Chỉ chỉ tiêu trong khoảng mới có cận trên.");
    }

    private Task<IndicatorRef?> FindAsync(int id, CancellationToken ct) =>
        IndicatorBoard.ToRef(IndicatorBoard.Visible(db, scope).Where(i => i.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Whether the user sees the unit and it lies at or below the indicator's owner.</summary>
    private async Task<bool> InScopeBelowOwnerAsync(IndicatorRef indicator, int unitId, CancellationToken ct) =>
        await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct) is { } path
        && Unit.Ancestors(path).Contains(indicator.OwnerUnitId);

    private async Task CloseCurrentPlansAsync(int indicatorId, List<int> unitIds, Period period, string basis, CancellationToken ct)
    {
        var plans = await db.IndicatorPlans.Where(p => p.IndicatorId == indicatorId && unitIds.Contains(p.UnitId) && p.PeriodKind == period.Kind
            && p.Year == period.Year && p.Number == period.Number && p.Basis == basis && p.ReplacedAtUtc == null).ToListAsync(ct);
        foreach (var plan in plans)
            plan.ReplacedAtUtc = clock.UtcNow;
    }

    private async Task<Outcome<int>?> SaveAsync(List<IDatedFigure> added, string note, CancellationToken ct)
    {
        try
        {
            await IndicatorLedger.SaveAsync(db, added, note, clock.UtcNow, ct);
            return null;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && Database.IsDuplicate(u)))
        {
            db.ChangeTracker.Clear();
            return new Conflict("IndicatorActuals", "Số liệu chỉ tiêu", 0, null, [], [], null, null)
            {
                Reason = "Cùng số liệu này vừa được ghi từ nơi khác; chưa có gì được lưu. Hãy tải lại trang, xem số mới và gửi lại nếu cần.",
            };
        }
    }

    private static void Place(IndicatorPlan plan, Period p) => (plan.PeriodKind, plan.Year, plan.Number) = (p.Kind, p.Year, p.Number);

    private static void Place(IndicatorActual actual, Period p) => (actual.PeriodKind, actual.Year, actual.Number) = (p.Kind, p.Year, p.Number);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VnText.Normalize(text.Trim());
}
