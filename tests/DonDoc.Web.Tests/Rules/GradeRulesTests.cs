using DonDoc.Web.Features.Grading;
using DonDoc.Web.Features.Indicators;

namespace DonDoc.Web.Tests.Rules;

/// <summary>The grading rules of 366-QĐ/TW as seeded, at their boundaries.</summary>
public sealed class GradeRulesTests
{
    // The seeded row with its bands, as the database gives it (the seed object itself must stay without them).
    private static GradingRuleSet Rules(bool baseIncludesExcellent = true)
    {
        var seeded = Regulation366.RuleSet;
        return new GradingRuleSet
        {
            Id = seeded.Id, Source = seeded.Source, ValidFrom = seeded.ValidFrom, ExcellentCap = seeded.ExcellentCap,
            ExcellentCapOutstanding = seeded.ExcellentCapOutstanding, CapBaseIncludesExcellent = baseIncludesExcellent,
            NotCompletedBelowDone = seeded.NotCompletedBelowDone, ExcellentExceeded = seeded.ExcellentExceeded,
            CompletedBehindAtMost = seeded.CompletedBehindAtMost, Bands = [.. Regulation366.Bands],
        };
    }

    private static readonly TaskYearResult AllOnTime = new(10, 10, 10);
    private static readonly IndicatorYearResult NoIndicators = new(0, 0, 0, 0, []);

    [Theory]
    [InlineData("100", Grade.Excellent)]
    [InlineData("90", Grade.Excellent)]
    [InlineData("89.99", Grade.Good)]
    [InlineData("70", Grade.Good)]
    [InlineData("69.99", Grade.Completed)]
    [InlineData("50", Grade.Completed)]
    [InlineData("49.99", Grade.NotCompleted)]
    [InlineData("0", Grade.NotCompleted)]
    public void The_score_bands_hold_their_lower_bound(string score, Grade expected)
    {
        var value = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, GradeRules.BandOf(Rules(), value));
        Assert.Equal(expected, GradeRules.Suggest(Rules(), value, AllOnTime, NoIndicators).Grade);
    }

    [Fact]
    public void Fewer_than_70_percent_of_the_planned_tasks_done_suggests_not_completed_whatever_the_score()
    {
        var below = GradeRules.Suggest(Rules(), 95, new TaskYearResult(10, 6, 6), NoIndicators);
        Assert.Equal(Grade.NotCompleted, below.Grade);
        Assert.Contains(below.Why, w => w.Contains("dưới 70% kế hoạch", StringComparison.Ordinal));
        // 7 of 10 is 70%: not the trigger, but three behind schedule keep it at "hoàn thành nhiệm vụ".
        var at = GradeRules.Suggest(Rules(), 95, new TaskYearResult(10, 7, 7), NoIndicators);
        Assert.Equal(Grade.Completed, at.Grade);
        Assert.Equal(Grade.NotCompleted, GradeRules.Suggest(Rules(), 95, new TaskYearResult(10, 6, 6), NoIndicators).Grade);
    }

    [Fact]
    public void Any_task_behind_schedule_keeps_the_grade_below_good_and_all_on_time_leaves_the_score_to_decide()
    {
        Assert.Equal(Grade.Completed, GradeRules.Suggest(Rules(), 95, new TaskYearResult(10, 10, 9), NoIndicators).Grade);
        Assert.Equal(Grade.Excellent, GradeRules.Suggest(Rules(), 95, AllOnTime, NoIndicators).Grade);
        // No score yet: the facts alone.
        Assert.Equal(Grade.Excellent, GradeRules.Suggest(Rules(), null, AllOnTime, NoIndicators).Grade);
    }

    [Fact]
    public void Excellent_needs_30_percent_of_the_indicators_exceeded_and_a_missed_basic_target_means_not_completed()
    {
        Assert.Equal(Grade.Excellent, GradeRules.Suggest(Rules(), 95, AllOnTime, new IndicatorYearResult(10, 7, 3, 0, [])).Grade);
        Assert.Equal(Grade.Good, GradeRules.Suggest(Rules(), 95, AllOnTime, new IndicatorYearResult(10, 8, 2, 0, [])).Grade);
        var missed = GradeRules.Suggest(Rules(), 95, AllOnTime, new IndicatorYearResult(10, 6, 3, 1, ["Thu ngân sách nhà nước"]));
        Assert.Equal(Grade.NotCompleted, missed.Grade);
        Assert.Contains(missed.Why, w => w.Contains("Thu ngân sách nhà nước", StringComparison.Ordinal));
    }

    private static (Grade, bool)[] Group(int excellent, int good, int outstanding = 0) =>
    [
        .. Enumerable.Range(0, excellent).Select(i => (Grade.Excellent, i < outstanding)),
        .. Enumerable.Range(0, good).Select(_ => (Grade.Good, false)),
        (Grade.Completed, false),
    ];

    [Fact]
    public void Excellent_is_capped_at_20_percent_of_those_graded_good_or_better()
    {
        // 2 of 10 is 20%: allowed; 3 of 10 is not.
        Assert.Null(GradeRules.CapProblem(Rules(), "Đảng bộ xã, phường", Group(excellent: 2, good: 8)));
        var refused = GradeRules.CapProblem(Rules(), "Đảng bộ xã, phường", Group(excellent: 3, good: 7));
        Assert.Equal("Nhóm “Đảng bộ xã, phường” có 3 tổ chức hoàn thành xuất sắc nhiệm vụ trên 10 tổ chức hoàn thành tốt nhiệm vụ trở lên: "
            + "quá 20% (tối đa 2) theo Quy định 366-QĐ/TW (30/8/2025), Điều 11.", refused);
        // A single "xuất sắc" with nothing else graded good exceeds the cap.
        Assert.NotNull(GradeRules.CapProblem(Rules(), "g", Group(excellent: 1, good: 0)));
        Assert.Null(GradeRules.CapProblem(Rules(), "g", Group(excellent: 0, good: 0)));
    }

    [Fact]
    public void Whether_the_base_counts_excellent_is_the_rule_sets_choice()
    {
        // 2 "xuất sắc" and 9 "tốt": 2 of 11 is within 20%, 2 of 9 is not.
        Assert.Null(GradeRules.CapProblem(Rules(baseIncludesExcellent: true), "g", Group(excellent: 2, good: 9)));
        Assert.Contains("trên 9 tổ chức hoàn thành tốt nhiệm vụ:", GradeRules.CapProblem(Rules(baseIncludesExcellent: false), "g", Group(excellent: 2, good: 9)));
        Assert.Null(GradeRules.CapProblem(Rules(baseIncludesExcellent: false), "g", Group(excellent: 2, good: 10)));
    }

    [Fact]
    public void Outstanding_units_may_take_the_group_to_25_percent_but_no_further()
    {
        // Base 20: 4 ordinary is the 20%; a fifth, outstanding, reaches 25%.
        Assert.Null(GradeRules.CapProblem(Rules(), "g", Group(excellent: 5, good: 15, outstanding: 1)));
        Assert.NotNull(GradeRules.CapProblem(Rules(), "g", Group(excellent: 5, good: 15, outstanding: 0)));
        var beyond = GradeRules.CapProblem(Rules(), "g", Group(excellent: 6, good: 14, outstanding: 3));
        Assert.Contains("quá 25%", beyond);
        Assert.Contains("(tối đa 5)", beyond);
    }

    [Fact]
    public void A_grade_other_than_the_suggestion_needs_a_reason()
    {
        Assert.Null(GradeRules.OverrideProblem(Grade.Good, Grade.Good, null));
        Assert.Equal("Xếp loại “Hoàn thành xuất sắc nhiệm vụ” khác gợi ý “Hoàn thành tốt nhiệm vụ”: cần ghi lý do.",
            GradeRules.OverrideProblem(Grade.Good, Grade.Excellent, "  "));
        Assert.Null(GradeRules.OverrideProblem(Grade.Good, Grade.Completed, "Còn để xảy ra vi phạm kỷ luật"));
    }
}
