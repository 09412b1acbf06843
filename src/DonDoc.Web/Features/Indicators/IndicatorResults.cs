using DonDoc.Web.Data;

namespace DonDoc.Web.Features.Indicators;

/// <summary>A unit's indicators for a year against plan: how many were planned, met, exceeded and missed, and which basic socio-economic targets were missed.</summary>
public sealed record IndicatorYearResult(int Planned, int Met, int Exceeded, int Missed, IReadOnlyList<string> MissedBasicTargets);

public static class IndicatorResults
{
    public static Task<IndicatorYearResult> ForYearAsync(AppDb db, int unitId, int year, CancellationToken ct) =>
        Task.FromResult(new IndicatorYearResult(0, 0, 0, 0, []));
}
