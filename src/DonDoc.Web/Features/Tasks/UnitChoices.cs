using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

public sealed record UnitChoice(int Id, string Name, int Level);

/// <summary>The model of the _UnitOptions partial: the choices and the ids to show chosen.</summary>
public sealed record UnitOptions(IReadOnlyList<UnitChoice> Units, params IEnumerable<int?> Selected);

/// <summary>
/// The units a select offers. A whole country has tens of thousands of units, so a select holds only
/// the top of the user's tree (<see cref="TopDepth"/> levels below its top) and, around each focused
/// unit, its ancestors, itself and its direct children: choosing a unit and reloading opens the level
/// below it. Only units the user sees are offered.
/// </summary>
public static class UnitChoices
{
    public const int TopDepth = 1;
    public const int MaxChildren = 1000;

    public static async Task<IReadOnlyList<UnitChoice>> AroundAsync(AppDb db, UserScope scope, DateOnly today, IEnumerable<int?> focus,
        IEnumerable<int>? extra = null, CancellationToken ct = default)
    {
        var units = scope.Visible(db.Units.AsNoTracking());
        var topDepth = (scope.SeesEverything ? 0 : scope.UnitDepth) + TopDepth;
        var focusIds = focus.OfType<int>().Distinct().ToList();
        var focused = await units.Where(u => focusIds.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct);
        var wanted = focused.SelectMany(scope.VisibleChain).Concat(extra ?? []).Distinct().ToList();

        var top = await units
            .Where(u => (u.Depth <= topDepth && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today)) || wanted.Contains(u.Id))
            .Select(u => new Row(u.Id, u.ParentId, u.Code, u.Name)).ToListAsync(ct);
        var children = await units
            .Where(u => u.ParentId != null && focusIds.Contains(u.ParentId.Value) && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .OrderBy(u => u.Code).Take(MaxChildren)
            .Select(u => new Row(u.Id, u.ParentId, u.Code, u.Name)).ToListAsync(ct);
        return AsTree(top.Concat(children).DistinctBy(r => r.Id).ToList());
    }

    // Depth-first, siblings by code; a unit whose parent is not offered starts a tree of its own (key 0: ids start at 1).
    private static List<UnitChoice> AsTree(List<Row> rows)
    {
        var ids = rows.Select(r => r.Id).ToHashSet();
        var byParent = rows.ToLookup(r => r.ParentId is { } p && ids.Contains(p) ? p : 0);
        var result = new List<UnitChoice>(rows.Count);
        void Walk(int parent, int level)
        {
            foreach (var row in byParent[parent].OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                result.Add(new UnitChoice(row.Id, row.Name, level));
                Walk(row.Id, level + 1);
            }
        }
        Walk(0, 0);
        return result;
    }

    private sealed record Row(int Id, int? ParentId, string Code, string Name);
}

/// <summary>The model of the _UnitPicker partial: many units ticked from a list that can be searched.</summary>
public sealed record UnitPicker(string Id, string Name, string Label, IReadOnlyList<UnitChoice> Units, IEnumerable<int> Selected);
