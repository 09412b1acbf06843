using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Export;
using DonDoc.Web.Features.Reports;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

public sealed class BoardArgs
{
    public string? Period { get; set; }
    public string? AsOf { get; set; }
    public int? Compare { get; set; }
    public int? Indicator { get; set; }

    /// <summary>The period (this year by default), the day (today by default) and the year compared with, or what is wrong.</summary>
    public Outcome<(Period Period, DateOnly AsOf, int? Compare)> Read(DateOnly today)
    {
        var problems = new Problems();
        var (period, error) = string.IsNullOrWhiteSpace(Period) ? (Indicators.Period.OfYear(today.Year), null) : Indicators.Period.Parse(Period);
        if (error is not null)
            problems.Add("period", error);
        var day = DashboardArgs.ParseAsOf(AsOf, today);
        if (day.Problems is { } dayProblems)
            foreach (var (field, messages) in dayProblems.ToDictionary())
                foreach (var message in messages)
                    problems.Add(field, message);
        if (Compare is { } c && !InputRules.YearInWindow(c))
            problems.Add("compare", InputRules.YearOutOfWindow(c));
        if (problems.Any)
            return problems;
        return (period!.Value, day.Value ?? today, Compare);
    }
}

public sealed record ActualsSaved(int Saved);

public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Chỉ tiêu");

        api.MapGet("/", async Task<Ok<List<IndicatorRef>>> (AppDb db, UserScope scope, string? q, CancellationToken ct) =>
        {
            var query = IndicatorBoard.Visible(db, scope);
            if (!string.IsNullOrWhiteSpace(q))
            {
                var key = VnText.Fold(q);
                query = query.Where(i => i.SearchKey.Contains(key));
            }
            return TypedResults.Ok(await IndicatorBoard.ToRef(query.OrderBy(i => i.OwnerUnitId).ThenBy(i => i.Code)).Take(500).ToListAsync(ct));
        }).WithSummary("Các chỉ tiêu người dùng thấy: do đơn vị cấp trên hoặc đơn vị trong phạm vi đặt");

        api.MapGet("/{id:int}", async Task<Results<Ok<IndicatorRef>, NotFound>> (AppDb db, UserScope scope, int id, CancellationToken ct) =>
            await IndicatorBoard.ToRef(IndicatorBoard.Visible(db, scope).Where(i => i.Id == id)).FirstOrDefaultAsync(ct) is { } found
                ? TypedResults.Ok(found) : TypedResults.NotFound());

        api.MapPost("/", async Task<Results<Created<IndicatorRef>, ValidationProblem, ProblemHttpResult>> (IndicatorBook book, AppDb db,
            HttpContext http, NewIndicator input, CancellationToken ct) =>
        {
            var outcome = await book.DefineAsync(input, ct);
            if (!outcome.IsDone)
                return Refusal<Created<IndicatorRef>, int>(outcome, http);
            var created = await IndicatorBoard.ToRef(db.Indicators.Where(i => i.Id == outcome.Value)).FirstAsync(ct);
            return TypedResults.Created($"/api/indicators/{created.Id}", created);
        }).RequireAuthorization(Policies.Office).WithSummary("Đặt một chỉ tiêu mới (Văn phòng)");

        api.MapGet("/{id:int}/plans", async Task<Results<Ok<PlanSplit>, NotFound, ValidationProblem>> (IndicatorBoard board, Clock clock, int id,
            int unit, string period, CancellationToken ct) =>
        {
            var (p, error) = Period.Parse(period);
            if (error is not null)
                return Problems.Of("period", error).ToResult();
            return await board.SplitAsync(id, unit, p!.Value, clock.Today, ct) is { } split ? TypedResults.Ok(split) : TypedResults.NotFound();
        }).WithSummary("Kế hoạch của đơn vị và các đơn vị trực thuộc trong kỳ, và chỗ tổng kế hoạch cấp dưới chưa khớp");

        api.MapPut("/{id:int}/plans", async Task<Results<Ok<PlanSplit>, ValidationProblem, ProblemHttpResult>> (IndicatorBook book,
            IndicatorBoard board, Clock clock, HttpContext http, int id, PlanInput input, CancellationToken ct) =>
        {
            var outcome = await book.SetPlanAsync(id, input, ct);
            if (!outcome.IsDone)
                return Refusal<Ok<PlanSplit>, int>(outcome, http);
            return TypedResults.Ok((await board.SplitAsync(id, input.UnitId, Period.Parse(input.Period).Period!.Value, clock.Today, ct))!);
        }).RequireAuthorization(Policies.Office).WithSummary("Giao (hoặc sửa) kế hoạch của một đơn vị trong một kỳ");

        api.MapPost("/{id:int}/handdown", async Task<Results<Ok<PlanSplit>, ValidationProblem, ProblemHttpResult>> (IndicatorBook book,
            IndicatorBoard board, Clock clock, HttpContext http, int id, HandDownInput input, CancellationToken ct) =>
        {
            var outcome = await book.HandDownAsync(id, input, ct);
            if (!outcome.IsDone)
                return Refusal<Ok<PlanSplit>, int>(outcome, http);
            return TypedResults.Ok((await board.SplitAsync(id, input.FromUnitId, Period.Parse(input.Period).Period!.Value, clock.Today, ct))!);
        }).RequireAuthorization(Policies.Office).WithSummary("Giao kế hoạch xuống các đơn vị trực thuộc trong một lần");

        api.MapPost("/{id:int}/reopen", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (IndicatorBook book, HttpContext http,
            int id, ReopenInput input, CancellationToken ct) =>
        {
            var outcome = await book.ReopenAsync(id, input, ct);
            return outcome.IsDone ? TypedResults.Created() : Refusal<Created, long>(outcome, http);
        }).RequireAuthorization(Policies.Office).WithSummary("Mở lại kỳ báo cáo đã khóa cho một đơn vị, đến một ngày (có ghi nhật ký)");

        var units = app.MapGroup("/api/units").WithTags("Chỉ tiêu");

        units.MapPost("/{id:int}/indicator-actuals", async Task<Results<Ok<ActualsSaved>, NotFound, ValidationProblem, ProblemHttpResult>> (
            IndicatorBook book, HttpContext http, int id, ActualReport input, CancellationToken ct) =>
        {
            var outcome = await book.ReportAsync(id, input, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Done => TypedResults.Ok(new ActualsSaved(outcome.Value)),
                OutcomeKind.NotFound => TypedResults.NotFound(),
                OutcomeKind.Invalid => outcome.Problems!.ToResult(),
                _ => Problem(outcome, http),
            };
        }).WithSummary("Đơn vị báo cáo số thực hiện một kỳ (số ước trước khi hết kỳ, số chính thức sau đó)");

        units.MapGet("/{id:int}/indicators", async Task<Results<Ok<IndicatorBoardView>, NotFound, ValidationProblem>> (IndicatorBoard board,
            Clock clock, int id, [AsParameters] BoardArgs args, CancellationToken ct) =>
        {
            var read = args.Read(clock.Today);
            if (read.Problems is { } problems)
                return problems.ToResult();
            var (period, asOf, compare) = read.Value;
            return await board.GetAsync(id, period, asOf, compare, args.Indicator, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
        }).WithSummary("Bảng chỉ tiêu của đơn vị trong kỳ, tại một ngày: % kế hoạch, so với cùng kỳ, đạt/vượt, xếp hạng đơn vị trực thuộc");

        units.MapGet("/{id:int}/indicators/chart", async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> (IndicatorBoard board,
            Clock clock, int id, [AsParameters] BoardArgs args, CancellationToken ct) =>
        {
            var read = args.Read(clock.Today);
            if (read.Problems is { } problems)
                return problems.ToResult();
            var (period, asOf, compare) = read.Value;
            if (await board.GetAsync(id, period, asOf, compare, args.Indicator, ct) is not { Selected: not null } view)
                return TypedResults.NotFound();
            return TypedResults.Content(IndicatorBoard.Chart(view).Svg(), "image/svg+xml; charset=utf-8");
        }).WithSummary("Biểu đồ % kế hoạch của các đơn vị trực thuộc cho một chỉ tiêu (SVG)");

        units.MapGet("/{id:int}/indicators/export.xlsx", async Task<Results<XlsxResult, NotFound, ValidationProblem>> (IndicatorBoard board,
            AppDb db, Clock clock, int id, [AsParameters] BoardArgs args, CancellationToken ct) =>
        {
            var read = args.Read(clock.Today);
            if (read.Problems is { } problems)
                return problems.ToResult();
            var (period, asOf, compare) = read.Value;
            if (await board.GetAsync(id, period, asOf, compare, args.Indicator, ct) is not { } view)
                return TypedResults.NotFound();
            return new XlsxResult(XlsxResult.FileName($"chi-tieu-{period.Key}-don-vi-{id}", asOf), new Dictionary<string, object>
            {
                ["Chỉ tiêu"] = view.Rows.Select(r => IndicatorSheetRow.From(r.Indicator, r.Cell)).ToList(),
                ["Đơn vị trực thuộc"] = view.Children.Select(ChildIndicatorSheetRow.From).ToList(),
            }, db);
        }).WithSummary("Bảng chỉ tiêu của đơn vị (.xlsx): các chỉ tiêu, và đơn vị trực thuộc xếp hạng theo chỉ tiêu đang chọn");

        units.MapGet("/{id:int}/indicator-actuals/template", async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> (AppDb db,
            UserScope scope, Clock clock, int id, string? period, CancellationToken ct) =>
        {
            var (p, error) = Period.Parse(period);
            if (error is not null)
                return Problems.Of("period", error).ToResult();
            var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == id).Select(u => new { u.Code, u.Name, u.Path }).FirstOrDefaultAsync(ct);
            if (unit is null)
                return TypedResults.NotFound();
            var shown = p!.Value;
            var indicators = await IndicatorBoard.ToRef(IndicatorBoard.Of(db, unit.Path, shown.Year, shown.LastYear)
                .Where(i => i.ReportEvery == shown.Kind).OrderBy(i => i.Code)).ToListAsync(ct);
            var ids = indicators.Select(i => i.Id).ToList();
            var current = await db.IndicatorActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId) && a.UnitId == id && a.ReplacedAtUtc == null
                && a.PeriodKind == shown.Kind && a.Year == shown.Year && a.Number == shown.Number).ToDictionaryAsync(a => a.IndicatorId, ct);
            return TypedResults.File(ActualSheet.Template(unit.Name, shown, indicators, current), XlsxResult.ContentType, ActualSheet.FileName(unit.Code, shown));
        }).WithSummary("Mẫu bảng tính số thực hiện của đơn vị trong một kỳ (các chỉ tiêu của kỳ, điền sẵn số đã báo cáo)");

        units.MapPost("/{id:int}/indicator-actuals/sheet", async Task<Results<Ok<ActualsSaved>, NotFound, ValidationProblem, ProblemHttpResult>> (
            IndicatorBook book, HttpContext http, int id, string? period, IFormFile? file, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                return Problems.Of("file", "Chọn tệp bảng tính (.xlsx) số thực hiện để tải lên.").ToResult();
            var outcome = await book.ReportSheetAsync(id, period, await TaskImport.TaskImportApi.ReadAsync(file, ct), ct);
            return outcome.Kind switch
            {
                OutcomeKind.Done => TypedResults.Ok(new ActualsSaved(outcome.Value)),
                OutcomeKind.NotFound => TypedResults.NotFound(),
                OutcomeKind.Invalid => outcome.Problems!.ToResult(),
                _ => Problem(outcome, http),
            };
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(TaskImport.TaskImportApi.RequestLimit))
            .WithSummary("Báo cáo số thực hiện một kỳ từ bảng tính của đơn vị: ghi tất cả các dòng hoặc không dòng nào");

        return app;
    }

    private static Results<T, ValidationProblem, ProblemHttpResult> Refusal<T, TValue>(Outcome<TValue> outcome, HttpContext http) where T : IResult =>
        outcome.Kind == OutcomeKind.Invalid ? outcome.Problems!.ToResult() : Problem(outcome, http);

    // A refusal other than invalid input (403, 404, 409) as problem+json, as every endpoint answers it.
    private static ProblemHttpResult Problem<TValue>(Outcome<TValue> outcome, HttpContext http) =>
        outcome.ToApi(http, _ => TypedResults.NoContent()).Result as ProblemHttpResult
            ?? throw new InvalidOperationException("Thao tác đã thực hiện, không phải một lời từ chối.");
}
