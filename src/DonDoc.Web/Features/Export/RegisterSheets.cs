using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using MiniExcelLibs.Attributes;
using static DonDoc.Web.Features.Export.TaskSheetRow;

namespace DonDoc.Web.Features.Export;

// The rows of the registers' sheets: documents, conferences, lessons, reviews with their remediation items, units.
// Each sheet holds the columns its page shows, with the days and counts a spreadsheet can compute with.

/// <summary>A document of the register, its issuer named as the page names it.</summary>
public sealed class DocumentSheetRow
{
    [ExcelColumn(Name = "Số, ký hiệu", Width = 18)] public string Symbol { get; init; } = "";
    [ExcelColumn(Name = "Loại", Width = 18)] public string Type { get; init; } = "";
    [ExcelColumn(Name = "Cơ quan ban hành", Width = 32)] public string Issuer { get; init; } = "";
    [ExcelColumn(Name = "Ngày ban hành", Format = Day, Width = 12)] public DateOnly IssuedOn { get; init; }
    [ExcelColumn(Name = "Trích yếu", Width = 60)] public string Title { get; init; } = "";
    [ExcelColumn(Name = "Nhiệm kỳ", Width = 12)] public string? Term { get; init; }
    [ExcelColumn(Name = "Năm", Width = 8)] public int? Year { get; init; }
    [ExcelColumn(Name = "Tình trạng", Width = 24)] public string Status { get; init; } = "";
    [ExcelColumn(Name = "Tóm tắt", Width = 60)] public string? Summary { get; init; }

    public static DocumentSheetRow From(DocumentDto d, IReadOnlyDictionary<string, string> issuers) => new()
    {
        Symbol = Nfc(d.Symbol),
        Type = Nfc(d.TypeName),
        Issuer = Nfc(issuers.GetValueOrDefault(d.IssuerCode, d.IssuerCode)),
        IssuedOn = d.IssuedOn,
        Title = Nfc(d.Title),
        Term = d.Term is { } term ? Nfc(term) : null,
        Year = d.Year,
        Status = Documents.IndexModel.StatusLabel(d.Status),
        Summary = d.Summary is { } summary ? Nfc(summary) : null,
    };
}

public sealed class ConferenceSheetRow
{
    [ExcelColumn(Name = "Số hiệu", Width = 9)] public int Id { get; init; }
    [ExcelColumn(Name = "Ngày", Format = Day, Width = 12)] public DateOnly HeldOn { get; init; }
    [ExcelColumn(Name = "Loại hội nghị", Width = 24)] public string Kind { get; init; } = "";
    [ExcelColumn(Name = "Hội nghị", Width = 60)] public string Title { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị tổ chức", Width = 32)] public string Unit { get; init; } = "";
    [ExcelColumn(Name = "Hình thức", Width = 18)] public string Format { get; init; } = "";
    [ExcelColumn(Name = "Văn bản", Width = 9)] public int Documents { get; init; }
    [ExcelColumn(Name = "Người", Width = 9)] public int People { get; init; }
    [ExcelColumn(Name = "Bài học, mô hình", Width = 10)] public int Lessons { get; init; }
    [ExcelColumn(Name = "Tệp nguồn", Width = 30)] public string? FileName { get; init; }

    public static ConferenceSheetRow From(ConferenceRow c) => new()
    {
        Id = c.Id,
        HeldOn = c.HeldOn,
        Kind = Nfc(c.Kind),
        Title = Nfc(c.Title),
        Unit = Nfc(c.UnitName ?? "Cấp trên cùng"),
        Format = Conference.FormatLabel(c.Format),
        Documents = c.Documents,
        People = c.People,
        Lessons = c.Lessons,
        FileName = c.FileName is { } file ? Nfc(file) : null,
    };
}

public sealed class LessonSheetRow
{
    [ExcelColumn(Name = "Năm", Width = 8)] public int Year { get; init; }
    [ExcelColumn(Name = "Loại", Width = 22)] public string Kind { get; init; } = "";
    [ExcelColumn(Name = "Nội dung", Width = 80)] public string Text { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị", Width = 32)] public string Unit { get; init; } = "";
    [ExcelColumn(Name = "Rút ra từ", Width = 14)] public string Source { get; init; } = "";
    [ExcelColumn(Name = "Hội nghị, kỳ kiểm điểm", Width = 50)] public string? SourceTitle { get; init; }

    public static LessonSheetRow From(LessonListRow l) => new()
    {
        Year = l.Year,
        Kind = Lesson.KindLabel(l.Kind),
        Text = Nfc(l.Text),
        Unit = Nfc(l.UnitName ?? "Cấp trên cùng"),
        Source = l.ConferenceId is not null ? "Hội nghị" : l.ReviewId is not null ? "Kiểm điểm" : "",
        SourceTitle = (l.ConferenceTitle ?? l.ReviewTitle) is { } title ? Nfc(title) : null,
    };
}

public sealed class ReviewSheetRow
{
    [ExcelColumn(Name = "Số hiệu", Width = 9)] public int Id { get; init; }
    [ExcelColumn(Name = "Ngày", Format = Day, Width = 12)] public DateOnly HeldOn { get; init; }
    [ExcelColumn(Name = "Kỳ kiểm điểm", Width = 50)] public string Title { get; init; } = "";
    [ExcelColumn(Name = "Năm, nhiệm kỳ", Width = 14)] public string Period { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị", Width = 32)] public string Unit { get; init; } = "";
    [ExcelColumn(Name = "Số hạn chế", Width = 10)] public int Limitations { get; init; }
    [ExcelColumn(Name = "Hạn chế đã khắc phục", Width = 12)] public int Remedied { get; init; }
    [ExcelColumn(Name = "Tổng số biện pháp", Width = 12)] public int Items { get; init; }
    [ExcelColumn(Name = "Biện pháp hoàn thành", Width = 12)] public int Done { get; init; }
    [ExcelColumn(Name = "Biện pháp quá hạn", Width = 12)] public int Overdue { get; init; }

    public static ReviewSheetRow From(ReviewRow r) => new()
    {
        Id = r.Id,
        HeldOn = r.HeldOn,
        Title = Nfc(r.Title),
        Period = Nfc(r.PeriodLabel),
        Unit = Nfc(r.UnitName),
        Limitations = r.Limitations,
        Remedied = r.Remedied,
        Items = r.Progress.Total,
        Done = r.Progress.Done,
        Overdue = r.Progress.Overdue,
    };
}

public sealed class RemediationItemSheetRow
{
    [ExcelColumn(Name = "Kỳ kiểm điểm", Width = 40)] public string Review { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị được kiểm điểm", Width = 28)] public string ReviewUnit { get; init; } = "";
    [ExcelColumn(Name = "Nhóm hạn chế", Width = 24)] public string Group { get; init; } = "";
    [ExcelColumn(Name = "Hạn chế số", Width = 8)] public int Number { get; init; }
    [ExcelColumn(Name = "Hạn chế", Width = 50)] public string Limitation { get; init; } = "";
    [ExcelColumn(Name = "Số hiệu nhiệm vụ", Width = 9)] public int TaskId { get; init; }
    [ExcelColumn(Name = "Biện pháp khắc phục", Width = 50)] public string Title { get; init; } = "";
    [ExcelColumn(Name = "Người chịu trách nhiệm", Width = 22)] public string? ResponsiblePerson { get; init; }
    [ExcelColumn(Name = "Đơn vị chủ trì", Width = 28)] public string LeadUnit { get; init; } = "";
    [ExcelColumn(Name = "Thời hạn", Format = Day, Width = 12)] public DateOnly? DueDate { get; init; }
    [ExcelColumn(Name = "Trạng thái", Width = 20)] public string Status { get; init; } = "";
    [ExcelColumn(Name = "Tình hình thời hạn", Width = 14)] public string Timeliness { get; init; } = "";
    [ExcelColumn(Name = "Tiến độ", Format = "0%", Width = 9)] public decimal Progress { get; init; }
    [ExcelColumn(Name = "Kết quả cần đạt", Width = 40)] public string? ExpectedResult { get; init; }

    public static RemediationItemSheetRow From(RemediationItemRow i, DateOnly today) => new()
    {
        Review = Nfc(i.ReviewTitle),
        ReviewUnit = Nfc(i.ReviewUnit),
        Group = Nfc(i.Group),
        Number = i.Number,
        Limitation = Nfc(i.Limitation),
        TaskId = i.TaskId,
        Title = Nfc(i.Title),
        ResponsiblePerson = i.ResponsiblePerson is { } person ? Nfc(person) : null,
        LeadUnit = Nfc(i.LeadUnit),
        DueDate = i.DueDate,
        Status = i.Status.Label(),
        Timeliness = TaskRules.OverlayOn(i.Status, i.DueDate, i.SubmittedOn, today).Label(),
        Progress = i.Percent / 100m,
        ExpectedResult = i.ExpectedResult is { } result ? Nfc(result) : null,
    };
}

/// <summary>A unit with its parent as far as the reader sees it (the top of a lower unit's tree has none for them).</summary>
public sealed record UnitExportRow(string Code, string Name, UnitType Type, string? ParentCode, string? ParentName, DateOnly ValidFrom, DateOnly? ValidTo, int Depth);

public sealed class UnitSheetRow
{
    [ExcelColumn(Name = "Mã đơn vị", Width = 14)] public string Code { get; init; } = "";
    [ExcelColumn(Name = "Tên đơn vị", Width = 44)] public string Name { get; init; } = "";
    [ExcelColumn(Name = "Loại đơn vị", Width = 20)] public string Type { get; init; } = "";
    [ExcelColumn(Name = "Mã đơn vị cấp trên", Width = 14)] public string? ParentCode { get; init; }
    [ExcelColumn(Name = "Đơn vị cấp trên", Width = 44)] public string? ParentName { get; init; }
    [ExcelColumn(Name = "Hiệu lực từ ngày", Format = Day, Width = 12)] public DateOnly ValidFrom { get; init; }
    [ExcelColumn(Name = "Hiệu lực đến hết ngày", Format = Day, Width = 12)] public DateOnly? LastDay { get; init; }
    [ExcelColumn(Name = "Cấp (0 là cấp trên cùng)", Width = 10)] public int Depth { get; init; }

    public static UnitSheetRow From(UnitExportRow u) => new()
    {
        Code = Nfc(u.Code),
        Name = Nfc(u.Name),
        Type = u.Type.Label(),
        ParentCode = u.ParentCode is { } code ? Nfc(code) : null,
        ParentName = u.ParentName is { } name ? Nfc(name) : null,
        ValidFrom = u.ValidFrom,
        LastDay = UnitText.LastDay(u.ValidFrom, u.ValidTo),
        Depth = u.Depth,
    };
}
