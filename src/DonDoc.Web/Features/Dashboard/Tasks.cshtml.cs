using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Dashboard;

/// <summary>The tasks behind one count of a past day's dashboard, as they stood that day.</summary>
public sealed class TasksModel(DashboardQuery query, AppDb db, UserScope scope, Clock clock) : PageModel
{
    public string UnitName { get; private set; } = "";
    public int UnitId { get; private set; }
    public DateOnly Day { get; private set; }
    public string Label { get; private set; } = "";
    // Null when the address is refused: the page then shows why, with a 400.
    public Page<TaskThen>? Tasks { get; private set; }

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync(int? unit, string? asOf, string? status, [FromQuery] int? page, CancellationToken ct)
    {
        var found = unit is null ? null : await scope.Visible(db.Units.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == unit, ct);
        if (found is null)
            return NotFound();
        (UnitId, UnitName) = (found.Id, found.Name);
        var problems = new Problems();
        var day = DashboardArgs.ParseAsOf(asOf, clock.Today);
        day.Problems?.CopyTo(ModelState);
        if (day.Value is null && day.Problems is null)
            problems.Add("asOf", "Chưa chọn ngày xem số liệu.");
        var metric = new CountsCard(found.Id, DashboardQuery.Empty).Metrics.FirstOrDefault(m => m.Status == status);
        if (metric is null)
            problems.Add("status", $"Không có chỉ số “{status}” trên trang tổng hợp.");
        if (page is < 1)
            problems.Add("page", "Số trang phải từ 1 trở lên.");
        problems.CopyTo(ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (Day, Label) = (day.Value!.Value, metric!.Label);
        Tasks = await query.TasksOnAsync(found, Day, counts => CountsCard.Pick(counts, metric.Status!), page ?? 1, Paging.DefaultSize, ct);
        return Page();
    }
}
