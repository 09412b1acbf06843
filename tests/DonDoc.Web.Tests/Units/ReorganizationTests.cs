using DonDoc.Web.Data;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Tests.Units;

/// <summary>Merges and splits: history kept, subtrees moved whole, open work followed, rollups exact.</summary>
public abstract class ReorganizationTests(Provider provider) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-reorg-").FullName;
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private string _connectionString = "";
    private AppDb _db = null!;
    private Reorganization _reorganization = null!;
    private TaskWorkflow _flow = null!;
    private TaskLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        if (provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        _connectionString = await TestDatabases.CreateAsync(provider, _dir, "reorg");
        _db = Database.CreateContext(_connectionString, _time);
        await Database.MigrateAsync(_db);
        var clock = new Clock(_time);
        _ledger = new TaskLedger(clock);
        _reorganization = new Reorganization(_db, clock, _ledger);
        _flow = new TaskWorkflow(_db, clock, _ledger, Options.Create(new EvidenceOptions { Directory = Path.Combine(_dir, "evidence") }), new NoticeBoard(_db, clock));
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
            await _db.DisposeAsync();
        if (_connectionString.Length > 0)
            await TestDatabases.DropAsync(_connectionString);
        Directory.Delete(_dir, recursive: true);
    }

    [DbFact]
    public async Task Merge_closes_the_old_units_and_moves_their_subtrees_and_open_tasks()
    {
        var root = await AddAsync("R", null);
        var a = await AddAsync("A", root);
        var b = await AddAsync("B", root);
        var c = await AddAsync("C", root);
        var a1 = await AddAsync("A1", a);
        var a1x = await AddAsync("A1X", a1);
        var b1 = await AddAsync("B1", b);
        var aClosed = await AddAsync("A2", a, validTo: new DateOnly(2026, 1, 1));
        var openOfA = await TaskAsync(a);
        var doneOfA = await TaskAsync(a, completed: true);
        var deepTask = await TaskAsync(a1x);
        var coordinated = await TaskAsync(c, coordinators: [a.Id, b.Id]);

        var result = await _reorganization.MergeAsync(new MergeRequest(["A", "B"], "R", "Đảng bộ  mới", "N", UnitType.DangBoTrucThuoc, Day));

        Assert.Null(result.Problems);
        var merged = Assert.Single(result.Value!);
        _db.ChangeTracker.Clear();
        var units = await _db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
        var n = units["N"];
        Assert.Equal(("Đảng bộ mới", root.Id, Day, (DateOnly?)null, 1), (n.Name, n.ParentId, n.ValidFrom, n.ValidTo, n.Depth));
        Assert.Equal(Day, units["A"].ValidTo);
        Assert.Equal(Day, units["B"].ValidTo);
        Assert.Equal($"/{root.Id}/{n.Id}/{a1.Id}/{a1x.Id}/", units["A1X"].Path);
        Assert.Equal((n.Id, 2), (units["A1"].ParentId, units["A1"].Depth));
        Assert.Equal(3, units["A1X"].Depth);
        Assert.Equal(n.Id, units["B1"].ParentId);
        Assert.Equal((a.Id, $"/{root.Id}/{a.Id}/{aClosed.Id}/"), (units["A2"].ParentId, units["A2"].Path));
        var lineage = await _db.UnitLineages.OrderBy(l => l.PredecessorId).Select(l => new { l.PredecessorId, l.SuccessorId, l.Kind, l.OnDate }).ToListAsync();
        Assert.Equal([new { PredecessorId = a.Id, SuccessorId = n.Id, Kind = LineageKind.Merge, OnDate = Day }, new { PredecessorId = b.Id, SuccessorId = n.Id, Kind = LineageKind.Merge, OnDate = Day }], lineage);

        var leads = await _db.Tasks.ToDictionaryAsync(t => t.Id, t => t.LeadUnitId);
        Assert.Equal(n.Id, leads[openOfA]);
        Assert.Equal(a.Id, leads[doneOfA]);
        Assert.Equal(a1x.Id, leads[deepTask]);
        Assert.Equal([n.Id], await _db.TaskCoordinators.Where(x => x.TaskId == coordinated).Select(x => x.UnitId).ToListAsync());
        Assert.True(await _db.TaskEvents.AnyAsync(e => e.TaskId == openOfA && e.LeadUnitId == n.Id && e.Note!.StartsWith("Hợp nhất")));
        await AssertRollupsExactAsync();
    }

    [DbFact]
    public async Task Split_moves_the_children_to_the_chosen_unit_and_leaves_the_tasks()
    {
        var root = await AddAsync("R", null);
        var old = await AddAsync("S", root);
        var child = await AddAsync("S1", old);
        var grandchild = await AddAsync("S1A", child);
        var task = await TaskAsync(old);
        var deep = await TaskAsync(grandchild);

        var result = await _reorganization.SplitAsync(new SplitRequest("S", Day,
            [new NewUnit("Bắc", "SB", UnitType.DangBoCoSo), new NewUnit(null, " ", null), new NewUnit("Nam", "SN", UnitType.DangBoCoSo)], ChildrenTo: 2));

        Assert.Null(result.Problems);
        Assert.Equal(["SB", "SN"], result.Value!.Select(u => u.Code));
        _db.ChangeTracker.Clear();
        var units = await _db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
        Assert.Equal(Day, units["S"].ValidTo);
        Assert.All(new[] { units["SB"], units["SN"] }, u => Assert.Equal((root.Id, Day), (u.ParentId, u.ValidFrom)));
        Assert.Equal(units["SN"].Id, units["S1"].ParentId);
        Assert.Equal($"/{root.Id}/{units["SN"].Id}/{child.Id}/{grandchild.Id}/", units["S1A"].Path);
        Assert.Equal(2, await _db.UnitLineages.CountAsync(l => l.PredecessorId == old.Id && l.Kind == LineageKind.Split));
        Assert.Equal(old.Id, (await _db.Tasks.FindAsync(task))!.LeadUnitId);
        Assert.Equal(grandchild.Id, (await _db.Tasks.FindAsync(deep))!.LeadUnitId);
        await AssertRollupsExactAsync();
    }

    [DbFact]
    public async Task A_refusal_names_each_field_and_writes_nothing()
    {
        var root = await AddAsync("R", null);
        var a = await AddAsync("A", root);
        await AddAsync("A1", a);
        await AddAsync("Z", root, validTo: new DateOnly(2026, 1, 1));
        var before = await _db.Units.CountAsync();

        var merge = await _reorganization.MergeAsync(new MergeRequest(["A", "A1", "Z", "NOPE"], "A1", " ", "A", null, new DateOnly(2026, 12, 1)));
        var split = await _reorganization.SplitAsync(new SplitRequest("R", new DateOnly(2025, 1, 1), [new NewUnit("Một", "R", UnitType.ChiBo)], 3));

        var m = merge.Problems!.ToDictionary();
        // Named as the JSON names them.
        Assert.Equal(["code", "name", "onDate", "parentCode", "type", "unitCodes"], m.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(m["unitCodes"], e => e.Contains("“NOPE”"));
        Assert.Contains(m["unitCodes"], e => e.Contains("đã hết hiệu lực từ 01/01/2026"));
        Assert.Contains(m["onDate"], e => e.Contains("01/12/2026 ở sau hôm nay (02/03/2026)"));
        var s = split.Problems!.ToDictionary();
        Assert.Equal(["childrenTo", "onDate", "unitCode", "units", "units[0].code"], s.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await _db.Units.CountAsync());
        Assert.Equal(0, await _db.UnitLineages.CountAsync());
    }

    private async Task AssertRollupsExactAsync()
    {
        var incremental = await StatsAsync();
        await TaskLedger.RebuildRollupsAsync(_db);
        Assert.Equal(await StatsAsync(), incremental);
    }

    private Task<List<string>> StatsAsync() =>
        _db.UnitStats.Where(s => s.Count != 0).OrderBy(s => s.UnitId).ThenBy(s => s.Metric).ThenBy(s => s.Day)
            .Select(s => s.UnitId + " " + s.Metric + " " + s.Day + " " + s.Count).ToListAsync();

    private async Task<Unit> AddAsync(string code, Unit? parent, DateOnly? validTo = null)
    {
        var unit = new Unit
        {
            Code = code,
            Name = "Đơn vị " + code,
            Type = parent is null ? UnitType.TinhUy : UnitType.DangBoCoSo,
            Parent = parent,
            ParentId = parent?.Id,
            ValidFrom = new DateOnly(2025, 7, 1),
            ValidTo = validTo,
        };
        _db.Units.Add(unit);
        await UnitPaths.SaveAsync(_db);
        return unit;
    }

    private async Task<int> TaskAsync(Unit lead, bool completed = false, List<int>? coordinators = null)
    {
        var task = (await _flow.CreateAsync(new NewTask
        {
            Title = "Nhiệm vụ của " + lead.Code,
            LeadUnitId = lead.Id,
            CoordinatorUnitIds = coordinators ?? [],
            DeadlineKind = DeadlineKind.Date,
            DueDate = new DateOnly(2026, 6, 30),
        })).Value!;
        if (completed)
        {
            (task.Status, task.SubmittedOn, task.CompletedOn, task.Percent) = (TaskState.Completed, Day, Day, 100);
            await _ledger.SaveAsync(_db, null);
        }
        return task.Id;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class ReorganizationOnSqlite() : ReorganizationTests(Provider.Sqlite);

[OnPostgres]
public sealed class ReorganizationOnPostgres() : ReorganizationTests(Provider.Postgres);
