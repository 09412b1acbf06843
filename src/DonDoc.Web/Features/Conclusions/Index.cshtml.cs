using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conclusions;

/// <summary>
/// Registers a conclusion or direction document (uploaded or pasted, read as the report import reads files)
/// and reads its directions into draft tasks, reviewed on <see cref="ReviewModel"/>. Also lists the
/// documents whose drafts are still open.
/// </summary>
[Authorize(Policy = Policies.Office)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit, ValueLengthLimit = (int)RequestLimit)]
public sealed class IndexModel(AppDb db, DocumentRegistry registry, ConclusionDrafts drafts, UserScope scope, IConfiguration config) : PageModel
{
    private const long RequestLimit = 64L * 1024 * 1024;

    public sealed record Pending(int DocumentId, string Symbol, string Title, DateOnly IssuedOn, int Open, int Confirmed);

    public IReadOnlyList<Pending> Documents { get; private set; } = [];

    [BindProperty]
    public string? Pasted { get; set; }

    [BindProperty]
    public string? Symbol { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    private long MaxBytes => config.GetValue("Import:MaxBytes", TextSource.MaxBytes);

    public string MaxSizeText => MaxBytes >= 1024 * 1024 ? $"{VnFormat.Number(MaxBytes / 1024 / 1024)} MB" : $"{VnFormat.Number(MaxBytes / 1024)} KB";

    public async Task OnGetAsync(CancellationToken ct) => await ListAsync(ct);

    public async Task<IActionResult> OnPostReadAsync(IFormFile? upload, CancellationToken ct)
    {
        ModelState.Clear();
        if (await UploadedText.ReadAsync(upload, Pasted, MaxBytes, nameof(Pasted), "văn bản", ModelState) is not { } text)
            return await ListAsync(ct);
        var reading = TaskExtractor.Extract(text, IssuedOn);
        // What the form leaves empty is taken from the document's own header.
        Symbol = string.IsNullOrWhiteSpace(Symbol) ? reading.Document.Symbol : Symbol;
        IssuedOn ??= reading.Document.Date;
        Title = string.IsNullOrWhiteSpace(Title) ? TitleOf(text, reading.Document) : Title;
        if (reading.Tasks.Count == 0)
        {
            ModelState.AddModelError("", "Không tìm thấy chỉ đạo nào (đơn vị chủ trì, việc phải làm, thời hạn) trong văn bản; không có gì để giao.");
            return await ListAsync(ct);
        }
        var input = new NewDocument { Symbol = Symbol ?? "", IssuedOn = IssuedOn, Title = Title ?? "", Summary = null };
        var registered = await registry.RegisterAsync(input, DocumentStatus.Registered, scope.UnitId, ct, reader: scope);
        if (registered.Value is not { } document)
        {
            foreach (var (field, messages) in registered.Problems!.ToDictionary())
                foreach (var message in messages)
                    ModelState.AddModelError(field switch { "issuedOn" => nameof(IssuedOn), "title" => nameof(Title), _ => nameof(Symbol) }, message);
            return await ListAsync(ct);
        }
        db.TaskDrafts.AddRange(await drafts.DraftAsync(document.Id, reading, ct));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Đã đăng ký văn bản {document.Symbol} và đọc được {VnFormat.Number(reading.Tasks.Count)} chỉ đạo; kiểm tra từng dự thảo rồi xác nhận.";
        return RedirectToPage("Review", new { id = document.Id });
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        Documents = await scope.Visible(db.Documents.AsNoTracking())
            .Select(d => new
            {
                d.Id, d.Symbol, d.Title, d.IssuedOn,
                Open = db.TaskDrafts.Count(t => t.DocumentId == d.Id && t.ConfirmedAtUtc == null),
                Confirmed = db.TaskDrafts.Count(t => t.DocumentId == d.Id && t.ConfirmedAtUtc != null),
            })
            .Where(d => d.Open + d.Confirmed > 0)
            .OrderByDescending(d => d.Open > 0).ThenByDescending(d => d.IssuedOn).Take(50)
            .Select(d => new Pending(d.Id, d.Symbol, d.Title, d.IssuedOn, d.Open, d.Confirmed)).ToListAsync(ct);
        return Page();
    }

    // "THÔNG BÁO / KẾT LUẬN CỦA … / về công tác …": the kind followed by the line that says what it is about.
    private static string? TitleOf(string text, TaskDocument header)
    {
        var about = text.Split('\n', StringSplitOptions.TrimEntries).Take(30)
            .FirstOrDefault(l => l.StartsWith("về ", StringComparison.OrdinalIgnoreCase) || l.StartsWith("V/v", StringComparison.OrdinalIgnoreCase));
        if (about is null)
            return null;
        var title = $"{header.Kind ?? "Văn bản"} {about}";
        return title.Length <= 500 ? title : title[..500];
    }
}
