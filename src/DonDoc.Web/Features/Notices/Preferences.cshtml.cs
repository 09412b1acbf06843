using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DonDoc.Web.Features.Notices;

public sealed class PreferenceInput
{
    public string? Email { get; set; }
    public bool EmailDigest { get; set; } = true;
    public int? DigestHour { get; set; } = ReminderPreference.DefaultHour;
}

/// <summary>The person's own address and whether, and at what hour, the daily digest reaches it.</summary>
public sealed class PreferencesModel(AppDb db, UserScope scope, IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public PreferenceInput Input { get; set; } = new();

    public bool MailConfigured => mail.Value.Configured;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = scope.UserId!.Value;
        var preference = await db.Set<ReminderPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct) ?? new ReminderPreference();
        Input = new PreferenceInput
        {
            Email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstAsync(ct),
            EmailDigest = preference.EmailDigest,
            DigestHour = preference.DigestHour,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = new Problems();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        if (email is not null && (email.Length > 256 || !MailboxAddress.TryParse(email, out var parsed) || parsed.Address != email || !email.Contains('@')))
            problems.Add(nameof(Input.Email), $"Địa chỉ thư điện tử “{email}” không hợp lệ (ví dụ: ten@example.vn).");
        if (Input.EmailDigest && email is null)
            problems.Add(nameof(Input.Email), "Nhập địa chỉ thư điện tử để nhận thư tổng hợp, hoặc bỏ chọn nhận thư.");
        if (Input.DigestHour is not (>= 0 and <= 23))
            problems.Add(nameof(Input.DigestHour), "Chọn giờ nhận thư từ 0 đến 23.");
        if (problems.Any)
        {
            problems.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        var userId = scope.UserId!.Value;
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        user.Email = email;
        user.NormalizedEmail = email?.ToUpperInvariant();
        var preference = await db.Set<ReminderPreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preference is null)
            db.Set<ReminderPreference>().Add(preference = new ReminderPreference { UserId = userId });
        preference.EmailDigest = Input.EmailDigest;
        preference.DigestHour = Input.DigestHour!.Value;
        await db.SaveChangesAsync(ct);
        Flash = Input.EmailDigest
            ? $"Đã lưu: thư tổng hợp gửi tới {email} lúc {preference.DigestHour} giờ hằng ngày, khi có thông báo chưa đọc."
            : "Đã lưu: bạn không nhận thư tổng hợp; thông báo vẫn hiện trong DonDoc.";
        return RedirectToPage();
    }
}
