using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

/// <summary>A dashboard chart as SVG, from the same definition the report draws as PNG.</summary>
public sealed class ChartModel(AppDb db, UserScope scope, DashboardQuery dashboard, Clock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int unit, string? asOf, string? name, CancellationToken ct)
    {
        var found = await scope.Visible(db.Units.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == unit, ct);
        if (found is null)
            return NotFound();
        var day = DashboardArgs.ParseAsOf(asOf, clock.Today);
        if (day.Problems is not null)
            return BadRequest();
        var date = day.Value ?? clock.Today;
        ChartSpec chart = name switch
        {
            "overdue" => ReportCharts.OverdueByAge(await dashboard.DueAsync(found, date, ct), date),
            _ => ReportCharts.CompletionByChild((await dashboard.GetAsync(unit, date, ct))!),
        };
        return Content(chart.Svg(), "image/svg+xml; charset=utf-8");
    }
}
