using DonDoc.Web.Data;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Notices;

/// <summary>A test app whose mail goes to a <see cref="MailCatcher"/> of its own.</summary>
public abstract class MailApp(Provider provider) : TestApp(provider)
{
    public const string BaseUrl = "https://dondoc.example.vn";

    public MailCatcher Mail { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Mail.Port.ToString());
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:From", "DonDoc <dondoc@example.vn>");
        builder.UseSetting("Mail:BaseUrl", BaseUrl);
        // The tests run the passes themselves; the scheduled firings stay out of their way.
        builder.UseSetting("Mail:SendInterval", "1.00:00:00");
        builder.UseSetting(ReminderJob.Interval, "1.00:00:00");
    }

    public override async ValueTask DisposeAsync()
    {
        await Mail.DisposeAsync();
        await base.DisposeAsync();
    }

    public Task RemindAsync(Func<DailyReminders, Task> pass, IServiceProvider? instance = null) => InScopeAsync(instance, s => pass(s.GetRequiredService<DailyReminders>()));

    public Task<int> SendMailAsync(IServiceProvider? instance = null) => InScopeAsync(instance, s => s.GetRequiredService<MailOutbox>().SendDueAsync(CancellationToken.None));

    private async Task<T> InScopeAsync<T>(IServiceProvider? instance, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = (instance ?? Services).CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task InScopeAsync(IServiceProvider? instance, Func<IServiceProvider, Task> work) => InScopeAsync(instance, async s =>
    {
        await work(s);
        return 0;
    });

    public Task<List<Notice>> NoticesOfAsync(string userName) => WithDbAsync(db =>
        db.Set<Notice>().AsNoTracking().Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)).OrderBy(n => n.Id).ToListAsync());

    public Task SetEmailAsync(string userName, string email, int? hour = null, bool digest = true) => WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.Email = email;
        if (hour is not null || !digest)
            db.Set<ReminderPreference>().Add(new ReminderPreference { UserId = user.Id, DigestHour = hour ?? ReminderPreference.DefaultHour, EmailDigest = digest });
        await db.SaveChangesAsync();
    });
}

public sealed class SqliteMailApp() : MailApp(Provider.Sqlite);

public sealed class PostgresMailApp() : MailApp(Provider.Postgres);
