using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web;

public static class Startup
{
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await using var alone = await Database.StartupLockAsync(db);
        await Database.MigrateAsync(db);
        var demo = false;
        if (app.Configuration.GetValue("DonDoc:DemoData", true) && !await db.Units.AnyAsync())
        {
            app.Logger.LogInformation("Cơ sở dữ liệu trống: nạp dữ liệu mẫu.");
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            demo = true;
        }
        await AccountSeed.EnsureAdministratorAsync(scope.ServiceProvider, app.Configuration, Console.Out);
        if (demo)
        {
            await AccountSeed.SeedDemoAccountsAsync(scope.ServiceProvider, app.Configuration, Console.Out);
            // The demo accounts come after the tasks: give them today's due, overdue and escalation notices now.
            var reminders = scope.ServiceProvider.GetRequiredService<Features.Notices.DailyReminders>();
            await reminders.DueNoticesAsync(CancellationToken.None);
            await reminders.EscalateAsync(CancellationToken.None);
        }
    }
}
