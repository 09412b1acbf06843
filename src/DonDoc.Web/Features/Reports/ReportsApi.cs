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
