using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.Extensions.Options;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

/// <summary>
/// The data of a first start: Hà Nội's Party structure since the 2025 reorganisation with the
/// units it replaced, the reference tables, the documents the office's reports cite, and tasks in
/// every state. The 2020–2025 term's programs keep their own dates; current work is dated from
/// today, so there is always something overdue or due soon. History is written in the order it
/// happened, so the dashboard of any past day can be replayed.
/// </summary>
public static partial class DemoData
{
    // Relative dates reach back about 200 days and must land after the July 2025 reorganisation and the January 2026 documents.
    private static readonly DateOnly EarliestToday = new(2026, 2, 1);

    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var clock = new Clock(time);
        var today = clock.Today;
        if (today < EarliestToday)
            throw new InvalidOperationException($"Dữ liệu mẫu cần ngày hiện tại từ {Text.VnFormat.Date(EarliestToday)} trở đi.");
        var random = new Random(20210317);
        await using var tx = await db.Database.BeginTransactionAsync();
        await SeedReferenceTablesAsync(db);
        var units = await SeedUnitsAsync(db);
        var documents = await SeedDocumentsAsync(db, clock);
        var seedTime = new SeedTime(time);
        // History rows are dated by the seed's clock, so the past it writes reads as past.
        var ledger = new TaskLedger(new Clock(seedTime));
        var workflow = new TaskWorkflow(db, new Clock(seedTime), ledger, Options.Create(new EvidenceOptions()), new Features.Notices.NoticeBoard(db, new Clock(seedTime)));
        var schedule = new Schedule(db, seedTime, ledger, workflow, today);
        var planner = new Planner(units, documents, today, random);
        foreach (var plan in planner.Build())
            schedule.Add(plan);
        await schedule.RunAsync();
        var plenum = await SeedConferencesAsync(db, units, documents, clock.UtcNow);
        await SeedReviewsAsync(db, units, planner.Plenum16, plenum);
        await SeedConclusionDraftsAsync(db, documents[(ConclusionSymbol, 2026)], clock);
        await SeedIndicatorsAsync(db, units, documents, today);
        await SeedYearsAsync(db, units.Root);
        await tx.CommitAsync();
    }
}
