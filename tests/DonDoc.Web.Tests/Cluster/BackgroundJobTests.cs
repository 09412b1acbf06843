using System.Diagnostics;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Cluster;

/// <summary>
/// The evidence sweep runs as a Quartz.NET job in real instances of the built application, every
/// second here; the JobRuns table shows each firing and where it ran. On PostgreSQL two instances
/// share the schedule: each firing runs on one of them, and when one is killed the other goes on.
/// </summary>
public abstract class BackgroundJobTests(Provider provider) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-jobs-").FullName;
    private readonly List<Process> _instances = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        _connectionString = await TestDatabases.CreateAsync(provider, _dir, "jobs");
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            if (!instance.HasExited)
                instance.Kill(entireProcessTree: true);
            await instance.WaitForExitAsync();
            instance.Dispose();
        }
        if (_connectionString.Length > 0)
            await TestDatabases.DropAsync(_connectionString);
        Directory.Delete(_dir, recursive: true);
    }

    protected string ConnectionString => _connectionString;

    /// <summary>An instance of the built application; fails at once if it stops before it has started.</summary>
    protected async Task<Process> StartAsync(bool demoData = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DonDoc.Web.dll"));
        start.Environment["DONDOC_DB"] = _connectionString;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DonDoc__DemoData"] = demoData ? "true" : "false";
        start.Environment[AccountSeed.DemoPasswordVariable] = TestApp.AdminPassword;
        start.Environment[AccountSeed.AdminPasswordVariable] = TestApp.AdminPassword;
        start.Environment["Evidence__Directory"] = Path.Combine(_dir, "evidence");
        start.Environment[EvidenceSweepJob.Interval.Replace(":", "__")] = "00:00:01";
        start.Environment[Web.Infrastructure.Cluster.CheckinInterval.Replace(":", "__")] = "00:00:01";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var started = new TaskCompletionSource();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
                started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                errors.Enqueue(e.Data);
        };
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException(
            $"The instance stopped before it started:\n{string.Join('\n', errors.Take(40))}"));
        process.Start();
        _instances.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return process;
    }

    protected async Task<List<Run>> RunsAsync()
    {
        await using var db = Database.CreateContext(_connectionString);
        return (await db.JobRuns.AsNoTracking().Where(r => r.Job == EvidenceSweep.Name).ToListAsync())
            .Select(r => new Run(r.ScheduledAtUtc, r.Instance, r.FinishedAtUtc is not null, r.Error))
            .OrderBy(r => r.ScheduledAtUtc).ToList();
    }

    protected static void AssertEachFiringRanOnce(List<Run> runs)
    {
        var twice = runs.GroupBy(r => r.ScheduledAtUtc).Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss.fff} on {string.Join(", ", g.Select(r => r.Instance))}").ToList();
        Assert.True(twice.Count == 0, "Firings run more than once: " + string.Join("; ", twice));
        Assert.All(runs.Where(r => r.Finished), r => Assert.Null(r.Error));
    }

    protected static bool On(Run run, Process instance) => run.Instance.Contains($"-{instance.Id}-", StringComparison.Ordinal);

    protected sealed record Run(DateTime ScheduledAtUtc, string Instance, bool Finished, string? Error);
}

public sealed class BackgroundJobsOnSqlite() : BackgroundJobTests(Provider.Sqlite)
{
    [Fact]
    public async Task The_in_memory_schedule_fires_the_sweep()
    {
        var instance = await StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var runs = await RunsAsync();
        Assert.True(runs.Count(r => r.Finished) >= 3, $"{runs.Count} firings in 5 s.");
        Assert.All(runs, r => Assert.True(On(r, instance)));
        AssertEachFiringRanOnce(runs);
    }
}

[OnPostgres]
public sealed class BackgroundJobsOnPostgres() : BackgroundJobTests(Provider.Postgres)
{
    [DbFact]
    public async Task Two_instances_started_together_on_a_new_database_both_start_and_make_its_first_data_once()
    {
        await Task.WhenAll(StartAsync(demoData: true), StartAsync(demoData: true));

        await using var db = Database.CreateContext(ConnectionString);
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == AccountSeed.AdminUserName));
        Assert.Equal(AccountSeed.DemoAccounts.Count + 1, await db.Users.CountAsync());
        Assert.Equal(1, await db.Units.CountAsync(u => u.ParentId == null));
        var codes = await db.Units.Select(u => u.Code).ToListAsync();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [DbFact]
    public async Task Each_firing_runs_on_one_instance_and_a_killed_instances_work_goes_on()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var from = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var together = (await RunsAsync()).Where(r => r.ScheduledAtUtc >= from).ToList();
        AssertEachFiringRanOnce(together);
        // Not ten: a loaded machine may start a firing late.
        Assert.True(together.Count >= 6, $"{together.Count} firings in 10 s.");

        a.Kill(entireProcessTree: true);
        await a.WaitForExitAsync();
        var killedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var runs = await RunsAsync();
        AssertEachFiringRanOnce(runs);
        var after = runs.Where(r => r.ScheduledAtUtc > killedAt).ToList();
        Assert.All(after, r => Assert.True(On(r, b), $"{r.ScheduledAtUtc:HH:mm:ss} ran on {r.Instance}, not on the live instance {b.Id}."));
        // The dead instance is found within a few check-ins; from then on every second fires.
        Assert.True(after.Count(r => r.Finished) >= 4, $"{after.Count} firings in the 10 s after the kill.");
    }
}
