using System.Net;
using System.Net.Http.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DonDoc.Web.Tests.Indicators;

/// <summary>
/// Indicators end to end through the API: a target set and handed down, actuals reported by the units (estimates,
/// corrections, the lock after the deadline and the office reopening it), the sums up the tree checked against a
/// rebuild, the dashboard's % of plan, change on a year before and ranking, and a past day read as it stood.
/// </summary>
public abstract class IndicatorTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task A_target_handed_down_reported_and_rolled_up_shows_on_the_dashboard_today_and_as_of_a_past_day()
    {
        var id = await DefineAsync("KN", IndicatorKind.Flow, IndicatorDirection.Higher);

        // Last year's first quarter, for the change on the same period.
        app.Clock.SetLocal(new DateOnly(2025, 4, 2));
        await ReportAsync(Units.BaDinh, "2025-Q1", id, 20);

        app.Clock.SetLocal(new DateOnly(2026, 1, 5));
        await _admin.PutAsJsonAsync($"/api/indicators/{id}/plans", new { UnitId = Units.Root.Id, Period = "2026", Target = 100 }, Api.Json).OkAsync<PlanSplit>();
        var split = await _admin.PostAsync($"/api/indicators/{id}/handdown", new
        {
            FromUnitId = Units.Root.Id, Period = "2026",
            Targets = new[] { new { UnitId = Units.BaDinh.Id, Target = 40m }, new { UnitId = Units.HoanKiem.Id, Target = 30m }, new { UnitId = Units.TayHo.Id, Target = 20m } },
        }).OkAsync<PlanSplit>();
        var basis = Assert.Single(split.Bases);
        Assert.Equal(100, basis.Target);
        Assert.Equal(90, basis.ChildrenSum);
        Assert.False(basis.AddsUp);
        Assert.Equal([Units.UbndParty.Id], basis.Missing.Select(c => c.Unit.Id));

        // The quarter is not over: only an estimate.
        app.Clock.SetLocal(new DateOnly(2026, 3, 20));
        await _admin.PostAsync($"/api/units/{Units.BaDinhCell.Id}/indicator-actuals", Report("2026-Q1", id, 11)).ProblemAsync("items[0].estimate");
        await ReportAsync(Units.BaDinhCell, "2026-Q1", id, 11, estimate: true);

        app.Clock.SetLocal(new DateOnly(2026, 4, 3));
        await ReportAsync(Units.BaDinhCell, "2026-Q1", id, 12);
        await ReportAsync(Units.BaDinh, "2026-Q1", id, 10);
        await ReportAsync(Units.HoanKiem, "2026-Q1", id, 30);

        var board = await BoardAsync(Units.Root, "2026-Q1", id);
        var row = Assert.Single(board.Rows, r => r.Indicator.Id == id);
        Assert.Equal(52, row.Cell.Actual);
        Assert.Equal(3, row.Cell.Reporters);
        // A quarter against the year's target, and not judged against it.
        Assert.Equal(new Period(PeriodKind.Year, 2026, 1), row.Cell.Plan!.Period);
        Assert.Equal(52m, row.Cell.Plan.Percent);
        Assert.Null(row.Cell.Verdict);
        var baDinh = board.Children.Single(c => c.Unit.Id == Units.BaDinh.Id);
        Assert.Equal(22, baDinh.Cell.Actual);
        Assert.Equal(55m, baDinh.Cell.Plan!.Percent);
        Assert.Equal(20, baDinh.Cell.Earlier);
        Assert.Equal(10m, baDinh.Cell.Growth);
        Assert.Equal(110m, baDinh.Cell.RatioToEarlier);
        Assert.Equal(2, baDinh.Rank);
        Assert.Equal(1, board.Children.Single(c => c.Unit.Id == Units.HoanKiem.Id).Rank);
        // Ba Đình, Hoàn Kiếm and Tây Hồ were given a target; Tây Hồ has not reported the quarter that ended.
        Assert.Equal(3, board.ExpectedCount);
        Assert.Equal([Units.TayHo.Id], board.NotReported.Select(c => c.Unit.Id));

        // A correction within the time for reporting replaces the figure; the day before still reads the old one.
        app.Clock.SetLocal(new DateOnly(2026, 4, 8));
        await ReportAsync(Units.BaDinhCell, "2026-Q1", id, 15);
        Assert.Equal(55, (await BoardAsync(Units.Root, "2026-Q1", id)).Rows.Single(r => r.Indicator.Id == id).Cell.Actual);
        Assert.Equal(52, (await BoardAsync(Units.Root, "2026-Q1", id, asOf: "2026-04-07")).Rows.Single(r => r.Indicator.Id == id).Cell.Actual);
        Assert.Equal(11, (await BoardAsync(Units.Root, "2026-Q1", id, asOf: "2026-03-25")).Rows.Single(r => r.Indicator.Id == id).Cell.Actual);
        Assert.Equal(1, (await BoardAsync(Units.Root, "2026-Q1", id, asOf: "2026-03-25")).Rows.Single(r => r.Indicator.Id == id).Cell.Estimates);

        // After the deadline the period is locked until the office reopens it for the unit; the reopening is audited.
        app.Clock.SetLocal(new DateOnly(2026, 4, 15));
        await _admin.PostAsync($"/api/units/{Units.TayHo.Id}/indicator-actuals", Report("2026-Q1", id, 5)).ProblemAsync("period");
        using (var officer = await app.ClientAsync(Roles.UnitOfficer, Units.TayHo))
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/indicators/{id}/reopen",
                new { UnitId = Units.TayHo.Id, Period = "2026-Q1", Until = "2026-04-20", Reason = "Bổ sung số liệu" })).StatusCode);
        await _admin.PostAsync($"/api/indicators/{id}/reopen", new { UnitId = Units.TayHo.Id, Period = "2026-Q1", Until = "2026-04-20", Reason = "" })
            .ProblemAsync("reason");
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsync($"/api/indicators/{id}/reopen",
            new { UnitId = Units.TayHo.Id, Period = "2026-Q1", Until = "2026-04-20", Reason = "Phường bổ sung số liệu quý I" })).StatusCode);
        await ReportAsync(Units.TayHo, "2026-Q1", id, 5);
        Assert.Empty((await BoardAsync(Units.Root, "2026-Q1", id)).NotReported);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "IndicatorReopenings" && e.Detail!.Contains("Phường bổ sung"))));

        // Six months: the sum of the two quarters so far; the year's figure is the same sum.
        app.Clock.SetLocal(new DateOnly(2026, 7, 2));
        await ReportAsync(Units.BaDinh, "2026-Q2", id, 8);
        Assert.Equal(68, (await BoardAsync(Units.Root, "2026-6T", id)).Rows.Single(r => r.Indicator.Id == id).Cell.Actual);
        Assert.Equal(68, (await BoardAsync(Units.Root, "2026", id)).Rows.Single(r => r.Indicator.Id == id).Cell.Actual);

        await AssertTotalsMatchRebuildAsync();
    }

    [DbFact]
    public async Task A_ratio_rolls_up_from_its_summed_numerator_and_denominator_and_is_judged_against_a_floor()
    {
        app.Clock.SetLocal(new DateOnly(2026, 1, 5));
        var id = await DefineAsync("TL", IndicatorKind.Ratio, IndicatorDirection.Floor, PeriodKind.Year);
        await _admin.PutAsJsonAsync($"/api/indicators/{id}/plans", new { UnitId = Units.Root.Id, Period = "2025", Target = 80 }, Api.Json).OkAsync<PlanSplit>();
        await _admin.PostAsync($"/api/units/{Units.BaDinh.Id}/indicator-actuals",
            new { Period = "2025", Items = new[] { new { IndicatorId = id, Numerator = 11m, Denominator = 10m } } }).ProblemAsync("items[0].numerator");
        await _admin.PostAsync($"/api/units/{Units.BaDinh.Id}/indicator-actuals",
            new { Period = "2025", Items = new[] { new { IndicatorId = id, Numerator = 9m, Denominator = 10m } } }).OkAsync<ActualsSaved>();
        await _admin.PostAsync($"/api/units/{Units.HoanKiem.Id}/indicator-actuals",
            new { Period = "2025", Items = new[] { new { IndicatorId = id, Numerator = 1m, Denominator = 2m } } }).OkAsync<ActualsSaved>();

        var row = (await BoardAsync(Units.Root, "2025", id)).Rows.Single(r => r.Indicator.Id == id);
        // 10/12, not the mean of 90% and 50%.
        Assert.Equal(10m / 12m * 100, row.Cell.Actual);
        Assert.Equal(Verdict.Met, row.Cell.Verdict);
        await AssertTotalsMatchRebuildAsync();
    }

    [DbFact]
    public async Task Bad_reports_name_the_field_and_write_nothing()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 2));
        var id = await DefineAsync("SAI", IndicatorKind.Flow, IndicatorDirection.Higher);
        var before = await CountAsync();
        var url = $"/api/units/{Units.BaDinh.Id}/indicator-actuals";
        // One good item beside a bad one: neither is written.
        await _admin.PostAsync(url, new { Period = "2026-Q1", Items = new object[] { new { IndicatorId = id, Value = 3m }, new { IndicatorId = id, Value = 4m } } })
            .ProblemAsync("items[1].indicatorId");
        await _admin.PostAsync(url, Report("2026-Q1", id, -1)).ProblemAsync("items[0].value");
        await _admin.PostAsync(url, Report("2026-T03", id, 1)).ProblemAsync("period");
        await _admin.PostAsync(url, Report("2031-Q1", id, 1)).ProblemAsync("period");
        await _admin.PostAsync(url, Report("2026-Q5", id, 1)).ProblemAsync("period");
        await _admin.PutAsJsonAsync($"/api/indicators/{id}/plans", new { UnitId = Units.Root.Id, Period = "2026", Target = -5 }, Api.Json).ProblemAsync("target");
        await _admin.PostAsync($"/api/indicators/{id}/handdown", new { FromUnitId = Units.Root.Id, Period = "2026", Targets = new[] { new { UnitId = Units.BaDinhCell.Id, Target = 1m } } })
            .ProblemAsync("period", "targets[0].unitId");
        Assert.Equal(before, await CountAsync());

        // A unit officer reports only within their own subtree: another ward reads as missing.
        using var officer = await app.ClientAsync(Roles.UnitOfficer, Units.HoanKiem);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync(url, Report("2026-Q1", id, 1))).StatusCode);
        await officer.PostAsync($"/api/units/{Units.HoanKiem.Id}/indicator-actuals", Report("2026-Q1", id, 1)).OkAsync<ActualsSaved>();
        Assert.Equal(before.Actuals + 1, (await CountAsync()).Actuals);
    }

    [DbFact]
    public async Task Reports_of_one_figure_racing_each_other_end_in_one_current_figure_and_sums_that_hold()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 3));
        var id = await DefineAsync("DUA", IndicatorKind.Flow, IndicatorDirection.Higher);
        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
            (await _admin.PostAsync($"/api/units/{(i % 2 == 0 ? Units.BaDinh : Units.BaDinhCell).Id}/indicator-actuals", Report("2026-Q1", id, i))).StatusCode));
        Assert.All(results, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{s}"));
        Assert.Contains(HttpStatusCode.OK, results);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.IndicatorActuals.CountAsync(a => a.IndicatorId == id && a.UnitId == Units.BaDinh.Id && a.ReplacedAtUtc == null));
            Assert.Equal(1, await db.IndicatorTotals.CountAsync(t => t.IndicatorId == id && t.UnitId == Units.Root.Id && t.ReplacedAtUtc == null));
        });
        await AssertTotalsMatchRebuildAsync();
    }

    [DbFact]
    public async Task A_units_sheet_reports_all_its_lines_or_none_and_the_dashboard_downloads_as_it_shows()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 3));
        var flow = await _admin.GetOkAsync<IndicatorRef>($"/api/indicators/{await DefineAsync("XL", IndicatorKind.Flow, IndicatorDirection.Higher)}");
        var ratio = await _admin.GetOkAsync<IndicatorRef>($"/api/indicators/{await DefineAsync("XT", IndicatorKind.Ratio, IndicatorDirection.Floor)}");

        // The template lists the unit's quarterly indicators, each by its code.
        var template = await _admin.GetByteArrayAsync($"/api/units/{Units.BaDinh.Id}/indicator-actuals/template?period=2026-Q1");
        var listed = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true, sheetName: "Số thực hiện").Cast<IDictionary<string, object?>>()
            .Select(r => r["Mã chỉ tiêu"]?.ToString()).ToList();
        Assert.Contains(flow.Code, listed);
        Assert.Contains(ratio.Code, listed);

        var before = await CountAsync();
        var url = $"/api/units/{Units.BaDinh.Id}/indicator-actuals/sheet?period=2026-Q1";
        // The ratio's numerator above its denominator, on the sheet's third line: the whole sheet is refused, by that line.
        var errors = await _admin.PostAsync(url, Sheet((flow.Code, 12, null, null), (ratio.Code, null, 11, 10))).ProblemAsync("file");
        Assert.Contains(errors["file"], m => m.StartsWith("Dòng 3:", StringComparison.Ordinal));
        errors = await _admin.PostAsync(url, Sheet(("KHONG-CO", 1, null, null))).ProblemAsync("file");
        Assert.Contains(errors["file"], m => m.Contains("KHONG-CO", StringComparison.Ordinal));
        await _admin.PostAsync(url, Multipart(new ByteArrayContent("không phải bảng tính"u8.ToArray()), "a.xlsx")).ProblemAsync("file");
        Assert.Equal(before, await CountAsync());

        Assert.Equal(2, (await _admin.PostAsync(url, Sheet((flow.Code, 12, null, null), (ratio.Code, null, 9, 10))).OkAsync<ActualsSaved>()).Saved);
        var board = await BoardAsync(Units.Root, "2026-Q1", flow.Id);
        Assert.Equal(12, board.Rows.Single(r => r.Indicator.Id == flow.Id).Cell.Actual);
        Assert.Equal(90, board.Rows.Single(r => r.Indicator.Id == ratio.Id).Cell.Actual);

        var response = await _admin.GetAsync($"/api/units/{Units.Root.Id}/indicators/export.xlsx?period=2026-Q1&indicator={flow.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var book = Export.Workbook.Open(await response.Content.ReadAsByteArrayAsync());
        var row = book.Rows("Chỉ tiêu").Single(r => r["Mã"].Text == flow.Code);
        Assert.True(row["Thực hiện"].IsNumber);
        Assert.Equal(12, row["Thực hiện"].Number);
        Assert.Equal(0.9, book.Rows("Chỉ tiêu").Single(r => r["Mã"].Text == ratio.Code)["Thực hiện"].Number / 100, 6);
        Assert.Equal(12, book.Rows("Đơn vị trực thuộc").Single(r => r["Mã đơn vị"].Text == Units.BaDinh.Code)["Thực hiện"].Number);
    }

    [DbFact]
    public async Task The_progress_report_states_the_units_indicators_against_plan_as_the_dashboard_does()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 3));
        var id = await DefineAsync("BC", IndicatorKind.Flow, IndicatorDirection.Higher);
        var name = (await _admin.GetOkAsync<IndicatorRef>($"/api/indicators/{id}")).Name;
        await _admin.PutAsJsonAsync($"/api/indicators/{id}/plans", new { UnitId = Units.TayHo.Id, Period = "2026", Target = 40 }, Api.Json).OkAsync<PlanSplit>();
        await ReportAsync(Units.TayHo, "2026-Q1", id, 30);
        var cell = (await BoardAsync(Units.TayHo, "2026", id)).Rows.Single(r => r.Indicator.Id == id).Cell;
        Assert.Equal(75m, cell.Plan!.Percent);

        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root);
        var made = await office.PostAsJsonAsync("/api/reports", new { UnitId = Units.TayHo.Id, Kind = "Progress" }, Api.Json).OkAsync<List<Web.Features.Reports.IssuedReportInfo>>();
        var text = await Reports.OfficeFiles.PdfTextAsync(await office.GetByteArrayAsync($"/api/reports/{made[0].Id}/file"), $"bao-cao-chi-tieu-{app.Provider}".ToLowerInvariant());
        Assert.Contains("Chỉ tiêu so với kế hoạch năm 2026", text);
        // The table's row: the figure, the target and the percent follow the indicator's name.
        Assert.Matches(@"^\S*\s*\(đảng viên\) 30 40 75%", text[(text.IndexOf(name, StringComparison.Ordinal) + name.Length)..]);
    }

    [DbFact]
    public async Task An_indicator_filed_under_a_key_task_group_shows_on_the_units_year_with_its_figures_and_feeds_the_grading()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 3));
        var id = await DefineAsync("NAM", IndicatorKind.Flow, IndicatorDirection.Higher);
        await _admin.PutAsJsonAsync($"/api/indicators/{id}/plans", new { UnitId = Units.UbndParty.Id, Period = "2026", Target = 20 }, Api.Json).OkAsync<PlanSplit>();
        await ReportAsync(Units.UbndParty, "2026-Q1", id, 5);
        var url = $"/api/units/{Units.UbndParty.Id}/years/2026";
        await _admin.PutAsJsonAsync(url, new { Theme = "Kỷ cương, trách nhiệm", Groups = new[] { "Xây dựng Đảng", "Phát triển kinh tế" } }, Api.Json)
            .OkAsync<Web.Features.Years.YearFrameView>();
        await _admin.PostAsync($"{url}/groups/2/indicators", new { IndicatorId = 987654 }).ProblemAsync("indicatorId");
        var year = await _admin.PostAsync($"{url}/groups/1/indicators", new { IndicatorId = id }).OkAsync<Web.Features.Years.YearFrameView>();
        var filed = Assert.Single(year.Groups[0].Indicators);
        Assert.Equal((id, 5m, 25m), (filed.Indicator.Id, filed.Cell.Actual!.Value, filed.Cell.Plan!.Percent!.Value));
        Assert.Contains(year.Indicators, r => r.Indicator.Id == id);
        await _admin.PostAsync($"{url}/groups/2/indicators", new { IndicatorId = id }).ProblemAsync("indicatorId");

        // At the year's end the target is missed: the grading counts it.
        var result = await app.WithDbAsync(db => IndicatorResults.ForYearAsync(db, Units.UbndParty.Id, 2026, CancellationToken.None));
        Assert.Equal((1, 0, 0, 1), (result.Planned, result.Met, result.Exceeded, result.Missed));
    }

    private static MultipartFormDataContent Sheet(params (string Code, decimal? Value, decimal? Numerator, decimal? Denominator)[] lines)
    {
        var rows = lines.Select(l => new Dictionary<string, object?>
        {
            [ActualSheet.Code] = l.Code, [ActualSheet.Name] = "", [ActualSheet.Measure] = "", [ActualSheet.Value] = l.Value,
            [ActualSheet.Numerator] = l.Numerator, [ActualSheet.Denominator] = l.Denominator, [ActualSheet.Estimate] = null, [ActualSheet.Note] = null,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return Multipart(new ByteArrayContent(stream.ToArray()), "so-thuc-hien.xlsx");
    }

    private static MultipartFormDataContent Multipart(ByteArrayContent file, string name) => new() { { file, "file", name } };

    private async Task<int> DefineAsync(string code, IndicatorKind kind, IndicatorDirection direction, PeriodKind every = PeriodKind.Quarter)
    {
        var created = await _admin.PostAsync("/api/indicators", new
        {
            Code = $"{code}-{Guid.NewGuid():N}"[..20], Name = $"Chỉ tiêu thử {code}", Measure = kind == IndicatorKind.Ratio ? "%" : "đảng viên",
            Kind = kind.ToString(), Direction = direction.ToString(), ReportEvery = every.ToString(), FromYear = 2025, ToYear = 2030,
            OwnerUnitId = Units.Root.Id, NumeratorLabel = kind == IndicatorKind.Ratio ? "Số đạt" : null, DenominatorLabel = kind == IndicatorKind.Ratio ? "Tổng số" : null,
        }).OkAsync<IndicatorRef>();
        return created.Id;
    }

    private static object Report(string period, int id, decimal value, bool estimate = false) =>
        new { Period = period, Items = new[] { new { IndicatorId = id, Value = value, Estimate = estimate } } };

    private Task<ActualsSaved> ReportAsync(Unit unit, string period, int id, decimal value, bool estimate = false) =>
        _admin.PostAsync($"/api/units/{unit.Id}/indicator-actuals", Report(period, id, value, estimate)).OkAsync<ActualsSaved>();

    private Task<IndicatorBoardView> BoardAsync(Unit unit, string period, int id, string? asOf = null) =>
        _admin.GetOkAsync<IndicatorBoardView>($"/api/units/{unit.Id}/indicators?period={period}&indicator={id}{(asOf is null ? "" : $"&asOf={asOf}")}");

    private Task<(int Plans, int Actuals, int Totals)> CountAsync() => app.WithDbAsync(async db =>
        (await db.IndicatorPlans.CountAsync(), await db.IndicatorActuals.CountAsync(), await db.IndicatorTotals.CountAsync()));

    /// <summary>The sums written one report at a time equal the sums computed again from the current actuals.</summary>
    private Task AssertTotalsMatchRebuildAsync() => app.WithDbAsync(async db =>
    {
        var rebuilt = await IndicatorLedger.RebuildAsync(db, CancellationToken.None);
        var stored = (await db.IndicatorTotals.AsNoTracking().Where(t => t.ReplacedAtUtc == null).ToListAsync())
            .Where(t => t.Reporters > 0)
            .ToDictionary(t => (t.IndicatorId, t.UnitId, new Period(t.PeriodKind, t.Year, t.Number)),
                t => new Figure(t.Value, t.Numerator, t.Denominator, t.Reporters, t.Estimates));
        Assert.Equal(rebuilt.OrderBy(r => r.Key.ToString()), stored.OrderBy(r => r.Key.ToString()));
    });
}

public sealed class IndicatorsOnSqlite(SqliteApp app) : IndicatorTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class IndicatorsOnPostgres(PostgresApp app) : IndicatorTests(app), IClassFixture<PostgresApp>;
