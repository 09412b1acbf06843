using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Notices;

public sealed record NoticeRow(int Id, int TaskId, NoticeKind Kind, string Text, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

/// <summary>
/// Who is told what about a task. The workflow calls <see cref="AddAsync(NoticeKind, TaskItem, ExtensionRequest?, CancellationToken)"/>
/// once per event before its save, so the notices are written in the transaction of the change that causes them;
/// the daily passes (<see cref="DailyReminders"/>) add the due, overdue and escalation ones.
/// The lead unit's side is told through its unit officers, the assigning side through its leaders.
/// </summary>
public sealed class NoticeBoard(AppDb db, Clock clock)
{
    public const int CountCap = 99;

    public Task AddAsync(NoticeKind kind, TaskItem task, CancellationToken ct) => AddAsync(kind, task, null, ct);

    public async Task AddAsync(NoticeKind kind, TaskItem task, ExtensionRequest? request, CancellationToken ct)
    {
        var (unitId, role) = Audience(kind, task);
        var text = TextOf(kind, task, request);
        foreach (var userId in await Users([unitId], role).Select(u => u.Id).ToListAsync(ct))
            db.Set<Notice>().Add(New(userId, task, kind, text));
        if (kind == NoticeKind.Assigned)
        {
            var coordinators = task.Coordinators.Select(c => c.UnitId).ToList();
            var coordinating = Clip($"Đơn vị của bạn được giao phối hợp thực hiện “{task.Title}”{Due(task.DueDate)}.");
            foreach (var userId in await Users(coordinators, Roles.UnitOfficer).Select(u => u.Id).ToListAsync(ct))
                db.Set<Notice>().Add(New(userId, task, kind, coordinating));
        }
    }

    /// <summary>Tasks handed down at once: one query for all the units' officers.</summary>
    public async Task AddAssignedAsync(IReadOnlyList<TaskItem> tasks, CancellationToken ct)
    {
        var byUnit = tasks.ToLookup(t => t.LeadUnitId);
        var officers = await Users(byUnit.Select(g => g.Key).ToList(), Roles.UnitOfficer).Select(u => new { u.Id, UnitId = u.UnitId!.Value }).ToListAsync(ct);
        foreach (var officer in officers)
            foreach (var task in byUnit[officer.UnitId])
                db.Set<Notice>().Add(New(officer.Id, task, NoticeKind.Assigned, TextOf(NoticeKind.Assigned, task, null)));
    }

    internal Notice New(int userId, TaskItem task, NoticeKind kind, string text) => new()
    {
        UserId = userId,
        Task = task.Id == 0 ? task : null,
        TaskId = task.Id,
        Kind = kind,
        Text = text,
        CreatedAtUtc = clock.UtcNow,
    };

    private static (int UnitId, string Role) Audience(NoticeKind kind, TaskItem task) => kind switch
    {
        NoticeKind.AwaitingDecision or NoticeKind.Escalation => (task.AssignedByUnitId, Roles.Leader),
        _ => (task.LeadUnitId, Roles.UnitOfficer),
    };

    internal static string TextOf(NoticeKind kind, TaskItem task, ExtensionRequest? request) => Clip(kind switch
    {
        NoticeKind.Assigned => $"Đơn vị của bạn được giao chủ trì “{task.Title}”{Due(task.DueDate)}.",
        NoticeKind.Returned => $"“{task.Title}” bị trả lại: {task.ReturnReason}",
        NoticeKind.AwaitingDecision when request is not null =>
            $"Đề nghị gia hạn “{task.Title}” đến {VnFormat.Date(request.RequestedDueDate)} chờ bạn quyết định. Lý do: {request.Reason}",
        NoticeKind.AwaitingDecision => $"“{task.Title}” đã báo cáo hoàn thành, chờ bạn công nhận hoặc trả lại.",
        NoticeKind.ExtensionDecided when request?.State == ExtensionState.Approved =>
            $"Đề nghị gia hạn “{task.Title}” được đồng ý: hạn mới {VnFormat.Date(request.RequestedDueDate)}.",
        NoticeKind.ExtensionDecided => $"Đề nghị gia hạn “{task.Title}” không được đồng ý: {request?.DecisionNote}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Thông báo này do việc hằng ngày viết."),
    });

    internal static string Clip(string text) => text.Length <= Notice.TextLength ? text : text[..(Notice.TextLength - 1)] + "…";

    private static string Due(DateOnly? due) => due is { } d ? $", hạn {VnFormat.Date(d)}" : "";

    /// <summary>The accounts of the given units holding the role.</summary>
    internal IQueryable<AppUser> Users(IReadOnlyCollection<int> unitIds, string role) =>
        from u in db.Users
        where u.UnitId != null && unitIds.Contains(u.UnitId.Value)
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select u;

    public async Task<int> UnreadCountAsync(int userId, CancellationToken ct) =>
        await db.Set<Notice>().Where(n => n.UserId == userId && n.ReadAtUtc == null).Take(CountCap + 1).CountAsync(ct);

    public static string CountLabel(int count) => count > CountCap ? $"{CountCap}+" : count.ToString();

    public async Task<IReadOnlyList<NoticeRow>> ListAsync(int userId, int skip, int take, CancellationToken ct) =>
        await db.Set<Notice>().AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new NoticeRow(n.Id, n.TaskId, n.Kind, n.Text, n.CreatedAtUtc, n.ReadAtUtc)).ToListAsync(ct);

    public Task<int> CountAsync(int userId, CancellationToken ct) => db.Set<Notice>().CountAsync(n => n.UserId == userId, ct);

    /// <summary>Marks the person's notice read and says which task it is about; null when it is not theirs.</summary>
    public async Task<int?> OpenAsync(int userId, int noticeId, CancellationToken ct)
    {
        var taskId = await db.Set<Notice>().Where(n => n.Id == noticeId && n.UserId == userId).Select(n => (int?)n.TaskId).FirstOrDefaultAsync(ct);
        if (taskId is not null)
        {
            var now = clock.UtcNow;
            await db.Set<Notice>().Where(n => n.Id == noticeId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        }
        return taskId;
    }

    public async Task<int> MarkAllReadAsync(int userId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return await db.Set<Notice>().Where(n => n.UserId == userId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }
}

public static class NoticeServices
{
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<NoticeBoard>();
        services.AddScoped<DailyReminders>();
        services.AddScoped<MailOutbox>();
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.Configure<ReminderOptions>(config.GetSection("Reminders"));
        return services;
    }
}
