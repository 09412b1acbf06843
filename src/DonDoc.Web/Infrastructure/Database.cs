using DonDoc.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

    public static string ConnectionString(IConfiguration config) =>
        config["DONDOC_DB"] is { Length: > 0 } env ? env
        : config.GetConnectionString("Default") is { Length: > 0 } cs ? cs
        : DefaultSqlite;

    public static DbProvider ProviderOf(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DbProvider.Postgres : DbProvider.Sqlite;

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        if (ProviderOf(connectionString) == DbProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
            return;
        }
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir)
            Directory.CreateDirectory(dir);
        options.UseSqlite(builder.ToString());
    }

    public static IServiceCollection AddDonDocDb(this IServiceCollection services, IConfiguration config)
    {
        var cs = ConnectionString(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        // AppDb reads who changes what, and from where, for the audit trail.
        services.AddHttpContextAccessor();
        return services.AddDbContext<AppDb>(o => Configure(o, cs));
    }

    public static async Task MigrateAsync(AppDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            // WAL lets readers go on while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
