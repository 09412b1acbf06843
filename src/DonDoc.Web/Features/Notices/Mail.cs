using DonDoc.Web.Data;
using DonDoc.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace DonDoc.Web.Features.Notices;

/// <summary>The SMTP server DonDoc hands its mail to (section <c>Mail</c>); without a host no mail is written.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>MailKit's names: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "DonDoc <dondoc@localhost>";
    /// <summary>The address people reach DonDoc at, for the links in the mail.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public string Link(string path) => BaseUrl.TrimEnd('/') + path;
}

/// <summary>
/// Mail is written to <see cref="OutgoingMail"/> in the transaction of whatever decides to send it, and handed
/// to the SMTP server afterwards by <see cref="SendDueAsync"/>. A refusal or an unreachable server leaves the
/// message waiting with its error and a later next try (1, 2, 4 … minutes, at most 6 hours), for ever: the
/// operator sees it on /Operations/Mail. A message is claimed before it is sent, so two instances never both
/// send it; an instance that dies after the server took a message but before marking it sent sends it once more
/// when the claim runs out (at least once).
/// </summary>
public sealed class MailOutbox(AppDb db, IOptions<MailOptions> options, TimeProvider time, ILogger<MailOutbox> log)
{
    public const string Name = "mail-outbox";
    public const int Batch = 50;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    private MailOptions Options => options.Value;

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), LongestWait.TotalMinutes));

    /// <summary>Adds a message to the outbox; it is saved with the caller's next save.</summary>
    public OutgoingMail Enqueue(int? userId, string to, string subject, string body)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mail = new OutgoingMail { UserId = userId, To = to, Subject = subject, Body = body, CreatedAtUtc = now, NextTryAtUtc = now };
        db.Set<OutgoingMail>().Add(mail);
        return mail;
    }

    /// <summary>Sends what is due; returns how many messages the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (!Options.Configured)
            return 0;
        var now = time.GetUtcNow().UtcDateTime;
        var due = await Due(db.Set<OutgoingMail>(), now).OrderBy(m => m.NextTryAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        using var smtp = new SmtpClient { Timeout = 30_000 };
        foreach (var id in due)
        {
            var until = now + Claim;
            if (await Due(db.Set<OutgoingMail>().Where(m => m.Id == id), now)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until), ct) == 0)
                continue;
            var mail = await db.Set<OutgoingMail>().AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(Options.Host!, Options.Port, Options.Security, ct);
                    if (!string.IsNullOrEmpty(Options.UserName))
                        await smtp.AuthenticateAsync(Options.UserName, Options.Password ?? "", ct);
                }
                await smtp.SendAsync(Message(mail), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = mail.Attempts + 1;
                var next = time.GetUtcNow().UtcDateTime + Backoff(attempts);
                var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                log.LogWarning(e, "Chưa gửi được thư số {Id} tới {To} (lần {Attempts}); thử lại lúc {Next:O}.", id, mail.To, attempts, next);
                await db.Set<OutgoingMail>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextTryAtUtc, next)
                    .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
                // The server is likely down for the rest too: they keep their turn for the next run.
                await ReleaseAsync(due.SkipWhile(d => d != id).Skip(1).ToList(), ct);
                break;
            }
            var at = time.GetUtcNow().UtcDateTime;
            await db.Set<OutgoingMail>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, at).SetProperty(m => m.Attempts, mail.Attempts + 1)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
            sent++;
        }
        if (smtp.IsConnected)
            await smtp.DisconnectAsync(quit: true, ct);
        return sent;
    }

    /// <summary>Every waiting message is tried at the next run, whatever its back-off (the operator fixed the server).</summary>
    public async Task<int> RetryNowAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<OutgoingMail>().Where(m => m.SentAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextTryAtUtc, now), ct);
    }

    private static IQueryable<OutgoingMail> Due(IQueryable<OutgoingMail> mail, DateTime now) =>
        mail.Where(m => m.SentAtUtc == null && m.NextTryAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now));

    private Task ReleaseAsync(List<int> ids, CancellationToken ct) => ids.Count == 0 ? Task.CompletedTask
        : db.Set<OutgoingMail>().Where(m => ids.Contains(m.Id) && m.SentAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);

    private MimeMessage Message(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // One id per outbox row: a message sent again after a crash is recognisable as the same one.
        message.MessageId = $"outbox-{mail.Id}-{mail.CreatedAtUtc:yyyyMMddHHmmss}@dondoc";
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}

/// <summary>The outbox as a background job, every Mail:SendInterval (a minute unless set).</summary>
[DisallowConcurrentExecution]
public sealed class MailOutboxJob(MailOutbox outbox) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await outbox.SendDueAsync(ct);

    /// <summary>Not scheduled without a mail server: nothing is ever written to the outbox then.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration config)
    {
        if (!string.IsNullOrWhiteSpace(config["Mail:Host"]))
            q.ScheduleJob<MailOutboxJob>(t => t.WithIdentity(MailOutbox.Name).Every(config.GetValue("Mail:SendInterval", TimeSpan.FromMinutes(1))));
    }
}
