using DonDoc.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DonDoc.Web.Features.Import;

/// <summary>The text of an uploaded file (field "upload") or of pasted text, as the import and the conclusions pages take it.</summary>
public static class UploadedText
{
    /// <returns>The text in NFC; or null, with the reason added to <paramref name="modelState"/> under the field it concerns.</returns>
    public static async Task<string?> ReadAsync(IFormFile? upload, string? pasted, long maxBytes, string pastedField, string what,
        ModelStateDictionary modelState)
    {
        try
        {
            if (upload is { } file)
            {
                await using var stream = file.OpenReadStream();
                return VnText.Normalize(TextSource.Read(stream, Path.GetFileName(file.FileName), maxBytes));
            }
            if (!string.IsNullOrWhiteSpace(pasted))
                return VnText.Normalize(TextSource.FromPasted(pasted, maxBytes));
            modelState.AddModelError("upload", $"Chọn tệp {what} (.txt, .html, .docx) hoặc dán nội dung vào ô bên dưới.");
        }
        catch (TextSourceException e)
        {
            modelState.AddModelError(upload is null ? pastedField : "upload", e.Message);
        }
        return null;
    }
}
