using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;
using DonDoc.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace DonDoc.Web.Features.Tasks;

/// <summary>
/// Evidence files are written before their report's transaction commits; a process that dies in
/// between leaves a file no row points to. Files older than a day that no row names are removed.
/// </summary>
public sealed class EvidenceSweep(AppDb db, IOptions<EvidenceOptions> options, TimeProvider time, ILogger<EvidenceSweep> log)
{
    public const string Name = "evidence-sweep";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var dir = options.Value.Directory;
        if (!Directory.Exists(dir))
            return 0;
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-1);
        var old = new DirectoryInfo(dir).EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff).ToList();
        var removed = 0;
        foreach (var batch in old.Chunk(500))
        {
            var names = batch.Select(f => f.Name).ToList();
            var known = (await db.Evidence.Where(e => names.Contains(e.StoredName)).Select(e => e.StoredName).ToListAsync(ct)).ToHashSet();
            foreach (var file in batch.Where(f => !known.Contains(f.Name)))
            {
                file.Delete();
                removed++;
            }
        }
        if (removed > 0)
            log.LogInformation("Đã xóa {Count} tệp minh chứng không thuộc báo cáo nào.", removed);
        return removed;
    }
}

/// <summary>The sweep as a background job, every Jobs:EvidenceSweepInterval (five minutes unless set).</summary>
[DisallowConcurrentExecution]
public sealed class EvidenceSweepJob(EvidenceSweep sweep) : IJob
{
    public const string Interval = "Jobs:EvidenceSweepInterval";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await sweep.RunAsync(ct);

    public static void Schedule(IQuartzBuilder q, IConfiguration config) =>
        q.ScheduleJob<EvidenceSweepJob>(t => t.WithIdentity(EvidenceSweep.Name).Every(config.GetValue(Interval, TimeSpan.FromMinutes(5))));
}
