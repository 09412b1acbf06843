using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace DonDoc.Text;

/// <summary>The text of a report file: .txt (UTF-8, UTF-16, Windows-1258), .html (the article body) or .docx.</summary>
public static class TextSource
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <exception cref="TextSourceException">The file is missing, empty, too large, binary, or in a legacy encoding.</exception>
    public static string Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new TextSourceException($"Không tìm thấy tệp “{path}”.");
        if (file.Length == 0)
            throw new TextSourceException($"Tệp “{file.Name}” trống.");
        if (file.Length > MaxBytes)
            throw new TextSourceException(
                $"Tệp “{file.Name}” quá lớn ({VnFormat.Number(file.Length / 1024m / 1024m, 1)} MB); chỉ nhận tệp đến {MaxBytes / 1024 / 1024} MB.");

        var text = file.Extension.ToLower(CultureInfo.InvariantCulture) switch
        {
            ".txt" or ".text" or "" => TextDecoder.Decode(ReadBytes(file), file.Name),
            ".html" or ".htm" => HtmlText.Extract(TextDecoder.Decode(ReadBytes(file), file.Name)),
            ".docx" => ReadDocx(file),
            ".doc" => throw new TextSourceException($"Tệp “{file.Name}” là tệp Word cũ (.doc); hãy lưu lại dưới dạng .docx rồi nhập lại."),
            var other => throw new TextSourceException($"Chưa đọc được tệp dạng “{other}”; chỉ nhận tệp .txt, .html và .docx."),
        };
        if (string.IsNullOrWhiteSpace(text))
            throw new TextSourceException($"Tệp “{file.Name}” không có nội dung chữ.");
        return text;
    }

    private static byte[] ReadBytes(FileInfo file)
    {
        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextSourceException($"Không đọc được tệp “{file.Name}”: {e.Message}", e);
        }
    }

    private static string ReadDocx(FileInfo file)
    {
        try
        {
            using var document = WordprocessingDocument.Open(file.FullName, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new TextSourceException($"Tệp “{file.Name}” không có phần nội dung của văn bản Word.");
            var lines = body.Descendants<Paragraph>().Select(ParagraphText);
            return string.Join('\n', lines);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            throw new TextSourceException($"Tệp “{file.Name}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng.", e);
        }
    }

    private static string ParagraphText(Paragraph paragraph) => string.Concat(paragraph.Descendants().Select(element => element switch
    {
        WordText text => text.Text,
        TabChar => "\t",
        Break => "\n",
        _ => "",
    }));
}
