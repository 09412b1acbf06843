using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Accounts.Users;

public sealed class ResetInput
{
    [System.ComponentModel.DataAnnotations.StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    public string? Password { get; set; }
}

/// <summary>The account's fields as the edit form showed them, sent back to tell what changed meanwhile.</summary>
public sealed class AccountRead
{
    public string? DisplayName { get; set; }
    public string? UnitCode { get; set; }
    public List<string> Roles { get; set; } = [];

    public static AccountRead Of(UserRow row) => new() { DisplayName = row.DisplayName, UnitCode = row.UnitCode, Roles = row.Roles.ToList() };
}

/// <summary>One account: its name, unit and roles; a new password; lock and unlock. Each form posts to its own handler.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(UserManager<AppUser> users, UserAdmin admin, UserScope scope) : PageModel
{
    public UserRow Row { get; private set; } = null!;

    public UserInput Account { get; private set; } = new();
    public AccountRead Read { get; private set; } = new();
    public ResetInput Reset { get; private set; } = new();
    public string? NewPassword { get; private set; }
    public DateTimeOffset Now => admin.Now;
    public bool IsSelf => Row.Id == scope.UserId;

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        ShowCurrent();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = nameof(Account))] UserInput input,
        [Bind(Prefix = nameof(Read))] AccountRead read, CancellationToken ct)
    {
        Account = input;
        Read = read;
        // The account is loaded for saving before it is read for the check: a change in between then shows in the
        // check, and one after it fails Identity's concurrency stamp, so no change slips between the two.
        if (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user || !await LoadAsync(id, ct))
            return NotFound();
        // The form writes the whole account: saved over a change made since it was opened, it would undo that change unseen.
        if (ChangedSince(read) is { Count: > 0 } changed)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "Tài khoản đã được thay đổi sau khi bạn mở trang; thay đổi của bạn chưa được lưu để không ghi đè. "
                + $"Đã thay đổi: {string.Join("; ", changed)}. Trang đã hiện thông tin hiện tại, hãy sửa lại rồi lưu.");
            ShowCurrent();
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var unit = await admin.CheckAsync(input, ct);
        if (unit.Problems is { } problems)
        {
            problems.CopyTo(ModelState, nameof(Account));
            return Page();
        }
        if (!input.Roles.Contains(Roles.Administrator) && await admin.IsLastAdministratorAsync(id, ct))
        {
            ModelState.AddModelError($"{nameof(Account)}.{nameof(input.Roles)}", "Đây là quản trị hệ thống duy nhất đang hoạt động: phải giữ vai trò quản trị để còn người quản lý tài khoản.");
            return Page();
        }
        user.DisplayName = UserAdmin.Normalize(input.DisplayName);
        user.UnitId = unit.Value;
        var result = await admin.AllOrNothingAsync(async () =>
        {
            var updated = await users.UpdateAsync(user);
            return updated.Succeeded ? await admin.SetRolesAsync(user, input.Roles) : updated;
        }, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Description);
            return Page();
        }
        Flash = "Đã lưu tài khoản; vai trò mới có hiệu lực với các phiên đang mở trong vòng một phút.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id, [Bind(Prefix = nameof(Reset))] ResetInput input, CancellationToken ct)
    {
        Reset = input;
        if (!await LoadAsync(id, ct) || await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
            return NotFound();
        ShowCurrent();
        if (!ModelState.IsValid)
            return Page();
        var drawn = string.IsNullOrEmpty(input.Password);
        var password = drawn ? AccountSeed.NewPassword() : input.Password!;
        // A reset token, not remove-then-add: the old password stays valid if the new one is refused.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError($"{nameof(Reset)}.{nameof(input.Password)}", error.Description);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        if (!drawn)
        {
            Flash = $"Đã đặt lại mật khẩu cho {user.UserName}; các phiên đăng nhập cũ của tài khoản đã kết thúc.";
            return RedirectToPage(new { id });
        }
        Response.Headers.CacheControl = "no-store";
        NewPassword = password;
        Reset = new ResetInput();
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
            return NotFound();
        if (IsSelf || await admin.IsLastAdministratorAsync(id, ct))
        {
            Flash = IsSelf ? "Không tự khóa tài khoản của chính mình." : "Không khóa quản trị hệ thống duy nhất đang hoạt động.";
            return RedirectToPage(new { id });
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, admin.Now.AddYears(UserAdmin.LockYears));
        // Ends the account's open sessions at their next check instead of at their expiry.
        await users.UpdateSecurityStampAsync(user);
        Flash = $"Đã khóa tài khoản {user.UserName}: không đăng nhập được, mã truy cập API của tài khoản ngừng có hiệu lực.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
            return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Flash = $"Đã mở khóa tài khoản {user.UserName}.";
        return RedirectToPage(new { id });
    }

    private void ShowCurrent()
    {
        Account = new UserInput { DisplayName = Row.DisplayName, UnitCode = Row.UnitCode, Roles = Row.Roles.ToList() };
        Read = AccountRead.Of(Row);
    }

    /// <summary>Each field whose value differs from the one the form showed, as "label: before → now".</summary>
    private List<string> ChangedSince(AccountRead read)
    {
        static string Quoted(string? s) => string.IsNullOrWhiteSpace(s) ? "(trống)" : $"“{s.Trim()}”";
        static string RoleNames(IEnumerable<string> roles) =>
            Roles.All.Where(roles.Contains).Select(Roles.Label).DefaultIfEmpty("(không có)").Aggregate((a, b) => $"{a} + {b}");
        var changed = new List<string>();
        if (UserAdmin.Normalize(read.DisplayName ?? "") != Row.DisplayName)
            changed.Add($"Họ và tên: {Quoted(read.DisplayName)} → {Quoted(Row.DisplayName)}");
        if ((read.UnitCode ?? "").Trim() != (Row.UnitCode ?? ""))
            changed.Add($"Mã đơn vị: {Quoted(read.UnitCode)} → {Quoted(Row.UnitCode)}");
        if (!read.Roles.ToHashSet().SetEquals(Row.Roles))
            changed.Add($"Vai trò: {RoleNames(read.Roles)} → {RoleNames(Row.Roles)}");
        return changed;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await admin.FindAsync(id, ct) is not { } row)
            return false;
        Row = row;
        return true;
    }
}
