using System.Globalization;
using DonDoc.Text;
using DonDoc.Web.Features.Export;
using DonDoc.Web.Features.TaskImport;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace DonDoc.Web.Features.Indicators;

/// <summary>One indicator of a unit's dashboard as a sheet row: figures are numbers, percents fractions shown as percents.</summary>
public sealed class IndicatorSheetRow
{
    [ExcelColumn(Name = "Mã", Width = 12)] public string Code { get; init; } = "";
    [ExcelColumn(Name = "Chỉ tiêu", Width = 50)] public string Name { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị tính", Width = 12)] public string Measure { get; init; } = "";
    [ExcelColumn(Name = "Thực hiện", Format = "#,##0.##", Width = 12)] public decimal? Actual { get; init; }
    [ExcelColumn(Name = "Có số ước", Width = 9)] public string Estimate { get; init; } = "";
    [ExcelColumn(Name = "Số đơn vị đã báo cáo", Width = 12)] public int Reporters { get; init; }
    [ExcelColumn(Name = "Kế hoạch", Format = "#,##0.##", Width = 12)] public decimal? Target { get; init; }
    [ExcelColumn(Name = "Kỳ kế hoạch", Width = 16)] public string PlanPeriod { get; init; } = "";
    [ExcelColumn(Name = "% kế hoạch", Format = "0.0%", Width = 11)] public decimal? PercentOfPlan { get; init; }
    [ExcelColumn(Name = "Cùng kỳ", Format = "#,##0.##", Width = 12)] public decimal? Earlier { get; init; }
    [ExcelColumn(Name = "Tăng, giảm so với cùng kỳ", Format = "0.0%", Width = 12)] public decimal? Growth { get; init; }
    [ExcelColumn(Name = "Đánh giá", Width = 11)] public string Verdict { get; init; } = "";

    public static IndicatorSheetRow From(IndicatorRef i, IndicatorCell c) => new()
    {
        Code = TaskSheetRow.Nfc(i.Code), Name = TaskSheetRow.Nfc(i.Name), Measure = TaskSheetRow.Nfc(i.Measure), Actual = c.Actual,
        Estimate = c.Estimates > 0 ? "ước" : "", Reporters = c.Reporters, Target = c.Plan?.Target, PlanPeriod = c.Plan?.Period.Label ?? "",
        PercentOfPlan = c.Plan?.Percent / 100, Earlier = c.Earlier, Growth = c.Growth / 100, Verdict = c.Verdict?.Label() ?? "",
    };
}

/// <summary>One child unit on the selected indicator, ranked.</summary>
public sealed class ChildIndicatorSheetRow
{
    [ExcelColumn(Name = "Hạng", Width = 7)] public int? Rank { get; init; }
    [ExcelColumn(Name = "Mã đơn vị", Width = 14)] public string Code { get; init; } = "";
    [ExcelColumn(Name = "Đơn vị", Width = 45)] public string Name { get; init; } = "";
    [ExcelColumn(Name = "Thực hiện", Format = "#,##0.##", Width = 12)] public decimal? Actual { get; init; }
    [ExcelColumn(Name = "Kế hoạch", Format = "#,##0.##", Width = 12)] public decimal? Target { get; init; }
    [ExcelColumn(Name = "% kế hoạch", Format = "0.0%", Width = 11)] public decimal? PercentOfPlan { get; init; }
    [ExcelColumn(Name = "Tăng, giảm so với cùng kỳ", Format = "0.0%", Width = 12)] public decimal? Growth { get; init; }
    [ExcelColumn(Name = "Đánh giá", Width = 11)] public string Verdict { get; init; } = "";
    [ExcelColumn(Name = "Đã báo cáo", Width = 11)] public string Reported { get; init; } = "";

    public static ChildIndicatorSheetRow From(ChildIndicatorRow r) => new()
    {
        Rank = r.Rank, Code = r.Unit.Code, Name = TaskSheetRow.Nfc(r.Unit.Name), Actual = r.Cell.Actual, Target = r.Cell.Plan?.Target,
        PercentOfPlan = r.Cell.Plan?.Percent / 100, Growth = r.Cell.Growth / 100, Verdict = r.Cell.Verdict?.Label() ?? "",
        Reported = !r.Expected ? "" : r.Reported ? "Đã báo cáo" : "Chưa báo cáo",
    };
}

/// <summary>A line of a unit's sheet of actuals, as typed; <see cref="Line"/> is Excel's row number.</summary>
public sealed record ActualSheetLine(int Line, string Code, object? Value, object? Numerator, object? Denominator, bool Estimate, string Note);

/// <summary>
/// The sheet a unit fills with its actuals for one period (for the units that keep them in Excel): one row per indicator,
/// by code. Read back, it becomes the same report the form sends, checked and written by the same rules.
/// </summary>
public static class ActualSheet
{
    public const string Code = "Mã chỉ tiêu", Name = "Chỉ tiêu", Measure = "Đơn vị tính", Value = "Số thực hiện", Numerator = "Tử số",
        Denominator = "Mẫu số", Estimate = "Số ước (ghi x)", Note = "Ghi chú";

    public static readonly IReadOnlyList<string> Columns = [Code, Name, Measure, Value, Numerator, Denominator, Estimate, Note];
    private const int MaxRows = 500;

    public static byte[] Template(string unitName, Period period, IReadOnlyList<IndicatorRef> indicators, IReadOnlyDictionary<int, IndicatorActual> current)
    {
        var rows = indicators.Select(i =>
        {
            var a = current.GetValueOrDefault(i.Id);
            var ratio = i.Kind == IndicatorKind.Ratio;
            return new Dictionary<string, object?>
            {
                [Code] = i.Code, [Name] = i.Name, [Measure] = i.Measure,
                [Value] = ratio ? null : a?.Value, [Numerator] = ratio ? a?.Numerator : null, [Denominator] = ratio ? a?.Denominator : null,
                [Estimate] = a?.IsEstimate == true ? "x" : null, [Note] = a?.Note,
            };
        }).ToList();
        var guide = new[]
        {
            new Dictionary<string, object?> { ["Hướng dẫn"] = $"Số thực hiện {period.Label} của {unitName}. Mỗi dòng một chỉ tiêu, theo mã; giữ nguyên các cột." },
            new Dictionary<string, object?> { ["Hướng dẫn"] = "Chỉ tiêu tỷ lệ ghi tử số và mẫu số; chỉ tiêu khác ghi số thực hiện. Dòng để trống là chưa báo cáo." },
            new Dictionary<string, object?> { ["Hướng dẫn"] = "Trước khi hết kỳ chỉ nhận số ước: ghi x ở cột “Số ước”." },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Số thực hiện"] = rows, ["Hướng dẫn"] = guide });
        return stream.ToArray();
    }

    /// <exception cref="SheetFileException">The file, or its heading row, is not one we read.</exception>
    public static List<ActualSheetLine> Read(byte[] bytes)
    {
        var (sheet, lines) = XlsxUpload.Open(bytes, MaxRows);
        XlsxUpload.RefuseMerges(sheet);
        Dictionary<string, string>? columnOf = null;
        var rows = new List<ActualSheetLine>();
        var line = 0;
        foreach (var cells in lines)
        {
            line++;
            if (columnOf is null)
            {
                columnOf = XlsxUpload.Header(cells, Columns);
                continue;
            }
            object? Cell(string column) => cells.TryGetValue(columnOf[column], out var v) ? v : null;
            var code = XlsxUpload.CellText(Cell(Code));
            if (code.Length == 0)
                continue;
            rows.Add(new ActualSheetLine(line, code, Cell(Value), Cell(Numerator), Cell(Denominator),
                XlsxUpload.CellText(Cell(Estimate)).Length > 0, XlsxUpload.CellText(Cell(Note))));
        }
        if (columnOf is null)
            throw new SheetFileException($"Trang “{sheet.Name}” trống: không có dòng tiêu đề. Hãy dùng mẫu tải về từ trang báo cáo số thực hiện.");
        return rows;
    }

    /// <summary>A number cell, or text written the office's way ("10.027", "7,5"); null when empty, an error when neither.</summary>
    public static (decimal? Value, string? Error) Number(object? cell) => cell switch
    {
        null => (null, null),
        double d => ((decimal)d, null),
        decimal m => (m, null),
        int i => (i, null),
        long l => (l, null),
        _ when XlsxUpload.CellText(cell) is var text && text.Length == 0 => (null, null),
        _ when VnFormat.TryParseNumber(XlsxUpload.CellText(cell), out var n) => (n, null),
        _ => (null, $"“{XlsxUpload.CellText(cell)}” không phải một số (viết 10.027 hoặc 7,5)."),
    };

    public static string FileName(string unitCode, Period period) =>
        string.Create(CultureInfo.InvariantCulture, $"so-thuc-hien-{VnText.Fold(unitCode).Replace(' ', '-')}-{period.Key}.xlsx");
}
