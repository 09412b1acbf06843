using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Units;

public sealed record LineageRow(int Id, string Code, string Name, LineageKind Kind, DateOnly OnDate);

public sealed class DetailsModel(AppDb db, UserScope scope, Clock clock, DashboardQuery dashboard) : PageModel
{
    public const int ChildLimit = 200;
    public const int TaskPageSize = 20;

    public UnitNode Unit { get; private set; } = null!;
    public IReadOnlyList<Crumb> Ancestors { get; private set; } = [];
    public IReadOnlyList<LineageRow> Predecessors { get; private set; } = [];
    public IReadOnlyList<LineageRow> Successors { get; private set; } = [];
    public IReadOnlyList<UnitNode> Children { get; private set; } = [];
    public int ClosedChildren { get; private set; }
    public Page<TaskRow>? Tasks { get; private set; }
    public AuditLogView AuditLog { get; private set; } = AuditLogView.Empty;
    public Counts Counts { get; private set; } = DashboardQuery.Empty;
    public DateOnly Today { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool IsClosed => Unit.IsClosed(Today);

    public bool CanReorganize => scope.IsAdministrator;

    // "page" is also the route value naming the Razor page: read the page number from the query only.
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Today = clock.Today;
        var today = Today;
        var units = scope.Visible(db.Units.AsNoTracking());
        var unit = await units.Where(u => u.Id == id)
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Code, u.Name, u.Type, u.Path, u.ValidFrom, u.ValidTo,
                db.Units.Count(c => c.ParentId == u.Id)))
            .FirstOrDefaultAsync(ct);
        if (unit is null)
            return NotFound();
        Unit = unit;

        var ancestorIds = scope.VisibleAncestors(unit.Path, id).ToList();
        var names = await db.Units.Where(u => ancestorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Ancestors = ancestorIds.Where(names.ContainsKey).Select(a => new Crumb(a, names[a])).ToList();

        Predecessors = await (
            from l in db.UnitLineages
            where l.SuccessorId == id
            join u in units on l.PredecessorId equals u.Id
            orderby l.OnDate, u.Code
            select new LineageRow(u.Id, u.Code, u.Name, l.Kind, l.OnDate)).ToListAsync(ct);
        Successors = await (
            from l in db.UnitLineages
            where l.PredecessorId == id
            join u in units on l.SuccessorId equals u.Id
            orderby l.OnDate, u.Code
            select new LineageRow(u.Id, u.Code, u.Name, l.Kind, l.OnDate)).ToListAsync(ct);

        // Active children first; the closed ones stay listed so that the unit's history reads whole.
        Children = await db.Units.AsNoTracking().Where(u => u.ParentId == id)
            .OrderBy(u => u.ValidTo != null && u.ValidTo <= today).ThenBy(u => u.Code).Take(ChildLimit)
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Code, u.Name, u.Type, u.Path, u.ValidFrom, u.ValidTo,
                db.Units.Count(c => c.ParentId == u.Id && (c.ValidTo == null || c.ValidTo > today))))
            .ToListAsync(ct);
        ClosedChildren = await db.Units.CountAsync(u => u.ParentId == id && u.ValidTo != null && u.ValidTo <= today, ct);

        var (taskPage, taskSize) = Paging.For(Request, pageNumber, TaskPageSize);
        var tasks = await TaskList.QueryAsync(db, scope, new TaskFilter { Unit = id, Scope = "own", Page = taskPage, PageSize = taskSize }, today, ct);
        if (tasks.Problems is { } problems)
            problems.CopyTo(ModelState);
        Tasks = tasks.Value;

        Counts = (await dashboard.GetAsync(id, null, ct))?.Unit.Counts ?? DashboardQuery.Empty;
        AuditLog = await AuditTrail.AuditLog.ForRecordAsync(db, scope, "Units", id, ct);
        return Page();
    }
}
