using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Notices;

/// <summary>
/// Two more instances over the test app's database run the daily passes and the outbox at the same time, as
/// a cluster whose firings overlap would, while a third holds one person's digest in a transaction it never
/// commits, as an instance that dies would: every person gets exactly one digest.
/// </summary>
public abstract class DigestClusterTests(MailApp app) : IAsyncLifetime
{
    private OtherInstance _a = null!;
    private OtherInstance _b = null!;

    public Task InitializeAsync()
    {
        _a = new OtherInstance(app);
        _b = new OtherInstance(app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [DbFact]
    public async Task Two_instances_send_each_person_exactly_one_digest_also_after_one_died_holding_a_digest()
    {
        var day = TestApp.FirstDay.AddDays(1);
        app.Clock.SetLocal(day, hour: 6);
        using var admin = app.AdminClient();
        var people = new Dictionary<string, string>();
        foreach (var unit in new[] { app.Units.BaDinh, app.Units.HoanKiem, app.Units.TayHo, app.Units.UbndParty })
        {
            (await app.ClientAsync(Roles.UnitOfficer, unit)).Dispose();
            var address = $"{unit.Code.ToLowerInvariant()}@example.vn";
            await app.SetEmailAsync(TestApp.UserNameFor(Roles.UnitOfficer, unit), address);
            people[address] = unit.Name;
            await admin.PostAsync("/api/tasks", new { Title = $"Báo cáo sơ kết của {unit.Name}", LeadUnitId = unit.Id, DueDate = day.AddDays(3) })
                .OkAsync<TaskDetail>();
        }
        app.Clock.SetLocal(day, hour: 7, minute: 1);

        // The dead instance: it claimed Ba Đình's digest and never committed.
        var dying = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "db01@example.vn").Select(u => u.Id).SingleAsync());
        await using (var dead = Database.CreateContext(app.ConnectionString))
        {
            await using var tx = await dead.Database.BeginTransactionAsync();
            await dead.Database.ExecuteSqlAsync(
                $"INSERT INTO \"ReminderLogs\" (\"Pass\", \"UserId\", \"Day\", \"AtUtc\") VALUES ('digest', {dying}, {day}, {DateTime.UtcNow})");
            var passes = new[] { _a, _b, _a, _b }.Select(i => Task.Run(() => app.RemindAsync(r => r.RunAsync(CancellationToken.None), i.Services))).ToList();
            await Task.Delay(200);
            await tx.RollbackAsync();
            await Task.WhenAll(passes);
        }
        await Task.WhenAll(new[] { _a, _b, _a, _b }.Select(i => Task.Run(() => app.SendMailAsync(i.Services))));

        var received = app.Mail.Received.SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).Where(people.ContainsKey).ToList();
        Assert.Equal(people.Keys.Order(), received.Order());
        var unsent = await app.WithDbAsync(db => db.Set<Features.Notices.OutgoingMail>().CountAsync(m => m.SentAtUtc == null));
        Assert.Equal(0, unsent);
        app.Clock.SetLocal(TestApp.FirstDay);
    }
}

public sealed class DigestClusterOnSqlite(SqliteMailApp app) : DigestClusterTests(app), IClassFixture<SqliteMailApp>;

[OnPostgres]
public sealed class DigestClusterOnPostgres(PostgresMailApp app) : DigestClusterTests(app), IClassFixture<PostgresMailApp>;
