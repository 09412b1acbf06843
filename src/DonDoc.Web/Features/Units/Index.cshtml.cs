using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Units;

public sealed class IndexModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public const int BranchSize = 200;
    public const int ResultSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Closed { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // "page" is also the route value naming the Razor page: read it from the query only.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public UnitFilter Filter => new() { Q = Q, Closed = Closed };

    public UnitBranch? Tree { get; private set; }
    public Page<UnitNode>? Results { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        PageNumber = Math.Max(PageNumber, 1);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await SearchAsync(ct);
            return Page();
        }
        List<int> chain = [];
        if (Open is { } open)
        {
            var path = await scope.Visible(db.Units).Where(u => u.Id == open).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (path is null)
                return NotFound();
            chain = scope.VisibleChain(path).ToList();
        }
        Tree = await BranchAsync(null, chain.Count == 0 ? PageNumber : 1, paged: chain.Count == 0, pinned: chain.FirstOrDefault(), ct);
        if (Open is null && Tree is { Nodes: [var only], Total: 1 })
            chain = [only.Id];
        var branch = Tree;
        for (var i = 0; i < chain.Count; i++)
        {
            var last = i == chain.Count - 1;
            var node = branch.Nodes.First(n => n.Id == chain[i]);
            node.Open = await BranchAsync(node.Id, last ? PageNumber : 1, paged: last, pinned: last ? null : chain[i + 1], ct);
            branch = node.Open;
        }
        return Page();
    }

    // The children of one unit, for the script that expands the tree in place.
    public async Task<IActionResult> OnGetChildrenAsync(int id, CancellationToken ct)
    {
        Today = clock.Today;
        if (!await scope.SeesUnitAsync(id, ct))
            return NotFound();
        return Partial("_UnitNodes", await BranchAsync(id, 1, paged: false, pinned: null, ct));
    }

    private IQueryable<Unit> Visible(IQueryable<Unit> units) => UnitsApi.Listed(scope, units, new UnitFilter { Closed = Closed }, Today);

    private IQueryable<UnitNode> Nodes(IQueryable<Unit> units)
    {
        var (showClosed, today) = (Closed, Today);
        return units.Select(u => new UnitNode(u.Id, u.ParentId, u.Code, u.Name, u.Type, u.Path, u.ValidFrom, u.ValidTo,
            db.Units.Count(c => c.ParentId == u.Id && (showClosed || c.ValidTo == null || c.ValidTo > today))));
    }

    private async Task<UnitBranch> BranchAsync(int? parentId, int page, bool paged, int? pinned, CancellationToken ct)
    {
        var children = Visible(parentId is { } p ? db.Units.Where(u => u.ParentId == p) : scope.Tops(db.Units));
        var total = await children.CountAsync(ct);
        var pageCount = Math.Max(1, (total + BranchSize - 1) / BranchSize);
        page = Math.Min(page, pageCount);
        var nodes = await Nodes(children.OrderBy(u => u.Code).Skip((page - 1) * BranchSize).Take(BranchSize)).ToListAsync(ct);
        // The way down to the opened unit stays visible, even past the first page or among closed units.
        if (pinned is { } pin && nodes.All(n => n.Id != pin))
            nodes.AddRange(await Nodes(db.Units.Where(u => u.Id == pin)).ToListAsync(ct));
        return new UnitBranch(parentId, nodes, total, Closed, Open, Today, paged ? new Pager(page, pageCount, total) : null);
    }

    /// <summary>Folded search over the stored keys: "thanh uy" finds "Thành ủy", "uỷ" finds "ủy".</summary>
    private async Task<Page<UnitNode>> SearchAsync(CancellationToken ct)
    {
        var matches = UnitsApi.Listed(scope, db.Units.AsNoTracking(), Filter, Today);
        var total = await matches.CountAsync(ct);
        var pageCount = Math.Max(1, (total + ResultSize - 1) / ResultSize);
        var page = Math.Min(PageNumber, pageCount);
        var ids = await matches.OrderBy(u => u.Depth).ThenBy(u => u.Code).Select(u => u.Id)
            .Skip((page - 1) * ResultSize).Take(ResultSize).ToListAsync(ct);
        var nodes = (await Nodes(db.Units.Where(u => ids.Contains(u.Id))).ToListAsync(ct)).ToDictionary(n => n.Id);
        var ancestorIds = nodes.Values.SelectMany(n => scope.VisibleChain(n.Path)).Distinct().ToList();
        var names = await db.Units.Where(u => ancestorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = ids.Select(id => nodes[id] with
        {
            Trail = string.Join(" › ", scope.VisibleAncestors(nodes[id].Path, id).Select(a => names.GetValueOrDefault(a, "?"))),
        }).ToList();
        return new Page<UnitNode>(items, total, page, ResultSize);
    }
}
