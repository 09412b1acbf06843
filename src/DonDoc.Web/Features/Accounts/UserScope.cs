using System.Security.Claims;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Accounts;

/// <summary>What a user may do with one task; state rules (can it still be accepted?) are the workflow's.</summary>
public enum TaskRight
{
    Accept,
    Progress,
    Submit,
    RequestExtension,
    Complete,
    Return,
    DecideExtension,
    Cancel,
    Edit,
    FanOut,
    AddChild,
}

/// <summary>The facts about one visible task that decide the user's rights on it.</summary>
public sealed record TaskAccess(int Id, int LeadUnitId, bool LeadInScope, bool AssignedInScope, bool OwnUnitLeads,
    bool OwnUnitCoordinates, IReadOnlySet<string> Roles)
{
    public bool Can(TaskRight right)
    {
        if (Roles.Contains(Accounts.Roles.Administrator))
            return true;
        bool Has(string role) => Roles.Contains(role);
        return right switch
        {
            TaskRight.Accept or TaskRight.Progress or TaskRight.Submit => Has(Accounts.Roles.UnitOfficer) && (OwnUnitLeads || OwnUnitCoordinates),
            TaskRight.RequestExtension => Has(Accounts.Roles.UnitOfficer) && OwnUnitLeads,
            // Results and extensions are judged by the side that assigned the task, never by the one doing it.
            TaskRight.Complete or TaskRight.Return or TaskRight.DecideExtension => Has(Accounts.Roles.Leader) && AssignedInScope,
            TaskRight.Cancel or TaskRight.Edit => Accounts.Roles.Office.Any(Has) && AssignedInScope,
            TaskRight.FanOut or TaskRight.AddChild => Accounts.Roles.Office.Any(Has) && LeadInScope,
            _ => false,
        };
    }

    public bool Can(TaskAction action) => Can(action switch
    {
        TaskAction.Accept => TaskRight.Accept,
        TaskAction.Progress => TaskRight.Progress,
        TaskAction.Submit => TaskRight.Submit,
        TaskAction.Complete => TaskRight.Complete,
        TaskAction.Return => TaskRight.Return,
        _ => TaskRight.Cancel,
    });
}

/// <summary>
/// The one place that decides what the signed-in user sees and may do; every page and endpoint asks
/// it. A user sees the subtree of their unit (a unit officer also the tasks their own unit
/// coordinates), the administrator everything. Whatever lies outside is treated as missing, so
/// asking for it answers 404 and it is never counted. Loaded once per request (see
/// <see cref="Auth.UseUserScope"/>) through this instance's <see cref="SecurityCache"/>, so a reorganised unit tree
/// or a changed unit applies within its bound.
/// </summary>
public sealed class UserScope(AppDb db, TimeProvider time, SecurityCache cache)
{
    private bool _loaded;
    private HashSet<string> _roles = [];

    public int? UserId { get; private set; }
    public string? UserName { get; private set; }
    public int? UnitId { get; private set; }
    // Null when the user has no unit: then only an administrator sees anything.
    public string? UnitPath { get; private set; }
    public int UnitDepth { get; private set; }

    public IReadOnlySet<string> Roles => Loaded()._roles;
    public bool IsAuthenticated => Loaded().UserId is not null;
    public bool IsAdministrator => Roles.Contains(Accounts.Roles.Administrator);
    public bool IsOfficer => Roles.Contains(Accounts.Roles.UnitOfficer);
    public bool SeesEverything => IsAdministrator;

    public async Task LoadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (_loaded)
            return;
        if (principal.Identity?.IsAuthenticated != true || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            _loaded = true;
            return;
        }
        var user = await cache.UserAsync(db, id, ct);
        // Marked loaded only once read: a read that failed must not leave a signed-in user looking like a locked one (a 401).
        _loaded = true;
        // A deleted or locked account keeps nothing, even while an old cookie is still honoured.
        if (user is null || user.LockoutEnd > time.GetUtcNow())
            return;
        (UserId, UserName, UnitId, UnitPath, UnitDepth) = (user.Id, user.UserName, user.UnitId, user.UnitPath, user.UnitDepth);
        // Roles as the principal carries them, so that this scope and the authorization policies agree.
        _roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
    }

    /// <summary>The first unit of the user's tree (their own, or the root for the administrator).</summary>
    public async Task<int?> HomeUnitAsync(DateOnly today, CancellationToken ct)
    {
        if (!SeesEverything)
            return UnitId;
        return await db.Units.AsNoTracking()
            .Where(u => u.ParentId == null && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .OrderBy(u => u.Code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
    }

    // ---- units ----------------------------------------------------------------------------------

    public IQueryable<Unit> Visible(IQueryable<Unit> units)
    {
        if (SeesEverything)
            return units;
        if (UnitPath is not { } path)
            return units.Where(_ => false);
        var (from, to) = Unit.SubtreeRange(path);
        return units.Where(u => string.Compare(u.Path, from) >= 0 && string.Compare(u.Path, to) < 0);
    }

    /// <summary>The units of a unit's subtree, or null when that unit is outside the user's scope (it reads as missing).</summary>
    public async Task<IQueryable<Unit>?> SubtreeAsync(IQueryable<Unit> units, int unitId, CancellationToken ct)
    {
        if (await Visible(units).Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct) is not { } path)
            return null;
        var (from, to) = Unit.SubtreeRange(path);
        return units.Where(u => string.Compare(u.Path, from) >= 0 && string.Compare(u.Path, to) < 0);
    }

    /// <summary>The top of the unit tree this user sees: the roots, or their own unit.</summary>
    public IQueryable<Unit> Tops(IQueryable<Unit> units) =>
        SeesEverything ? units.Where(u => u.ParentId == null)
        : UnitId is { } id ? units.Where(u => u.Id == id)
        : units.Where(_ => false);

    public bool Sees(string unitPath) => SeesEverything || (UnitPath is { } path && unitPath.StartsWith(path, StringComparison.Ordinal));

    public Task<bool> SeesUnitAsync(int unitId, CancellationToken ct) => Visible(db.Units).AnyAsync(u => u.Id == unitId, ct);

    /// <summary>Which of these units the user sees, for linking to them only where the link would open.</summary>
    public async Task<IReadOnlySet<int>> VisibleUnitIdsAsync(IEnumerable<int> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        if (SeesEverything)
            return ids.ToHashSet();
        return (await Visible(db.Units).Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The units from the top of the user's tree down to this one, as far as the user sees them.</summary>
    public IEnumerable<int> VisibleChain(string unitPath) =>
        Unit.Ancestors(unitPath).SkipWhile(a => !SeesEverything && a != UnitId);

    /// <summary>The ancestors of a unit the user may open, top first, the unit itself left out.</summary>
    public IEnumerable<int> VisibleAncestors(string unitPath, int unitId) => VisibleChain(unitPath).Where(a => a != unitId);

    // ---- tasks ----------------------------------------------------------------------------------

    public IQueryable<TaskItem> Visible(IQueryable<TaskItem> tasks)
    {
        if (SeesEverything)
            return tasks;
        if (UnitPath is not { } path)
            return tasks.Where(_ => false);
        var (from, to) = Unit.SubtreeRange(path);
        var monitored = MonitoredTaskIds(from, to);
        if (IsOfficer && UnitId is { } own)
            return tasks.Where(t => (string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0)
                || t.Coordinators.Any(c => c.UnitId == own) || monitored.Contains(t.Id));
        return tasks.Where(t => (string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0)
            || monitored.Contains(t.Id));
    }

    /// <summary>
    /// The ids of <paramref name="tasks"/> the user may read: the same set as <see cref="Visible(IQueryable{TaskItem})"/>,
    /// read as one part per way a task comes into view (led in the subtree, coordinated by the user's unit, monitored),
    /// each from its own index. For a narrow scope over a large table, where Visible's one condition walks the table.
    /// A task in view in two ways is given twice.
    /// </summary>
    public async Task<IQueryable<int>> VisibleIdsByPartsAsync(IQueryable<TaskItem> tasks, CancellationToken ct)
    {
        if (SeesEverything)
            return tasks.Select(t => t.Id);
        if (UnitPath is not { } path)
            return tasks.Where(_ => false).Select(t => t.Id);
        var (from, to) = Unit.SubtreeRange(path);
        // The subtree's units as a list of ids, not a join: the database then reads the lead unit's index for exactly
        // those units (a search: the tasks' keys by lead unit, see SearchIndex.Model). Joined, PostgreSQL read the row of
        // every hit in the country (at 1M tasks, a province's 1.636 of 55.672 hits: 502 ms against 63 ms). A reader at the
        // top of a tree sees all of it, the country's 60.725 units: their list would cost more to read and send than the
        // join costs, and every hit is theirs anyway.
        var led = UnitDepth == 0
            ? tasks.Where(t => string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0)
            : LedBy(tasks, await Visible(db.Units).Select(u => u.Id).ToListAsync(ct));
        var monitored = MonitoredTaskIds(from, to);
        var ids = led.Select(t => t.Id)
            .Concat(tasks.Where(t => monitored.Contains(t.Id)).Select(t => t.Id));
        if (IsOfficer && UnitId is { } own)
        {
            var coordinated = db.TaskCoordinators.Where(c => c.UnitId == own).Select(c => c.TaskId);
            ids = ids.Concat(tasks.Where(t => coordinated.Contains(t.Id)).Select(t => t.Id));
        }
        return ids;
    }

    /// <summary>The tasks of <paramref name="tasks"/> led by one of these units, the list sent as <see cref="Among"/> sends it.</summary>
    private IQueryable<TaskItem> LedBy(IQueryable<TaskItem> tasks, List<int> unitIds) => Among(tasks, unitIds, nameof(TaskItem.LeadUnitId));

    /// <summary>The tasks of <paramref name="tasks"/> with one of these ids, the list sent as <see cref="Among"/> sends it.</summary>
    public IQueryable<TaskItem> HavingIds(IQueryable<TaskItem> tasks, List<int> ids) => Among(tasks, ids, nameof(TaskItem.Id));

    /// <summary>
    /// The tasks whose <paramref name="key"/> is one of <paramref name="values"/>. A long list goes to SQLite as one JSON
    /// parameter: as a parameter per id, EF Core's default there, a province's 1.786 units and a search's 800 hits made a
    /// province reader's search at 1M tasks cost 53 ms instead of 14–20. PostgreSQL's provider already sends a list as one
    /// array (<c>= ANY</c>) and is left as it is: forced through <see cref="EF.Parameter{T}"/>, the same search measured
    /// 34 ms against 23.
    /// </summary>
    private IQueryable<TaskItem> Among(IQueryable<TaskItem> tasks, List<int> values, string key) =>
        db.Database.IsNpgsql()
            ? tasks.Where(t => values.Contains(EF.Property<int>(t, key)))
            : tasks.Where(t => EF.Parameter(values).Contains(EF.Property<int>(t, key)));

    // A body monitoring a remediation plan reads its tasks (and may do nothing else with them: see TaskAccess).
    private IQueryable<int> MonitoredTaskIds(string from, string to) =>
        db.RemediationItems.Where(i => i.Limitation!.Review!.Monitors
            .Any(m => string.Compare(m.Unit!.Path, from) >= 0 && string.Compare(m.Unit!.Path, to) < 0)).Select(i => i.TaskId);

    /// <summary>The user's rights on a task, or null when the task does not exist for them.</summary>
    public async Task<TaskAccess?> TaskAsync(int taskId, CancellationToken ct)
    {
        var own = UnitId ?? 0;
        var facts = await Visible(db.Tasks.AsNoTracking()).Where(t => t.Id == taskId)
            .Select(t => new
            {
                t.Id,
                t.LeadUnitId,
                LeadPath = t.LeadUnit!.Path,
                AssignedPath = t.AssignedByUnit!.Path,
                Coordinates = t.Coordinators.Any(c => c.UnitId == own),
            })
            .FirstOrDefaultAsync(ct);
        return facts is null ? null
            : new TaskAccess(facts.Id, facts.LeadUnitId, Sees(facts.LeadPath), Sees(facts.AssignedPath), UnitId == facts.LeadUnitId,
                facts.Coordinates, Roles);
    }

    /// <summary>
    /// Runs an action on a task if this user may: outside their scope the task does not exist (not
    /// found); in it, a right their roles lack is forbidden.
    /// </summary>
    public async Task<Outcome<T>> OnTaskAsync<T>(int taskId, TaskRight right, Func<Task<Outcome<T>>> action, CancellationToken ct) =>
        await TaskAsync(taskId, ct) is not { } access ? Outcome<T>.NotFound($"Không có nhiệm vụ số {taskId}.")
        : !access.Can(right) ? Outcome<T>.Forbidden("Vai trò của tài khoản không cho phép thao tác này.")
        : await action();

    /// <summary>The rights on a task loaded with its lead unit, assigning unit and coordinators.</summary>
    public TaskAccess AccessTo(TaskItem t) =>
        new(t.Id, t.LeadUnitId, Sees(t.LeadUnit!.Path), Sees(t.AssignedByUnit!.Path), UnitId == t.LeadUnitId,
            UnitId is { } own && t.Coordinators.Any(c => c.UnitId == own), Roles);

    /// <summary>
    /// A new task may name only units, a parent task and a source document the user sees; anything else
    /// is refused in the words the workflow uses for what does not exist.
    /// </summary>
    public async Task<Problems?> CheckNewTaskAsync(NewTask input, CancellationToken ct)
    {
        var problems = new Problems();
        var named = new[] { input.LeadUnitId, input.AssignedByUnitId, input.AccountableUnitId }.OfType<int>().Concat(input.CoordinatorUnitIds);
        var seen = await VisibleUnitIdsAsync(named, ct);
        void Unit(int? id, string field, string what)
        {
            if (id is { } value && !seen.Contains(value))
                problems.Add(field, $"{what}: không có đơn vị số {value}.");
        }
        Unit(input.LeadUnitId, nameof(input.LeadUnitId), "Đơn vị chủ trì");
        Unit(input.AssignedByUnitId, nameof(input.AssignedByUnitId), "Đơn vị giao");
        Unit(input.AccountableUnitId, nameof(input.AccountableUnitId), "Cơ quan chịu trách nhiệm");
        foreach (var id in input.CoordinatorUnitIds.Distinct())
            Unit(id, nameof(input.CoordinatorUnitIds), "Đơn vị phối hợp");
        if (input.ParentId is { } parentId)
        {
            if (await TaskAsync(parentId, ct) is not { } parent)
                problems.Add(nameof(input.ParentId), $"Không có nhiệm vụ cấp trên số {parentId}.");
            else if (!parent.Can(TaskRight.AddChild))
                problems.Add(nameof(input.ParentId), $"Vai trò của tài khoản không cho phép giao nhiệm vụ con cho nhiệm vụ số {parentId}.");
        }
        if (input.SourceDocumentId is { } documentId && !await Visible(db.Documents).AnyAsync(d => d.Id == documentId, ct))
            problems.Add(nameof(input.SourceDocumentId), $"Không có văn bản số {documentId} trong sổ văn bản.");
        return problems.Any ? problems : null;
    }

    // ---- reviews --------------------------------------------------------------------------------

    /// <summary>Reviews of a unit in the user's subtree: the ones they may read and, with an office role, add to.</summary>
    public IQueryable<Review> Reviewed(IQueryable<Review> reviews)
    {
        if (SeesEverything)
            return reviews;
        if (UnitPath is not { } path)
            return reviews.Where(_ => false);
        var (from, to) = Unit.SubtreeRange(path);
        return reviews.Where(r => string.Compare(r.Unit!.Path, from) >= 0 && string.Compare(r.Unit!.Path, to) < 0);
    }

    /// <summary>Reviews whose remediation a unit in the user's subtree monitors.</summary>
    public IQueryable<Review> Monitoring(IQueryable<Review> reviews)
    {
        if (UnitPath is not { } path)
            return SeesEverything ? reviews.Where(r => r.Monitors.Any()) : reviews.Where(_ => false);
        var (from, to) = Unit.SubtreeRange(path);
        return reviews.Where(r => r.Monitors.Any(m => string.Compare(m.Unit!.Path, from) >= 0 && string.Compare(m.Unit!.Path, to) < 0));
    }

    public IQueryable<Review> Visible(IQueryable<Review> reviews)
    {
        if (SeesEverything)
            return reviews;
        if (UnitPath is not { } path)
            return reviews.Where(_ => false);
        var (from, to) = Unit.SubtreeRange(path);
        return reviews.Where(r => (string.Compare(r.Unit!.Path, from) >= 0 && string.Compare(r.Unit!.Path, to) < 0)
            || r.Monitors.Any(m => string.Compare(m.Unit!.Path, from) >= 0 && string.Compare(m.Unit!.Path, to) < 0));
    }

    // ---- documents ------------------------------------------------------------------------------

    /// <summary>
    /// A document is seen where a visible task cites it, or in the subtree of the unit that registered
    /// it; one registered before units were recorded belongs to the top of the tree.
    /// </summary>
    public IQueryable<Document> Visible(IQueryable<Document> documents)
    {
        if (SeesEverything)
            return documents;
        if (UnitPath is null)
            return documents.Where(_ => false);
        var units = Visible(db.Units);
        var tasks = Visible(db.Tasks);
        var atTop = UnitDepth == 0;
        return documents.Where(d => (d.RegisteredByUnitId == null ? atTop : units.Any(u => u.Id == d.RegisteredByUnitId))
            || tasks.Any(t => t.SourceDocumentId == d.Id));
    }

    // ---- conferences and what they drew ---------------------------------------------------------

    /// <summary>A conference is seen in the subtree of the unit that held it, like its source text and lessons.</summary>
    public IQueryable<Conference> Visible(IQueryable<Conference> conferences)
    {
        if (SeesEverything)
            return conferences;
        if (UnitPath is null)
            return conferences.Where(_ => false);
        var units = Visible(db.Units);
        var atTop = UnitDepth == 0;
        return conferences.Where(c => c.UnitId == null ? atTop : units.Any(u => u.Id == c.UnitId));
    }

    public IQueryable<Lesson> Visible(IQueryable<Lesson> lessons)
    {
        if (SeesEverything)
            return lessons;
        if (UnitPath is null)
            return lessons.Where(_ => false);
        var units = Visible(db.Units);
        var atTop = UnitDepth == 0;
        return lessons.Where(l => l.UnitId == null ? atTop : units.Any(u => u.Id == l.UnitId));
    }

    private UserScope Loaded() => _loaded
        ? this
        : throw new InvalidOperationException("UserScope được dùng trước khi nạp người dùng của yêu cầu.");
}
