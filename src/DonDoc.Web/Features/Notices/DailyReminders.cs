using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DonDoc.Web.Features.Notices;

public sealed class ReminderOptions
{
    /// <summary>Days overdue after which a task is brought to its assigning unit's leaders, unless the unit set its own.</summary>
    public int EscalateAfterDays { get; set; } = 7;
}

/// <summary>
/// The daily passes, run every hour by <see cref="ReminderJob"/>: the due and overdue notices of the day, the
/// escalations, and the digest of each person whose hour has come. Each pass writes, per person and day, a
/// <see cref="ReminderLog"/> row in the same transaction as what it produced; the row's key lets only the first
/// writer through, so a pass run twice (two instances, a retried firing, a crash before the commit) produces
/// everything once and nothing twice.
/// </summary>
public sealed class DailyReminders(AppDb db, Clock clock, NoticeBoard notices, MailOutbox outbox, IOptions<MailOptions> mail,
    IOptions<ReminderOptions> options, ILogger<DailyReminders> log)
{
    public const string Name = "reminders";
    public static readonly int[] DueSoonDays = [7, 3, 1];
    public const int MinEscalateDays = 1;
    public const int MaxEscalateDays = 365;

    private static readonly TaskState[] Owing = [TaskState.Assigned, TaskState.Accepted, TaskState.InProgress, TaskState.Returned];

    public async Task RunAsync(CancellationToken ct)
    {
        var due = await DueNoticesAsync(ct);
        var escalated = await EscalateAsync(ct);
        var digests = await DigestsAsync(ct);
        if (due + escalated + digests > 0)
            log.LogInformation("Nhắc việc: {Due} thông báo đến hạn/quá hạn, {Escalated} đề nghị đôn đốc, {Digests} thư tổng hợp.", due, escalated, digests);
    }

    /// <summary>Tasks due in 7, 3 or 1 days, and those overdue since yesterday, told to the lead unit's officers.</summary>
    public async Task<int> DueNoticesAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var days = DueSoonDays.Select(d => today.AddDays(d)).Append(today.AddDays(-1)).ToList();
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => Owing.Contains(t.Status) && t.DueDate != null && days.Contains(t.DueDate.Value))
            .Select(t => new { t.Id, t.Title, t.LeadUnitId, Due = t.DueDate!.Value }).ToListAsync(ct);
        var byUnit = tasks.ToLookup(t => t.LeadUnitId);
        var officers = await notices.Users(byUnit.Select(g => g.Key).ToList(), Roles.UnitOfficer)
            .Select(u => new { u.Id, UnitId = u.UnitId!.Value }).ToListAsync(ct);
        var written = 0;
        foreach (var officer in officers)
            written += await OncePerDayAsync("due", officer.Id, today, ct, () => byUnit[officer.UnitId].Select(t =>
            {
                var left = t.Due.DayNumber - today.DayNumber;
                var (kind, text) = left < 0
                    ? (NoticeKind.Overdue, $"“{t.Title}” đã quá hạn (hạn {VnFormat.Date(t.Due)}).")
                    : (NoticeKind.DueSoon, $"“{t.Title}” còn {left} ngày đến hạn ({VnFormat.Date(t.Due)}).");
                return NewNotice(officer.Id, t.Id, kind, text);
            }).ToList());
        return written;
    }

    /// <summary>
    /// Tasks overdue by the assigning unit's number of days (or more, once per task and leader), told to that
    /// unit's leaders with the suggestion of a reminder letter.
    /// </summary>
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var leaders = await db.Users.AsNoTracking().Where(u => u.UnitId != null)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Id, UnitId = u.UnitId!.Value, ur.RoleId })
            .Join(db.Roles.Where(r => r.Name == Roles.Leader), x => x.RoleId, r => r.Id, (x, _) => new { x.Id, x.UnitId })
            .ToListAsync(ct);
        var unitIds = leaders.Select(l => l.UnitId).Distinct().ToList();
        var settings = await db.Set<UnitReminderSetting>().Where(s => unitIds.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, s => s.EscalateAfterDays, ct);
        var written = 0;
        foreach (var unit in leaders.GroupBy(l => l.UnitId))
        {
            var days = settings.GetValueOrDefault(unit.Key, options.Value.EscalateAfterDays);
            var latestDue = today.AddDays(-days);
            var overdue = await db.Tasks.AsNoTracking()
                .Where(t => t.AssignedByUnitId == unit.Key && Owing.Contains(t.Status) && t.DueDate != null && t.DueDate <= latestDue)
                .Select(t => new { t.Id, t.Title, Due = t.DueDate!.Value, Lead = t.LeadUnit!.Name })
                .ToListAsync(ct);
            if (overdue.Count == 0)
                continue;
            var ids = overdue.Select(t => t.Id).ToList();
            foreach (var leader in unit)
            {
                var told = (await db.Set<Notice>().Where(n => n.UserId == leader.Id && n.Kind == NoticeKind.Escalation && ids.Contains(n.TaskId))
                    .Select(n => n.TaskId).ToListAsync(ct)).ToHashSet();
                written += await OncePerDayAsync("escalation", leader.Id, today, ct, () => overdue.Where(t => !told.Contains(t.Id)).Select(t =>
                    NewNotice(leader.Id, t.Id, NoticeKind.Escalation,
                        $"“{t.Title}” do {t.Lead} chủ trì đã quá hạn {today.DayNumber - t.Due.DayNumber} ngày (hạn {VnFormat.Date(t.Due)}). "
                        + "Đề nghị xem xét ban hành công văn đôn đốc đơn vị chủ trì.")).ToList());
            }
        }
        return written;
    }

    /// <summary>
    /// One mail per person whose hour has come today and who has unread notices since their last digest; a
    /// person with nothing to read gets none (the day is still marked done).
    /// </summary>
    public async Task<int> DigestsAsync(CancellationToken ct)
    {
        if (!mail.Value.Configured)
            return 0;
        var now = clock.UtcNow;
        var today = clock.Today;
        var hour = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), Clock.Zone).Hour;
        var defaultHourCame = hour >= ReminderPreference.DefaultHour;
        var done = db.Set<ReminderLog>().Where(l => l.Pass == "digest" && l.Day == today).Select(l => l.UserId);
        var people = await (
                from u in db.Users.AsNoTracking()
                where u.Email != null && u.Email != "" && !done.Contains(u.Id)
                join p in db.Set<ReminderPreference>() on u.Id equals p.UserId into prefs
                from p in prefs.DefaultIfEmpty()
                where p == null ? defaultHourCame : p.EmailDigest && p.DigestHour <= hour
                select new { u.Id, u.Email, u.DisplayName, u.UserName })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var person in people)
        {
            var since = await db.Set<ReminderLog>().Where(l => l.Pass == "digest" && l.UserId == person.Id)
                .OrderByDescending(l => l.Day).Select(l => (DateTime?)l.AtUtc).FirstOrDefaultAsync(ct) ?? now.AddDays(-1);
            await OncePerDayAsync("digest", person.Id, today, ct, async () =>
            {
                var items = await db.Set<Notice>().AsNoTracking()
                    .Where(n => n.UserId == person.Id && n.ReadAtUtc == null && n.CreatedAtUtc > since && n.CreatedAtUtc <= now)
                    .OrderBy(n => n.Id).Select(n => new DigestItem(n.Kind, n.TaskId, n.Text)).ToListAsync(ct);
                if (items.Count == 0)
                    return;
                var (subject, body) = Digest.Compose(person.DisplayName.Length > 0 ? person.DisplayName : person.UserName ?? "", today, items, mail.Value);
                outbox.Enqueue(person.Id, person.Email!, subject, body);
                sent++;
            });
        }
        return sent;
    }

    private Notice NewNotice(int userId, int taskId, NoticeKind kind, string text) =>
        new() { UserId = userId, TaskId = taskId, Kind = kind, Text = NoticeBoard.Clip(text), CreatedAtUtc = clock.UtcNow };

    private async Task<int> OncePerDayAsync(string pass, int userId, DateOnly day, CancellationToken ct, Func<List<Notice>> produce)
    {
        var written = 0;
        await OncePerDayAsync(pass, userId, day, ct, () =>
        {
            var made = produce();
            db.Set<Notice>().AddRange(made);
            written = made.Count;
            return Task.CompletedTask;
        });
        return written;
    }

    /// <summary>
    /// Claims the person's day for the pass and writes what <paramref name="produce"/> adds, in one transaction.
    /// A second writer of the same key waits for the first one's commit and then finds the row: it writes nothing.
    /// </summary>
    private async Task OncePerDayAsync(string pass, int userId, DateOnly day, CancellationToken ct, Func<Task> produce)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var at = clock.UtcNow;
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"ReminderLogs\" (\"Pass\", \"UserId\", \"Day\", \"AtUtc\") VALUES ({pass}, {userId}, {day}, {at}) ON CONFLICT DO NOTHING", ct);
        if (claimed == 0)
            return;
        await produce();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>The daily passes as a background job, every hour on the hour (Jobs:ReminderInterval).</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(DailyReminders reminders) : IJob
{
    public const string Interval = "Jobs:ReminderInterval";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await reminders.RunAsync(ct);

    public static void Schedule(IQuartzBuilder q, IConfiguration config) =>
        q.ScheduleJob<ReminderJob>(t => t.WithIdentity(DailyReminders.Name).Every(config.GetValue(Interval, TimeSpan.FromHours(1))));
}
