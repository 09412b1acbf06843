using System.Collections.Concurrent;
using System.Net;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped, then killed, while writers and readers load the app: every answer in between is a 503
/// with Retry-After and a Vietnamese body (never an empty 500, never a 401), readiness says so, and once the server
/// is back everything acknowledged is there, whole, with the audit chain intact.
/// </summary>
[OnPostgres]
public sealed class DatabaseOutageOnPostgres : IAsyncLifetime
{
    private PrivatePostgres _server = null!;
    private OutageApp _app = null!;

    private sealed class OutageApp(PrivatePostgres server) : TestApp(Provider.Postgres)
    {
        protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("outage");
        protected override Task DropDatabaseAsync() => Task.CompletedTask;
    }

    public async Task InitializeAsync()
    {
        if (TestDatabases.PostgresSkipReason is not null)
            return;
        _server = await PrivatePostgres.StartAsync();
        _app = new OutageApp(_server);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await ((IAsyncLifetime)_app).DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [DbFact]
    public async Task Stopped_and_killed_under_load_answers_503_then_recovers_losing_nothing()
    {
        var admin = _app.AdminClient();
        var reader = await _app.ClientAsync("Viewer", _app.Units.Root);
        var acknowledged = new ConcurrentBag<int>();
        var refusals = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3)
            .Select(w => Task.Run(() => Integrity.WriteUntilAsync(_app, admin, $"w{w}", acknowledged, refusals, stop.Token))).ToList();
        var reads = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await reader.GetAsync("/api/tasks?pageSize=5");
                if (response.StatusCode != HttpStatusCode.OK)
                    refusals.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {response.Headers.RetryAfter} {await response.Content.ReadAsStringAsync()}");
            }
        });
        await WaitAsync(() => acknowledged.Count >= 10);

        await _server.StopAsync("fast");
        var ackedBeforeOutage = acknowledged.Count;
        await AssertDownAsync(admin, reader);
        await _server.StartAgainAsync();
        await WaitReadyAsync();
        await WaitAsync(() => acknowledged.Count >= ackedBeforeOutage + 10);

        // Killed with writes in flight: no chance to finish what it was doing.
        await _server.StopAsync("immediate");
        await AssertDownAsync(admin, reader);
        await _server.StartAgainAsync();
        await WaitReadyAsync();
        var ackedBeforeKill = acknowledged.Count;
        await WaitAsync(() => acknowledged.Count >= ackedBeforeKill + 10);
        await stop.CancelAsync();
        await Task.WhenAll([.. writers, reads]);

        Assert.All(refusals, r => Assert.Matches(@"^503 application/problem\+json 5 \{.*""title"":""Cơ sở dữ liệu tạm thời không truy cập được""", r));
        await Integrity.CheckAsync(_app, [.. acknowledged]);
    }

    private async Task AssertDownAsync(HttpClient admin, HttpClient reader)
    {
        foreach (var response in new[]
        {
            await reader.GetAsync("/api/tasks"),
            await admin.PostAsync("/api/tasks", Integrity.NewTask(_app, "Giao khi mất kết nối")),
            await admin.PostAsync("/api/documents", new { Symbol = "1-KH/TU", IssuedOn = "2026-01-05", Title = "Kế hoạch" }),
        })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Contains("Cơ sở dữ liệu tạm thời không truy cập được", text);
        }
        // A person in a browser gets a page, drawn without the database.
        var page = await reader.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Cơ sở dữ liệu tạm thời không truy cập được</h1>", await page.Content.ReadAsStringAsync());
        var ready = await _app.CreateClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Unhealthy\"", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    private async Task WaitReadyAsync() =>
        await WaitAsync(async () => (await _app.CreateClient().GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK);

    private static Task WaitAsync(Func<bool> done) => WaitAsync(() => Task.FromResult(done()));

    // Bounded, so that a server that never comes back fails the test instead of hanging it.
    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await done())
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The condition was not reached within a minute.");
    }
}
