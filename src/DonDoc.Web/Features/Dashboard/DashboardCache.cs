using DonDoc.Web.Data;
using DonDoc.Web.Features.AuditTrail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DonDoc.Web.Features.Dashboard;

/// <summary>
/// The dashboards this instance has read, each with the head of the audit chain it was read at. Every save that
/// changes what a dashboard shows (a task and its history, a unit, the tree) writes audit entries in its transaction,
/// and the chain is locked from the first write to the commit, so its ids follow the order of the commits: while the
/// head is the same, no change has been committed since, on any instance. A request thus reads the head (one row of
/// the primary key) and answers from here when nothing changed, or reads the dashboard again when anything did.
/// Writes that bypass the saves (the bulk load of <c>seed</c>) are for a database no instance serves yet.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    // A dashboard is a unit and its children's counts; a national tree has some 60.000 units, of which people
    // open a few hundred on a day, and each past day is another entry.
    private const int MaxEntries = 4_096;

    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly record struct Key(int UnitId, DateOnly Day, DateOnly Today);

    private sealed record Entry(long Head, DashboardView View);

    /// <summary>
    /// The id of the newest audit entry of a change to data: it moves with every committed save. Sign-in and sign-out
    /// events change no data, so a morning of sign-ins leaves the dashboards where they are; they are read backwards
    /// from the newest entry, a few rows at most between two saves.
    /// </summary>
    public static async Task<long> HeadAsync(AppDb db, CancellationToken ct) =>
        await db.AuditEntries.Where(e => e.Action == AuditAction.Added || e.Action == AuditAction.Modified || e.Action == AuditAction.Deleted)
            .OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(ct);

    public DashboardView? Find(int unitId, DateOnly day, DateOnly today, long head) =>
        _views.TryGetValue(new Key(unitId, day, today), out Entry? entry) && entry!.Head == head ? entry.View : null;

    public void Keep(int unitId, DateOnly day, DateOnly today, long head, DashboardView view) =>
        _views.Set(new Key(unitId, day, today), new Entry(head, view), new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _views.Dispose();
}
