using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Dashboard;

/// <summary>
/// DonDoc's PostgreSQL sessions plan without parallel workers (a request's few index ranges cost less than starting
/// them), unless the connection string says otherwise.
/// </summary>
[OnPostgres]
public sealed class PostgresSessionTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [DbFact]
    public async Task The_applications_sessions_start_no_parallel_workers_unless_the_operator_asks()
    {
        var setting = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync());
        Assert.Equal("0", setting);

        var own = Database.WithoutParallelWorkers(app.ConnectionString + ";Options=-c max_parallel_workers_per_gather=2 -c work_mem=8MB");
        await using var db = Database.CreateContext(own);
        Assert.Equal("2", await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync());
        Assert.Equal("8MB", await db.Database.SqlQueryRaw<string>("SELECT current_setting('work_mem') AS \"Value\"").SingleAsync());
        // Other options are kept beside the one added.
        await using var other = Database.CreateContext(app.ConnectionString + ";Options=-c work_mem=8MB");
        Assert.Equal("0", await other.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync());
        Assert.Equal("8MB", await other.Database.SqlQueryRaw<string>("SELECT current_setting('work_mem') AS \"Value\"").SingleAsync());
    }
}
