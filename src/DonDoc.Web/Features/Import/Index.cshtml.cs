using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// Reads a report (an uploaded .txt/.html/.docx or pasted text) and shows what it holds, linked to what the
/// office already has; nothing is stored until the user confirms the corrected review.
/// </summary>
// Like registering documents, importing is the office's work. A file at the size limit arrives with the
// form around it; the text then travels back with the review.
[Authorize(Policy = Policies.Office)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit, ValueLengthLimit = (int)RequestLimit, ValueCountLimit = 20_000)]
public sealed class IndexModel(AppDb db, DocumentRegistry registry, Clock clock, UserScope scope, IConfiguration config) : PageModel
{
    private const long RequestLimit = 64L * 1024 * 1024;

    [BindProperty]
    public ImportReview Review { get; set; } = new();

    public bool Reviewing { get; private set; }
    public IReadOnlyList<DocumentMatch> DocumentMatches { get; private set; } = [];
    public IReadOnlyList<IReadOnlyList<KnownPerson>> PersonMatches { get; private set; } = [];
    // The directions the report gives, offered as draft tasks through the conclusions page.
    public IReadOnlyList<DraftTask> Directions { get; private set; } = [];

    private long MaxBytes => config.GetValue("Import:MaxBytes", TextSource.MaxBytes);

    public string MaxSizeText => MaxBytes >= 1024 * 1024 ? $"{VnFormat.Number(MaxBytes / 1024 / 1024)} MB" : $"{VnFormat.Number(MaxBytes / 1024)} KB";

    private ConferenceImport Import => new(db, registry, clock, scope);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostReadAsync(IFormFile? upload, string? pasted, DateOnly? published, CancellationToken ct)
    {
        // The review fields are not part of this form; only the reading's own inputs count.
        ModelState.Clear();
        if (await UploadedText.ReadAsync(upload, pasted, MaxBytes, "pasted", "báo cáo", ModelState) is not { } normalized)
            return Page();
        Review = ImportReview.From(normalized, upload?.FileName is { } name ? Path.GetFileName(name) : null, published,
            ReportExtractor.Extract(normalized, published));
        await Import.CompleteSymbolsAsync(Review, ct);
        await ShowReviewAsync(ct);
        // What cannot be entered as it stands starts unticked: it is skipped unless the user corrects it.
        for (var i = 0; i < Review.Documents.Count; i++)
            Review.Documents[i].Include = DocumentMatches[i].Problem is null;
        return Page();
    }

    // After corrections: the same review, its links to existing records worked out again.
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await ShowReviewAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        Review.Text = VnText.Normalize(Review.Text);
        if (ModelState.IsValid)
        {
            var result = await Import.ConfirmAsync(Review, ct);
            if (result.Problems is null)
            {
                TempData["Flash"] = "Đã nhập báo cáo: hội nghị, văn bản, người, số liệu và danh sách đã được ghi.";
                return RedirectToPage("/Conferences/Details", new { id = result.Value });
            }
            result.Problems.CopyTo(ModelState, nameof(Review));
        }
        return await ShowReviewAsync(ct);
    }

    private async Task<IActionResult> ShowReviewAsync(CancellationToken ct)
    {
        Reviewing = true;
        // A browser sends the line breaks of a form back as CR LF.
        Review.Text = VnText.Normalize(Review.Text);
        DocumentMatches = await Import.MatchDocumentsAsync(Review, ct);
        PersonMatches = await Import.MatchPeopleAsync(Review, ct);
        Directions = TaskExtractor.Extract(Review.Text, Review.PublishedOn).Tasks;
        // The choice of person may have been worked out again; the form must show it, not what was posted.
        for (var i = 0; i < Review.People.Count; i++)
        {
            ModelState.Remove($"{nameof(Review)}.{nameof(Review.People)}[{i}].{nameof(PersonRow.PersonId)}");
            ModelState.Remove($"{nameof(Review)}.{nameof(Review.People)}[{i}].{nameof(PersonRow.CheckedName)}");
        }
        return Page();
    }
}
