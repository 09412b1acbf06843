using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Operations;

public sealed record MailRow(int Id, string To, string Subject, DateTime CreatedAtUtc, int Attempts, DateTime NextTryAtUtc, DateTime? SentAtUtc, string? LastError);

/// <summary>For the office's operator: the mail server DonDoc uses, what waits to be sent and why, and what went out lately.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class MailModel(AppDb db, IOptions<MailOptions> options, MailOutbox outbox) : PageModel
{
    public const int Shown = 100;

    public MailOptions Options => options.Value;
    public IReadOnlyList<MailRow> Waiting { get; private set; } = [];
    public int WaitingCount { get; private set; }
    public IReadOnlyList<MailRow> Sent { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mail = db.Set<OutgoingMail>().AsNoTracking();
        WaitingCount = await mail.CountAsync(m => m.SentAtUtc == null, ct);
        Waiting = await Rows(mail.Where(m => m.SentAtUtc == null).OrderBy(m => m.Id)).ToListAsync(ct);
        Sent = await Rows(mail.Where(m => m.SentAtUtc != null).OrderByDescending(m => m.SentAtUtc)).Take(20).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken ct)
    {
        var count = await outbox.RetryNowAsync(ct);
        Flash = count == 0 ? "Không có thư nào đang chờ." : $"{count} thư sẽ được thử gửi lại trong lần chạy tới (trong vòng một phút).";
        return RedirectToPage();
    }

    private static IQueryable<MailRow> Rows(IQueryable<OutgoingMail> mail) =>
        mail.Take(Shown).Select(m => new MailRow(m.Id, m.To, m.Subject, m.CreatedAtUtc, m.Attempts, m.NextTryAtUtc, m.SentAtUtc, m.LastError));
}
