using DonDoc.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DonDoc.Web.Infrastructure;

public enum DbProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One connection string picks the database: "Data Source=…" is the embedded SQLite file,
/// "Host=…" a PostgreSQL server. DONDOC_DB wins over ConnectionStrings:Default.
/// </summary>
public static class Database
{
    public const string DefaultSqlite = "Data Source=data/dondoc.db";

    /// <summary>A unique key refused the write, on either database (the exception or one it wraps).</summary>
    public static bool IsDuplicate(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
        || (e.InnerException is { } inner && IsDuplicate(inner));

    public static string ConnectionString(IConfiguration config) =>
        config["DONDOC_DB"] is { Length: > 0 } env ? env
        : config.GetConnectionString("Default") is { Length: > 0 } cs ? cs
        : DefaultSqlite;

    public static DbProvider ProviderOf(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DbProvider.Postgres : DbProvider.Sqlite;

    /// <summary>
    /// Held while an instance prepares the database at start: the migrations, then the roles, the first administrator
    /// and the demo data. Instances started together on a new PostgreSQL database would each create the tables and
    /// those rows, and all but one would stop ("relation already exists", a duplicate key); with this lock the others
    /// wait, then find them made. A SQLite file is one instance's: no lock.
    /// </summary>
    public static async Task<IAsyncDisposable> StartupLockAsync(AppDb db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
            return NoLock.Instance;
        // A session lock on a connection the context keeps open until it is released. Waited for as long as the other
        // instance takes (a long migration), not the command timeout: if it dies, its session ends and frees the lock.
        await db.Database.OpenConnectionAsync(ct);
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(0);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
        return new StartupLock(db);
    }

    // Any number of our own; the value only has to differ from the other advisory locks taken on the database.
    private const long StartupLockKey = 0x446F6E446F63;

    private sealed class StartupLock(AppDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <remarks>
    /// On PostgreSQL transient failures (a server restarting, a connection cut) are retried by <see cref="RetryWholeUnits"/>.
    /// SQLite has no such failures to retry: a locked database is waited for, up to the command timeout.
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, DatabaseLimits? limits = null)
    {
        limits ??= DatabaseLimits.Default;
        options.AddInterceptors(new CommitWatch());
        if (ProviderOf(connectionString) == DbProvider.Postgres)
        {
            options.UseNpgsql(WithoutParallelWorkers(connectionString), o => o
                .CommandTimeout(limits.CommandTimeoutSeconds)
                .ExecutionStrategy(dependencies => new RetryWholeUnits(dependencies, limits)));
            return;
        }
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir)
            Directory.CreateDirectory(dir);
        options.UseSqlite(builder.ToString(), o => o.CommandTimeout(limits.CommandTimeoutSeconds));
        options.AddInterceptors(SqlitePageCache.Instance);
    }

    /// <summary>
    /// Gives each SQLite connection a page cache of <see cref="KiB"/> KiB instead of SQLite's 2 MB. At 1M tasks a search
    /// reads about 320 pages of the word index and 200 rows of tasks: more than 2 MB holds, so each search read them again
    /// from the file. The cache lives as long as the pooled connection; a commit by another connection empties it.
    /// </summary>
    public sealed class SqlitePageCache : DbConnectionInterceptor
    {
        public const int KiB = 8192;
        public static readonly SqlitePageCache Instance = new();
        private static readonly string Pragma = $"PRAGMA cache_size = -{KiB}";

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The connection string with PostgreSQL's parallel workers turned off for DonDoc's sessions, unless it sets them
    /// itself. Every read of a request is a few index ranges: measured at 1M tasks, the dashboard's count read took
    /// 2 ms alone and 45–110 ms when the planner split it over workers (the workers' start on a busy server), a
    /// parallel plan being chosen by its cost whatever the wait. One request, one core.
    /// </summary>
    public static string WithoutParallelWorkers(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("max_parallel_workers_per_gather", StringComparison.Ordinal) != true)
            builder.Options = $"{builder.Options} -c max_parallel_workers_per_gather=0".Trim();
        return builder.ConnectionString;
    }

    public static IServiceCollection AddDonDocDb(this IServiceCollection services, IConfiguration config)
    {
        var cs = ConnectionString(config);
        var limits = DatabaseLimits.From(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        // AppDb reads who changes what, and from where, for the audit trail.
        services.AddHttpContextAccessor();
        // The options are built once: they depend on the configuration only, and a request should not pay for them.
        return ProviderOf(cs) == DbProvider.Postgres
            ? services.AddDbContext<AppDb, PostgresAppDb>(o => Configure(o, cs, limits), optionsLifetime: ServiceLifetime.Singleton)
            : services.AddDbContext<AppDb, SqliteAppDb>(o => Configure(o, cs, limits), optionsLifetime: ServiceLifetime.Singleton);
    }

    /// <summary>A context outside dependency injection, for the command-line verbs and the tests.</summary>
    public static AppDb CreateContext(string connectionString, TimeProvider? time = null, params IInterceptor[] interceptors)
    {
        time ??= TimeProvider.System;
        if (ProviderOf(connectionString) == DbProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAppDb>().AddInterceptors(interceptors);
            Configure(postgres, connectionString);
            return new PostgresAppDb(postgres.Options, time);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAppDb>().AddInterceptors(interceptors);
        Configure(sqlite, connectionString);
        return new SqliteAppDb(sqlite.Options, time);
    }

    // The migrations written by hand before EF Core's tools were on the package feed; the first
    // migration of each set (Baseline) builds the schema they left.
    private static readonly string[] HandWritten =
        ["20261121000000_Initial", "20261121100000_Conferences", "20261121200000_Accounts", "20261121210000_Audit", "20261121220000_Cluster"];

    /// <summary>Brings the schema up to date; every verb and the start of the web host call this.</summary>
    public static async Task MigrateAsync(AppDb db, CancellationToken ct = default)
    {
        await AdoptBaselineAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            // WAL lets readers go on while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await FillCountStepsAsync(db, ct);
    }

    // A database from a version without the count steps has a history but no steps: they are written once from it.
    private static async Task FillCountStepsAsync(AppDb db, CancellationToken ct)
    {
        if (await db.UnitCountSteps.AnyAsync(ct) || !await db.TaskEvents.AnyAsync(ct))
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            // Two instances starting together: the second waits here, then finds the steps written.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"UnitCountSteps\" IN EXCLUSIVE MODE", ct);
        if (await db.UnitCountSteps.AnyAsync(ct))
            return;
        await Features.Dashboard.CountSteps.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A database built by the hand-written migrations has the baseline's schema already: record the
    /// baseline as applied, so that EF Core goes on from there instead of creating the tables again.
    /// </summary>
    private static async Task AdoptBaselineAsync(AppDb db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        var baseline = db.Database.GetMigrations().First();
        async Task<bool> NeedsBaselineAsync()
        {
            var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToHashSet();
            if (applied.Contains(baseline) || !applied.Overlaps(HandWritten))
                return false;
            if (!applied.IsSupersetOf(HandWritten))
                throw new InvalidOperationException(
                    $"Cơ sở dữ liệu dừng ở bản cập nhật cấu trúc {applied.Intersect(HandWritten).Max()}: hãy chạy “migrate” của phiên bản trước "
                    + $"(có {HandWritten[^1]}) rồi mới chạy phiên bản này.");
            return true;
        }
        if (!await NeedsBaselineAsync())
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            // Two instances starting together: the second waits here, then finds the row written.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"__EFMigrationsHistory\" IN SHARE ROW EXCLUSIVE MODE", ct);
        if (!await NeedsBaselineAsync())
            return;
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
        await tx.CommitAsync(ct);
    }
}
