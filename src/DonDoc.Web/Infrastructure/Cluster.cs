using System.Security.Cryptography.X509Certificates;
using DonDoc.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartz;

namespace DonDoc.Web.Infrastructure;

// The package's key entity, with the column sizes of the table the keys were kept in before.
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.Property(k => k.Xml).HasMaxLength(8000).IsRequired();
    }
}

/// <summary>One firing of a background job, on whichever instance ran it: for operators, and for the tests.</summary>
public sealed class JobRun
{
    public required string Id { get; set; }
    public required string Job { get; set; }
    public DateTime ScheduledAtUtc { get; set; }
    public required string Instance { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string? Error { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.Property(r => r.Id).HasMaxLength(300);
        b.Property(r => r.Job).HasMaxLength(100);
        b.Property(r => r.Instance).HasMaxLength(200);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasIndex(r => new { r.Job, r.ScheduledAtUtc });
        b.HasIndex(r => r.StartedAtUtc);
    }
}

/// <summary>
/// Writes a <see cref="JobRun"/> row as each firing starts and ends. Straight SQL rather than a save:
/// these rows are the scheduler's bookkeeping, not changes anyone made, so they stay out of the audit trail.
/// The row's key is the job and the time it was due, so that a firing the scheduler hands out twice (an
/// instance that replaces the trigger at start while another has already acquired it) runs only once.
/// </summary>
internal sealed class JobRunLog(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunLog> log) : IJobListener, ITriggerListener
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    public string Name => nameof(JobRunLog);

    public async ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var id = IdOf(context);
        var job = context.JobDetail.Key.Name;
        var scheduled = Scheduled(context);
        var instance = context.Scheduler.SchedulerInstanceId;
        var started = time.GetUtcNow().UtcDateTime;
        var written = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"JobRuns\" (\"Id\", \"Job\", \"ScheduledAtUtc\", \"Instance\", \"StartedAtUtc\") VALUES ({id}, {job}, {scheduled}, {instance}, {started}) ON CONFLICT DO NOTHING", ct);
        if (written == 0)
            log.LogWarning("Lần chạy {Job} lúc {Scheduled:O} đã được thực hiện; bỏ qua lần trao lại.", job, scheduled);
        return written == 0;
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var id = IdOf(context);
        var now = time.GetUtcNow().UtcDateTime;
        var error = jobException?.InnerException?.Message ?? jobException?.Message;
        if (error is not null)
            log.LogError(jobException, "Công việc nền {Job} gặp lỗi; sẽ chạy lại ở lần sau.", context.JobDetail.Key.Name);
        await db.Set<JobRun>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FinishedAtUtc, now)
            .SetProperty(r => r.Error, error == null ? null : error.Length > 2000 ? error.Substring(0, 2000) : error), ct);
        await db.Set<JobRun>().Where(r => r.StartedAtUtc < now - Kept).ExecuteDeleteAsync(ct);
    }

    private static DateTime Scheduled(IJobExecutionContext context) => (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;

    private static string IdOf(IJobExecutionContext context) => $"{context.JobDetail.Key.Name}/{Scheduled(context):O}";
}

/// <summary>What several instances share through the database: data-protection keys, and the scheduler of background jobs.</summary>
public static class Cluster
{
    public const string CertificatePath = "DataProtection:CertificatePath";
    public const string CertificatePassword = "DataProtection:CertificatePassword";
    public const string CheckinInterval = "Jobs:CheckinInterval";

    /// <param name="jobs">Schedules the features' jobs.</param>
    public static IServiceCollection AddDonDocCluster(this IServiceCollection services, IConfiguration config, Action<IQuartzBuilder> jobs)
    {
        var keys = services.AddDataProtection().SetApplicationName("DonDoc").PersistKeysToDbContext<AppDb>();
        if (config[CertificatePath] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config[CertificatePassword]);
            // Read also from the certificate given here, not only from the machine's certificate store.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        var connectionString = Database.ConnectionString(config);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // One name for the cluster; one id per instance, also when tests run several in one process.
                o.InstanceName = "DonDoc";
                o.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
            });
            if (Database.ProviderOf(connectionString) == DbProvider.Postgres)
                // The tables are created by our migrations (Data/Migrations/Postgres).
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = config.GetValue(CheckinInterval, TimeSpan.FromSeconds(15));
                        c.CheckinMisfireThreshold = c.CheckinInterval;
                    });
                });
            else
                // SQLite is one instance's database: the schedule lives in memory and is rebuilt at start.
                q.UseInMemoryStore();
            // Each instance declares the schedule at start, replacing the stored trigger; the
            // replacement goes on from the last firing, so that none runs a second time.
            q.ConfigureOptions<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
            q.AddJobListener<JobRunLog>();
            q.AddTriggerListener<JobRunLog>();
            jobs(q);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>
    /// A trigger that fires every <paramref name="interval"/>, at whole multiples of it since 1970, so
    /// that the instances, which each declare it when they start, agree on when it fires.
    /// </summary>
    public static void Every<TJob>(this ITriggerConfigurator<TJob> trigger, TimeSpan interval) where TJob : IJob
    {
        var step = (long)interval.TotalMilliseconds;
        var next = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / step + 1) * step;
        trigger.StartAt(DateTimeOffset.FromUnixTimeMilliseconds(next))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
    }
}
