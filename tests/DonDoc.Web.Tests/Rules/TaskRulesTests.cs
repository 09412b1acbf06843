using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;

namespace DonDoc.Web.Tests.Rules;

public class TaskRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData(TaskState.Assigned, TaskAction.Accept, TaskState.Accepted)]
    [InlineData(TaskState.Accepted, TaskAction.Progress, TaskState.InProgress)]
    [InlineData(TaskState.InProgress, TaskAction.Progress, TaskState.InProgress)]
    [InlineData(TaskState.Returned, TaskAction.Progress, TaskState.InProgress)]
    [InlineData(TaskState.Accepted, TaskAction.Submit, TaskState.Submitted)]
    [InlineData(TaskState.InProgress, TaskAction.Submit, TaskState.Submitted)]
    [InlineData(TaskState.Returned, TaskAction.Submit, TaskState.Submitted)]
    [InlineData(TaskState.Submitted, TaskAction.Complete, TaskState.Completed)]
    [InlineData(TaskState.Submitted, TaskAction.Return, TaskState.Returned)]
    [InlineData(TaskState.Assigned, TaskAction.Cancel, TaskState.Cancelled)]
    [InlineData(TaskState.Submitted, TaskAction.Cancel, TaskState.Cancelled)]
    public void Allowed_transitions_lead_to_their_state(TaskState from, TaskAction action, TaskState to) =>
        Assert.Equal(to, TaskRules.Next(from, action));

    [Theory]
    [InlineData(TaskState.Assigned, TaskAction.Progress)]
    [InlineData(TaskState.Assigned, TaskAction.Submit)]
    [InlineData(TaskState.Assigned, TaskAction.Complete)]
    [InlineData(TaskState.InProgress, TaskAction.Complete)]
    [InlineData(TaskState.InProgress, TaskAction.Accept)]
    [InlineData(TaskState.Submitted, TaskAction.Progress)]
    [InlineData(TaskState.Completed, TaskAction.Return)]
    [InlineData(TaskState.Completed, TaskAction.Cancel)]
    [InlineData(TaskState.Cancelled, TaskAction.Accept)]
    [InlineData(TaskState.Returned, TaskAction.Complete)]
    public void Other_transitions_are_refused(TaskState from, TaskAction action) =>
        Assert.Null(TaskRules.Next(from, action));

    [Fact]
    public void Every_state_is_reachable_and_only_open_states_can_act()
    {
        var reached = new HashSet<TaskState> { TaskState.Assigned };
        var frontier = new Queue<TaskState>(reached);
        while (frontier.TryDequeue(out var s))
            foreach (var a in TaskRules.Allowed(s))
                if (reached.Add(TaskRules.Next(s, a)!.Value))
                    frontier.Enqueue(TaskRules.Next(s, a)!.Value);
        Assert.Equal(Enum.GetValues<TaskState>().ToHashSet(), reached);
        Assert.Empty(TaskRules.Allowed(TaskState.Completed));
        Assert.Empty(TaskRules.Allowed(TaskState.Cancelled));
    }

    [Theory]
    [InlineData(-1, Overlay.Overdue)]
    [InlineData(-400, Overlay.Overdue)]
    [InlineData(0, Overlay.DueSoon)]
    [InlineData(7, Overlay.DueSoon)]
    [InlineData(8, Overlay.None)]
    public void Open_tasks_are_overdue_after_their_day_and_due_soon_within_seven_days(int daysLeft, Overlay expected)
    {
        foreach (var state in new[] { TaskState.Assigned, TaskState.Accepted, TaskState.InProgress, TaskState.Returned })
            Assert.Equal(expected, TaskRules.OverlayOn(state, Today.AddDays(daysLeft), null, Today));
    }

    [Fact]
    public void A_submitted_task_waits_on_the_assigning_unit_and_is_never_overdue() =>
        Assert.Equal(Overlay.None, TaskRules.OverlayOn(TaskState.Submitted, Today.AddDays(-5), Today.AddDays(-6), Today));

    [Fact]
    public void Tasks_without_a_due_date_are_neither_overdue_nor_late()
    {
        Assert.Equal(Overlay.None, TaskRules.OverlayOn(TaskState.InProgress, null, null, Today));
        Assert.Equal(Overlay.CompletedOnTime, TaskRules.OverlayOn(TaskState.Completed, null, Today, Today));
    }

    [Theory]
    [InlineData(0, Overlay.CompletedOnTime)]
    [InlineData(-3, Overlay.CompletedOnTime)]
    [InlineData(1, Overlay.CompletedLate)]
    public void Completion_is_judged_by_the_accepted_submission_day(int submittedAfterDue, Overlay expected)
    {
        var due = Today.AddDays(-10);
        Assert.Equal(expected, TaskRules.OverlayOn(TaskState.Completed, due, due.AddDays(submittedAfterDue), Today));
    }

    [Fact]
    public void Cancelled_tasks_show_nothing() =>
        Assert.Equal(Overlay.None, TaskRules.OverlayOn(TaskState.Cancelled, Today.AddDays(-1), null, Today));

    [Theory]
    [InlineData("2026-11-20T16:59:59Z", "2026-11-20")]
    [InlineData("2026-11-20T17:00:00Z", "2026-11-21")]
    [InlineData("2026-12-31T17:30:00Z", "2027-01-01")]
    public void Today_is_the_date_in_Ho_Chi_Minh_City(string utc, string local) =>
        Assert.Equal(DateOnly.Parse(local), Clock.LocalDate(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void A_local_day_ends_at_five_in_the_afternoon_UTC()
    {
        Assert.Equal(new DateTime(2026, 11, 21, 17, 0, 0, DateTimeKind.Utc), Clock.EndOfDayUtc(Today));
        var clock = new Clock(new FixedTime(new DateTimeOffset(2026, 11, 21, 16, 59, 59, TimeSpan.Zero)));
        Assert.Equal(Today, clock.Today);
    }

    [Fact]
    public void The_overlay_boundary_follows_the_local_day_not_UTC()
    {
        var due = new DateOnly(2026, 11, 20);
        // 23:30 on the 20th in Hà Nội is still the 20th: due today, not overdue; half an hour later it is.
        var before = new Clock(new FixedTime(new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero))).Today;
        var after = new Clock(new FixedTime(new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero))).Today;
        Assert.Equal(Overlay.DueSoon, TaskRules.OverlayOn(TaskState.InProgress, due, null, before));
        Assert.Equal(Overlay.Overdue, TaskRules.OverlayOn(TaskState.InProgress, due, null, after));
    }

    [Fact]
    public void Monthly_periods_start_at_the_current_month_and_fall_due_on_its_last_day()
    {
        var periods = TaskRules.Periods(Recurrence.Monthly, new DateOnly(2026, 1, 15), new DateOnly(2026, 4, 30)).ToList();
        Assert.Equal(["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026", "Tháng 4/2026"], periods.Select(p => p.Label));
        Assert.Equal(new DateOnly(2026, 2, 28), periods[1].DueDate);
        Assert.Equal(new DateOnly(2026, 1, 1), periods[0].StartsOn);
    }

    [Fact]
    public void Quarterly_and_yearly_periods_are_labelled_and_due_at_their_end()
    {
        var quarters = TaskRules.Periods(Recurrence.Quarterly, new DateOnly(2026, 5, 2), new DateOnly(2026, 12, 31)).ToList();
        Assert.Equal(["Quý 2/2026", "Quý 3/2026", "Quý 4/2026"], quarters.Select(p => p.Label));
        Assert.Equal(new DateOnly(2026, 6, 30), quarters[0].DueDate);
        var years = TaskRules.Periods(Recurrence.Yearly, new DateOnly(2026, 5, 2), new DateOnly(2027, 1, 1)).ToList();
        Assert.Equal([new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31)], years.Select(p => p.DueDate));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
