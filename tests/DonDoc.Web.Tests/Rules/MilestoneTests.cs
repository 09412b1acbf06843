using DonDoc.Web.Features.Reports;

namespace DonDoc.Web.Tests.Rules;

/// <summary>The days a program's progress is drawn at: each quarter's end after it began, then the day asked for.</summary>
public sealed class MilestoneTests
{
    [Fact]
    public void Quarter_ends_after_the_start_then_the_day_itself()
    {
        Assert.Equal([new(2025, 12, 31), new(2026, 3, 31), new(2026, 6, 30), new DateOnly(2026, 8, 20)],
            ProgramProgress.Days(new DateOnly(2025, 11, 10), new DateOnly(2026, 8, 20)));
        // A program begun on a quarter's last day is drawn at it; a day that is a quarter's end is drawn once.
        Assert.Equal([new(2026, 3, 31), new DateOnly(2026, 6, 30)], ProgramProgress.Days(new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30)));
        Assert.Equal([new DateOnly(2026, 5, 2)], ProgramProgress.Days(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 2)));
    }

    [Fact]
    public void A_program_longer_than_the_chart_holds_is_drawn_by_the_years_ends()
    {
        var days = ProgramProgress.Days(new DateOnly(2015, 1, 1), new DateOnly(2026, 12, 6));
        Assert.Equal([.. Enumerable.Range(2015, 11).Select(y => new DateOnly(y, 12, 31)), new DateOnly(2026, 12, 6)], days);
        Assert.True(ProgramProgress.Days(new DateOnly(1950, 1, 1), new DateOnly(2026, 12, 6)).Count <= ReportCharts.MaxBars);
    }
}
