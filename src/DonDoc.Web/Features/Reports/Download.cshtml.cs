using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

/// <summary>The kept file of an issued report, as it was issued.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class DownloadModel(AppDb db, UserScope scope) : PageModel
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var file = await db.IssuedReports.AsNoTracking().Where(r => r.Id == id)
            .Join(scope.Visible(db.Units.AsNoTracking()), r => r.UnitId, u => u.Id, (r, u) => new { r.FileName, r.File!.Content })
            .FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, DocxType, file.FileName);
    }
}
