using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

/// <summary>A unit's indicators for a year against plan: how many were planned, met, exceeded and missed, and which basic socio-economic targets were missed.</summary>
public sealed record IndicatorYearResult(int Planned, int Met, int Exceeded, int Missed, IReadOnlyList<string> MissedBasicTargets);

public static class IndicatorResults
{
    /// <summary>
    /// The indicators given the unit a target for the whole year, judged on the year's figures as they stand: one not
    /// reported counts as missed, as a grading at year end reads it.
    /// </summary>
    public static async Task<IndicatorYearResult> ForYearAsync(AppDb db, int unitId, int year, CancellationToken ct)
    {
        var planned = await db.IndicatorPlans.Where(p => p.UnitId == unitId && p.PeriodKind == PeriodKind.Year && p.Year == year && p.ReplacedAtUtc == null)
            .Select(p => p.IndicatorId).Distinct().ToListAsync(ct);
        if (planned.Count == 0)
            return new IndicatorYearResult(0, 0, 0, 0, []);
        var indicators = await IndicatorBoard.ToRef(db.Indicators.Where(i => planned.Contains(i.Id))).ToListAsync(ct);
        // Every report of the year is in by the end of the next one.
        var cells = await IndicatorBoard.CellsAsync(db, indicators, [unitId], Period.OfYear(year), year - 1, new DateOnly(year + 1, 12, 31), ct);
        var verdicts = indicators.Select(i => (Indicator: i, Verdict: cells.GetValueOrDefault((i.Id, unitId))?.Verdict ?? Verdict.Missed)).ToList();
        return new IndicatorYearResult(indicators.Count, verdicts.Count(v => v.Verdict == Verdict.Met), verdicts.Count(v => v.Verdict == Verdict.Exceeded),
            verdicts.Count(v => v.Verdict == Verdict.Missed),
            verdicts.Where(v => v.Verdict == Verdict.Missed && v.Indicator.IsBasicTarget).Select(v => v.Indicator.Name).ToList());
    }
}
