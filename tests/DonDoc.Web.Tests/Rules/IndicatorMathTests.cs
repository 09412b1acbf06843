using DonDoc.Web.Features.Indicators;

namespace DonDoc.Web.Tests.Rules;

public sealed class IndicatorMathTests
{
    private static Figure Count(decimal value) => new(value, 0, 0, 1, 0);
    private static Figure Ratio(decimal num, decimal den) => new(0, num, den, 1, 0);

    [Fact]
    public void Counts_add_up_the_tree_and_a_ratio_is_recomputed_from_its_sums_never_averaged()
    {
        Assert.Equal(30m, (Count(10) + Count(20)).ValueOf(IndicatorKind.Flow));
        var both = Ratio(9, 10) + Ratio(1, 2);
        Assert.Equal(10m / 12m * 100, both.ValueOf(IndicatorKind.Ratio));
        Assert.NotEqual((90m + 50m) / 2, both.ValueOf(IndicatorKind.Ratio));
        Assert.Equal(2, both.Reporters);
        // Nothing reported, or nothing to divide by: no value rather than 0.
        Assert.Null(default(Figure).ValueOf(IndicatorKind.Flow));
        Assert.Null(Ratio(0, 0).ValueOf(IndicatorKind.Ratio));
    }

    [Fact]
    public void A_longer_period_sums_a_flow_and_takes_the_latest_stock()
    {
        Figure[] quarters = [Count(5), Count(7), default, Count(3)];
        Assert.Equal(15m, IndicatorMath.Over(IndicatorKind.Flow, quarters).ValueOf(IndicatorKind.Flow));
        Assert.Equal(3m, IndicatorMath.Over(IndicatorKind.Stock, quarters).ValueOf(IndicatorKind.Stock));
        Assert.Equal(7m, IndicatorMath.Over(IndicatorKind.Stock, quarters[..3]).ValueOf(IndicatorKind.Stock));
        Assert.Equal(50m, IndicatorMath.Over(IndicatorKind.Ratio, [Ratio(1, 4), Ratio(1, 2), default]).ValueOf(IndicatorKind.Ratio));
    }

    [Fact]
    public void Percent_of_plan_and_change_on_an_earlier_year_at_their_boundaries()
    {
        Assert.Equal(102.9m, Math.Round(IndicatorMath.PercentOfPlan(10_027, 9_744)!.Value, 1));
        Assert.Equal(12.9m, Math.Round(IndicatorMath.Growth(10_027, 8_881)!.Value, 1));
        Assert.Equal(143.2m, Math.Round(IndicatorMath.RatioTo(1_432, 1_000)!.Value, 1));
        Assert.Equal(-50m, IndicatorMath.Growth(5, 10));
        // A plan of 0, and no figure a year before, give no percent rather than a division by zero or 0%.
        Assert.Null(IndicatorMath.PercentOfPlan(5, 0));
        Assert.Null(IndicatorMath.PercentOfPlan(null, 10));
        Assert.Null(IndicatorMath.Growth(5, null));
        Assert.Null(IndicatorMath.Growth(5, 0));
        Assert.Null(IndicatorMath.RatioTo(5, 0));
    }

    [Theory]
    [InlineData(IndicatorDirection.Higher, 101, 100, null, Verdict.Exceeded)]
    [InlineData(IndicatorDirection.Higher, 100, 100, null, Verdict.Met)]
    [InlineData(IndicatorDirection.Higher, 99, 100, null, Verdict.Missed)]
    [InlineData(IndicatorDirection.Lower, 2.9, 3, null, Verdict.Exceeded)]
    [InlineData(IndicatorDirection.Lower, 3, 3, null, Verdict.Met)]
    [InlineData(IndicatorDirection.Lower, 3.1, 3, null, Verdict.Missed)]
    [InlineData(IndicatorDirection.Floor, 90, 90, null, Verdict.Met)]
    [InlineData(IndicatorDirection.Floor, 99, 90, null, Verdict.Met)]
    [InlineData(IndicatorDirection.Floor, 89.9, 90, null, Verdict.Missed)]
    [InlineData(IndicatorDirection.Range, 7.5, 7.5, 8.0, Verdict.Met)]
    [InlineData(IndicatorDirection.Range, 8.0, 7.5, 8.0, Verdict.Met)]
    [InlineData(IndicatorDirection.Range, 8.1, 7.5, 8.0, Verdict.Exceeded)]
    [InlineData(IndicatorDirection.Range, 7.4, 7.5, 8.0, Verdict.Missed)]
    public void Met_missed_or_exceeded_follows_the_direction(IndicatorDirection direction, double actual, double target, double? high, Verdict expected) =>
        Assert.Equal(expected, IndicatorMath.Judge(direction, (decimal)actual, (decimal)target, (decimal?)high));

    [Fact]
    public void A_lower_is_better_figure_scores_higher_the_lower_it_is()
    {
        Assert.Equal(200m, IndicatorMath.Score(IndicatorDirection.Lower, 1.5m, 3));
        Assert.Equal(50m, IndicatorMath.Score(IndicatorDirection.Higher, 50, 100));
        Assert.Null(IndicatorMath.Score(IndicatorDirection.Higher, 50, 0));
        Assert.Null(IndicatorMath.Score(IndicatorDirection.Higher, null, 10));
    }

    [Theory]
    [InlineData("2026", PeriodKind.Year, 2026, 1, "năm 2026")]
    [InlineData("2026-Q3", PeriodKind.Quarter, 2026, 3, "quý III/2026")]
    [InlineData("2026-T09", PeriodKind.Month, 2026, 9, "tháng 9/2026")]
    [InlineData("2026-9T", PeriodKind.NineMonths, 2026, 1, "9 tháng năm 2026")]
    [InlineData("2026-6t", PeriodKind.HalfYear, 2026, 1, "6 tháng đầu năm 2026")]
    [InlineData("2020-2025", PeriodKind.Term, 2020, 2025, "nhiệm kỳ 2020–2025")]
    public void Periods_read_as_written_and_read_out_in_Vietnamese(string text, PeriodKind kind, int year, int number, string label)
    {
        var period = Period.Parse(text).Period!.Value;
        Assert.Equal(new Period(kind, year, number), period);
        Assert.Equal(label, period.Label);
        Assert.Equal(period, Period.Parse(period.Key).Period);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-T13")]
    [InlineData("2025-2020")]
    [InlineData("quý 3")]
    [InlineData("1900")]
    public void A_period_that_is_none_is_refused_in_Vietnamese(string text) =>
        Assert.Matches("[ạảãáàăâđêôơư]", Period.Parse(text).Error);

    [Fact]
    public void A_period_is_made_of_the_reporting_periods_inside_it()
    {
        Assert.Equal([Period.Quarter(2026, 1), Period.Quarter(2026, 2), Period.Quarter(2026, 3)], Period.NineMonths(2026).Parts(PeriodKind.Quarter));
        Assert.Equal(6, Period.HalfYear(2026).Parts(PeriodKind.Month).Count);
        Assert.Equal(60, Period.Term(2021, 2025).Parts(PeriodKind.Month).Count);
        Assert.Equal(5, Period.Term(2021, 2025).Parts(PeriodKind.Year).Count);
        // A month of an indicator reported by quarter cannot be made of quarters.
        Assert.Empty(Period.Month(2026, 2).Parts(PeriodKind.Quarter));
        Assert.Empty(Period.OfYear(2026).Parts(PeriodKind.Term));
        Assert.Equal(new DateOnly(2026, 9, 30), Period.Quarter(2026, 3).End);
        Assert.Equal(new DateOnly(2024, 2, 29), Period.Month(2024, 2).End);
        Assert.Equal(Period.Term(2015, 2020), Period.Term(2020, 2025).YearBefore());
    }
}
