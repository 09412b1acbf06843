using System.Text;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using MiniExcelLibs.Attributes;

namespace DonDoc.Web.Features.Export;

// The rows of the exported sheets. Each column's header and number format is stated on its property, so a sheet reads
// as its class: days are numbers formatted dd/MM/yyyy, percents fractions formatted as percents, text NFC.

/// <summary>One task of a list.</summary>
public sealed class TaskSheetRow
{
    public const string Day = "dd/MM/yyyy";

    [ExcelColumn(Name = "Số hiệu", Width = 9)] public int Id { get; init; }
    [ExcelColumn(Name = "Nhiệm vụ", Width = 60)] public string Title { get; init; } = "";
    [ExcelColumn(Name = "Loại", Width = 13)] public string Kind { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị chủ trì", Width = 32)] public string LeadUnit { get; init; } = "";
    [ExcelColumn(Name = "Loại thời hạn", Width = 13)] public string DeadlineKind { get; init; } = "";
    [ExcelColumn(Name = "Thời hạn", Format = Day, Width = 12)] public DateOnly? DueDate { get; init; }
    [ExcelColumn(Name = "Hạn ban đầu", Format = Day, Width = 12)] public DateOnly? OriginalDueDate { get; init; }
    [ExcelColumn(Name = "Trạng thái", Width = 20)] public string Status { get; init; } = "";
    [ExcelColumn(Name = "Tình hình thời hạn", Width = 14)] public string Timeliness { get; init; } = "";
    [ExcelColumn(Name = "Số ngày quá hạn", Width = 10)] public int? DaysOverdue { get; init; }
    [ExcelColumn(Name = "Tiến độ", Format = "0%", Width = 9)] public decimal Progress { get; init; }
    [ExcelColumn(Name = "Nhiệm vụ con hoàn thành", Width = 12)] public int? ChildCompleted { get; init; }
    [ExcelColumn(Name = "Tổng số nhiệm vụ con", Width = 12)] public int? ChildTotal { get; init; }
    [ExcelColumn(Name = "Ngày giao", Format = Day, Width = 12)] public DateOnly AssignedOn { get; init; }
    [ExcelColumn(Name = "Ngày hoàn thành", Format = Day, Width = 12)] public DateOnly? CompletedOn { get; init; }

    public static TaskSheetRow From(TaskRow r, DateOnly today) => new()
    {
        Id = r.Id,
        Title = Nfc(r.Title),
        Kind = r.Kind.Label(),
        LeadUnit = Nfc(r.LeadUnitName),
        DeadlineKind = r.DeadlineKind.Label(),
        DueDate = r.DueDate,
        // Shown only where an extension moved the deadline, as the list shows it struck through.
        OriginalDueDate = r.OriginalDueDate != r.DueDate ? r.OriginalDueDate : null,
        Status = r.Status.Label(),
        Timeliness = r.Overlay.Label(),
        DaysOverdue = r.Overlay == Overlay.Overdue && r.DueDate is { } due ? today.DayNumber - due.DayNumber : null,
        Progress = r.Percent / 100m,
        ChildCompleted = r.ChildTotal > 0 ? r.ChildCompleted : null,
        ChildTotal = r.ChildTotal > 0 ? r.ChildTotal : null,
        AssignedOn = r.AssignedOn,
        CompletedOn = r.CompletedOn,
    };

    public static async IAsyncEnumerable<TaskSheetRow> FromAll(IAsyncEnumerable<TaskRow> rows, DateOnly today)
    {
        await foreach (var r in rows)
            yield return From(r, today);
    }

    public static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}

/// <summary>The counts of one unit's subtree on a dashboard: the unit itself, or a child unit with its rank.</summary>
public sealed class UnitCountsSheetRow
{
    [ExcelColumn(Name = "Xếp hạng", Width = 9)] public int? Rank { get; init; }
    [ExcelColumn(Name = "Mã đơn vị", Width = 12)] public string Code { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị", Width = 40)] public string Name { get; init; } = "";
    [ExcelColumn(Name = "Số liệu đến ngày", Format = TaskSheetRow.Day, Width = 12)] public DateOnly AsOf { get; init; }
    [ExcelColumn(Name = "Tổng số", Width = 10)] public int Total { get; init; }
    [ExcelColumn(Name = "Hoàn thành đúng hạn", Width = 12)] public int CompletedOnTime { get; init; }
    [ExcelColumn(Name = "Hoàn thành trễ hạn", Width = 12)] public int CompletedLate { get; init; }
    [ExcelColumn(Name = "Đang thực hiện", Width = 12)] public int InProgress { get; init; }
    [ExcelColumn(Name = "Chờ công nhận", Width = 12)] public int Submitted { get; init; }
    [ExcelColumn(Name = "Quá hạn", Width = 10)] public int Overdue { get; init; }
    [ExcelColumn(Name = "Sắp đến hạn", Width = 10)] public int DueSoon { get; init; }
    [ExcelColumn(Name = "Chưa tiếp nhận", Width = 12)] public int NotAccepted { get; init; }
    [ExcelColumn(Name = "Đã hủy", Width = 9)] public int Cancelled { get; init; }
    [ExcelColumn(Name = "Tỷ lệ hoàn thành", Format = "0.0%", Width = 12)] public decimal? CompletionRate { get; init; }

    public static UnitCountsSheetRow From(UnitCounts u, DateOnly asOf, int? rank) => new()
    {
        Rank = rank,
        Code = TaskSheetRow.Nfc(u.Code),
        Name = TaskSheetRow.Nfc(u.Name),
        AsOf = asOf,
        Total = u.Counts.Total,
        CompletedOnTime = u.Counts.CompletedOnTime,
        CompletedLate = u.Counts.CompletedLate,
        InProgress = u.Counts.InProgress,
        Submitted = u.Counts.Submitted,
        Overdue = u.Counts.Overdue,
        DueSoon = u.Counts.DueSoon,
        NotAccepted = u.Counts.NotAccepted,
        Cancelled = u.Counts.Cancelled,
        CompletionRate = u.Counts.CompletionRate / 100m,
    };
}

/// <summary>A program (or a direction handed down) with x/y of its sub-tasks.</summary>
public sealed class ProgramSheetRow
{
    [ExcelColumn(Name = "Số hiệu", Width = 9)] public int Id { get; init; }
    [ExcelColumn(Name = "Nhiệm vụ", Width = 60)] public string Title { get; init; } = "";
    [ExcelColumn(Name = "Đã hoàn thành", Width = 12)] public int Completed { get; init; }
    [ExcelColumn(Name = "Tổng số", Width = 10)] public int Total { get; init; }
    [ExcelColumn(Name = "Tỷ lệ hoàn thành", Format = "0.0%", Width = 12)] public decimal? Rate { get; init; }

    public static ProgramSheetRow From(ProgramCount p) => new()
    {
        Id = p.Id,
        Title = TaskSheetRow.Nfc(p.Title),
        Completed = p.Completed,
        Total = p.Total,
        Rate = p.Total == 0 ? null : (decimal)p.Completed / p.Total,
    };
}
