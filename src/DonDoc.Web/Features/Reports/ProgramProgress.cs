using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

public sealed record Milestone(DateOnly Day, int Completed, int Total);

/// <summary>
/// A program's x/y at each quarter's end since it was assigned, and on the day asked for: the children's history
/// replayed as the dashboard replays a past day (the last state written before the day's end, cancelled ones left
/// out), so the last milestone is the dashboard's x/y of that day. It reads the program's children's history only.
/// </summary>
public static class ProgramProgress
{
    public static async Task<List<Milestone>> MilestonesAsync(AppDb db, int programId, DateOnly day, CancellationToken ct)
    {
        var cut = Clock.EndOfDayUtc(day);
        var start = await db.TaskEvents.Where(e => e.TaskId == programId && e.AtUtc < cut).MinAsync(e => (DateOnly?)e.OnDate, ct);
        if (start is not { } from)
            return [];
        var children = db.Tasks.Where(t => t.ParentId == programId).Select(t => t.Id);
        var events = await db.TaskEvents.AsNoTracking()
            .Where(e => children.Contains(e.TaskId) && e.AtUtc < cut)
            .OrderBy(e => e.Id)
            .Select(e => new { e.TaskId, e.AtUtc, e.Status })
            .ToListAsync(ct);
        var byTask = events.GroupBy(e => e.TaskId).Select(g => g.ToList()).ToList();
        return Days(from, day).Select(d =>
        {
            var end = Clock.EndOfDayUtc(d);
            var states = byTask.Select(h => h.LastOrDefault(e => e.AtUtc < end)?.Status).Where(s => s is not null and not TaskState.Cancelled).ToList();
            return new Milestone(d, states.Count(s => s == TaskState.Completed), states.Count);
        }).ToList();
    }

    /// <summary>The quarters' last days after <paramref name="from"/> and before <paramref name="day"/>, then the day itself;
    /// a program longer than the chart holds is drawn by the years' last days.</summary>
    public static List<DateOnly> Days(DateOnly from, DateOnly day)
    {
        List<DateOnly> Ends(int months)
        {
            var ends = new List<DateOnly>();
            var end = new DateOnly(from.Year, (from.Month - 1) / months * months + 1, 1).AddMonths(months).AddDays(-1);
            for (; end < day; end = end.AddDays(1).AddMonths(months).AddDays(-1))
                if (end >= from)
                    ends.Add(end);
            return ends;
        }
        var quarters = Ends(3);
        var chosen = quarters.Count < ReportCharts.MaxBars ? quarters : Ends(12);
        return [.. chosen.TakeLast(ReportCharts.MaxBars - 1), day];
    }
}
