using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DonDoc.Web.Features.Tasks;

public sealed record TaskRow(int Id, int? ParentId, TaskKind Kind, string Title, int LeadUnitId, string LeadUnitName,
    TaskState Status, DeadlineKind DeadlineKind, DateOnly? DueDate, DateOnly? OriginalDueDate, DateOnly? SubmittedOn,
    int Percent, int ChildCompleted, int ChildTotal, DateOnly AssignedOn, DateOnly? CompletedOn)
{
    public Overlay Overlay { get; init; }
}

public sealed class TaskFilter
{
    public int? Unit { get; set; }
    // "subtree": led anywhere in the unit's subtree; "own": led or coordinated by the unit itself.
    public string? Scope { get; set; }
    // A state (Assigned, InProgress …) or a derived view: overdue, duesoon, open, completedontime, completedlate.
    public string? Status { get; set; }
    public DateOnly? DueFrom { get; set; }
    public DateOnly? DueTo { get; set; }
    public int? Parent { get; set; }
    public string? Q { get; set; }
    // A column of TaskList.Sorts, "-" before it for the other way; by default the most urgent first.
    public string? Sort { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    // The API's cursor of the next page (Page<T>.Next), for the same filter and order.
    public string? Cursor { get; set; }
}

public static class TaskList
{
    // The dashboard's own counts: "counted" is its total (cancelled tasks left out), "working" its
    // "Đang thực hiện" (accepted, in progress or returned for rework).
    public static readonly string[] Views = ["counted", "open", "working", "overdue", "duesoon", "completedontime", "completedlate"];

    private static readonly TaskState[] Owing = [TaskState.Assigned, TaskState.Accepted, TaskState.InProgress, TaskState.Returned];

    public const string Urgent = "urgent";

    /// <summary>The columns a list sorts by; each may be given with "-" before it for the other way.</summary>
    public static readonly string[] Sorts = [Urgent, "due", "title", "lead", "status", "percent", "assigned"];

    private const int SmallSubtree = 500;

    /// <summary>
    /// The tasks the user sees that match the filter; a unit outside their scope is refused as unknown. With
    /// <paramref name="cursors"/> (the API) each page carries the cursor of the next and <see cref="TaskFilter.Cursor"/> is read.
    /// </summary>
    public static async Task<Outcome<Page<TaskRow>>> QueryAsync(AppDb db, UserScope userScope, TaskFilter f, DateOnly today, CancellationToken ct,
        Cursors? cursors = null)
    {
        var problems = Paging.Check(f.Page, f.PageSize) ?? new Problems();
        var selected = await SelectAsync(db, userScope, f, today, problems, ct);
        if (selected.Problems is not null)
            return selected.Problems;
        var (query, unit, wholeTree, view, scope, sort, state) = selected.Value!;
        var keys = Keys(sort);
        var list = Cursors.ListOf("tasks", unit?.Id, scope, view, state, f.DueFrom, f.DueTo, f.Parent, f.Q, sort);

        // Among tasks still owed, the most urgent order is the due date's, which the rollups can page.
        var soonEnd = today.AddDays(TaskRules.DueSoonDays);
        var dueDays = unit is not null && scope == "subtree" && view is "overdue" or "duesoon" && f is { Parent: null, DueFrom: null, DueTo: null }
            && string.IsNullOrWhiteSpace(f.Q) && sort is Urgent or "due";
        // The fast path pages by offset, at a bounded cost per page; its cursor names the next page by its number.
        var at = dueDays
            ? Paging.Position(f.Page, f.PageSize, f.Cursor, cursors, list, DueDayKeys, problems)
            : Paging.Position(f.Page, f.PageSize, f.Cursor, cursors, list, keys, problems);
        if (problems.Any)
            return problems;
        Page<TaskRow> page;
        if (dueDays)
        {
            page = await DueDayPageAsync(db, unit!, wholeTree, view == "overdue" ? (DateOnly.MinValue, today.AddDays(-1)) : (today, soonEnd), at.Number, at.Size, ct);
            if (page.PageNumber < page.PageCount && cursors is not null)
                page = page with { Next = cursors.Write(list, at.Number + 1, page.Total, []) };
        }
        else
        {
            var unfiltered = unit is not null && scope == "subtree" && f is { Parent: null, DueFrom: null, DueTo: null } && string.IsNullOrWhiteSpace(f.Q);
            page = await Paging.PageAsync(query, keys, Project, at,
                async c => (unfiltered ? await RolledUpTotalAsync(db, unit!, state, view, c) : null) ?? await query.CountAsync(c), cursors, ct);
        }
        var parents = page.Items.Where(r => r.ParentId is not null).Select(r => r.ParentId!.Value).Distinct().ToList();
        var visibleParents = parents.Count == 0 || userScope.SeesEverything
            ? parents.ToHashSet()
            : (await userScope.Visible(db.Tasks.AsNoTracking()).Where(t => parents.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        return page with
        {
            Items = page.Items.Select(r => r with
            {
                ParentId = r.ParentId is { } p && visibleParents.Contains(p) ? p : null,
                Overlay = TaskRules.OverlayOn(r.Status, r.DueDate, r.SubmittedOn, today),
            }).ToList(),
        };
    }

    /// <summary>
    /// Every task the filter selects, in the list's order, read from the database as it is consumed, for an export:
    /// it costs what it writes. Its rows carry no parent (a parent may lie outside the reader's scope).
    /// </summary>
    public static async Task<Outcome<IAsyncEnumerable<TaskRow>>> AllAsync(AppDb db, UserScope userScope, TaskFilter f, DateOnly today, CancellationToken ct)
    {
        var selected = await SelectAsync(db, userScope, f, today, new Problems(), ct);
        if (selected.Problems is { } problems)
            return problems;
        var (query, _, _, _, _, sort, _) = selected.Value!;
        return new Outcome<IAsyncEnumerable<TaskRow>>(Read(Project(Keys(sort).Order(query)), today, ct), null);

        static async IAsyncEnumerable<TaskRow> Read(IQueryable<TaskRow> rows, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
                yield return r with { ParentId = null, Overlay = TaskRules.OverlayOn(r.Status, r.DueDate, r.SubmittedOn, today) };
        }
    }

    // WholeTree: the unit's subtree is every task (the only root), which the list reads with no unit filter.
    private sealed record Selection(IQueryable<TaskItem> Query, Unit? Unit, bool WholeTree, string? View, string Scope, string Sort, TaskState? State);

    // The filter checked and applied once, for the paged list and for the export alike.
    private static async Task<Outcome<Selection>> SelectAsync(AppDb db, UserScope userScope, TaskFilter f, DateOnly today, Problems problems,
        CancellationToken ct)
    {
        var scope = f.Scope ?? "subtree";
        if (scope is not ("subtree" or "own"))
            problems.Add("scope", "Phạm vi phải là “subtree” (cả đơn vị cấp dưới) hoặc “own” (riêng đơn vị).");
        TaskState? state = null;
        var view = f.Status?.ToLowerInvariant();
        if (view is not null && !Views.Contains(view))
        {
            // One name exactly: Enum.TryParse would also take "3" and "Accepted, Submitted".
            if (Enum.GetNames<TaskState>().Contains(f.Status, StringComparer.OrdinalIgnoreCase))
                (state, view) = (Enum.Parse<TaskState>(f.Status!, ignoreCase: true), null);
            else
                problems.Add("status", $"Trạng thái “{f.Status}” không có; dùng {string.Join(", ", Enum.GetNames<TaskState>().Concat(Views))}.");
        }
        // The pages' binder refuses these already; the API binds query values without it.
        foreach (var (field, day) in new[] { ("dueFrom", f.DueFrom), ("dueTo", f.DueTo) })
        {
            if (day is { } d && !InputRules.InWindow(d))
                problems.Add(field, InputRules.OutOfWindow(d));
        }
        if (f.DueFrom > f.DueTo)
            problems.Add("dueFrom", "“Hạn từ ngày” ở sau “hạn đến ngày”.");
        var sort = string.IsNullOrEmpty(f.Sort) ? Urgent : f.Sort.ToLowerInvariant();
        if (!Sorts.Contains(sort.TrimStart('-')))
            problems.Add("sort", $"Không sắp xếp được theo “{f.Sort}”; dùng {string.Join(", ", Sorts)} (thêm “-” ở trước để đảo chiều).");
        Unit? unit = null;
        if (f.Unit is { } unitId && (unit = await userScope.Visible(db.Units.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == unitId, ct)) is null)
            problems.Add("unit", $"Không có đơn vị số {unitId}.");
        if (problems.Any)
            return problems;

        var query = userScope.Visible(db.Tasks.AsNoTracking());
        var wholeTree = false;
        if (unit is not null)
        {
            if (scope == "own")
                query = query.Where(t => t.LeadUnitId == unit.Id || t.Coordinators.Any(c => c.UnitId == unit.Id));
            // The only root's subtree is every task: no filter, so that the list's order can be read from its index
            // (see OrderIndexes) instead of sorting every task by way of every unit.
            else
            {
                wholeTree = unit.ParentId is null && !await db.Units.AnyAsync(u => u.ParentId == null && u.Id != unit.Id, ct);
                var (from, to) = Unit.SubtreeRange(unit.Path);
                if (!wholeTree)
                    query = query.Where(t => string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0);
            }
        }
        // A parent outside the scope does not exist for the reader: nothing is its child.
        if (f.Parent is { } parent)
            query = await userScope.Visible(db.Tasks).AnyAsync(t => t.Id == parent, ct)
                ? query.Where(t => t.ParentId == parent)
                : query.Where(_ => false);
        if (state is { } st)
            query = query.Where(t => t.Status == st);
        var soonEnd = today.AddDays(TaskRules.DueSoonDays);
        query = view switch
        {
            "counted" => query.Where(t => t.Status != TaskState.Cancelled),
            "open" => query.Where(t => t.Status != TaskState.Completed && t.Status != TaskState.Cancelled),
            "working" => query.Where(t => t.Status == TaskState.Accepted || t.Status == TaskState.InProgress || t.Status == TaskState.Returned),
            "overdue" => query.Where(t => Owing.Contains(t.Status) && t.DueDate < today),
            "duesoon" => query.Where(t => Owing.Contains(t.Status) && t.DueDate >= today && t.DueDate <= soonEnd),
            "completedontime" => query.Where(t => t.Status == TaskState.Completed && !(t.SubmittedOn > t.DueDate)),
            "completedlate" => query.Where(t => t.Status == TaskState.Completed && t.SubmittedOn > t.DueDate),
            _ => query,
        };
        if (f.DueFrom is { } dueFrom)
            query = query.Where(t => t.DueDate >= dueFrom);
        if (f.DueTo is { } dueTo)
            query = query.Where(t => t.DueDate <= dueTo);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            query = Search.SearchIndex.Matching(db, query, DonDoc.Text.VnText.Fold(f.Q));
        }
        return new Outcome<Selection>(new Selection(query, unit, wholeTree, view, scope, sort, state), null);
    }

    // Most urgent: what is still owed before what is closed, the earliest deadline first (so the longest
    // overdue leads), open-ended work after dated work. Every order ends with the id, so that a cursor names one row.
    private static Keyset<TaskItem, TaskRow> Keys(string sort)
    {
        var d = sort.StartsWith('-');
        var keys = new Keyset<TaskItem, TaskRow>();
        Keyset<TaskItem, TaskRow> ThenDue(Keyset<TaskItem, TaskRow> k) =>
            k.By(t => t.DueDate == null, r => r.DueDate == null).By(t => t.DueDate, r => r.DueDate).By(t => t.Id, r => r.Id);
        return sort.TrimStart('-') switch
        {
            "due" => keys.By(t => t.DueDate == null, r => r.DueDate == null).By(t => t.DueDate, r => r.DueDate, d).By(t => t.Id, r => r.Id, d),
            "title" => keys.By(t => t.Title, r => r.Title, d).By(t => t.Id, r => r.Id),
            "lead" => ThenDue(keys.By(t => t.LeadUnit!.Name, r => r.LeadUnitName, d)),
            "status" => ThenDue(keys.By(StepOrder, r => Step(r.Status), d)),
            "percent" => ThenDue(keys.By(t => t.Percent, r => r.Percent, d)),
            "assigned" => keys.By(t => t.AssignedOn, r => r.AssignedOn, d).By(t => t.Id, r => r.Id, d),
            _ => keys.By(t => t.Status == TaskState.Completed || t.Status == TaskState.Cancelled, r => r.Status is TaskState.Completed or TaskState.Cancelled, d)
                .By(t => t.DueDate == null, r => r.DueDate == null, d).By(t => t.DueDate, r => r.DueDate, d).By(t => t.Id, r => r.Id, d),
        };
    }

    /// <summary>The tasks in a list's order (<see cref="Sorts"/>).</summary>
    public static IOrderedQueryable<TaskItem> Ordered(IQueryable<TaskItem> tasks, string sort) => Keys(sort).Order(tasks);

    /// <summary>
    /// Indexes on the keys of the most urgent order (the lists' default) and of the due date's, so that a list of the whole
    /// tree, or of every task, reads its first page from the index in order rather than sorting every task. An index on an
    /// expression serves only that same expression, so these are written as EF Core translates <see cref="Keys"/> (a test
    /// reads the plans of both databases). SQLite's tables end every index with the rowid, the task's id.
    /// Called from the migrations <c>ListOrder</c>; like the search index's triggers, a migration that rebuilds the SQLite
    /// table must drop them before and create them after.
    /// </summary>
    public static void OrderIndexes(MigrationBuilder m, bool postgres)
    {
        var id = postgres ? ", \"Id\"" : "";
        foreach (var (name, keys) in OrderIndexKeys)
            m.Sql($"""CREATE INDEX "{name}" ON "Tasks" ({keys}{id});""");
        // PostgreSQL plans each statement with its parameters' values, and folds a run's "(DueDate IS NULL) = false" into
        // "DueDate IS NOT NULL" (likewise the state's), which the indexes above no longer match: the runs after a cursor
        // read the dated tasks from this one instead, in due date and id order (nulls last, as in the lists).
        if (postgres)
            m.Sql($"""CREATE INDEX "{DueThenId}" ON "Tasks" ("DueDate", "Id");""");
    }

    private const string DueThenId = "IX_Tasks_DueDate_Id";

    public static void DropOrderIndexes(MigrationBuilder m)
    {
        foreach (var name in OrderIndexNames)
            m.Sql($"""DROP INDEX IF EXISTS "{name}";""");
    }

    private static readonly (string Name, string Keys)[] OrderIndexKeys =
    [
        ("IX_Tasks_UrgentOrder", """("Status" IN ('Completed', 'Cancelled')), ("DueDate" IS NULL), "DueDate" """),
        ("IX_Tasks_DueOrder", """("DueDate" IS NULL), "DueDate" """),
    ];

    /// <summary>The indexes of <see cref="OrderIndexes"/>: raw SQL of the migrations, outside the model.</summary>
    public static IReadOnlyList<string> OrderIndexNames => [.. OrderIndexKeys.Select(k => k.Name), DueThenId];

    // The due-day path's cursor holds only the number of the page it leads to.
    private static readonly Keyset<TaskItem, TaskRow> DueDayKeys = new();

    // The workflow's order of steps, not the alphabet of their names; Step says the same for a row read.
    private static readonly System.Linq.Expressions.Expression<Func<TaskItem, int>> StepOrder = t =>
        t.Status == TaskState.Assigned ? 0
        : t.Status == TaskState.Accepted ? 1
        : t.Status == TaskState.InProgress ? 2
        : t.Status == TaskState.Returned ? 3
        : t.Status == TaskState.Submitted ? 4
        : t.Status == TaskState.Completed ? 5
        : 6;

    private static int Step(TaskState s) => s switch
    {
        TaskState.Assigned => 0,
        TaskState.Accepted => 1,
        TaskState.InProgress => 2,
        TaskState.Returned => 3,
        TaskState.Submitted => 4,
        TaskState.Completed => 5,
        _ => 6,
    };

    /// <summary>
    /// How many tasks a subtree's list holds, from the unit's rollups (its state counts), when the list is filtered by
    /// nothing the rollups do not count: counting a large subtree's tasks would read them all. Null otherwise.
    /// </summary>
    private static async Task<int?> RolledUpTotalAsync(AppDb db, Unit unit, TaskState? state, string? view, CancellationToken ct)
    {
        var states = (state, view) switch
        {
            ({ } s, null) => [s],
            (null, null) => Enum.GetValues<TaskState>(),
            (null, "counted") => Enum.GetValues<TaskState>().Where(s => s != TaskState.Cancelled).ToArray(),
            (null, "open") => Enum.GetValues<TaskState>().Where(s => s is not (TaskState.Completed or TaskState.Cancelled)).ToArray(),
            (null, "working") => [TaskState.Accepted, TaskState.InProgress, TaskState.Returned],
            (null, "completedontime" or "completedlate") => [],
            _ => (TaskState[]?)null,
        };
        if (states is null)
            return null;
        var metrics = states.Select(s => "s:" + s).ToList();
        if (view == "completedontime")
            metrics.Add("ontime");
        if (view == "completedlate")
            metrics.Add("late");
        // One range of the key (UnitId, Metric, Day), as the dashboard reads it: a list of metrics would walk the unit's day rows.
        var rows = await db.UnitStats.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.Day == TaskFacts.NoDay
                && ((string.Compare(s.Metric, "s:") >= 0 && string.Compare(s.Metric, "s;") < 0) || s.Metric == "ontime" || s.Metric == "late"))
            .Select(s => new { s.Metric, s.Count }).ToListAsync(ct);
        return rows.Where(r => metrics.Contains(r.Metric)).Sum(r => r.Count);
    }

    private static IQueryable<TaskRow> Project(IQueryable<TaskItem> ordered) =>
        ordered.Select(t => new TaskRow(t.Id, t.ParentId, t.Kind, t.Title, t.LeadUnitId, t.LeadUnit!.Name, t.Status, t.DeadlineKind,
            t.DueDate, t.OriginalDueDate, t.SubmittedOn, t.Percent, t.ChildCompleted, t.ChildTotal, t.AssignedOn, t.CompletedOn));

    /// <summary>
    /// A page of the overdue or due-soon list of a subtree without counting or sorting its tasks: the
    /// unit's rollup holds how many tasks fall due on each day, so the total is a sum over days and
    /// the page is read from the few days that hold its rows. The unit is one the user sees, and so is
    /// all of its subtree: the rollups need no further scope.
    /// </summary>
    private static async Task<Page<TaskRow>> DueDayPageAsync(AppDb db, Unit unit, bool wholeTree,
        (DateOnly From, DateOnly To) days, int number, int size, CancellationToken ct)
    {
        var offset = (number - 1) * size;
        // Whole months are counted from their month rows, so that a backlog of years costs a row per month;
        // days are read only at the range's ragged ends and within the months the page falls in.
        var months = WholeMonths(days.From, days.To);
        var histogram = await db.UnitStats.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.Count > 0
                && ((s.Metric == "d" && s.Day >= days.From && s.Day < months.From)
                    || (s.Metric == "m" && s.Day >= months.From && s.Day < months.To)
                    || (s.Metric == "d" && s.Day >= months.To && s.Day <= days.To)))
            .OrderBy(s => s.Day).Select(s => new DueCount(s.Day, s.Metric == "m", s.Count)).ToListAsync(ct);
        var total = histogram.Sum(h => h.Count);
        var (before, page) = Slice(histogram, offset, size);
        if (page.Count == 0)
            return new Page<TaskRow>([], total, number, size);
        if (page.Any(h => h.Month))
        {
            var (first, end) = (page[0].Day, page[^1].Month ? page[^1].Day.AddMonths(1).AddDays(-1) : page[^1].Day);
            var byDay = await db.UnitStats.AsNoTracking()
                .Where(s => s.UnitId == unit.Id && s.Metric == "d" && s.Day >= first && s.Day <= end && s.Count > 0)
                .OrderBy(s => s.Day).Select(s => new DueCount(s.Day, false, s.Count)).ToListAsync(ct);
            (var skipped, page) = Slice(byDay, offset - before, size);
            before += skipped;
        }
        var wanted = page.Select(h => h.Day).ToList();
        var query = db.Tasks.AsNoTracking().Where(t => Owing.Contains(t.Status) && t.DueDate != null && wanted.Contains(t.DueDate.Value));
        if (db.Database.IsSqlite())
        {
            // SQLite walks a large subtree unit by unit and state by state: without an upper bound each walk
            // reads every later task the unit still owes, a cost that grows with the tasks. PostgreSQL goes
            // day by day, and the redundant bound only skews its row estimate.
            var (first, last) = (wanted[0], wanted[^1]);
            query = query.Where(t => t.DueDate >= first && t.DueDate <= last);
        }
        List<TaskRow> items;
        // The whole tree's rows are every task owed on those days, read in order from an index up to the page's end. Its
        // path range would send SQLite through every unit of the tree (about 1 s a page at 1M tasks).
        if (wholeTree)
            items = await Project(query.OrderBy(t => t.DueDate).ThenBy(t => t.Id)).Skip(offset - before).Take(size).ToListAsync(ct);
        else
        {
            // A small subtree is read unit by unit; a large one day by day, whichever touches fewer rows.
            var (from, to) = Unit.SubtreeRange(unit.Path);
            var units = await db.Units.Where(u => string.Compare(u.Path, from) >= 0 && string.Compare(u.Path, to) < 0)
                .Select(u => u.Id).Take(SmallSubtree + 1).ToListAsync(ct);
            query = units.Count <= SmallSubtree
                ? query.Where(t => units.Contains(t.LeadUnitId))
                : query.Where(t => string.Compare(t.LeadUnit!.Path, from) >= 0 && string.Compare(t.LeadUnit!.Path, to) < 0);
            // The page's days hold the rows the histogram counts, the page and what shares its first and last day: they
            // are read whole and ordered here. Given the order and a limit, PostgreSQL walks the (due date, id) index across
            // the whole tree and drops what lies outside a province (at 1M tasks, 4.569 entries for its 50 rows); without
            // them it reads the tasks owed on those days alone.
            var held = await Project(query).ToListAsync(ct);
            items = held.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Skip(offset - before).Take(size).ToList();
        }
        return new Page<TaskRow>(items, total, number, size);
    }

    private readonly record struct DueCount(DateOnly Day, bool Month, int Count);

    /// <summary>The rows before the page's first one, and the days (or months) that hold the page.</summary>
    private static (int Before, List<DueCount> Page) Slice(List<DueCount> histogram, int offset, int size)
    {
        var before = 0;
        var taken = 0;
        var page = new List<DueCount>();
        foreach (var h in histogram)
        {
            if (page.Count == 0 && before + h.Count <= offset)
            {
                before += h.Count;
                continue;
            }
            page.Add(h);
            taken += h.Count;
            if (before + taken >= offset + size)
                break;
        }
        return (before, page);
    }

    /// <summary>[first day of the first whole month, day after the last whole month) within from…to; empty after to when there is none.</summary>
    private static (DateOnly From, DateOnly To) WholeMonths(DateOnly from, DateOnly to)
    {
        var start = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var end = to.AddDays(1).Day == 1 ? to.AddDays(1) : new DateOnly(to.Year, to.Month, 1);
        return start < end ? (start, end) : (to.AddDays(1), to.AddDays(1));
    }
}
