using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.TaskImport;

/// <summary>The office downloads the template, uploads the filled-in sheet, reads the preview, and confirms or abandons it.</summary>
[Authorize(Policy = Policies.Office)]
[RequestSizeLimit(TaskImportApi.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = TaskImportApi.RequestLimit)]
public sealed class IndexModel(TaskImporter importer) : PageModel
{
    public ImportPreview? Preview { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        File(await importer.TemplateAsync(ct), TaskImportApi.Xlsx, TaskSheet.FileName);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null)
        {
            ModelState.AddModelError("upload", "Chọn tệp bảng tính (.xlsx) để nhập.");
            return Page();
        }
        var result = await importer.PreviewAsync(await TaskImportApi.ReadAsync(upload, ct), upload.FileName, ct);
        if (result.IsDone)
            Preview = result.Value;
        else if (result.Problems is { } problems)
            foreach (var (_, messages) in problems.ToDictionary())
                foreach (var message in messages)
                    ModelState.AddModelError("upload", message);
        else
            return Forbid();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid token, CancellationToken ct)
    {
        var outcome = await importer.ConfirmAsync(token, ct);
        if (outcome.Kind == ConfirmKind.Done)
        {
            TempData["Flash"] = outcome.Message;
            return RedirectToPage();
        }
        ModelState.AddModelError("", outcome.Message);
        Response.StatusCode = outcome.Kind switch
        {
            ConfirmKind.NotFound => StatusCodes.Status404NotFound,
            ConfirmKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        // The preview as the data now stands, when it is still kept (a refused row stays refused until the file is corrected).
        Preview = await importer.ShowAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAbandonAsync(Guid token, CancellationToken ct)
    {
        await importer.AbandonAsync(token, ct);
        TempData["Flash"] = "Đã bỏ tệp vừa tải lên; không ghi gì.";
        return RedirectToPage();
    }
}
