using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DonDoc.Text;
using MiniExcelLibs;

namespace DonDoc.Web.Features.TaskImport;

/// <summary>Why an uploaded file cannot be read as a spreadsheet, in Vietnamese; nothing of it is kept.</summary>
public sealed class SheetFileException(string message) : Exception(message);

/// <summary>
/// An uploaded .xlsx, looked at before any library unpacks it: what it really is (an encrypted workbook is an OLE
/// compound file, not a zip), how much it unpacks to (counted while unpacking, since a zip's declared sizes are
/// whatever its maker wrote), how far its first sheet's rows and columns reach and which cells are merged. Only
/// then are its cells read, by MiniExcel, within those bounds. Not tied to tasks: another kind of sheet reads the
/// same way.
/// </summary>
public static class XlsxUpload
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;
    // Columns beyond this hold nothing a sheet of ours asks for; it also bounds the empty cells a reader fills in.
    public const int MaxColumns = 26;

    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <param name="LastRow">The last row holding a value (1 is the header).</param>
    /// <param name="Merges">The merged ranges of the sheet ("A1:B1").</param>
    public sealed record Sheet(string Name, int LastRow, int LastColumn, IReadOnlyList<string> Merges);

    /// <summary>Checks the file and reads its first sheet's rows 1..LastRow, columns A..LastColumn, as MiniExcel gives them.</summary>
    /// <exception cref="SheetFileException">The file is not a workbook we read, or is larger than the limits.</exception>
    public static (Sheet Sheet, IEnumerable<IDictionary<string, object?>> Rows) Open(byte[] bytes, int maxDataRows)
    {
        var sheet = Check(bytes, maxDataRows);
        var rows = sheet.LastRow == 0
            ? []
            : MiniExcel.QueryRange(new MemoryStream(bytes, writable: false), useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX,
                startRowIndex: 1, startColumnIndex: 1, endRowIndex: sheet.LastRow, endColumnIndex: Math.Max(sheet.LastColumn, 1))
                .Cast<IDictionary<string, object?>>();
        return (sheet, rows);
    }

    public static Sheet Check(byte[] bytes, int maxDataRows)
    {
        if (bytes.Length == 0)
            throw new SheetFileException("Tệp trống.");
        if (bytes.Length > MaxBytes)
            throw new SheetFileException($"Tệp lớn quá {MaxBytes / 1024 / 1024} MB.");
        if (bytes.AsSpan().StartsWith(Ole))
            throw new SheetFileException(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0
                ? "Tệp được đặt mật khẩu nên không đọc được. Mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi tải lên."
                : "Tệp là bảng tính Excel cũ (.xls) hoặc tài liệu Office cũ. Mở tệp trong Excel và lưu thành “Sổ làm việc Excel (.xlsx)” rồi tải lên.");
        if (!bytes.AsSpan().StartsWith(Zip))
            throw new SheetFileException("Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu, điền vào mẫu và lưu dạng .xlsx.");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is null)
                throw new SheetFileException(zip.GetEntry("word/document.xml") is not null
                    ? "Tệp là văn bản Word (.docx), không phải bảng tính Excel (.xlsx)."
                    : "Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu, điền vào mẫu và lưu dạng .xlsx.");
            var budget = new Budget();
            var (name, part) = FirstSheet(zip, budget);
            Sheet? sheet = null;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName == part)
                    sheet = ReadSheet(entry, name, maxDataRows, budget);
                else
                    budget.Drain(entry);
            }
            return sheet ?? throw new SheetFileException("Tệp bị hỏng: không có trang tính đầu tiên.");
        }
        catch (InvalidDataException)
        {
            throw new SheetFileException("Tệp bị hỏng, không mở được như một bảng tính .xlsx.");
        }
        catch (XmlException)
        {
            throw new SheetFileException("Tệp bị hỏng: nội dung trang tính không đọc được.");
        }
    }

    /// <summary>The first sheet in the workbook's order, and the part that holds it.</summary>
    private static (string Name, string Part) FirstSheet(ZipArchive zip, Budget budget)
    {
        string? name = null, id = null;
        using (var reader = budget.Xml(zip.GetEntry("xl/workbook.xml")!))
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNs)
                {
                    (name, id) = (reader.GetAttribute("name"), reader.GetAttribute("id", RelNs));
                    break;
                }
        if (name is null || id is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
            throw new SheetFileException("Tệp bị hỏng: sổ làm việc không có trang tính nào.");
        using (var reader = budget.Xml(rels))
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == id
                    && reader.GetAttribute("Target") is { } target)
                    return (name, target.StartsWith('/') ? target[1..] : "xl/" + target);
        throw new SheetFileException("Tệp bị hỏng: không tìm thấy trang tính đầu tiên.");
    }

    private static Sheet ReadSheet(ZipArchiveEntry entry, string name, int maxDataRows, Budget budget)
    {
        var lastRow = 0;
        var lastColumn = 0;
        var merges = new List<string>();
        using var reader = budget.Xml(entry);
        int row = 0, column = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            switch (reader.LocalName)
            {
                case "row":
                    row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                    column = 0;
                    break;
                case "c":
                    column = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : column + 1;
                    break;
                case "v" or "t" when row > 0 && column > 0:
                    // A cell with a value; an empty or only formatted cell counts for nothing.
                    if (reader.IsEmptyElement || reader.ReadElementContentAsString().Trim().Length == 0)
                        break;
                    if (row > maxDataRows + 1)
                        throw new SheetFileException(
                            $"Bảng tính có dữ liệu đến dòng {VnFormat.Number(row)}: mỗi lần nhập nhiều nhất {VnFormat.Number(maxDataRows)} dòng (không kể dòng tiêu đề). Hãy chia thành nhiều tệp.");
                    if (column > MaxColumns)
                        throw new SheetFileException($"Ô {ColumnName(column)}{row} có dữ liệu, ngoài các cột của mẫu (A đến {ColumnName(MaxColumns)}). Hãy xóa các cột thừa.");
                    (lastRow, lastColumn) = (Math.Max(lastRow, row), Math.Max(lastColumn, column));
                    break;
                case "mergeCell" when reader.GetAttribute("ref") is { } range:
                    merges.Add(range);
                    break;
            }
        }
        return new Sheet(name, lastRow, lastColumn, merges);
    }

    /// <summary>"AB12" → 28.</summary>
    /// <summary>A merged cell holds its value in its first cell only: the other rows would silently lose it.</summary>
    public static void RefuseMerges(Sheet sheet)
    {
        if (sheet.Merges.FirstOrDefault() is { } range)
            throw new SheetFileException(RowsOf(range).From <= 1
                ? $"Dòng tiêu đề có ô gộp ({range}): bỏ gộp ô, mỗi cột một tiêu đề như trong mẫu."
                : $"Bảng có ô gộp ({range}): bỏ gộp ô và ghi giá trị vào từng dòng.");
    }

    /// <summary>Each heading of the template → the column letter that holds it.</summary>
    public static Dictionary<string, string> Header(IDictionary<string, object?> cells, IReadOnlyList<string> columns)
    {
        var known = columns.ToDictionary(c => VnText.Fold(c), c => c);
        var found = new Dictionary<string, string>();
        var unknown = new List<string>();
        foreach (var (letter, value) in cells)
        {
            var heading = CellText(value);
            if (heading.Length == 0)
                continue;
            if (!known.TryGetValue(VnText.Fold(heading), out var column))
                unknown.Add($"“{heading}” (cột {letter})");
            else if (!found.TryAdd(column, letter))
                unknown.Add($"“{heading}” lặp lại (cột {letter})");
        }
        var missing = columns.Where(c => !found.ContainsKey(c)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
                parts.Add("thiếu cột " + string.Join(", ", missing.Select(m => $"“{m}”")));
            if (unknown.Count > 0)
                parts.Add("có cột không thuộc mẫu: " + string.Join(", ", unknown));
            throw new SheetFileException($"Dòng tiêu đề không đúng mẫu: {string.Join("; ", parts)}. Các cột của mẫu: {string.Join(", ", columns)}.");
        }
        return found;
    }

    /// <summary>A cell as text: NFC and trimmed; a date cell as dd/MM/yyyy; a whole number without ".0".</summary>
    public static string CellText(object? value) => value switch
    {
        null => "",
        DateTime d => VnFormat.Date(DateOnly.FromDateTime(d)),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => VnText.Normalize(value.ToString() ?? ""),
    };

    public static int ColumnOf(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }

    /// <summary>28 → "AB".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
            name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>The rows a merged range covers ("A1:C2" → 1..2).</summary>
    public static (int From, int To) RowsOf(string range)
    {
        var parts = range.Split(':');
        static int Row(string cell) => int.TryParse(new string(cell.SkipWhile(char.IsLetter).ToArray()), out var r) ? r : 0;
        return (Row(parts[0]), Row(parts[^1]));
    }

    /// <summary>What the whole file may unpack to, counted as it is unpacked.</summary>
    private sealed class Budget
    {
        private long _left = MaxUnpackedBytes;

        public XmlReader Xml(ZipArchiveEntry entry) => XmlReader.Create(Open(entry),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });

        public void Drain(ZipArchiveEntry entry)
        {
            using var stream = Open(entry);
            var buffer = new byte[81920];
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        private Stream Open(ZipArchiveEntry entry)
        {
            if (entry.Length > _left)
                throw TooLarge();
            return new Counted(entry.Open(), this);
        }

        private void Take(int bytes)
        {
            if ((_left -= bytes) < 0)
                throw TooLarge();
        }

        private static SheetFileException TooLarge() => new(
            $"Tệp khi giải nén lớn quá {MaxUnpackedBytes / 1024 / 1024} MB (có thể là tệp cố ý làm phình to, hoặc chứa quá nhiều dữ liệu, hình ảnh); không nhận.");

        private sealed class Counted(Stream inner, Budget budget) : Stream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = inner.Read(buffer, offset, count);
                budget.Take(read);
                return read;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                    inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
