using System.Data.Common;
using System.Net;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DonDoc.Web.Tests.Faults;

/// <summary>
/// The tasks table held by a lock: a request waits no longer than the database wait limit and then gets a clear
/// 503/504; a flood of requests meets a bounded queue, the excess refused at once with 503, and nothing half-written.
/// The apps here let 2 requests reach the database at a time and queue 2 more; one waits 1 second for a command,
/// the other a minute, so that the requests it lets in stay held until the lock goes.
/// </summary>
public abstract class SlowDatabaseTests(SlowDatabaseTests.App app)
{
    protected App Subject => app;

    public abstract class App(Provider provider, int commandTimeout) : TestApp(provider)
    {
        public int CommandTimeout => commandTimeout;

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:MaxConcurrentRequests", "2");
            builder.UseSetting("Database:RequestQueueLimit", "2");
            builder.UseSetting("Database:CommandTimeout", commandTimeout.ToString());
        }
    }

    public sealed class SqliteQuick() : App(Provider.Sqlite, 1);
    public sealed class PostgresQuick() : App(Provider.Postgres, 1);
    public sealed class SqlitePatient() : App(Provider.Sqlite, 60);
    public sealed class PostgresPatient() : App(Provider.Postgres, 60);

    /// <summary>
    /// Holds the tasks table from another connection until disposed: on PostgreSQL an exclusive lock (reads and
    /// writes wait), on SQLite the write lock (writes wait; readers go on, as WAL lets them).
    /// </summary>
    protected async Task<IAsyncDisposable> LockTasksAsync()
    {
        DbConnection connection = app.Provider == Provider.Postgres
            ? new NpgsqlConnection(app.ConnectionString + ";Pooling=false")
            : new SqliteConnection(app.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        var tx = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = app.Provider == Provider.Postgres
            ? "LOCK TABLE \"Tasks\" IN ACCESS EXCLUSIVE MODE"
            : "UPDATE \"Tasks\" SET \"Title\" = \"Title\" WHERE 0";
        await command.ExecuteNonQueryAsync();
        return new Lock(connection, tx);
    }

    private sealed class Lock(DbConnection connection, DbTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    protected Task<HttpResponseMessage> WaitingRequestAsync(HttpClient client, int i) => app.Provider == Provider.Postgres
        ? client.GetAsync("/api/tasks")
        : client.PostAsync("/api/tasks", Integrity.NewTask(app, $"Chờ khóa {i}"));

    protected static async Task AssertWaitLimitAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("Cơ sở dữ liệu (đang bận|phản hồi quá chậm)", text);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}

/// <summary>A request held by a lock longer than the database wait limit (1 second here).</summary>
public abstract class DatabaseWaitLimitTests(SlowDatabaseTests.App app) : SlowDatabaseTests(app)
{
    [DbFact]
    public async Task A_request_held_by_a_lock_past_the_wait_limit_gets_a_clear_answer_and_writes_nothing()
    {
        var client = Subject.AdminClient();
        var footprint = await Subject.FootprintAsync();
        await using (await LockTasksAsync())
        {
            await AssertWaitLimitAsync(await WaitingRequestAsync(client, 0));
            if (Subject.Provider == Provider.Postgres)
                await AssertWaitLimitAsync(await client.PostAsync("/api/tasks", Integrity.NewTask(Subject, "Giao khi bảng bị khóa")));
        }
        Assert.Equal(footprint, await Subject.FootprintAsync());
        await Integrity.CheckAsync(Subject, []);
    }
}

/// <summary>A flood of requests against the bounded queue (2 at the database, 2 waiting; commands wait a minute here).</summary>
public abstract class DatabaseQueueTests(SlowDatabaseTests.App app) : SlowDatabaseTests(app)
{
    [DbFact]
    public async Task A_flood_past_the_queue_is_refused_at_once_and_the_rest_is_served_once_the_lock_goes()
    {
        var client = Subject.AdminClient();
        var flood = new List<Task<HttpResponseMessage>>();
        await using (await LockTasksAsync())
        {
            flood.AddRange(Enumerable.Range(0, 20).Select(i => WaitingRequestAsync(client, i)));
            // Two are at the database and two in the queue, all held by the lock: every other one is answered now.
            var pending = flood.ToList();
            for (var i = 0; i < 16; i++)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                var response = await done;
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {text}");
                Assert.Contains(Fault.Overloaded.Title, text);
                Assert.Equal(TimeSpan.FromSeconds(Fault.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            }
            Assert.Equal(4, pending.Count(p => !p.IsCompleted));
        }
        // The four let in are served once the lock is gone.
        var acknowledged = new List<int>();
        foreach (var response in await Task.WhenAll(flood))
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                continue;
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            if (response.StatusCode == HttpStatusCode.Created)
                acknowledged.Add(System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32());
        }
        Assert.Equal(16, (await Task.WhenAll(flood)).Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable));
        await Integrity.CheckAsync(Subject, acknowledged);
    }
}

public sealed class DatabaseWaitLimitOnSqlite(SlowDatabaseTests.SqliteQuick app) : DatabaseWaitLimitTests(app), IClassFixture<SlowDatabaseTests.SqliteQuick>;

[OnPostgres]
public sealed class DatabaseWaitLimitOnPostgres(SlowDatabaseTests.PostgresQuick app) : DatabaseWaitLimitTests(app), IClassFixture<SlowDatabaseTests.PostgresQuick>;

public sealed class DatabaseQueueOnSqlite(SlowDatabaseTests.SqlitePatient app) : DatabaseQueueTests(app), IClassFixture<SlowDatabaseTests.SqlitePatient>;

[OnPostgres]
public sealed class DatabaseQueueOnPostgres(SlowDatabaseTests.PostgresPatient app) : DatabaseQueueTests(app), IClassFixture<SlowDatabaseTests.PostgresPatient>;
