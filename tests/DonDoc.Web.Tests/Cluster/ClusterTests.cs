using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Cluster;

/// <summary>What several instances share through the database: data-protection keys; and the evidence sweep.</summary>
public abstract class ClusterTests(TestApp app)
{
    [DbFact]
    public async Task The_evidence_sweep_removes_only_old_files_no_report_names()
    {
        Directory.CreateDirectory(app.EvidenceDirectory);
        string Write(string name, TimeSpan age)
        {
            var path = Path.Combine(app.EvidenceDirectory, name);
            File.WriteAllText(path, "minh chứng");
            File.SetLastWriteTimeUtc(path, app.Clock.GetUtcNow().UtcDateTime - age);
            return path;
        }
        var orphan = Write("orphan.pdf", TimeSpan.FromDays(2));
        var fresh = Write("fresh.pdf", TimeSpan.FromHours(1));
        var kept = Write("kept.pdf", TimeSpan.FromDays(3));
        await app.WithDbAsync(async db =>
        {
            var task = new TaskItem { Title = "Nhiệm vụ có minh chứng", LeadUnitId = app.Units.BaDinh.Id, AssignedByUnitId = app.Units.Root.Id, AssignedOn = app.Clock.Today };
            db.Tasks.Add(task);
            await new TaskLedger(new Clock(app.Clock)).SaveAsync(db, null);
            db.ProgressReports.Add(new ProgressReport
            {
                TaskId = task.Id, ReportedOn = app.Clock.Today, Percent = 10, Text = "Có tệp",
                Evidence = [new Evidence { FileName = "biên bản.pdf", ContentType = "application/pdf", Size = 10, StoredName = "kept.pdf" }],
            });
            await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<EvidenceSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(kept));
    }

    [DbFact]
    public async Task A_second_instance_reads_what_the_first_protected()
    {
        var payload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("phiên đăng nhập");
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        await using var second = new OtherInstance(app);
        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload);
        Assert.Equal("phiên đăng nhập", read);
    }
}

public sealed class ClusterOnSqlite(SqliteApp app) : ClusterTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ClusterOnPostgres(PostgresApp app) : ClusterTests(app), IClassFixture<PostgresApp>;
