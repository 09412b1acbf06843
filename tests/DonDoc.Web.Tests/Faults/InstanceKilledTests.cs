using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Features.Operations;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Faults;

/// <summary>
/// The built application killed (SIGKILL) while writers create tasks and upload evidence through it: a new
/// instance on the same database serves at once, everything it acknowledged is there, nothing is half-written
/// (no task without its history or audit entry, no report whose file is missing or short), and the chain holds.
/// </summary>
public abstract class InstanceKilledTests(Provider provider) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-killed-").FullName;
    private readonly List<Process> _instances = [];
    private string _connectionString = "";
    private int _unitId;

    private string EvidenceDirectory => Path.Combine(_dir, "evidence");

    public async Task InitializeAsync()
    {
        if (provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        _connectionString = await TestDatabases.CreateAsync(provider, _dir, "killed");
        await using var db = Database.CreateContext(_connectionString);
        await Database.MigrateAsync(db);
        var unit = new Unit { Code = "TU", Name = "Thành ủy", Type = UnitType.TinhUy, ValidFrom = new DateOnly(2025, 7, 1) };
        db.Units.Add(unit);
        await UnitPaths.SaveAsync(db);
        _unitId = unit.Id;
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

    private async Task<(Process Process, HttpClient Client)> StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DonDoc.Web.dll"));
        start.Environment["DONDOC_DB"] = _connectionString;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DonDoc__DemoData"] = "false";
        start.Environment[AccountSeed.AdminPasswordVariable] = TestApp.AdminPassword;
        start.Environment["Evidence__Directory"] = EvidenceDirectory;
        var process = Process.Start(start)!;
        _instances.Add(process);
        var listening = new TaskCompletionSource<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Split("Now listening on: ") is [_, var address])
                listening.TrySetResult(address.Trim());
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await using var db = Database.CreateContext(_connectionString);
        var admin = await db.Users.Where(u => u.UserName == AccountSeed.AdminUserName).Select(u => u.Id).SingleAsync();
        var (_, token) = await AccessTokens.AddAsync(db, admin, "tests", DateTime.UtcNow, days: null);
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (process, client);
    }

    private static async Task<int?> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/tasks", body, Api.Json);
        return response.StatusCode == HttpStatusCode.Created
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32()
            : null;
    }

    [DbFact]
    public async Task Killed_with_writes_in_flight_a_new_instance_finds_all_it_acknowledged_and_nothing_half_written()
    {
        var (first, client) = await StartAsync();
        var reported = (await CreateAsync(client, Integrity.NewTask(_unitId, "Nhận báo cáo kèm minh chứng")))!.Value;
        (await client.PostAsync($"/api/tasks/{reported}/accept", null)).EnsureSuccessStatusCode();
        var acknowledged = new ConcurrentBag<int>();
        var reports = 0;
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                try
                {
                    if (await CreateAsync(client, Integrity.NewTask(_unitId, $"Nhiệm vụ {w}-{i}")) is { } id)
                        acknowledged.Add(id);
                }
                catch (HttpRequestException)
                {
                    return; // the instance is gone; what it was doing is unknown to this client
                }
            }
        })).Append(Task.Run(async () =>
        {
            var pdf = new byte[256 * 1024];
            "%PDF-1.4"u8.CopyTo(pdf);
            while (true)
            {
                var file = new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
                var form = new MultipartFormDataContent { { new StringContent("10"), "Percent" }, { new StringContent("Tiến độ"), "Text" }, { file, "files", "bien-ban.pdf" } };
                try
                {
                    if ((await client.PostAsync($"/api/tasks/{reported}/evidence", form)).IsSuccessStatusCode)
                        Interlocked.Increment(ref reports);
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToList();
        for (var i = 0; i < 600 && (acknowledged.Count < 20 || Volatile.Read(ref reports) < 2); i++)
            await Task.Delay(100);
        Assert.True(acknowledged.Count >= 20 && reports >= 2, $"Only {acknowledged.Count} tasks and {reports} reports acknowledged before the kill.");

        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        await Task.WhenAll(writers);

        var (_, second) = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Readiness.Path)).StatusCode);
        acknowledged.Add((await CreateAsync(second, Integrity.NewTask(_unitId, "Sau khi khởi động lại")))!.Value);
        await using var db = Database.CreateContext(_connectionString);
        await Integrity.CheckAsync(db, [.. acknowledged], EvidenceDirectory);
        Assert.True(await db.ProgressReports.CountAsync() >= reports);
    }
}

public sealed class InstanceKilledOnSqlite() : InstanceKilledTests(Provider.Sqlite);

[OnPostgres]
public sealed class InstanceKilledOnPostgres() : InstanceKilledTests(Provider.Postgres);
