using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace DonDoc.Text;

/// <summary>
/// The text of a report: a file (.txt in UTF-8, UTF-16 or Windows-1258; .html, the article body; .docx), an
/// upload of one, or pasted text. Every way in refuses the same things with the same Vietnamese messages:
/// nothing to read, too large, binary, or written in a legacy Vietnamese font encoding.
/// </summary>
public static class TextSource
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <exception cref="TextSourceException">The file is missing, empty, too large, binary, or in a legacy encoding.</exception>
    public static string Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new TextSourceException($"Không tìm thấy tệp “{path}”.");
        if (file.Length > MaxBytes)
            throw TooLarge(file.Name, file.Length, MaxBytes);
        try
        {
            using var stream = file.OpenRead();
            return Read(stream, file.Name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextSourceException($"Không đọc được tệp “{file.Name}”: {e.Message}", e);
        }
    }

    /// <summary>An uploaded file: no more than <paramref name="maxBytes"/> are read, whatever length the upload claims.</summary>
    /// <exception cref="TextSourceException">The file is empty, too large, binary, in a legacy encoding or of another format.</exception>
    public static string Read(Stream content, string name, long maxBytes = MaxBytes)
    {
        var bytes = ReadAtMost(content, name, maxBytes);
        if (bytes.Length == 0)
            throw new TextSourceException($"Tệp “{name}” trống.");
        var text = Path.GetExtension(name).ToLower(CultureInfo.InvariantCulture) switch
        {
            ".txt" or ".text" or "" => TextDecoder.Decode(bytes, name) is var plain && IsHtml(plain) ? HtmlText.Extract(plain) : plain,
            ".html" or ".htm" => HtmlText.Extract(TextDecoder.Decode(bytes, name)),
            ".docx" => ReadDocx(bytes, name, maxBytes),
            ".doc" => throw new TextSourceException($"Tệp “{name}” là tệp Word cũ (.doc); hãy lưu lại dưới dạng .docx rồi nhập lại."),
            var other => throw new TextSourceException($"Chưa đọc được tệp “{name}” (dạng “{other}”); chỉ nhận tệp .txt, .html và .docx."),
        };
        if (string.IsNullOrWhiteSpace(text))
            throw new TextSourceException($"Tệp “{name}” không có nội dung chữ.");
        if (TextDecoder.LegacyFont(text) is { } font)
            throw new TextSourceException(TextDecoder.LegacyMessage($"Tệp “{name}”", font));
        return text;
    }

    /// <summary>Text pasted into a form: the same refusals as a file, in the words of a paste.</summary>
    /// <exception cref="TextSourceException">Nothing was pasted, too much, control characters, or legacy-font text.</exception>
    public static string FromPasted(string? text, long maxBytes = MaxBytes)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new TextSourceException("Nội dung dán vào trống.");
        // A UTF-8 byte per character is the least a text can weigh; counting them all would cost a copy.
        if (text.Length > maxBytes)
            throw new TextSourceException($"Nội dung dán vào quá dài ({VnFormat.Number(text.Length)} ký tự); chỉ nhận đến {Size(maxBytes)}. Hãy chia nhỏ rồi nhập từng phần.");
        if (TextDecoder.LooksBinary(text))
            throw new TextSourceException("Nội dung dán vào có ký tự điều khiển, không phải văn bản thường.");
        if (TextDecoder.LegacyFont(text) is { } font)
            throw new TextSourceException(TextDecoder.LegacyMessage("Nội dung dán vào", font));
        return text;
    }

    // A page saved from a browser often keeps its address's ending or gets ".txt"; its first tag gives it away.
    private static bool IsHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] ReadAtMost(Stream content, string name, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw TooLarge(name, content.CanSeek ? content.Length : buffer.Length, maxBytes);
        }
        return buffer.ToArray();
    }

    private static TextSourceException TooLarge(string name, long length, long maxBytes) =>
        new($"Tệp “{name}” quá lớn ({Size(length, exact: true)}); chỉ nhận tệp đến {Size(maxBytes)}.");

    private static string Size(long bytes, bool exact = false) => bytes >= 1024 * 1024
        ? exact ? $"{VnFormat.Number(bytes / 1024m / 1024m, 1)} MB" : $"{VnFormat.Number(bytes / 1024 / 1024)} MB"
        : $"{VnFormat.Number((bytes + 1023) / 1024)} KB";

    private static string ReadDocx(byte[] bytes, string name, long maxBytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // A .docx is a zip: a small file may unpack to gigabytes. Its parts may hold no more than the
            // upload itself may, a few times over for the markup around the text.
            if (!Archive.UnpacksWithin(stream, Archive.UnpackedLimit(maxBytes)))
                throw new TextSourceException($"Tệp “{name}” khi giải nén lớn quá {Size(Archive.UnpackedLimit(maxBytes))}; "
                    + "đây không phải văn bản Word thông thường. Hãy lưu lại văn bản rồi nhập lại, hoặc chia nhỏ.");
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new TextSourceException($"Tệp “{name}” không có phần nội dung của văn bản Word.");
            var lines = body.Descendants<Paragraph>().Select(ParagraphText);
            var text = string.Join('\n', lines);
            if (text.Length > maxBytes)
                throw new TextSourceException($"Văn bản trong tệp “{name}” quá dài ({VnFormat.Number(text.Length)} ký tự); chỉ nhận đến {Size(maxBytes)}. Hãy chia nhỏ rồi nhập từng phần.");
            return text;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            throw new TextSourceException($"Tệp “{name}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng.", e);
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
