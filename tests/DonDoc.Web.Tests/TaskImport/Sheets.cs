using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DonDoc.Web.Features.TaskImport;
using MiniExcelLibs;

namespace DonDoc.Web.Tests.TaskImport;

/// <summary>Spreadsheets as an office makes them, built with the libraries (MiniExcel, the Open XML SDK), and the bad files an upload meets.</summary>
public static class Sheets
{
    /// <summary>A task sheet: the template's headings, then each row (a date as a real date cell, dd/mm/yyyy).</summary>
    public static byte[] Of(params Dictionary<string, object?>[] rows)
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows.ToList(), sheetName: TaskSheet.SheetName, configuration: new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            DynamicColumns = [new MiniExcelLibs.Attributes.DynamicExcelColumn(TaskSheet.Due) { Format = "dd/mm/yyyy" }],
        });
        return file.ToArray();
    }

    public static Dictionary<string, object?> Row(string code, string title, string lead, object? due = null, string parent = "", string kind = "",
        string coordinators = "", string content = "", string result = "", string document = "") =>
        TaskSheet.Row(code, parent, kind, title, content, result, lead, coordinators, due is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : due, document);

    /// <summary>Adds rows under the last row of a workbook's first sheet, as someone filling in the template does; dates take the style of the cell above.</summary>
    public static byte[] Append(byte[] workbook, params string?[][] rows)
    {
        using var file = new MemoryStream();
        file.Write(workbook);
        using (var document = SpreadsheetDocument.Open(file, isEditable: true))
        {
            var part = document.WorkbookPart!;
            var first = part.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)part.GetPartById(first.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            var last = data.Elements<Row>().Last();
            var line = (int)last.RowIndex!.Value;
            foreach (var values in rows)
            {
                line++;
                var row = new Row { RowIndex = (uint)line };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = XlsxUpload.ColumnName(c + 1) + line;
                    var above = last.Elements<Cell>().FirstOrDefault(x => x.CellReference?.Value == XlsxUpload.ColumnName(c + 1) + last.RowIndex!.Value);
                    if (values[c] is not { } text)
                        continue;
                    row.Append(DateOnly.TryParseExact(text, "dd/MM/yyyy", out var day)
                        ? new Cell { CellReference = reference, StyleIndex = above?.StyleIndex, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) });
                }
                data.Append(row);
            }
        }
        return file.ToArray();
    }

    /// <summary>A sheet whose given range is merged (the Open XML SDK writes the merge after the rows, where Excel puts it).</summary>
    public static byte[] Merged(byte[] workbook, string range)
    {
        using var file = new MemoryStream();
        file.Write(workbook);
        using (var document = SpreadsheetDocument.Open(file, isEditable: true))
        {
            var part = document.WorkbookPart!;
            var worksheet = ((WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
            worksheet.InsertAfter(new MergeCells(new MergeCell { Reference = range }) { Count = 1 }, worksheet.GetFirstChild<SheetData>());
        }
        return file.ToArray();
    }

    /// <summary>A workbook whose shared strings unpack to <paramref name="megabytes"/> MB of one repeated letter (a few hundred KB packed).</summary>
    public static byte[] Bomb(byte[] workbook, int megabytes)
    {
        using var file = new MemoryStream();
        file.Write(workbook);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/sharedStrings.xml")?.Delete();
            using var stream = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            stream.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>"u8);
            var chunk = Encoding.ASCII.GetBytes(new string('A', 1024 * 1024));
            for (var i = 0; i < megabytes; i++)
                stream.Write(chunk);
            stream.Write("</t></si></sst>"u8);
        }
        return file.ToArray();
    }

    /// <summary>A minimal Word document: a zip with the parts of .docx.</summary>
    public static byte[] Docx()
    {
        using var file = new MemoryStream();
        using (var document = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.Text("Danh sách nhiệm vụ")))));
        }
        return file.ToArray();
    }

    /// <summary>
    /// A password-protected workbook as Excel stores it: an OLE compound file (version 3, 512-byte sectors) holding the
    /// streams "EncryptionInfo" and "EncryptedPackage" (their contents here are filler; no reader gets that far).
    /// </summary>
    public static byte[] Encrypted()
    {
        const uint end = 0xFFFFFFFE, free = 0xFFFFFFFF, fatSector = 0xFFFFFFFD, none = 0xFFFFFFFF;
        const int sector = 512, streamSectors = 8; // 4096 bytes each: at the mini-stream cutoff, so in ordinary sectors
        var file = new byte[sector * (1 + 1 + 1 + 2 * streamSectors)];
        var w = new BinaryWriter(new MemoryStream(file));
        w.Write(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
        w.Write(new byte[16]);
        w.Write((ushort)0x3E); w.Write((ushort)3); w.Write((ushort)0xFFFE); w.Write((ushort)9); w.Write((ushort)6);
        w.Write(new byte[6]);
        w.Write(0u); w.Write(1u); w.Write(1u); w.Write(0u); w.Write(4096u); w.Write(end); w.Write(0u); w.Write(end); w.Write(0u);
        w.Write(0u); // DIFAT[0]: the FAT is sector 0
        for (var i = 1; i < 109; i++) w.Write(free);
        // Sector 0: the FAT. Sector 1: the directory. Then each stream's chain.
        w.Seek(sector, SeekOrigin.Begin);
        var fat = new List<uint> { fatSector, end };
        for (var s = 0; s < 2; s++)
            for (var i = 0; i < streamSectors; i++)
                fat.Add(i == streamSectors - 1 ? end : (uint)(fat.Count + 1));
        foreach (var e in fat) w.Write(e);
        for (var i = fat.Count; i < sector / 4; i++) w.Write(free);
        void Entry(string name, byte type, uint right, uint child, uint start, uint size)
        {
            var bytes = Encoding.Unicode.GetBytes(name);
            w.Write(bytes); w.Write(new byte[64 - bytes.Length]);
            w.Write((ushort)(name.Length == 0 ? 0 : bytes.Length + 2));
            w.Write(type); w.Write((byte)1); w.Write(none); w.Write(right); w.Write(child);
            w.Write(new byte[16]); w.Write(0u); w.Write(0L); w.Write(0L); w.Write(start); w.Write(size); w.Write(0u);
        }
        Entry("Root Entry", 5, none, 1, end, 0);
        Entry("EncryptionInfo", 2, 2, none, 2, 4096);
        Entry("EncryptedPackage", 2, none, none, 2 + streamSectors, 4096);
        Entry("", 0, none, none, 0, 0);
        return file;
    }
}
