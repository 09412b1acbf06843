using System.Globalization;
using DonDoc.Web.Data;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DonDoc.Web.Features.Search;

/// <summary>
/// Merges each SQLite search table (FTS5) into one segment. Every transaction that writes a key adds a segment, and
/// FTS5 merges them only four at a time, level by level: a million tasks loaded by the seed left sixteen, a day's saves
/// leave a few more. A search reads each trigram's list in every segment; merged into one, a common word's search at a
/// million tasks answered 16 connections with a median of 20 ms instead of 50 (docs/architecture.md, Search).
/// PostgreSQL's GIN indexes are kept by its own vacuum.
/// </summary>
public static class SearchMerge
{
    public const string Name = "search-merge";

    // Pages written by one step, each step its own transaction: a save waits at most for one step, not the whole merge.
    private const int PagesPerStep = 2000;

    /// <returns>The segments each table held before the merge.</returns>
    public static async Task<Dictionary<string, int>> RunAsync(AppDb db, CancellationToken ct)
    {
        var before = new Dictionary<string, int>();
        if (!db.Database.IsSqlite())
            return before;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The tables' names come from SearchIndex, never from a request.
            foreach (var index in SearchIndex.SqliteTables)
            {
                before[index] = await SegmentsAsync(db, index, ct);
                var step = $"""INSERT INTO "{index}" ("{index}", rank) VALUES ('merge', {-PagesPerStep})""";
                if (before[index] <= 1)
                    continue;
                // A negative count merges segments of every level, as 'optimize' does, a step at a time. A step that
                // changed fewer than two rows found nothing left to merge (SQLite's FTS5 documentation, "merge").
                long changed;
                do
                {
                    var start = await ScalarAsync(db, "SELECT total_changes()", ct);
                    await ScalarAsync(db, step, ct);
                    changed = await ScalarAsync(db, "SELECT total_changes()", ct) - start;
                }
                while (changed >= 2);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return before;
    }

    /// <summary>The segments of an FTS5 table: its <c>_idx</c> table holds a row per segment and leaf range.</summary>
    public static async Task<int> SegmentsAsync(AppDb db, string index, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return (int)await ScalarAsync(db, $"""SELECT count(DISTINCT segid) FROM "{index}_idx" """, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // On the context's open connection: total_changes() counts that connection's changes.
    private static async Task<long> ScalarAsync(AppDb db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }
}

/// <summary>The merge as a background job on SQLite, every night at Jobs:SearchMergeCron (01:30, Hà Nội time, unless set).</summary>
[DisallowConcurrentExecution]
public sealed class SearchMergeJob(AppDb db, ILogger<SearchMergeJob> log) : IJob
{
    public const string Cron = "Jobs:SearchMergeCron";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var before = await SearchMerge.RunAsync(db, ct);
        var merged = before.Where(b => b.Value > 1).Select(b => $"{b.Key} {b.Value} → 1 phân đoạn").ToList();
        if (merged.Count > 0)
            log.LogInformation("Đã gộp chỉ mục tìm kiếm: {Segments}.", string.Join(", ", merged));
    }

    public static void Schedule(IQuartzBuilder q, IConfiguration config)
    {
        if (Database.ProviderOf(Database.ConnectionString(config)) != DbProvider.Sqlite)
            return;
        q.ScheduleJob<SearchMergeJob>(t => t.WithIdentity(SearchMerge.Name)
            .WithCronSchedule(config.GetValue(Cron, "0 30 1 * * ?")!, c => c.InTimeZone(Clock.Zone)));
    }
}
