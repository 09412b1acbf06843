using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Notices;

/// <summary>The signed-in person's notices, newest first; each opens its task and is then read.</summary>
public sealed class IndexModel(NoticeBoard board, UserScope scope) : PageModel
{
    public Page<NoticeRow> Notices { get; private set; } = null!;
    public int Unread { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var userId = scope.UserId!.Value;
        var (number, size) = Paging.For(Request, page, null);
        var pageSize = size ?? Paging.DefaultSize;
        var pageNumber = Math.Max(number ?? 1, 1);
        var total = await board.CountAsync(userId, ct);
        Notices = new Page<NoticeRow>(await board.ListAsync(userId, (pageNumber - 1) * pageSize, pageSize, ct), total, pageNumber, pageSize);
        Unread = await board.UnreadCountAsync(userId, ct);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await board.MarkAllReadAsync(scope.UserId!.Value, ct);
        Flash = marked == 0 ? "Không còn thông báo nào chưa đọc." : $"Đã đánh dấu đã đọc {marked} thông báo.";
        return RedirectToPage();
    }

    public static string LocalTime(DateTime utc) => Tasks.DetailsModel.LocalTime(utc);
}
