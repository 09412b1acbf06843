namespace DonDoc.Web.Features.Tasks;

public enum TaskAction
{
    Accept,
    Progress,
    Submit,
    Complete,
    Return,
    Cancel,
}

/// <summary>What a task's state shows on a given day, computed rather than stored.</summary>
public enum Overlay
{
    None,
    DueSoon,
    Overdue,
    CompletedOnTime,
    CompletedLate,
}

/// <summary>
/// The one state machine of a task and the overlays derived from it. A submitted task waits on the
/// assigning unit, not on the lead unit, so it is never overdue; whether a completed task was on
/// time is judged by the date of the submission that was accepted.
/// </summary>
public static class TaskRules
{
    public const int DueSoonDays = 7;

    // How much of a task is done, in whole percent; the message is the refusal of anything else.
    public const int MinPercent = 0;
    public const int MaxPercent = 100;
    public const string PercentRange = "Tỷ lệ hoàn thành phải từ 0 đến 100%.";
    public const string ResultRequired = "Nhập kết quả thực hiện nhiệm vụ để báo cáo hoàn thành.";

    public static bool IsOpen(TaskState s) => s is not (TaskState.Completed or TaskState.Cancelled);

    // The lead unit still owes work: the states in which a passed due date makes a task overdue.
    public static bool OwesWork(TaskState s) =>
        s is TaskState.Assigned or TaskState.Accepted or TaskState.InProgress or TaskState.Returned;

    public static TaskState? Next(TaskState from, TaskAction action) => (from, action) switch
    {
        (TaskState.Assigned, TaskAction.Accept) => TaskState.Accepted,
        (TaskState.Accepted or TaskState.InProgress or TaskState.Returned, TaskAction.Progress) => TaskState.InProgress,
        (TaskState.Accepted or TaskState.InProgress or TaskState.Returned, TaskAction.Submit) => TaskState.Submitted,
        (TaskState.Submitted, TaskAction.Complete) => TaskState.Completed,
        (TaskState.Submitted, TaskAction.Return) => TaskState.Returned,
        (_, TaskAction.Cancel) when IsOpen(from) => TaskState.Cancelled,
        _ => null,
    };

    public static IEnumerable<TaskAction> Allowed(TaskState from) =>
        Enum.GetValues<TaskAction>().Where(a => Next(from, a) is not null);

    public static bool IsLate(DateOnly? dueDate, DateOnly? submittedOn) =>
        dueDate is { } due && submittedOn is { } done && done > due;

    public static Overlay OverlayOn(TaskState status, DateOnly? dueDate, DateOnly? submittedOn, DateOnly today)
    {
        if (status == TaskState.Completed)
            return IsLate(dueDate, submittedOn) ? Overlay.CompletedLate : Overlay.CompletedOnTime;
        if (!OwesWork(status) || dueDate is not { } due)
            return Overlay.None;
        if (due < today)
            return Overlay.Overdue;
        return due.DayNumber - today.DayNumber <= DueSoonDays ? Overlay.DueSoon : Overlay.None;
    }

    public static Overlay OverlayOn(TaskItem t, DateOnly today) => OverlayOn(t.Status, t.DueDate, t.SubmittedOn, today);

    public static string Label(this TaskState s) => s switch
    {
        TaskState.Assigned => "Đã giao",
        TaskState.Accepted => "Đã tiếp nhận",
        TaskState.InProgress => "Đang thực hiện",
        TaskState.Submitted => "Đã báo cáo hoàn thành",
        TaskState.Returned => "Trả lại",
        TaskState.Completed => "Hoàn thành",
        TaskState.Cancelled => "Đã hủy",
        _ => s.ToString(),
    };

    public static string Label(this Overlay o) => o switch
    {
        Overlay.DueSoon => "Sắp đến hạn",
        Overlay.Overdue => "Quá hạn",
        Overlay.CompletedOnTime => "Đúng hạn",
        Overlay.CompletedLate => "Trễ hạn",
        _ => "",
    };

    public static string Label(this TaskAction a) => a switch
    {
        TaskAction.Accept => "Tiếp nhận",
        TaskAction.Progress => "Báo cáo tiến độ",
        TaskAction.Submit => "Báo cáo hoàn thành",
        TaskAction.Complete => "Công nhận hoàn thành",
        TaskAction.Return => "Trả lại",
        TaskAction.Cancel => "Hủy nhiệm vụ",
        _ => a.ToString(),
    };

    public static string Label(this TaskKind k) => k switch
    {
        TaskKind.Program => "Chương trình",
        TaskKind.Project => "Đề án",
        TaskKind.Item => "Hạng mục",
        TaskKind.Remediation => "Khắc phục",
        _ => "Nhiệm vụ",
    };

    public static string Label(this DeadlineKind k) => k switch
    {
        DeadlineKind.Periodic => "Định kỳ",
        DeadlineKind.Ongoing => "Thường xuyên",
        _ => "Có thời hạn",
    };

    public static string Label(this Recurrence r) => r switch
    {
        Recurrence.Monthly => "Hằng tháng",
        Recurrence.Quarterly => "Hằng quý",
        _ => "Hằng năm",
    };

    /// <summary>The periods of a periodic task from its start to its end; each is due on its last day.</summary>
    public static IEnumerable<(string Label, DateOnly StartsOn, DateOnly DueDate)> Periods(
        Recurrence recurrence, DateOnly startsOn, DateOnly endsOn)
    {
        var start = recurrence switch
        {
            Recurrence.Monthly => new DateOnly(startsOn.Year, startsOn.Month, 1),
            Recurrence.Quarterly => new DateOnly(startsOn.Year, (startsOn.Month - 1) / 3 * 3 + 1, 1),
            _ => new DateOnly(startsOn.Year, 1, 1),
        };
        while (start <= endsOn)
        {
            var next = recurrence switch
            {
                Recurrence.Monthly => start.AddMonths(1),
                Recurrence.Quarterly => start.AddMonths(3),
                _ => start.AddYears(1),
            };
            var label = recurrence switch
            {
                Recurrence.Monthly => $"Tháng {start.Month}/{start.Year}",
                Recurrence.Quarterly => $"Quý {(start.Month - 1) / 3 + 1}/{start.Year}",
                _ => $"Năm {start.Year}",
            };
            yield return (label, start, next.AddDays(-1));
            start = next;
        }
    }
}
