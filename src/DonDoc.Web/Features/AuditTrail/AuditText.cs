using System.Globalization;
using DonDoc.Text;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;

namespace DonDoc.Web.Features.AuditTrail;

/// <summary>Vietnamese names for the tables, fields and values the audit stores in invariant text.</summary>
public static class AuditText
{
    public const string Empty = "(trống)";

    // Kept in the audit for completeness, but derived or bookkeeping: they would bury what people changed.
    private static readonly HashSet<string> Technical =
        ["Id", "Version", "Path", "Depth", "SearchKey", "ChildTotal", "ChildCompleted", "CreatedAtUtc", "UpdatedAtUtc",
            // A document's identity key (P|TW|KL|126|5) repeats its form, issuer, type, number and term, which are shown.
            "IdentityKey"];

    public static bool IsTechnical(string field) => Technical.Contains(field);

    public static string LocalTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Clock.Zone);
        return local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Added => "Thêm mới",
        AuditAction.Modified => "Sửa",
        AuditAction.Deleted => "Xóa",
        AuditAction.SignIn => "Đăng nhập",
        AuditAction.SignOut => "Đăng xuất",
        AuditAction.SignInFailed => "Đăng nhập không thành công",
        AuditAction.LockedOut => "Tạm khóa đăng nhập",
        _ => action.ToString(),
    };

    public static string TableLabel(string? table) => table switch
    {
        "Tasks" => "nhiệm vụ",
        "TaskCoordinators" => "đơn vị phối hợp",
        "TaskPeriods" => "kỳ báo cáo",
        "TaskEvents" => "lịch sử trạng thái",
        "ProgressReports" => "báo cáo tiến độ",
        "Evidence" => "tệp minh chứng",
        "ExtensionRequests" => "đề nghị gia hạn",
        "Documents" => "văn bản",
        "Units" => "đơn vị",
        "UnitLineages" => "quan hệ kế thừa đơn vị",
        "Indicators" => "chỉ tiêu",
        "IndicatorPlans" => "kế hoạch chỉ tiêu",
        "IndicatorActuals" => "số thực hiện chỉ tiêu",
        "IndicatorReopenings" => "mở lại kỳ báo cáo chỉ tiêu",
        null => "",
        _ => table,
    };

    public static string FieldLabel(string field) => field switch
    {
        "Title" => "Tên",
        "Content" => "Nội dung",
        "ExpectedResult" => "Kết quả dự kiến",
        "ParentId" => "Cấp trên",
        "Kind" => "Loại",
        "LeadUnitId" => "Đơn vị chủ trì",
        "AssignedByUnitId" => "Đơn vị giao",
        "AccountableUnitId" => "Cơ quan chịu trách nhiệm",
        "ResponsiblePerson" => "Người chịu trách nhiệm",
        "SourceDocumentId" => "Văn bản nguồn",
        "SourceNote" => "Nguồn chỉ đạo",
        "DeadlineKind" => "Loại thời hạn",
        "Recurrence" => "Chu kỳ",
        "DueDate" => "Hạn",
        "OriginalDueDate" => "Hạn ban đầu",
        "Status" or "State" => "Trạng thái",
        "FromStatus" => "Trạng thái trước",
        "Percent" => "Tỷ lệ hoàn thành",
        "AssignedOn" => "Ngày giao",
        "SubmittedOn" => "Ngày báo cáo hoàn thành",
        "CompletedOn" => "Ngày công nhận hoàn thành",
        "ReturnReason" => "Lý do trả lại",
        "Result" => "Kết quả báo cáo hoàn thành",
        "DropReason" => "Lý do giảm tỷ lệ",
        "Code" => "Mã",
        "Name" => "Tên",
        "Type" => "Loại",
        "ValidFrom" => "Hiệu lực từ",
        "ValidTo" => "Hết hiệu lực từ",
        "Symbol" => "Số, ký hiệu",
        "Number" => "Số",
        "TypeCode" => "Mã loại",
        "TypeName" => "Loại văn bản",
        "IssuerCode" => "Cơ quan ban hành",
        "Year" => "Năm",
        "TermId" => "Nhiệm kỳ",
        "IssuedOn" => "Ngày ban hành",
        "Summary" => "Tóm tắt",
        "Form" => "Khối văn bản",
        "RegisteredByUnitId" => "Đơn vị đăng ký",
        "TaskId" => "Nhiệm vụ",
        "UnitId" => "Đơn vị",
        "Label" => "Kỳ",
        "StartsOn" => "Bắt đầu",
        "ReportedOn" => "Ngày báo cáo",
        "Text" => "Nội dung báo cáo",
        "PeriodId" => "Kỳ báo cáo",
        "FileName" => "Tên tệp",
        "Size" => "Dung lượng",
        "DueDateBefore" => "Hạn trước khi gia hạn",
        "RequestedDueDate" => "Hạn đề nghị",
        "Reason" => "Lý do",
        "RequestedOn" => "Ngày đề nghị",
        "DecidedOn" => "Ngày quyết định",
        "DecisionNote" => "Ý kiến",
        "Note" => "Ghi chú",
        "AtUtc" => "Thời điểm",
        "OnDate" => "Ngày",
        "PredecessorId" => "Đơn vị tiền thân",
        "SuccessorId" => "Đơn vị kế tục",
        _ => field,
    };

    /// <summary>The table a field refers to by id, so that the log can name the unit, task or document.</summary>
    public static string? ReferenceOf(string? table, string field) => field switch
    {
        _ when field.EndsWith("UnitId", StringComparison.Ordinal) => "Units",
        "ParentId" when table == "Units" => "Units",
        "PredecessorId" or "SuccessorId" when table == "UnitLineages" => "Units",
        "ParentId" when table == "Tasks" => "Tasks",
        "TaskId" => "Tasks",
        "SourceDocumentId" => "Documents",
        "TermId" => "Terms",
        _ => null,
    };

    /// <summary>A stored value as people read it: labels for states and kinds, dd/MM/yyyy dates, names for ids.</summary>
    public static string Value(string? table, string field, string? raw, IReadOnlyDictionary<(string Table, int Id), string>? names = null)
    {
        if (raw is null)
            return Empty;
        if (raw.Length == 0 || raw == Audit.Hidden)
            return raw.Length == 0 ? Empty : raw;
        if (names is not null && ReferenceOf(table, field) is { } referenced
            && int.TryParse(raw, CultureInfo.InvariantCulture, out var id) && names.TryGetValue((referenced, id), out var name))
            return name;
        switch (table, field)
        {
            case ("Tasks" or "TaskEvents", "Status" or "FromStatus") when Enum.TryParse<TaskState>(raw, out var state):
                return state.Label();
            case ("Tasks", "Kind") when Enum.TryParse<TaskKind>(raw, out var kind):
                return kind.Label();
            case (_, "DeadlineKind") when Enum.TryParse<DeadlineKind>(raw, out var deadline):
                return deadline.Label();
            case (_, "Recurrence") when Enum.TryParse<Recurrence>(raw, out var recurrence):
                return recurrence.Label();
            case ("Units", "Type") when Enum.TryParse<UnitType>(raw, out var unitType):
                return unitType.Label();
            case ("UnitLineages", "Kind") when Enum.TryParse<LineageKind>(raw, out var lineage):
                return lineage.Label();
            case ("Documents", "Status") when Enum.TryParse<DocumentStatus>(raw, out var documentStatus):
                return Features.Documents.IndexModel.StatusLabel(documentStatus);
            case ("ExtensionRequests", "State") when Enum.TryParse<ExtensionState>(raw, out var extension):
                return extension switch
                {
                    ExtensionState.Approved => "Đồng ý",
                    ExtensionState.Refused => "Không đồng ý",
                    _ => "Chờ quyết định",
                };
            case ("Documents" or "DocumentTypes" or "Issuers", "Form") when Enum.TryParse<SymbolForm>(raw, out var form):
                return form.Label();
            case (_, "Percent"):
                return raw + "%";
        }
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return VnFormat.Date(day);
        if (field.EndsWith("Utc", StringComparison.Ordinal)
            && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
            return LocalTime(instant);
        return raw switch
        {
            "true" => "có",
            "false" => "không",
            _ => raw,
        };
    }
}
