using System.Globalization;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Dashboard;

/// <summary>One count of the dashboard; <see cref="Status"/> is the task list filter showing those tasks.</summary>
public sealed record Metric(string Key, string Label, int Value, string? Status, string Tone);

/// <summary>The counts of one unit's subtree, each linked to its tasks: today's task list, or the tasks as they stood on a past day.</summary>
public sealed record CountsCard(int UnitId, Counts Counts, DateOnly? AsOf = null)
{
    /// <summary>The count of <paramref name="counts"/> that the metric with this Status shows.</summary>
    public static int Pick(Counts counts, string status) => new CountsCard(0, counts).Metrics.Single(m => m.Status == status).Value;

    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("total", "Tổng số", Counts.Total, "counted", "total"),
        new("ontime", "Hoàn thành đúng hạn", Counts.CompletedOnTime, "completedontime", "good"),
        new("late", "Hoàn thành trễ hạn", Counts.CompletedLate, "completedlate", "late"),
        new("inprogress", "Đang thực hiện", Counts.InProgress, "working", "info"),
        new("submitted", "Chờ công nhận", Counts.Submitted, "submitted", "info"),
        new("overdue", "Quá hạn", Counts.Overdue, "overdue", "bad"),
        new("duesoon", "Sắp đến hạn", Counts.DueSoon, "duesoon", "warn"),
        new("notaccepted", "Chưa tiếp nhận", Counts.NotAccepted, "assigned", "muted"),
    ];

    public string Href(Metric m) => AsOf is { } day
        ? $"/Dashboard/Tasks?unit={UnitId.ToString(CultureInfo.InvariantCulture)}&asOf={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&status={m.Status}"
        : $"/Tasks?unit={UnitId.ToString(CultureInfo.InvariantCulture)}&scope=subtree" + (m.Status is { } s ? "&status=" + s : "");
}

public sealed record Crumb(int Id, string Name);

/// <summary>A run of the ranking table, under a heading when the middle is left out.</summary>
public sealed record RankingPart(string? Heading, IReadOnlyList<UnitCounts> Units);

public sealed class IndexModel(DashboardQuery query, AppDb db, UserScope scope, Clock clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;
    public IReadOnlyList<Crumb> Ancestors { get; private set; } = [];
    public UnitType Type { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>A long ranking shows this many units at its top and at its bottom until the user asks for all.</summary>
    public const int RankingEnds = 5;

    public bool AllUnits { get; private set; }

    // The bottom of the table is the ranked units that do worst, not those with nothing due yet.
    private IReadOnlyList<UnitCounts> Ranked => _ranked ??= View.Children.Where(c => View.Ranks.ContainsKey(c.Id)).ToList();
    private IReadOnlyList<UnitCounts>? _ranked;

    // Folding leaves out at least three units; fewer are shown whole.
    public bool RankingFoldable => Ranked.Count > RankingEnds * 2 + 2;

    public bool RankingFolded => !AllUnits && RankingFoldable;

    public int Unranked => View.Children.Count - View.Ranks.Count;

    public IReadOnlyList<RankingPart> ShownChildren => RankingFolded
        ?
        [
            new($"{RankingEnds} đơn vị đầu bảng", Ranked.Take(RankingEnds).ToList()),
            new($"{RankingEnds} đơn vị cuối bảng", Ranked.TakeLast(RankingEnds).ToList()),
        ]
        : [new(null, View.Children)];

    public async Task<IActionResult> OnGetAsync(int? id, string? asOf, string? ranking, CancellationToken ct)
    {
        // Printed, the ranking is whole.
        AllUnits = ranking == "all" || Shared.Paging.Printing(Request);
        if (id is null)
            return Redirect("/");
        Today = clock.Today;
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == id)
            .Select(u => new { u.Path, u.Type, u.ValidFrom, u.ValidTo }).FirstOrDefaultAsync(ct);
        if (unit is null)
            return NotFound();
        var day = DashboardArgs.ParseAsOf(asOf, Today);
        // A bad date is shown beside the form and today's figures stand in for it.
        day.Problems?.CopyTo(ModelState);
        View = (await query.GetAsync(id.Value, day.Value, ct))!;
        (Type, ValidFrom, ValidTo) = (unit.Type, unit.ValidFrom, unit.ValidTo);
        var ancestorIds = scope.VisibleAncestors(unit.Path, id.Value).ToList();
        var names = await db.Units.Where(u => ancestorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Ancestors = ancestorIds.Where(names.ContainsKey).Select(a => new Crumb(a, names[a])).ToList();
        return Page();
    }

    public string AsOfValue => View.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string RankingHref(bool all) =>
        $"/Dashboard/{View.Unit.Id.ToString(CultureInfo.InvariantCulture)}?" + (View.Historical ? "asOf=" + AsOfValue + "&" : "")
        + (all ? "ranking=all" : "") + "#children-title";

    /// <summary>Another unit's dashboard on the same day.</summary>
    public string DashboardHref(int unitId) =>
        $"/Dashboard/{unitId.ToString(CultureInfo.InvariantCulture)}" + (View.Historical ? "?asOf=" + AsOfValue : "");
}
