namespace DonDoc.Web.Features.Dashboard;

/// <summary>
/// The order of child units on a dashboard. A unit ranks by its completion rate; at the same rate the
/// one with more tasks done ranks higher (30/34 above 3/4), then the one with fewer overdue. Units with
/// the same rate and the same number done share a rank ("1, 2, 2, 4"). A unit with nothing due yet has
/// no rate and no rank, and is listed last.
/// </summary>
public static class Ranking
{
    public static IEnumerable<UnitCounts> Order(IEnumerable<UnitCounts> units) => units
        .OrderByDescending(u => u.Counts.CompletionRate is not null)
        .ThenByDescending(u => u.Counts.CompletionRate ?? 0)
        .ThenByDescending(u => u.Counts.Completed)
        .ThenBy(u => u.Counts.Overdue)
        .ThenBy(u => u.Code);

    /// <summary>The rank of each ranked unit in <paramref name="ordered"/>, as <see cref="Order"/> left them.</summary>
    public static IReadOnlyDictionary<int, int> Ranks(IReadOnlyList<UnitCounts> ordered)
    {
        var ranks = new Dictionary<int, int>();
        UnitCounts? previous = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var unit = ordered[i];
            if (unit.Counts.CompletionRate is null)
                break;
            var tied = previous is not null && previous.Counts.CompletionRate == unit.Counts.CompletionRate
                && previous.Counts.Completed == unit.Counts.Completed;
            ranks[unit.Id] = tied ? ranks[previous!.Id] : i + 1;
            previous = unit;
        }
        return ranks;
    }
}
