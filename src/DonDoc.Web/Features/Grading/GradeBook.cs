using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Grading;

public sealed class GradeInput
{
    public decimal? Score { get; set; }
    public Grade? Grade { get; set; }
    // Required when the grade is not the suggested one.
    public string? Reason { get; set; }
    // Empty: the unit type, among the parent's children.
    public string? PeerGroup { get; set; }
    public bool Outstanding { get; set; }
}

public sealed record GradeRecord(decimal Score, Grade Grade, string GradeLabel, Grade SuggestedGrade, string SuggestionWhy, string? OverrideReason,
    string PeerGroup, bool Outstanding, string ConfirmedBy, DateTime ConfirmedAtUtc, int Version);

/// <summary>A child unit with its year's facts, what the rules suggest from them (and its score, once given) and its grade if entered.</summary>
public sealed record GradeRow(int UnitId, string UnitName, string PeerGroup, TaskYearResult Tasks, IndicatorYearResult Indicators,
    Grade Suggested, string SuggestedLabel, IReadOnlyList<string> Why, GradeRecord? Record);

public sealed record GradingView(int UnitId, string UnitName, int Year, string Source, DateOnly ValidFrom, bool CapBaseVerified,
    IReadOnlyList<GradeRow> Children);

/// <summary>
/// Year-end grading: a unit's office grades its direct children. The grade is checked against the
/// suggestion (a different one needs a reason) and against the cap on "xuất sắc" in the child's peer
/// group before anything is written; the rules are those of the rule set in force at the year's end.
/// </summary>
public sealed class GradeBook(AppDb db, UserScope scope, Clock clock)
{
    public async Task<Outcome<GradingView>> GetAsync(int unitId, int year, CancellationToken ct)
    {
        if (!InputRules.YearInWindow(year))
            return Problems.Of("year", InputRules.YearOutOfWindow(year));
        if (await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) is not { } name)
            return Outcome<GradingView>.NotFound($"Không có đơn vị số {unitId}.");
        if (await RulesForAsync(year, ct) is not { } rules)
            return Problems.Of("year", NoRules(year));
        var (start, end) = YearBounds(year);
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == unitId && u.ValidFrom <= end && (u.ValidTo == null || u.ValidTo > start))
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name, u.Type }).ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var tasks = await TaskResultsAsync(ids, year, ct);
        var records = await db.UnitGrades.AsNoTracking().Where(g => g.Year == year && ids.Contains(g.UnitId)).ToDictionaryAsync(g => g.UnitId, ct);
        var rows = new List<GradeRow>();
        foreach (var child in children)
        {
            var facts = tasks.GetValueOrDefault(child.Id, new TaskYearResult(0, 0, 0));
            var indicators = await IndicatorResults.ForYearAsync(db, child.Id, year, ct);
            var record = records.GetValueOrDefault(child.Id);
            var suggestion = GradeRules.Suggest(rules, record?.Score, facts, indicators);
            rows.Add(new GradeRow(child.Id, child.Name, record?.PeerGroup ?? child.Type.Label(), facts, indicators, suggestion.Grade,
                suggestion.Grade.Label(), suggestion.Why, record is null ? null : RecordOf(record)));
        }
        return new GradingView(unitId, name, year, rules.Source, rules.ValidFrom, rules.CapBaseVerified, rows);
    }

    public async Task<Outcome<UnitGrade>> EnterAsync(int parentId, int year, int unitId, GradeInput input, int? version, CancellationToken ct)
    {
        if (!InputRules.YearInWindow(year))
            return Problems.Of("year", InputRules.YearOutOfWindow(year));
        if (!await scope.SeesUnitAsync(parentId, ct))
            return Outcome<UnitGrade>.NotFound($"Không có đơn vị số {parentId}.");
        if (await db.Units.AsNoTracking().Where(u => u.Id == unitId && u.ParentId == parentId).Select(u => new { u.Type }).FirstOrDefaultAsync(ct) is not { } unit)
            return Outcome<UnitGrade>.NotFound($"Đơn vị số {unitId} không trực thuộc đơn vị số {parentId}.");
        if (await RulesForAsync(year, ct) is not { } rules)
            return Problems.Of("year", NoRules(year));

        // Grades among one parent's children are entered one after the other, so that each checks the cap with the
        // others saved (SQLite's writer lock, taken when the transaction begins, already does this).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Units\" WHERE \"Id\" = {parentId} FOR UPDATE", ct);

        var problems = new Problems();
        if (input.Score is not { } score)
            problems.Add("score", "Nhập điểm đánh giá (từ 0 đến 100).");
        else if (score is < 0 or > 100 || decimal.Round(score, 2) != score)
            problems.Add("score", "Điểm đánh giá phải từ 0 đến 100, nhiều nhất hai chữ số thập phân.");
        if (input.Grade is not { } grade)
            problems.Add("grade", "Chọn mức xếp loại.");
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        if (reason is { Length: > 2000 })
            problems.Add("reason", "Lý do dài quá 2.000 ký tự.");
        var record = await db.UnitGrades.FirstOrDefaultAsync(g => g.UnitId == unitId && g.Year == year, ct);
        var peerGroup = input.PeerGroup?.Trim() is { Length: > 0 } named ? named : record?.PeerGroup ?? unit.Type.Label();
        if (peerGroup.Length > 200)
            problems.Add("peerGroup", "Tên nhóm đơn vị tương đồng dài quá 200 ký tự.");
        if (problems.Any)
            return problems;

        var suggestion = GradeRules.Suggest(rules, input.Score, (await TaskResultsAsync([unitId], year, ct)).GetValueOrDefault(unitId, new TaskYearResult(0, 0, 0)),
            await IndicatorResults.ForYearAsync(db, unitId, year, ct));
        if (GradeRules.OverrideProblem(suggestion.Grade, input.Grade!.Value, reason) is { } needsReason)
            return Problems.Of("reason", needsReason);
        if (record is not null && version is { } read && record.Version != read)
            return await Conflict.SinceAsync(db, record, read, What(record), ct);
        var peers = await db.UnitGrades.AsNoTracking()
            .Where(g => g.Year == year && g.Unit!.ParentId == parentId && g.PeerGroup == peerGroup && g.UnitId != unitId)
            .Select(g => new { g.Grade, g.Outstanding }).ToListAsync(ct);
        if (GradeRules.CapProblem(rules, peerGroup, [.. peers.Select(p => (p.Grade, p.Outstanding)), (input.Grade.Value, input.Outstanding)]) is { } capped)
            return Problems.Of("grade", capped);

        if (record is null)
        {
            record = new UnitGrade { UnitId = unitId, Year = year, SuggestionWhy = "", PeerGroup = peerGroup, ConfirmedBy = "" };
            db.UnitGrades.Add(record);
        }
        record.Score = input.Score!.Value;
        record.Grade = input.Grade.Value;
        record.SuggestedGrade = suggestion.Grade;
        record.SuggestionWhy = string.Join("\n", suggestion.Why);
        record.OverrideReason = record.Grade == suggestion.Grade ? null : reason;
        record.PeerGroup = peerGroup;
        record.Outstanding = input.Outstanding;
        record.RuleSetId = rules.Id;
        record.ConfirmedBy = scope.UserName ?? "";
        record.ConfirmedAtUtc = clock.UtcNow;
        try
        {
            await db.SaveAsync(null, $"Xếp loại năm {year}: {record.Grade.Label()}", ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
            return record;
        }
        catch (DbUpdateConcurrencyException e)
        {
            if (tx is not null)
                await tx.RollbackAsync(ct);
            return await Conflict.OfAsync(db, e, What, ct);
        }
        catch (DbUpdateException e) when (Database.IsDuplicate(e))
        {
            // Another person graded the unit for the year between this read and this write.
            if (tx is not null)
                await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.UnitGrades.FirstAsync(g => g.UnitId == unitId && g.Year == year, ct);
            return await Conflict.SinceAsync(db, current, 0, What(current), ct);
        }
    }

    /// <summary>The rule set in force on the year's last day, with its bands.</summary>
    public Task<GradingRuleSet?> RulesForAsync(int year, CancellationToken ct)
    {
        var end = new DateOnly(year, 12, 31);
        return db.GradingRuleSets.AsNoTracking().Include(r => r.Bands)
            .Where(r => r.ValidFrom <= end && (r.ValidTo == null || r.ValidTo > end))
            .OrderByDescending(r => r.ValidFrom).FirstOrDefaultAsync(ct);
    }

    /// <summary>For each unit, the tasks it leads that fall due in the year, cancelled ones left out.</summary>
    private async Task<Dictionary<int, TaskYearResult>> TaskResultsAsync(List<int> unitIds, int year, CancellationToken ct)
    {
        var (start, end) = YearBounds(year);
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => unitIds.Contains(t.LeadUnitId) && t.DueDate >= start && t.DueDate <= end && t.Status != TaskState.Cancelled)
            .GroupBy(t => t.LeadUnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Planned = g.Count(),
                Completed = g.Count(t => t.Status == TaskState.Completed),
                OnTime = g.Count(t => t.Status == TaskState.Completed && (t.SubmittedOn == null || t.SubmittedOn <= t.DueDate)),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.UnitId, r => new TaskYearResult(r.Planned, r.Completed, r.OnTime));
    }

    private static (DateOnly Start, DateOnly End) YearBounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private static string NoRules(int year) => $"Chưa có quy định xếp loại chất lượng áp dụng cho năm {year}.";

    public static GradeRecord RecordOf(UnitGrade g) => new(g.Score, g.Grade, g.Grade.Label(), g.SuggestedGrade, g.SuggestionWhy, g.OverrideReason,
        g.PeerGroup, g.Outstanding, g.ConfirmedBy, DateTime.SpecifyKind(g.ConfirmedAtUtc, DateTimeKind.Utc), g.Version);

    private static string What(object record) => record is UnitGrade g ? $"Xếp loại năm {g.Year} của đơn vị số {g.UnitId}" : "Dữ liệu";
}
