using Microsoft.Data.Sqlite;
using Npgsql;

namespace DonDoc.Web.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Throwaway real databases: a SQLite file in a temp directory, or a fresh database on the
/// PostgreSQL server named by DONDOC_TEST_PG (scripts/test starts one).
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "DONDOC_TEST_PG";

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static string? PostgresSkipReason => PostgresServer is null && !InCi
        ? $"PostgreSQL tests skipped: {PostgresVariable} is not set (scripts/test starts a private server and sets it)."
        : null;

    public static string RequirePostgresServer() => PostgresServer
        ?? throw new InvalidOperationException(
            $"CI=true but {PostgresVariable} is not set: under CI the PostgreSQL suite must run, not be skipped.");

    public static async Task<string> CreateAsync(Provider provider, string directory, string name)
    {
        if (provider == Provider.Sqlite)
            return $"Data Source={Path.Combine(directory, name + ".db")}";
        // PostgreSQL cuts identifiers at 63 bytes.
        var database = $"dondoc_test_{Guid.NewGuid():N}_{name}".ToLowerInvariant();
        database = database[..Math.Min(database.Length, 63)];
        await using (var admin = await OpenAdminAsync())
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin))
            await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(RequirePostgresServer()) { Database = database, Pooling = true }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        if (!connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(RequirePostgresServer()) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
