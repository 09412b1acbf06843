using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Search;

/// <summary>DonDoc's SQLite connections keep a larger page cache than SQLite's own 2 MB, on every open from the pool.</summary>
public sealed class SqlitePageCacheTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_connection_of_the_application_keeps_its_larger_page_cache()
    {
        for (var i = 0; i < 3; i++)
        {
            var size = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT cache_size AS \"Value\" FROM pragma_cache_size").SingleAsync());
            Assert.Equal(-Database.SqlitePageCache.KiB, size);
        }
        await using var own = Database.CreateContext(app.ConnectionString);
        Assert.Equal(-Database.SqlitePageCache.KiB, await own.Database.SqlQueryRaw<int>("SELECT cache_size AS \"Value\" FROM pragma_cache_size").SingleAsync());
    }
}
