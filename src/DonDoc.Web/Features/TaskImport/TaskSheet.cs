using System.Globalization;
using DonDoc.Text;
using DonDoc.Web.Features.Tasks;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace DonDoc.Web.Features.TaskImport;

/// <summary>One line of the sheet as typed, each cell as text (a date cell as dd/MM/yyyy); <see cref="Line"/> is Excel's row number.</summary>
public sealed record SheetRow(int Line, string Code, string ParentCode, string Kind, string Title, string Content, string ExpectedResult,
    string Lead, string Coordinators, string Due, string Document);

/// <summary>
/// The task sheet: its columns, the template the office downloads, and the reading of a filled-in file into rows.
/// A column is found by its heading, whatever its position; every heading of the template must be there, and no other.
/// </summary>
public static class TaskSheet
{
    public const int MaxRows = 5000;
    public const string SheetName = "Nhiệm vụ";
    public const string GuideName = "Hướng dẫn";

    public const string Code = "Mã";
    public const string ParentCode = "Mã cha";
    public const string Kind = "Loại";
    public const string Title = "Tiêu đề";
    public const string Content = "Nội dung";
    public const string ExpectedResult = "Kết quả cần đạt";
    public const string Lead = "Đơn vị chủ trì";
    public const string Coordinators = "Đơn vị phối hợp";
    public const string Due = "Thời hạn";
    public const string Document = "Văn bản";

    public static readonly IReadOnlyList<string> Columns = [Code, ParentCode, Kind, Title, Content, ExpectedResult, Lead, Coordinators, Due, Document];

    /// <summary>The kinds a row may name, by their labels; a program holds projects, a project items.</summary>
    public static readonly IReadOnlyList<TaskKind> Kinds = [TaskKind.Program, TaskKind.Project, TaskKind.Item, TaskKind.Task];

    public const string Ongoing = "Thường xuyên";

    public static string FileName => "mau-nhap-nhiem-vu.xlsx";

    /// <summary>
    /// The template: the headings, two example rows (a program of the importer's unit and one of its projects, so that
    /// the examples import as they stand) and the guide sheet.
    /// </summary>
    public static byte[] Template(DateOnly today, string ownUnit, string? childUnit)
    {
        var due = new DateTime(today.Year, 12, 31);
        var rows = new List<Dictionary<string, object?>>
        {
            Row("CT01", "", TaskKind.Program.Label(), "Chương trình chuyển đổi số năm " + today.Year,
                "Triển khai chuyển đổi số trong các cơ quan đảng", "Hoàn thành các đề án của chương trình", ownUnit, "", due, ""),
            Row("CT01-DA01", "CT01", TaskKind.Project.Label(), "Đề án số hóa hồ sơ, tài liệu", "Số hóa hồ sơ lưu trữ giai đoạn 2020–2025",
                "100% hồ sơ được số hóa", childUnit ?? ownUnit, childUnit is null ? "" : ownUnit, due, ""),
        };
        var guide = Guide(today.Year).Select(g => new Dictionary<string, object?> { ["Cột"] = g.Column, ["Cách ghi"] = g.Text }).ToList();
        var config = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            DynamicColumns =
            [
                new DynamicExcelColumn(Due) { Format = "dd/mm/yyyy", Width = 14 },
                new DynamicExcelColumn(Title) { Width = 45 },
                new DynamicExcelColumn(Content) { Width = 45 },
                new DynamicExcelColumn(ExpectedResult) { Width = 30 },
                new DynamicExcelColumn(Lead) { Width = 30 },
                new DynamicExcelColumn(Coordinators) { Width = 40 },
                new DynamicExcelColumn(ParentCode) { Width = 12 },
                new DynamicExcelColumn(Kind) { Width = 14 },
                new DynamicExcelColumn(Document) { Width = 16 },
                new DynamicExcelColumn("Cột") { Width = 20 },
                new DynamicExcelColumn("Cách ghi") { Width = 110 },
            ],
        };
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, new Dictionary<string, object> { [SheetName] = rows, [GuideName] = guide }, configuration: config);
        return file.ToArray();
    }

    /// <summary>A row of the template, in the order of <see cref="Columns"/>.</summary>
    public static Dictionary<string, object?> Row(string code, string parent, string kind, string title, string content, string result,
        string lead, string coordinators, object? due, string document) => new()
    {
        [Code] = code, [ParentCode] = parent, [Kind] = kind, [Title] = title, [Content] = content, [ExpectedResult] = result,
        [Lead] = lead, [Coordinators] = coordinators, [Due] = due, [Document] = document,
    };

    public static IEnumerable<(string Column, string Text)> Guide(int year) =>
    [
        ("", $"Điền mỗi nhiệm vụ một dòng ở trang “{SheetName}” (trang đầu tiên), giữ nguyên dòng tiêu đề. Nhiều nhất {VnFormat.Number(MaxRows)} dòng mỗi lần; không gộp ô. Hai dòng ví dụ có sẵn: sửa hoặc xóa trước khi nhập."),
        (Code, "Bắt buộc. Mã do văn phòng đặt, không trùng nhau (ví dụ CT01, CT01-DA01). Nhập lại tệp có mã đã nhập thì nhiệm vụ đó được cập nhật, không tạo thêm; không phân biệt chữ hoa, chữ thường."),
        (ParentCode, "Mã của nhiệm vụ cấp trên (chương trình → đề án → hạng mục), ở tệp này hoặc đã nhập trước đây. Để trống nếu là nhiệm vụ cấp cao nhất."),
        (Kind, $"Một trong: {string.Join(", ", Kinds.Select(k => k.Label()))}. Để trống là “{TaskKind.Task.Label()}”."),
        (Title, "Bắt buộc. Tên nhiệm vụ, đến 500 ký tự."),
        (Content, "Nội dung nhiệm vụ, đến 8.000 ký tự."),
        (ExpectedResult, "Kết quả, sản phẩm cần đạt, đến 2.000 ký tự."),
        (Lead, "Bắt buộc. Mã hoặc tên đầy đủ của đơn vị chủ trì (không phân biệt hoa thường, có dấu hay không dấu), trong các đơn vị anh/chị quản lý."),
        (Coordinators, "Các đơn vị phối hợp, ngăn cách bằng dấu chấm phẩy (;) hoặc xuống dòng, ghi như đơn vị chủ trì."),
        (Due, $"Hạn hoàn thành, ô ngày dạng dd/MM/yyyy (ví dụ 31/12/{year}). Để trống hoặc ghi “{Ongoing}” nếu nhiệm vụ thường xuyên, không có hạn."),
        (Document, "Số, ký hiệu văn bản giao nhiệm vụ đã có trong sổ văn bản (ví dụ 35-CT/TW). Không bắt buộc."),
        ("", "Sau khi tải lên, hệ thống cho xem trước từng dòng: thêm mới, thay đổi (cũ → mới) hay bị từ chối và lý do. Chỉ khi không còn dòng nào bị từ chối mới xác nhận được; khi xác nhận, tất cả được ghi cùng lúc."),
        ("", "Với nhiệm vụ đã có: sửa được tiêu đề, nội dung, kết quả cần đạt, đơn vị phối hợp; đơn vị chủ trì và thời hạn chỉ sửa được khi đơn vị chưa tiếp nhận. Mã cha, loại và văn bản không đổi qua nhập lại."),
    ];

    /// <summary>The rows of a filled-in sheet; blank rows are skipped.</summary>
    /// <exception cref="SheetFileException">The file, or its heading row, is not one we read.</exception>
    public static List<SheetRow> Read(byte[] bytes)
    {
        var (sheet, lines) = XlsxUpload.Open(bytes, MaxRows);
        XlsxUpload.RefuseMerges(sheet);
        var rows = new List<SheetRow>();
        Dictionary<string, string>? columnOf = null;
        var line = 0;
        foreach (var cells in lines)
        {
            line++;
            if (columnOf is null)
            {
                columnOf = XlsxUpload.Header(cells, Columns);
                continue;
            }
            string Text(string column) => XlsxUpload.CellText(cells.TryGetValue(columnOf[column], out var v) ? v : null);
            var row = new SheetRow(line, Text(Code), Text(ParentCode), Text(Kind), Text(Title), Text(Content), Text(ExpectedResult),
                Text(Lead), Text(Coordinators), Text(Due), Text(Document));
            if (new[] { row.Code, row.ParentCode, row.Kind, row.Title, row.Content, row.ExpectedResult, row.Lead, row.Coordinators, row.Due, row.Document }
                .Any(s => s.Length > 0))
                rows.Add(row);
        }
        if (columnOf is null)
            throw new SheetFileException($"Trang “{sheet.Name}” trống: không có dòng tiêu đề. Hãy dùng mẫu tải về từ trang nhập nhiệm vụ.");
        if (rows.Count == 0)
            throw new SheetFileException($"Trang “{sheet.Name}” chỉ có dòng tiêu đề, chưa có nhiệm vụ nào.");
        return rows;
    }
}
