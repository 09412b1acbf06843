using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DonDoc.Web.Tests.Export;

/// <summary>One cell as a spreadsheet program reads it: its text, whether it is a number, and its number format.</summary>
public sealed record XlsxCell(string Text, bool IsNumber, string? Format)
{
    public double Number => double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly Date => DateOnly.FromDateTime(DateTime.FromOADate(Number));
}

/// <summary>A downloaded .xlsx opened with the Open XML SDK: each sheet as its rows, each row keyed by the header above it.</summary>
public sealed class Workbook
{
    public required IReadOnlyList<string> SheetNames { get; init; }
    private readonly Dictionary<string, (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyDictionary<string, XlsxCell>> Rows)> _sheets = [];

    public IReadOnlyList<string> Headers(string sheet) => _sheets[sheet].Headers;

    public IReadOnlyList<IReadOnlyDictionary<string, XlsxCell>> Rows(string sheet) => _sheets[sheet].Rows;

    public static Workbook Open(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var formats = part.WorkbookStylesPart?.Stylesheet;
        var custom = formats?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = formats?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string? FormatOf(Cell c)
        {
            if (c.StyleIndex?.Value is not { } style || style >= cellFormats.Count)
                return null;
            var id = cellFormats[(int)style].NumberFormatId?.Value ?? 0;
            return custom.TryGetValue(id, out var code) ? code : id == 0 ? null : $"#{id}";
        }
        var names = new List<string>();
        var workbook = new Workbook { SheetNames = names };
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!.Value!);
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>().ToList();
            var cells = rows.Select(r => r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), c =>
            {
                var type = c.DataType?.Value;
                var text = type == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
                    : type == CellValues.InlineString ? c.InlineString!.InnerText
                    : c.CellValue?.Text ?? "";
                return new XlsxCell(text, (type is null || type == CellValues.Number) && c.CellValue is not null, FormatOf(c));
            })).ToList();
            var headers = cells[0].OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Text).ToList();
            var columns = cells[0].ToDictionary(c => c.Key, c => c.Value.Text);
            workbook._sheets[sheet.Name!.Value!] = (headers, cells.Skip(1)
                .Select(r => (IReadOnlyDictionary<string, XlsxCell>)r.Where(c => columns.ContainsKey(c.Key)).ToDictionary(c => columns[c.Key], c => c.Value))
                .ToList());
        }
        return workbook;
    }

    private static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
}
