using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Units;

namespace DonDoc.Web.Tests.Rules;

public sealed class RankingTests
{
    [Fact]
    public void Ties_share_a_rank_more_done_ranks_higher_at_the_same_rate_and_nothing_due_is_unranked()
    {
        UnitCounts Unit(int id, int done, int overdue, int notDue = 0) =>
            new(id, $"U{id:00}", $"Đơn vị {id}", UnitType.DangBoCoSo, new Counts(done + overdue + notDue, done, 0, 0, notDue, 0, overdue, 0, 0));
        var units = new[]
        {
            Unit(1, done: 3, overdue: 1),    // 75%, 3 done
            Unit(2, done: 30, overdue: 10),  // 75%, 30 done
            Unit(3, done: 0, overdue: 0, notDue: 5),
            Unit(4, done: 9, overdue: 1),    // 90%
            Unit(5, done: 3, overdue: 1),    // 75%, 3 done: tied with 1
            Unit(6, done: 1, overdue: 3),    // 25%
        };

        var ordered = Ranking.Order(units).ToList();
        var ranks = Ranking.Ranks(ordered);

        Assert.Equal([4, 2, 1, 5, 6, 3], ordered.Select(u => u.Id));
        Assert.Equal(1, ranks[4]);
        Assert.Equal(2, ranks[2]);
        Assert.Equal(3, ranks[1]);
        Assert.Equal(3, ranks[5]);
        Assert.Equal(5, ranks[6]);
        Assert.False(ranks.ContainsKey(3));
        Assert.Null(units[2].Counts.CompletionRate);
        Assert.Equal(75m, units[1].Counts.CompletionRate);
    }
}
