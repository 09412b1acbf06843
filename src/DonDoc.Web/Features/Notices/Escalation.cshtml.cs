using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Notices;

public sealed record EscalationRow(int UnitId, string Name, int? Days);

/// <summary>
/// The office sets, for its unit and the units just below, after how many days overdue a task they assigned is
/// brought to their leaders (with the suggestion of a reminder letter).
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class EscalationModel(AppDb db, UserScope scope, Infrastructure.Clock clock, IOptions<ReminderOptions> options) : PageModel
{
    public IReadOnlyList<EscalationRow> Units { get; private set; } = [];
    public int DefaultDays => options.Value.EscalateAfterDays;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int unitId, int? days, CancellationToken ct)
    {
        if (!await scope.SeesUnitAsync(unitId, ct))
            return NotFound();
        if (days is not null and not (>= DailyReminders.MinEscalateDays and <= DailyReminders.MaxEscalateDays))
        {
            ModelState.AddModelError("days", $"Số ngày quá hạn phải từ {DailyReminders.MinEscalateDays} đến {DailyReminders.MaxEscalateDays}; để trống để dùng mặc định.");
            await LoadAsync(ct);
            return Page();
        }
        var setting = await db.Set<UnitReminderSetting>().FirstOrDefaultAsync(s => s.UnitId == unitId, ct);
        if (days is null && setting is not null)
            db.Remove(setting);
        else if (days is { } value)
        {
            if (setting is null)
                db.Set<UnitReminderSetting>().Add(setting = new UnitReminderSetting { UnitId = unitId });
            setting.EscalateAfterDays = value;
        }
        await db.SaveChangesAsync(ct);
        var name = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(ct);
        Flash = $"Đã lưu: {name} — {days ?? DefaultDays} ngày.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var top = await scope.HomeUnitAsync(today, ct);
        Units = await scope.Visible(db.Units.AsNoTracking())
            .Where(u => (u.Id == top || u.ParentId == top) && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .OrderBy(u => u.ParentId != null).ThenBy(u => u.Code)
            .Select(u => new EscalationRow(u.Id, u.Name,
                db.Set<UnitReminderSetting>().Where(s => s.UnitId == u.Id).Select(s => (int?)s.EscalateAfterDays).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
