using DonDoc.Web.Data;
using DonDoc.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Reports;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

public sealed record IndicatorRef(int Id, string Code, string Name, string Measure, IndicatorKind Kind, IndicatorDirection Direction,
    PeriodKind ReportEvery, int ReportWithinDays, int FromYear, int ToYear, bool IsBasicTarget, int OwnerUnitId, int? TaskId)
{
    public bool CoversYears(int from, int to) => FromYear <= to && ToYear >= from;
}

/// <summary>A target as it applies to a figure: its period (the figure's own, or the year's), basis and % reached.</summary>
public sealed record PlanFigure(string Basis, Period Period, decimal Target, decimal? TargetHigh, decimal? Percent);

/// <summary>One unit's figure for one indicator and period, with what the office writes about it.</summary>
public sealed record IndicatorCell(decimal? Actual, int Reporters, int Estimates, PlanFigure? Plan, IReadOnlyList<PlanFigure> OtherPlans,
    decimal? Earlier, decimal? Growth, decimal? RatioToEarlier, Verdict? Verdict, decimal? Score)
{
    public static readonly IndicatorCell Empty = new(null, 0, 0, null, [], null, null, null, null, null);
}

public sealed record IndicatorRow(IndicatorRef Indicator, IndicatorCell Cell);

public sealed record ChildIndicatorRow(UnitLink Unit, IndicatorCell Cell, int? Rank, bool Expected, bool Reported);

public sealed record ChildPlan(UnitLink Unit, decimal? Target, decimal? TargetHigh);

/// <summary>
/// A unit's target for a period and basis and its children's: whether they add up to it (for counts; a ratio is not
/// split by adding), and which children have none.
/// </summary>
public sealed record PlanBasis(string Basis, decimal? Target, decimal? TargetHigh, IReadOnlyList<ChildPlan> Children, decimal ChildrenSum, bool? AddsUp)
{
    public IEnumerable<ChildPlan> Missing => Children.Where(c => c.Target is null);
}

public sealed record PlanSplit(IndicatorRef Indicator, UnitLink Unit, Period Period, IReadOnlyList<PlanBasis> Bases);

/// <summary>A unit's indicators for a period as of a day, and for one of them its child units ranked.</summary>
public sealed record IndicatorBoardView(UnitLink Unit, Period Period, DateOnly AsOf, int CompareYear, IReadOnlyList<IndicatorRow> Rows,
    IndicatorRef? Selected, IReadOnlyList<ChildIndicatorRow> Children)
{
    public IEnumerable<ChildIndicatorRow> NotReported => Children.Where(c => c.Expected && !c.Reported);
    public int ExpectedCount => Children.Count(c => c.Expected);
}

/// <summary>
/// Reads figures, plans and the derived numbers for the units and indicators shown, as of any day: every figure is
/// one dated row per unit and reporting period, so a past day costs what today costs.
/// </summary>
public sealed class IndicatorBoard(AppDb db, UserScope scope)
{
    public static IQueryable<IndicatorRef> ToRef(IQueryable<Indicator> indicators) => indicators.Select(i => new IndicatorRef(i.Id, i.Code,
        i.Name, i.Measure, i.Kind, i.Direction, i.ReportEvery, i.ReportWithinDays, i.FromYear, i.ToYear, i.IsBasicTarget, i.OwnerUnitId, i.TaskId));

    /// <summary>The indicators the user sees: those set by a unit above them (which they work to) or within their scope.</summary>
    public static IQueryable<Indicator> Visible(AppDb db, UserScope scope)
    {
        if (scope.SeesEverything)
            return db.Indicators.AsNoTracking();
        if (scope.UnitPath is not { } path)
            return db.Indicators.Where(_ => false);
        var chain = Unit.Ancestors(path).ToList();
        var (from, to) = Unit.SubtreeRange(path);
        return db.Indicators.AsNoTracking().Where(i => chain.Contains(i.OwnerUnitId)
            || (string.Compare(i.OwnerUnit!.Path, from) >= 0 && string.Compare(i.OwnerUnit!.Path, to) < 0));
    }

    /// <summary>The indicators a unit works to: set by it or a unit above it, for a term that overlaps the years given.</summary>
    public static IQueryable<Indicator> Of(AppDb db, string unitPath, int fromYear, int toYear)
    {
        var chain = Unit.Ancestors(unitPath).ToList();
        return db.Indicators.AsNoTracking().Where(i => chain.Contains(i.OwnerUnitId) && i.FromYear <= toYear && i.ToYear >= fromYear);
    }

    public async Task<IndicatorBoardView?> GetAsync(int unitId, Period period, DateOnly asOf, int? compareYear, int? indicatorId, CancellationToken ct)
    {
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId)
            .Select(u => new { Link = new UnitLink(u.Id, u.Code, u.Name), u.Path }).FirstOrDefaultAsync(ct);
        if (unit is null)
            return null;
        var indicators = await ToRef(Of(db, unit.Path, period.Year, period.LastYear).OrderBy(i => i.Code)).ToListAsync(ct);
        var compare = compareYear ?? period.YearBefore().Year;
        var at = Clock.EndOfDayUtc(asOf);
        var cells = await CellsAsync(db, indicators, [unitId], period, compare, asOf, ct);
        var rows = indicators.Select(i => new IndicatorRow(i, cells.GetValueOrDefault((i.Id, unitId)) ?? IndicatorCell.Empty)).ToList();

        // By default the first indicator with a target in the period (it was handed down), else the first with a figure.
        var selected = indicators.FirstOrDefault(i => i.Id == indicatorId)
            ?? rows.FirstOrDefault(r => r.Cell.Plan is not null)?.Indicator ?? rows.FirstOrDefault(r => r.Cell.Actual is not null)?.Indicator
            ?? indicators.FirstOrDefault();
        var children = new List<ChildIndicatorRow>();
        if (selected is not null)
        {
            var kids = await db.Units.AsNoTracking()
                .Where(u => u.ParentId == unitId && u.ValidFrom <= asOf && (u.ValidTo == null || u.ValidTo > asOf))
                .OrderBy(u => u.Code).Select(u => new UnitLink(u.Id, u.Code, u.Name)).ToListAsync(ct);
            var kidIds = kids.Select(k => k.Id).ToList();
            var kidCells = await CellsAsync(db, [selected], kidIds, period, compare, asOf, ct);
            // Expected to report: the children given a target for the indicator in the period's year.
            var expected = (await AsOf(db.IndicatorPlans, at)
                .Where(p => p.IndicatorId == selected.Id && kidIds.Contains(p.UnitId) && p.Year >= period.Year && p.Year <= period.LastYear)
                .Select(p => p.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
            var reported = await ReportedAsync(selected, kidIds, period, asOf, ct);
            var ranked = kids.Select(k => (Unit: k, Cell: kidCells.GetValueOrDefault((selected.Id, k.Id)) ?? IndicatorCell.Empty))
                .OrderByDescending(k => k.Cell.Score is not null).ThenByDescending(k => k.Cell.Score ?? 0).ThenBy(k => k.Unit.Code).ToList();
            decimal? previous = null;
            var rank = 0;
            for (var i = 0; i < ranked.Count; i++)
            {
                var (kid, cell) = ranked[i];
                if (cell.Score is { } s && s != previous)
                    (rank, previous) = (i + 1, s);
                // Only the children the indicator concerns: given a target, or holding a figure.
                if (expected.Contains(kid.Id) || cell.Actual is not null || cell.Plan is not null)
                    children.Add(new ChildIndicatorRow(kid, cell, cell.Score is null ? null : rank, expected.Contains(kid.Id), reported.Contains(kid.Id)));
            }
        }
        return new IndicatorBoardView(unit.Link, period, asOf, compare, rows, selected, children);
    }

    /// <summary>
    /// The indicators that belong to a program or project of the task tree, each for its owner over its whole term (or its
    /// one year), as the program's page shows them beside its projects' x/y.
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorRow>> ForTaskAsync(AppDb db, UserScope scope, int taskId, DateOnly today, CancellationToken ct)
    {
        var linked = await ToRef(Visible(db, scope).Where(i => i.TaskId == taskId).OrderBy(i => i.Code)).ToListAsync(ct);
        var rows = new List<IndicatorRow>();
        foreach (var group in linked.GroupBy(i => (i.OwnerUnitId, i.FromYear, i.ToYear)))
        {
            var (owner, from, to) = group.Key;
            var period = from == to ? Period.OfYear(from) : Period.Term(from, to);
            var cells = await CellsAsync(db, group.ToList(), [owner], period, from - 1, today, ct);
            rows.AddRange(group.Select(i => new IndicatorRow(i, cells.GetValueOrDefault((i.Id, owner)) ?? IndicatorCell.Empty)));
        }
        return rows;
    }

    public async Task<PlanSplit?> SplitAsync(int indicatorId, int unitId, Period period, DateOnly day, CancellationToken ct)
    {
        var indicator = await ToRef(Visible(db, scope).Where(i => i.Id == indicatorId)).FirstOrDefaultAsync(ct);
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => new UnitLink(u.Id, u.Code, u.Name)).FirstOrDefaultAsync(ct);
        if (indicator is null || unit is null)
            return null;
        var kids = await db.Units.AsNoTracking().Where(u => u.ParentId == unitId && u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo > day))
            .OrderBy(u => u.Code).Select(u => new UnitLink(u.Id, u.Code, u.Name)).ToListAsync(ct);
        var ids = kids.Select(k => k.Id).Append(unitId).ToList();
        var plans = await db.IndicatorPlans.AsNoTracking().Where(p => p.IndicatorId == indicatorId && ids.Contains(p.UnitId) && p.ReplacedAtUtc == null
                && p.PeriodKind == period.Kind && p.Year == period.Year && p.Number == period.Number)
            .Select(p => new { p.UnitId, p.Basis, p.Target, p.TargetHigh }).ToListAsync(ct);
        var bases = plans.Select(p => p.Basis).Append("").Distinct().OrderBy(b => b.Length > 0).ThenBy(b => b, StringComparer.Ordinal).ToList();
        var split = bases.Select(basis =>
        {
            var own = plans.FirstOrDefault(p => p.UnitId == unitId && p.Basis == basis);
            var children = kids.Select(k => plans.FirstOrDefault(p => p.UnitId == k.Id && p.Basis == basis) is { } c
                ? new ChildPlan(k, c.Target, c.TargetHigh) : new ChildPlan(k, null, null)).ToList();
            var sum = children.Sum(c => c.Target ?? 0);
            bool? addsUp = indicator.Kind == IndicatorKind.Ratio || own is null || children.All(c => c.Target is null) ? null : sum == own.Target;
            return new PlanBasis(basis, own?.Target, own?.TargetHigh, children, sum, addsUp);
        }).Where(b => b.Target is not null || b.Children.Any(c => c.Target is not null) || b.Basis.Length == 0).ToList();
        return new PlanSplit(indicator, unit, period, split);
    }

    /// <summary>The children's % of plan for the selected indicator, in ranking order.</summary>
    public static ChartSpec Chart(IndicatorBoardView view)
    {
        var ranked = view.Children.Where(c => c.Cell.Plan?.Percent is not null).Take(ReportCharts.MaxBars).ToList();
        var title = $"{view.Selected!.Name}: % kế hoạch của đơn vị trực thuộc, {view.Period.Label}";
        return new ChartSpec(title, "% kế hoạch", ranked.Select(c => new ChartBar(c.Unit.Name, (double)c.Cell.Plan!.Percent!.Value,
            VnFormat.Percent(c.Cell.Plan.Percent.Value))).ToList(), "#8a1c1c");
    }

    /// <summary>
    /// The units that have given their figure for the last reporting period of <paramref name="period"/> that had ended by the day
    /// (all of them when none had: nobody is late yet).
    /// </summary>
    private async Task<HashSet<int>> ReportedAsync(IndicatorRef indicator, List<int> unitIds, Period period, DateOnly asOf, CancellationToken ct)
    {
        var due = period.Parts(indicator.ReportEvery).Where(p => p.End < asOf).Select(p => (Period?)p).LastOrDefault();
        if (due is not { } part)
            return unitIds.ToHashSet();
        return (await SumsAsync(db, indicator.Id, unitIds, part, Clock.EndOfDayUtc(asOf), ct)).Where(s => !s.Value.IsEmpty).Select(s => s.Key).ToHashSet();
    }

    /// <summary>
    /// The sums of these units for one reporting period as they stood at <paramref name="at"/>: for each unit, the row recorded
    /// last before then, found by one index seek whatever the number of reports since (a city's sum has a row per report below it).
    /// </summary>
    private static async Task<Dictionary<int, Figure>> SumsAsync(AppDb db, int indicatorId, IReadOnlyList<int> unitIds, Period part, DateTime at, CancellationToken ct)
    {
        var ids = await db.Units.Where(u => unitIds.Contains(u.Id))
            .Select(u => db.IndicatorTotals
                .Where(t => t.IndicatorId == indicatorId && t.UnitId == u.Id && t.PeriodKind == part.Kind && t.Year == part.Year && t.Number == part.Number
                    && t.RecordedAtUtc < at)
                .OrderByDescending(t => t.RecordedAtUtc).Select(t => (long?)t.Id).FirstOrDefault())
            .Where(id => id != null).ToListAsync(ct);
        return await db.IndicatorTotals.AsNoTracking().Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.UnitId, t => new Figure(t.Value, t.Numerator, t.Denominator, t.Reporters, t.Estimates), ct);
    }

    public static IQueryable<T> AsOf<T>(IQueryable<T> rows, DateTime at) where T : class, IDatedFigure =>
        rows.AsNoTracking().Where(r => r.RecordedAtUtc < at && (r.ReplacedAtUtc == null || r.ReplacedAtUtc >= at));

    /// <summary>The cells of these units for these indicators: one read of sums and one of plans per indicator, whatever the data below.</summary>
    public static async Task<Dictionary<(int IndicatorId, int UnitId), IndicatorCell>> CellsAsync(AppDb db, IReadOnlyList<IndicatorRef> indicators,
        IReadOnlyList<int> unitIds, Period period, int compareYear, DateOnly asOf, CancellationToken ct)
    {
        var at = Clock.EndOfDayUtc(asOf);
        var cells = new Dictionary<(int, int), IndicatorCell>();
        foreach (var indicator in indicators)
        {
            var parts = period.Parts(indicator.ReportEvery);
            if (parts.Count == 0)
                continue;
            var earlierPeriod = period.Kind == PeriodKind.Term ? period.YearBefore() : period.InYear(compareYear);
            var earlierParts = earlierPeriod.Parts(indicator.ReportEvery);
            var wanted = parts.Concat(earlierParts).ToHashSet();
            var sums = new Dictionary<(int, Period), Figure>();
            foreach (var part in wanted)
                foreach (var (unitId, figure) in await SumsAsync(db, indicator.Id, unitIds, part, at, ct))
                    sums[(unitId, part)] = figure;
            var plans = (await AsOf(db.IndicatorPlans, at)
                    .Where(p => p.IndicatorId == indicator.Id && unitIds.Contains(p.UnitId)
                        && ((p.PeriodKind == period.Kind && p.Year == period.Year && p.Number == period.Number)
                            || (p.PeriodKind == PeriodKind.Year && p.Year == period.LastYear)))
                    .Select(p => new { p.UnitId, p.PeriodKind, p.Year, p.Number, p.Basis, p.Target, p.TargetHigh })
                    .ToListAsync(ct))
                .ToLookup(p => p.UnitId);
            foreach (var unitId in unitIds)
            {
                var figure = IndicatorMath.Over(indicator.Kind, parts.Select(p => sums.GetValueOrDefault((unitId, p))));
                var earlier = IndicatorMath.Over(indicator.Kind, earlierParts.Select(p => sums.GetValueOrDefault((unitId, p))));
                var actual = figure.ValueOf(indicator.Kind);
                var before = earlier.ValueOf(indicator.Kind);
                // The period's own target first; a shorter period is measured against the year's ("9 tháng đạt 80% kế hoạch năm").
                var own = plans[unitId].Where(p => p.PeriodKind == period.Kind && p.Year == period.Year && p.Number == period.Number).ToList();
                var chosen = own.Count > 0 ? own : plans[unitId].Where(p => p.PeriodKind == PeriodKind.Year).ToList();
                var figures = chosen.OrderBy(p => p.Basis.Length > 0).ThenBy(p => p.Basis, StringComparer.Ordinal)
                    .Select(p => new PlanFigure(p.Basis, new Period(p.PeriodKind, p.Year, p.Number), p.Target, p.TargetHigh,
                        IndicatorMath.PercentOfPlan(actual, p.Target)))
                    .ToList();
                var plan = figures.FirstOrDefault();
                // Judged only against the period's own target, once the period is over or its whole figure estimated.
                var judged = plan is not null && plan.Period == period && (asOf >= period.End || figure.Estimates > 0);
                if (figure.IsEmpty && earlier.IsEmpty && plan is null)
                    continue;
                cells[(indicator.Id, unitId)] = new IndicatorCell(actual, figure.Reporters, figure.Estimates, plan, figures.Skip(1).ToList(), before,
                    IndicatorMath.Growth(actual, before), IndicatorMath.RatioTo(actual, before),
                    judged ? IndicatorMath.Judge(indicator.Direction, actual, plan!.Target, plan.TargetHigh) : null,
                    IndicatorMath.Score(indicator.Direction, actual, plan?.Target));
            }
        }
        return cells;
    }
}
