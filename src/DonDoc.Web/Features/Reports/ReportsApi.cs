using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Báo cáo").RequireAuthorization(Policies.Office);

        // Makes, numbers and keeps a report as the page does; the answer lists what was issued, the files are fetched apart.
        reports.MapPost("/", async Task<Results<Created<List<IssuedReportInfo>>, ValidationProblem, ProblemHttpResult>> (ReportRequest input,
            ReportMaker maker, AppDb db, UserScope scope, HttpContext http, CancellationToken ct) =>
        {
            Outcome<List<IssuedReport>> made;
            try
            {
                made = await maker.MakeAsync(input.Kind, input.PerUnit, input.UnitId!.Value, input.AsOf, scope, scope.UserName ?? "", ct);
            }
            catch (DbUpdateException e) when (Database.IsDuplicate(e))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Trùng số văn bản",
                    detail: "Số văn bản vừa được cấp cho một văn bản khác lập cùng lúc; chưa có gì được lưu, hãy lập lại.");
            }
            return made.ToApi(http, list => TypedResults.Created($"/api/reports/{list[0].Id}/file", list.Select(IssuedReportInfo.Of).ToList()));
        });

        reports.MapGet("/{id:int}/file", async Task<Results<FileContentHttpResult, NotFound>> (int id, AppDb db, UserScope scope, CancellationToken ct) =>
        {
            var file = await db.IssuedReports.AsNoTracking().Where(r => r.Id == id)
                .Join(scope.Visible(db.Units.AsNoTracking()), r => r.UnitId, u => u.Id, (r, u) => new { r.FileName, r.File!.Content })
                .FirstOrDefaultAsync(ct);
            return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, IndexModel.DocxType, file.FileName);
        });

        // The dashboard's charts as SVG, from the definitions the report draws as PNG; seen by whoever sees the unit.
        app.MapGet("/api/units/{id:int}/charts/{name}", async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> (int id, string name,
            string? asOf, AppDb db, UserScope scope, DashboardQuery dashboard, Clock clock, CancellationToken ct) =>
        {
            var unit = await scope.Visible(db.Units.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null || name is not ("completion" or "overdue"))
                return TypedResults.NotFound();
            var day = DashboardArgs.ParseAsOf(asOf, clock.Today);
            if (day.Problems is { } problems)
                return problems.ToResult();
            var date = day.Value ?? clock.Today;
            var chart = name == "overdue"
                ? ReportCharts.OverdueByAge(await dashboard.DueAsync(unit, date, ct), date)
                : ReportCharts.CompletionByChild((await dashboard.GetAsync(id, date, ct))!);
            return TypedResults.Content(chart.Svg(), "image/svg+xml; charset=utf-8");
        }).WithTags("Đơn vị");

        // A program's x/y at each quarter's end, as the report draws it; seen by whoever sees the task.
        app.MapGet("/api/tasks/{id:int}/charts/progress", async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> (int id, string? asOf,
            AppDb db, UserScope scope, Clock clock, CancellationToken ct) =>
        {
            if (!await scope.Visible(db.Tasks.AsNoTracking()).AnyAsync(t => t.Id == id, ct))
                return TypedResults.NotFound();
            var day = DashboardArgs.ParseAsOf(asOf, clock.Today);
            if (day.Problems is { } problems)
                return problems.ToResult();
            var milestones = await ProgramProgress.MilestonesAsync(db, id, day.Value ?? clock.Today, ct);
            return TypedResults.Content(ReportCharts.ProgramProgress(milestones).Svg(), "image/svg+xml; charset=utf-8");
        }).WithTags("Nhiệm vụ");
    }
}

public sealed record ReportRequest(
    [property: System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Chọn đơn vị cần báo cáo.")] int? UnitId,
    ReportKind Kind = ReportKind.Progress,
    bool PerUnit = false,
    DateOnly? AsOf = null);

public sealed record IssuedReportInfo(int Id, ReportKind Kind, string Symbol, int UnitId, int? RecipientUnitId, DateOnly AsOf, DateOnly IssuedOn,
    string CreatedBy, string Sha256, string FileName)
{
    public static IssuedReportInfo Of(IssuedReport r) =>
        new(r.Id, r.Kind, r.Symbol, r.UnitId, r.RecipientUnitId, r.AsOf, r.IssuedOn, r.CreatedBy, r.Sha256, r.FileName);
}
