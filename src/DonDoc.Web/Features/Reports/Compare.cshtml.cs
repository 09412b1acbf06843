using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

/// <summary>A kept report made again from the data as it is now: the same file, or the lines that differ.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class CompareModel(AppDb db, UserScope scope, ReportMaker maker) : PageModel
{
    public IssuedReport Report { get; private set; } = null!;
    public string Unit { get; private set; } = "";
    public Comparison Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var kept = await db.IssuedReports.AsNoTracking().Include(r => r.File).Where(r => r.Id == id)
            .Join(scope.Visible(db.Units.AsNoTracking()), r => r.UnitId, u => u.Id, (r, u) => new { Report = r, u.Name })
            .FirstOrDefaultAsync(ct);
        if (kept is null)
            return NotFound();
        (Report, Unit) = (kept.Report, kept.Name);
        Result = await maker.CompareAsync(Report, Report.File!.Content, ct);
        return Page();
    }
}
