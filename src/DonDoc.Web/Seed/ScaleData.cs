using System.Diagnostics;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public sealed record ScaleShape(string Name, string RootName, UnitType RootType, int Committees, int SubordinatesPer,
    int GrassrootsPer, int Tasks)
{
    public static ScaleShape? Named(string name, int? tasks) => name switch
    {
        // 1 + 34 + 34×105 + 34×105×16 ≈ 60.700 units.
        "national" => new("national", "Ban Chấp hành Trung ương", UnitType.TrungUong, 34, 105, 16, tasks ?? 1_000_000),
        // 1 + 136 + 136×21 ≈ 3.000 units.
        "city" => new("city", "Thành ủy Hà Nội", UnitType.TinhUy, 1, 136, 21, tasks ?? 100_000),
        _ => null,
    };
}

/// <summary>
/// Generates a Party-wide (or city-wide) structure and a large set of tasks with coherent states,
/// history and progress reports, and loads them through the bulk path; the rollups are rebuilt
/// once at the end rather than kept row by row.
/// </summary>
public static class ScaleData
{
    private static readonly string[] Provinces =
    [
        "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
        "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
        "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai",
        "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    ];

    private static readonly HashSet<string> Cities = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"];

    private static readonly string[] Topics =
    [
        "nâng cao chất lượng sinh hoạt chi bộ", "kết nạp đảng viên mới", "chuyển đổi số trong các cơ quan Đảng",
        "thực hiện Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp", "củng cố tổ chức cơ sở đảng yếu kém",
        "kiểm tra, giám sát việc thực hiện nghị quyết", "giải quyết đơn thư khiếu nại, tố cáo tồn đọng",
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "cải cách hành chính, nâng cao chỉ số hài lòng",
        "phát triển tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước", "phòng, chống tham nhũng, tiêu cực",
        "xây dựng nông thôn mới nâng cao", "chỉnh trang đô thị, trật tự xây dựng", "bảo vệ môi trường, xử lý rác thải",
        "công tác dân vận chính quyền", "quy hoạch, đào tạo cán bộ diện Ban Thường vụ quản lý",
        "sơ kết giữa nhiệm kỳ thực hiện nghị quyết đại hội", "tuyên truyền kỷ niệm các ngày lễ lớn",
    ];

    private const int ProgramsCap = 10;

    // Generated benchmark data, not anyone's change: written around AppDb, so it leaves no audit entries, and
    // its rows take the version columns' default.
    /// <param name="bars">Progress bars redrawn in place, for a terminal; otherwise a plain line per tenth, for a log.</param>
    public static async Task SeedAsync(AppDb db, ScaleShape shape, DateOnly today, TextWriter progress, bool bars = false, CancellationToken ct = default)
    {
        var random = new Random(20251001);
        var watch = Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsSqlite())
            // SQLite's default page cache is 2 MB: the indexes of a million tasks would be read back from disk on
            // nearly every insert. This connection only, for the length of the load.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -1048576", ct);

        var units = BuildUnits(shape);
        await Load(db, "Units", ["Id", "Code", "Name", "Type", "ParentId", "Path", "Depth", "ValidFrom", "ValidTo", "SearchKey"],
            units.Select(u => new object?[] { u.Id, u.Code, u.Name, u.Type.ToString(), u.ParentId, u.Path, u.Depth, u.ValidFrom, null, VnText.Fold($"{u.Name} {u.Code}") }),
            units.Count, "Đơn vị", progress, bars, ct);

        var tasks = BuildTasks(shape, units, today, random);
        await Load(db, "Tasks",
            ["Id", "ParentId", "Path", "Depth", "Kind", "Title", "LeadUnitId", "AssignedByUnitId", "DeadlineKind", "DueDate",
             "OriginalDueDate", "Status", "Percent", "AssignedOn", "SubmittedOn", "CompletedOn", "ReturnReason",
             "ChildTotal", "ChildCompleted", "CreatedAtUtc", "UpdatedAtUtc", "SearchKey"],
            tasks.Select(t => new object?[]
            {
                t.Id, t.ParentId, t.Path, t.Depth, t.Kind.ToString(), t.Title, t.LeadUnitId, t.AssignedByUnitId,
                t.DeadlineKind.ToString(), t.DueDate, t.DueDate, t.Status.ToString(), t.Percent, t.AssignedOn, t.SubmittedOn,
                t.CompletedOn, t.Status == TaskState.Returned ? "Chưa đạt yêu cầu, bổ sung số liệu" : null,
                t.ChildTotal, t.ChildCompleted, At(t.AssignedOn), At(t.LastChange), VnText.Fold(t.Title),
            }), tasks.Length, "Nhiệm vụ", progress, bars, ct);

        var eventCount = tasks.Sum(t => t.Events.Count);
        long eventId = 0;
        await Load(db, "TaskEvents", ["Id", "TaskId", "AtUtc", "OnDate", "FromStatus", "Status", "LeadUnitId", "DueDate", "SubmittedOn", "Note"],
            tasks.SelectMany(t => t.Events.Select((e, i) => new object?[]
            {
                ++eventId, t.Id, At(e.On), e.On, i == 0 ? null : t.Events[i - 1].Status.ToString(), e.Status.ToString(),
                t.LeadUnitId, t.DueDate, e.SubmittedOn, i == 0 ? "Giao nhiệm vụ" : null,
            })), eventCount, "Lịch sử", progress, bars, ct);

        var reported = tasks.Where(t => t.ProgressOn is not null).ToList();
        var reportId = 0;
        await Load(db, "ProgressReports", ["Id", "TaskId", "PeriodId", "ReportedOn", "Percent", "Text", "CreatedAtUtc"],
            reported.Select(t => new object?[]
            {
                ++reportId, t.Id, null, t.ProgressOn, Math.Max(t.Percent, 10), "Đã triển khai, đang tổng hợp kết quả", At(t.ProgressOn!.Value),
            }), reported.Count, "Báo cáo", progress, bars, ct);

        var figures = await SeedIndicatorsAsync(db, units, today, progress, bars, ct);

        foreach (var table in new[] { "Units", "Tasks", "TaskEvents", "ProgressReports", "IndicatorPlans", "IndicatorActuals", "IndicatorTotals" })
            await BulkWriter.ResetIdentityAsync(db, table, ct);
        db.Terms.AddRange(DemoData.CityTerms.Select(t => new Features.Documents.Term { Name = t.Name, StartsOn = t.StartsOn, EndsOn = t.EndsOn }));
        await db.SaveChangesAsync(ct);
        progress.WriteLine("Tính lại số liệu tổng hợp theo đơn vị…");
        await TaskLedger.RebuildRollupsAsync(db, ct);
        await tx.CommitAsync(ct);
        // The load's one transaction left each search table in many segments; a search reads them all.
        await Features.Search.SearchMerge.RunAsync(db, ct);
        // Fresh statistics, so both planners pick the unit or due-date indexes the queries were written for. On PostgreSQL
        // the vacuum also marks the loaded pages all-visible, as autovacuum would later, so that an index holding all a
        // query reads answers it without the table (a province's search hits: IX_Tasks_LeadUnitId_Search).
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM (ANALYZE)" : "ANALYZE", ct);
        progress.WriteLine($"Xong: {VnFormat.Number(units.Count)} đơn vị, {VnFormat.Number(tasks.Length)} nhiệm vụ, " +
            $"{VnFormat.Number(eventCount)} dòng lịch sử, {VnFormat.Number(reported.Count)} báo cáo, {VnFormat.Number(figures)} dòng chỉ tiêu " +
            $"trong {watch.Elapsed.TotalSeconds:0} giây.");
    }

    /// <summary>
    /// Two indicators of the root over five years: new members by quarter and the share of grassroots organisations
    /// rated good by year. Every unit has a year's target for both; every grassroots unit reports each period that has
    /// ended (one in twenty is late with the last quarter), and every unit holds its subtree's sum, as the ledger
    /// would have written them. Returns the rows written.
    /// </summary>
    private static async Task<long> SeedIndicatorsAsync(AppDb db, List<GenUnit> units, DateOnly today, TextWriter progress, bool bars, CancellationToken ct)
    {
        var (first, last) = (today.Year - 4, today.Year);
        var root = units[0];
        Features.Indicators.Indicator Define(string code, string name, string measure, Features.Indicators.IndicatorKind kind,
            Features.Indicators.IndicatorDirection direction, Features.Indicators.PeriodKind every) => new()
        {
            Code = code, Name = name, Measure = measure, Kind = kind, Direction = direction, ReportEvery = every, ReportWithinDays = 10,
            FromYear = first, ToYear = last, OwnerUnitId = root.Id, CreatedAtUtc = At(new DateOnly(first, 1, 2)),
            NumeratorLabel = kind == Features.Indicators.IndicatorKind.Ratio ? "Số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên" : null,
            DenominatorLabel = kind == Features.Indicators.IndicatorKind.Ratio ? "Số tổ chức cơ sở đảng được đánh giá" : null,
        };
        var admitted = Define("KN", "Kết nạp đảng viên mới", "đảng viên", Features.Indicators.IndicatorKind.Flow, Features.Indicators.IndicatorDirection.Higher,
            Features.Indicators.PeriodKind.Quarter);
        var rated = Define("TL-HTT", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "%", Features.Indicators.IndicatorKind.Ratio,
            Features.Indicators.IndicatorDirection.Floor, Features.Indicators.PeriodKind.Year);
        db.Indicators.AddRange(admitted, rated);
        await db.SaveChangesAsync(ct);

        var parents = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).ToHashSet();
        var leaves = units.Where(u => !parents.Contains(u.Id)).ToList();
        var ancestors = units.ToDictionary(u => u.Id, u => Unit.Ancestors(u.Path).ToArray());
        var leavesBelow = new int[units.Count + 1];
        foreach (var leaf in leaves)
            foreach (var a in ancestors[leaf.Id])
                leavesBelow[a]++;

        var years = Enumerable.Range(first, last - first + 1).ToList();
        long planId = 0;
        var plans = units.SelectMany(u => years.SelectMany(y => new object?[][]
        {
            [++planId, admitted.Id, u.Id, "Year", y, 1, "", leavesBelow[u.Id] * 8m, null, null, At(new DateOnly(y, 1, 10)), null, 1],
            [++planId, rated.Id, u.Id, "Year", y, 1, "", 90m, null, null, At(new DateOnly(y, 1, 10)), null, 1],
        }));
        var written = await Load(db, "IndicatorPlans",
            ["Id", "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "Basis", "Target", "TargetHigh", "HandedDownFromId", "RecordedAtUtc", "ReplacedAtUtc", "Version"],
            plans, units.Count * years.Count * 2L, "Kế hoạch", progress, bars, ct);

        // The periods reported so far: quarters and years that ended at least ten days ago.
        var quarters = years.SelectMany(y => Enumerable.Range(1, 4).Select(q => Features.Indicators.Period.Quarter(y, q))).Where(q => q.End.AddDays(10) < today).ToList();
        var ended = years.Select(Features.Indicators.Period.OfYear).Where(p => p.End.AddDays(10) < today).ToList();
        var periods = quarters.Select(q => (Indicator: admitted.Id, Period: q)).Concat(ended.Select(y => (Indicator: rated.Id, Period: y))).ToList();
        bool Reports(GenUnit leaf, Features.Indicators.Period p) => !(p == quarters[^1] && leaf.Id % 20 == 0);
        (decimal Value, decimal Num, decimal Den) Figure(GenUnit leaf, int indicator, Features.Indicators.Period p) => indicator == admitted.Id
            ? ((leaf.Id * 7 + p.Number * 3 + p.Year) % 5, 0, 0)
            : (0, (leaf.Id + p.Year) % 10 < 8 ? 1 : 0, 1);
        long actualId = 0;
        var actuals = periods.SelectMany(p => leaves.Where(l => Reports(l, p.Period)).Select(l =>
        {
            var (value, num, den) = Figure(l, p.Indicator, p.Period);
            return new object?[] { ++actualId, p.Indicator, l.Id, p.Period.Kind.ToString(), p.Period.Year, p.Period.Number, value, num, den, false, null,
                At(p.Period.End.AddDays(5)), null, 1 };
        }));
        written += await Load(db, "IndicatorActuals",
            ["Id", "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "Value", "Numerator", "Denominator", "IsEstimate", "Note", "RecordedAtUtc", "ReplacedAtUtc", "Version"],
            actuals, periods.Sum(p => (long)leaves.Count(l => Reports(l, p.Period))), "Số liệu", progress, bars, ct);

        long totalId = 0;
        IEnumerable<object?[]> Totals()
        {
            foreach (var (indicator, period) in periods)
            {
                var sums = new (decimal Value, decimal Num, decimal Den, int Reporters)[units.Count + 1];
                foreach (var leaf in leaves.Where(l => Reports(l, period)))
                {
                    var (value, num, den) = Figure(leaf, indicator, period);
                    foreach (var a in ancestors[leaf.Id])
                        sums[a] = (sums[a].Value + value, sums[a].Num + num, sums[a].Den + den, sums[a].Reporters + 1);
                }
                foreach (var u in units.Where(u => sums[u.Id].Reporters > 0))
                    yield return [++totalId, indicator, u.Id, period.Kind.ToString(), period.Year, period.Number, sums[u.Id].Value, sums[u.Id].Num,
                        sums[u.Id].Den, sums[u.Id].Reporters, 0, At(period.End.AddDays(5)), null];
            }
        }
        written += await Load(db, "IndicatorTotals",
            ["Id", "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "Value", "Numerator", "Denominator", "Reporters", "Estimates", "RecordedAtUtc", "ReplacedAtUtc"],
            Totals(), (long)units.Count * periods.Count, "Tổng hợp", progress, bars, ct);
        return written;
    }

    private sealed record GenUnit(int Id, string Code, string Name, UnitType Type, int? ParentId, string Path, int Depth, DateOnly ValidFrom);

    private static List<GenUnit> BuildUnits(ScaleShape shape)
    {
        var units = new List<GenUnit>();
        var from = new DateOnly(2025, 7, 1);
        GenUnit Add(string code, string name, UnitType type, GenUnit? parent)
        {
            var id = units.Count + 1;
            var unit = new GenUnit(id, code, name, type, parent?.Id, Unit.ChildPath(parent?.Path ?? "/", id), parent is null ? 0 : parent.Depth + 1, from);
            units.Add(unit);
            return unit;
        }
        var root = Add(shape.Name == "national" ? "TW" : "TU-HN", shape.RootName, shape.RootType, null);
        for (var p = 0; p < shape.Committees; p++)
        {
            var province = Provinces[p % Provinces.Length];
            var committee = shape.Committees == 1 ? root
                : Add($"T{p + 1:00}", (Cities.Contains(province) ? "Thành ủy " : "Tỉnh ủy ") + province, UnitType.TinhUy, root);
            for (var s = 0; s < shape.SubordinatesPer; s++)
            {
                var kind = s % 3 == 0 ? "phường" : "xã";
                var sub = Add($"{committee.Code}-{s + 1:000}", $"Đảng bộ {kind} số {s + 1} ({province})", UnitType.DangBoTrucThuoc, committee);
                for (var g = 0; g < shape.GrassrootsPer; g++)
                    Add($"{sub.Code}-{g + 1:00}", g % 4 == 0 ? $"Đảng bộ cơ sở số {g + 1}, {sub.Name}" : $"Chi bộ số {g + 1}, {sub.Name}",
                        g % 4 == 0 ? UnitType.DangBoCoSo : UnitType.ChiBo, sub);
            }
        }
        return units;
    }

    private sealed class GenTask
    {
        public int Id;
        public int? ParentId;
        public string Path = "";
        public int Depth;
        public TaskKind Kind;
        public string Title = "";
        public int LeadUnitId;
        public int AssignedByUnitId;
        public DeadlineKind DeadlineKind;
        public DateOnly? DueDate;
        public TaskState Status;
        public int Percent;
        public DateOnly AssignedOn;
        public DateOnly? SubmittedOn;
        public DateOnly? CompletedOn;
        public DateOnly? ProgressOn;
        public DateOnly LastChange;
        public int ChildTotal;
        public int ChildCompleted;
        public List<(DateOnly On, TaskState Status, DateOnly? SubmittedOn)> Events = [];
    }

    private static GenTask[] BuildTasks(ScaleShape shape, List<GenUnit> units, DateOnly today, Random random)
    {
        var committees = units.Where(u => u.Type == UnitType.TinhUy).ToList();
        var subordinates = units.Where(u => u.Type == UnitType.DangBoTrucThuoc).GroupBy(u => u.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var grassroots = units.Where(u => u.Type is UnitType.DangBoCoSo or UnitType.ChiBo)
            .GroupBy(u => units[u.ParentId!.Value - 1].ParentId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var programsPer = Math.Clamp(shape.Tasks / 100_000, 1, ProgramsCap);
        var projectsPer = shape.Tasks >= 100_000 ? 30 : 5;
        var tasks = new GenTask[shape.Tasks];
        var next = 0;
        GenTask New(GenTask? parent, TaskKind kind, GenUnit lead, int assignedBy)
        {
            var t = new GenTask
            {
                Id = next + 1,
                ParentId = parent?.Id,
                Depth = parent is null ? 0 : parent.Depth + 1,
                Kind = kind,
                LeadUnitId = lead.Id,
                AssignedByUnitId = assignedBy,
            };
            t.Path = TaskItem.ChildPath(parent?.Path ?? "/", t.Id);
            t.Title = $"{kind.Label()} số {t.Id}: {Topics[random.Next(Topics.Length)]}";
            tasks[next++] = t;
            return t;
        }

        var projects = new Dictionary<int, List<GenTask>>();
        foreach (var committee in committees)
        {
            var subs = subordinates[committee.Id];
            var list = projects[committee.Id] = [];
            for (var p = 0; p < programsPer && next < tasks.Length; p++)
            {
                var program = New(null, TaskKind.Program, committee, committee.Id);
                for (var j = 0; j < projectsPer && next < tasks.Length; j++)
                    list.Add(New(program, TaskKind.Project, subs[random.Next(subs.Length)], committee.Id));
            }
        }
        while (next < tasks.Length)
        {
            var committee = committees[random.Next(committees.Count)];
            var parents = projects[committee.Id];
            var pool = grassroots[committee.Id];
            var parent = parents[random.Next(parents.Count)];
            New(parent, TaskKind.Item, pool[random.Next(pool.Length)], parent.LeadUnitId);
        }

        foreach (var t in tasks)
            Decide(t, today, random);
        // Children are numbered after their parents, so one pass in reverse settles the counts.
        for (var i = tasks.Length - 1; i >= 0; i--)
        {
            var t = tasks[i];
            if (t.ParentId is not { } parentId || t.Status == TaskState.Cancelled) continue;
            tasks[parentId - 1].ChildTotal++;
            if (t.Status == TaskState.Completed) tasks[parentId - 1].ChildCompleted++;
        }
        return tasks;
    }

    // A state consistent with the dates: past-due work is mostly done; future work is spread over the states.
    private static void Decide(GenTask t, DateOnly today, Random random)
    {
        var ongoing = t.Kind == TaskKind.Program || random.Next(10) == 0;
        t.DeadlineKind = ongoing ? DeadlineKind.Ongoing : DeadlineKind.Date;
        t.AssignedOn = today.AddDays(-random.Next(1, 720));
        t.DueDate = ongoing ? null : t.AssignedOn.AddDays(random.Next(15, 300));
        var span = Math.Max(1, today.DayNumber - t.AssignedOn.DayNumber);
        var pastDue = t.DueDate is { } due && due < today;
        var roll = random.Next(100);
        TaskState target = pastDue
            ? roll switch { < 62 => TaskState.Completed, < 67 => TaskState.Cancelled, < 72 => TaskState.Submitted, < 80 => TaskState.Accepted, _ => TaskState.InProgress }
            : roll switch { < 15 => TaskState.Assigned, < 28 => TaskState.Accepted, < 70 => TaskState.InProgress, < 80 => TaskState.Submitted, < 84 => TaskState.Returned, < 97 => TaskState.Completed, _ => TaskState.Cancelled };
        if (t.Kind == TaskKind.Program)
            target = TaskState.InProgress;

        DateOnly Step(DateOnly after, int share) => DateOnly.FromDayNumber(Math.Min(today.DayNumber, after.DayNumber + Math.Max(1, span * share / 100)));
        var day = t.AssignedOn;
        t.Events.Add((day, TaskState.Assigned, null));
        if (target is TaskState.Cancelled)
        {
            t.Events.Add((Step(day, 30), TaskState.Cancelled, null));
            t.Status = TaskState.Cancelled;
        }
        else if (target is not TaskState.Assigned)
        {
            day = Step(day, 5);
            t.Events.Add((day, TaskState.Accepted, null));
            t.Status = TaskState.Accepted;
            if (target is not TaskState.Accepted)
            {
                day = Step(day, 30);
                t.ProgressOn = day;
                t.Percent = random.Next(10, 90);
                t.Events.Add((day, TaskState.InProgress, null));
                t.Status = TaskState.InProgress;
            }
            if (target is TaskState.Submitted or TaskState.Returned or TaskState.Completed)
            {
                // One in five tasks handed in after a due date that has passed is late.
                var submitted = Step(day, 20);
                if (t.DueDate is { } due2)
                    submitted = pastDue && random.Next(5) == 0 ? due2.AddDays(random.Next(1, 20)) : (submitted < due2 ? submitted : due2);
                day = DateOnly.FromDayNumber(Math.Clamp(submitted.DayNumber, day.DayNumber, today.DayNumber));
                t.SubmittedOn = day;
                t.Events.Add((day, TaskState.Submitted, day));
                t.Status = TaskState.Submitted;
            }
            if (target is TaskState.Returned)
            {
                day = Step(day, 3);
                t.SubmittedOn = null;
                t.Events.Add((day, TaskState.Returned, null));
                t.Status = TaskState.Returned;
            }
            if (target is TaskState.Completed)
            {
                day = Step(day, 3);
                t.CompletedOn = day;
                t.Percent = 100;
                t.Events.Add((day, TaskState.Completed, t.SubmittedOn));
                t.Status = TaskState.Completed;
            }
        }
        t.LastChange = t.Events[^1].On;
    }

    private static DateTime At(DateOnly day) => Clock.EndOfDayUtc(day).AddHours(-15);

    private static async Task<long> Load(AppDb db, string table, string[] columns, IEnumerable<object?[]> rows, long total,
        string label, TextWriter progress, bool bars, CancellationToken ct)
    {
        var lastTenth = -1;
        void Draw(long done)
        {
            var share = total == 0 ? 1 : (double)done / total;
            var counts = $"{(int)(share * 100),3}% {VnFormat.Number(done)}/{VnFormat.Number(total)}";
            if (bars)
                progress.Write($"\r{label,-10} [{new string('#', (int)(share * 30)).PadRight(30, '.')}] {counts}");
            else if ((int)(share * 10) is var tenth && tenth != lastTenth)
            {
                lastTenth = tenth;
                progress.WriteLine($"{label,-10} {counts}");
            }
        }
        var written = await BulkWriter.WriteAsync(db, table, columns, rows, Draw, ct);
        if (bars)
            progress.WriteLine();
        return written;
    }
}
