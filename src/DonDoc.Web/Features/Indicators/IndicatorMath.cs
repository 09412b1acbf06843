namespace DonDoc.Web.Features.Indicators;

/// <summary>
/// A figure as it rolls up: flows and stocks add their values, a ratio adds its numerator and denominator and is
/// computed from the sums, never averaged. <see cref="Reporters"/> counts the units whose figure is in it.
/// </summary>
public readonly record struct Figure(decimal Value, decimal Numerator, decimal Denominator, int Reporters, int Estimates)
{
    public static Figure operator +(Figure a, Figure b) =>
        new(a.Value + b.Value, a.Numerator + b.Numerator, a.Denominator + b.Denominator, a.Reporters + b.Reporters, a.Estimates + b.Estimates);

    public static Figure operator -(Figure a, Figure b) =>
        new(a.Value - b.Value, a.Numerator - b.Numerator, a.Denominator - b.Denominator, a.Reporters - b.Reporters, a.Estimates - b.Estimates);

    public bool IsEmpty => Reporters == 0;

    /// <summary>The figure's value: the count, or the ratio in percent; null with nothing reported or a denominator of 0.</summary>
    public decimal? ValueOf(IndicatorKind kind) =>
        IsEmpty ? null
        : kind != IndicatorKind.Ratio ? Value
        : Denominator == 0 ? null : Numerator / Denominator * 100;
}

public enum Verdict
{
    Missed,
    Met,
    Exceeded,
}

/// <summary>The rules that turn figures and plans into what the office writes: % of plan, change on a year before, met or missed.</summary>
public static class IndicatorMath
{
    /// <summary>
    /// A period's figure from those of its reporting periods, in order: a flow is their sum ("lũy kế 9 tháng"), a stock
    /// or a ratio stands as the latest one reported (the stock at the period's end, or so far).
    /// </summary>
    public static Figure Over(IndicatorKind kind, IEnumerable<Figure> parts)
    {
        var figure = default(Figure);
        foreach (var part in parts)
        {
            if (kind == IndicatorKind.Flow)
                figure += part;
            else if (!part.IsEmpty)
                figure = part;
        }
        return figure;
    }

    /// <summary>"đạt 102,9% kế hoạch": the actual over the target, in percent; none without a target or with a target of 0.</summary>
    public static decimal? PercentOfPlan(decimal? actual, decimal? target) =>
        actual is { } a && target is { } t && t != 0 ? a / t * 100 : null;

    /// <summary>"tăng 12,9% so với năm 2020": the change in percent of the earlier figure; none when there is none or it is 0.</summary>
    public static decimal? Growth(decimal? current, decimal? earlier) =>
        current is { } c && earlier is { } e && e != 0 ? (c - e) / e * 100 : null;

    /// <summary>"bằng 143,2% so với cùng kỳ": the figure in percent of the earlier one.</summary>
    public static decimal? RatioTo(decimal? current, decimal? earlier) =>
        current is { } c && earlier is { } e && e != 0 ? c / e * 100 : null;

    /// <summary>Reached, missed or exceeded, by the indicator's direction; none without an actual or a target.</summary>
    public static Verdict? Judge(IndicatorDirection direction, decimal? actual, decimal? target, decimal? targetHigh)
    {
        if (actual is not { } a || target is not { } t)
            return null;
        return direction switch
        {
            IndicatorDirection.Higher => a > t ? Verdict.Exceeded : a == t ? Verdict.Met : Verdict.Missed,
            IndicatorDirection.Lower => a < t ? Verdict.Exceeded : a == t ? Verdict.Met : Verdict.Missed,
            IndicatorDirection.Floor => a >= t ? Verdict.Met : Verdict.Missed,
            _ => a < t ? Verdict.Missed : a > (targetHigh ?? t) ? Verdict.Exceeded : Verdict.Met,
        };
    }

    /// <summary>
    /// How well a unit did against its plan, for ranking units on one indicator: higher is better whatever the direction
    /// (a unit that cut a "lower is better" figure to half its target scores 200). None without actual or target.
    /// </summary>
    public static decimal? Score(IndicatorDirection direction, decimal? actual, decimal? target)
    {
        if (actual is not { } a || target is not { } t)
            return null;
        if (direction != IndicatorDirection.Lower)
            return t == 0 ? null : a / t * 100;
        return a == 0 ? (t == 0 ? 100 : null) : t / a * 100;
    }

    public static string Label(this Verdict verdict) => verdict switch
    {
        Verdict.Exceeded => "Vượt",
        Verdict.Met => "Đạt",
        _ => "Không đạt",
    };

    public static string Label(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Flow => "Số phát sinh trong kỳ",
        IndicatorKind.Stock => "Số có đến cuối kỳ",
        _ => "Tỷ lệ (tử số/mẫu số)",
    };

    public static string Label(this IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.Higher => "Càng cao càng tốt",
        IndicatorDirection.Lower => "Càng thấp càng tốt (giảm)",
        IndicatorDirection.Floor => "Không thấp hơn mức (trên …)",
        _ => "Trong khoảng",
    };

    public static string Label(this PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "Tháng",
        PeriodKind.Quarter => "Quý",
        PeriodKind.HalfYear => "6 tháng",
        PeriodKind.NineMonths => "9 tháng",
        PeriodKind.Year => "Năm",
        _ => "Nhiệm kỳ",
    };
}
