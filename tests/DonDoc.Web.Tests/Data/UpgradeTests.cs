using System.Data.Common;
using System.IO.Compression;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DonDoc.Web.Tests.Data;

/// <summary>
/// A database built by the hand-written migrations, with the demo data (Data/Fixtures), upgrades in
/// place through the built executable's "migrate": every table keeps its rows, the audit chain holds,
/// and the schema is the one today's migrations build.
/// </summary>
public abstract class UpgradeTests(Provider provider) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-upgrade-").FullName;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        _connectionString = await TestDatabases.CreateAsync(provider, _dir, "upgrade");
        if (provider == Provider.Sqlite)
        {
            await using var file = File.Create(Path.Combine(_dir, "upgrade.db"));
            await using var gzip = new GZipStream(File.OpenRead(Fixture("demo-2026-11.sqlite.db.gz")), CompressionMode.Decompress);
            await gzip.CopyToAsync(file);
        }
        else
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(Fixture("demo-2026-11.postgres.sql.gz")), CompressionMode.Decompress));
            var dump = await reader.ReadToEndAsync();
            // Unpooled: the dump empties the session's search_path.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var restore = new NpgsqlCommand(dump, connection) { CommandTimeout = 300 };
            await restore.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_connectionString.Length > 0)
            await TestDatabases.DropAsync(_connectionString);
        Directory.Delete(_dir, recursive: true);
    }

    [DbFact]
    public async Task Migrate_upgrades_a_database_of_the_hand_written_migrations_and_loses_nothing()
    {
        var before = await CountRowsAsync();
        Assert.True(before["Tasks"] > 100 && before["AuditEntries"] > 1000 && before["DataProtectionKeys"] > 0,
            "The fixture holds too little to prove anything: " + string.Join(", ", before));

        var (exitCode, output, error) = await MigrateAsync();
        Assert.True(exitCode == 0, $"migrate exited {exitCode}: {output}{error}");

        var after = await CountRowsAsync();
        // The lease table gave way to Quartz.NET.
        var lost = before.Where(t => t.Key != "Leases" && after.GetValueOrDefault(t.Key, -1) != t.Value)
            .Select(t => $"{t.Key}: {t.Value} → {after.GetValueOrDefault(t.Key, -1)}").ToList();
        Assert.True(lost.Count == 0, "Rows changed by the upgrade: " + string.Join("; ", lost));

        await using var db = Database.CreateContext(_connectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var audit = await AuditVerifier.VerifyAsync(db);
        Assert.True(audit.Intact, audit.Message);
        Assert.Equal(before["AuditEntries"], audit.Count);

        // The same schema as a database made by today's migrations.
        var fresh = await TestDatabases.CreateAsync(provider, _dir, "fresh");
        try
        {
            await using (var freshDb = Database.CreateContext(fresh))
                await Database.MigrateAsync(freshDb);
            var drift = MigrationDriftTests.Diff(
                await MigrationDriftTests.ReadSchemaAsync(provider, _connectionString), await MigrationDriftTests.ReadSchemaAsync(provider, fresh));
            Assert.True(drift.Length == 0, "The upgraded database (−) and a new one (+) differ:\n" + drift);
        }
        finally
        {
            await TestDatabases.DropAsync(fresh);
        }

        // A second run finds nothing to do.
        (exitCode, output, error) = await MigrateAsync();
        Assert.True(exitCode == 0, $"migrate exited {exitCode} the second time: {output}{error}");
        Assert.Equal(after, await CountRowsAsync());
    }

    [DbFact]
    public async Task A_database_stopped_between_the_hand_written_migrations_is_refused_untouched()
    {
        await using (var db = Database.CreateContext(_connectionString))
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261121220000_Cluster'""");
        var before = await CountRowsAsync();

        var (exitCode, output, error) = await MigrateAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("20261121210000_Audit", output + error);
        Assert.Equal(before, await CountRowsAsync());
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", name);

    private async Task<SortedDictionary<string, long>> CountRowsAsync()
    {
        await using var db = Database.CreateContext(_connectionString);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ColumnAsync<string>(connection, provider == Provider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_\\_EF%'");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
            counts[table] = (await ColumnAsync<long>(connection, $"SELECT COUNT(*) FROM \"{table}\""))[0];
        return counts;
    }

    private static async Task<List<T>> ColumnAsync<T>(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
            values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    private Task<(int ExitCode, string Output, string Error)> MigrateAsync() => Verb.RunAsync(_connectionString, _dir, "migrate");
}

public sealed class UpgradeOnSqlite() : UpgradeTests(Provider.Sqlite);

[OnPostgres]
public sealed class UpgradeOnPostgres() : UpgradeTests(Provider.Postgres);
