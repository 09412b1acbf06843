using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Notices;

/// <summary>Following a notice marks it read and leads to its task; another person's notice does not exist.</summary>
public sealed class OpenModel(NoticeBoard board, UserScope scope) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await board.OpenAsync(scope.UserId!.Value, id, ct) is { } taskId ? Redirect($"/Tasks/Details/{taskId}") : NotFound();
}
