using System.IO.Compression;
using System.Text;
using DonDoc.Text;

namespace DonDoc.Web.Features.Tasks;

/// <summary>
/// Whether an evidence file holds what its extension claims: the signature that opens each format, the
/// parts a zip-based office file must contain, text that is text. An .exe renamed .pdf is refused, and
/// so is a zip container that unpacks far past the size an upload may have.
/// </summary>
public static class EvidenceContent
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    // Compound File Binary, the container of Word, Excel and PowerPoint before 2007.
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    // The part each zip-based format cannot be without (OOXML), or the media type it names in "mimetype" (ODF).
    private static readonly Dictionary<string, string> OfficeParts = new()
    {
        [".docx"] = "word/document.xml",
        [".xlsx"] = "xl/workbook.xml",
        [".pptx"] = "ppt/presentation.xml",
    };

    private static readonly Dictionary<string, string> OpenDocumentTypes = new()
    {
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
    };

    /// <summary>Null when the content matches the extension; otherwise why not, in Vietnamese.</summary>
    public static string? Problem(EvidenceFile file, long maxBytes)
    {
        var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
        using var stream = file.Open();
        using var content = new MemoryStream();
        stream.CopyTo(content);
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        var mismatch = $"Tệp “{file.FileName}”: nội dung không phải tệp {ext} (có thể là tệp khác được đổi tên).";
        switch (ext)
        {
            case ".pdf":
                return bytes.StartsWith(Pdf) ? null : mismatch;
            case ".png":
                return bytes.StartsWith(Png) ? null : mismatch;
            case ".jpg" or ".jpeg":
                return bytes.StartsWith(Jpeg) ? null : mismatch;
            case ".doc" or ".xls" or ".ppt":
                return bytes.StartsWith(Ole) ? null : mismatch;
            case ".txt":
                return IsText(bytes) ? null : mismatch;
            case ".docx" or ".xlsx" or ".pptx" or ".odt" or ".ods":
                if (!bytes.StartsWith(Zip))
                    return mismatch;
                try
                {
                    content.Position = 0;
                    if (!Archive.UnpacksWithin(content, Archive.UnpackedLimit(maxBytes)))
                        return $"Tệp “{file.FileName}” khi giải nén lớn quá {Archive.UnpackedLimit(maxBytes) / 1024 / 1024} MB; không nhận.";
                    content.Position = 0;
                    using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                    return HasExpectedParts(zip, ext) ? null : mismatch;
                }
                catch (InvalidDataException)
                {
                    return $"Tệp “{file.FileName}” bị hỏng, không mở được.";
                }
            default:
                return mismatch;
        }
    }

    private static bool HasExpectedParts(ZipArchive zip, string ext)
    {
        if (OfficeParts.TryGetValue(ext, out var part))
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(part) is not null;
        if (zip.GetEntry("mimetype") is not { } entry || entry.Length > 200)
            return false;
        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim() == OpenDocumentTypes[ext];
    }

    // UTF-8 (or UTF-16 with its byte order mark), and no control characters besides tab, line breaks and form feed.
    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = bytes.StartsWith((byte[])[0xFF, 0xFE]) || bytes.StartsWith((byte[])[0xFE, 0xFF])
                ? new StreamReader(new MemoryStream(bytes.ToArray()), detectEncodingFromByteOrderMarks: true).ReadToEnd()
                : new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
    }
}
