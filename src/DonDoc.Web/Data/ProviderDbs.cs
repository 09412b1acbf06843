using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonDoc.Web.Data;

// One context type per database, because EF Core keeps one migration set and snapshot per context
// type: the migrations in Data/Migrations/Sqlite and Data/Migrations/Postgres. scripts/add-migration
// adds one to both.

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, TimeProvider time, IHttpContextAccessor? http = null,
    Features.Accounts.SecurityCache? security = null) : AppDb(options, time, http, security);

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, TimeProvider time, IHttpContextAccessor? http = null,
    Features.Accounts.SecurityCache? security = null) : AppDb(options, time, http, security);

// What `dotnet ef` builds to compare the model with the last snapshot; it connects to nothing.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) => (SqliteAppDb)Infrastructure.Database.CreateContext("Data Source=:memory:");
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) => (PostgresAppDb)Infrastructure.Database.CreateContext("Host=localhost;Database=dondoc");
}
