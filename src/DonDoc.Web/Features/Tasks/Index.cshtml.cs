using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

public sealed class IndexModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Views =
    [
        ("counted", "Tất cả (trừ nhiệm vụ đã hủy)"),
        ("open", "Chưa kết thúc"),
        ("working", "Đang thực hiện (đã tiếp nhận, đang làm, bị trả lại)"),
        ("overdue", "Quá hạn"),
        ("duesoon", "Sắp đến hạn"),
        ("completedontime", "Hoàn thành đúng hạn"),
        ("completedlate", "Hoàn thành trễ hạn"),
    ];

    public TaskFilter Filter { get; private set; } = new();
    public Page<TaskRow> Tasks { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    /// <summary>The unit the list is about, heading the printed list: the one filtered on, or the reader's own.</summary>
    public string? UnitName { get; private set; }

    public async Task OnGetAsync([FromQuery] TaskFilter filter, CancellationToken ct)
    {
        Filter = filter;
        (filter.Page, filter.PageSize) = Paging.For(Request, filter.Page, filter.PageSize);
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [filter.Unit], ct: ct);
        var headingUnit = filter.Unit ?? scope.UnitId;
        UnitName = await db.Units.Where(u => u.Id == headingUnit).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (!ModelState.IsValid)
            return;
        var result = await TaskList.QueryAsync(db, scope, filter, clock.Today, ct);
        if (result.Problems is { } problems)
            problems.CopyTo(ModelState);
        else
            Tasks = result.Value!;
    }
}
