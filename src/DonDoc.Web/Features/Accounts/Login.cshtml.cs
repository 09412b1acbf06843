using System.ComponentModel.DataAnnotations;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Accounts;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Nhập tên đăng nhập.")]
    [StringLength(256, ErrorMessage = "Tên đăng nhập dài quá 256 ký tự.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Nhập mật khẩu.")]
    [StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    public string Password { get; set; } = "";
}

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<IdentityOptions> identity, AppDb db)
    : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByNameAsync(Input.UserName.Trim());
        // The same words for an unknown name and a wrong password: the page must not tell which names exist.
        const string wrong = "Tên đăng nhập hoặc mật khẩu không đúng.";
        if (user is null)
        {
            await Audit.RecordEventAsync(db, AuditAction.SignInFailed, Input.UserName.Trim(), null, "Không có tài khoản này");
            ModelState.AddModelError("", wrong);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await Audit.RecordEventAsync(db, AuditAction.SignIn, user.UserName, null, null);
            return LocalRedirect(Target);
        }
        if (result.IsLockedOut)
        {
            await Audit.RecordEventAsync(db, AuditAction.LockedOut, user.UserName, null, "Tài khoản đang tạm khóa");
            var lockout = identity.Value.Lockout;
            ModelState.AddModelError("", $"Tài khoản đang tạm khóa (sau {VnFormat.Number(lockout.MaxFailedAccessAttempts)} lần nhập sai mật khẩu liên tiếp, "
                + $"khóa {VnFormat.Number((int)lockout.DefaultLockoutTimeSpan.TotalMinutes)} phút). Hãy thử lại sau hoặc đề nghị quản trị hệ thống mở khóa.");
            return Page();
        }
        await Audit.RecordEventAsync(db, AuditAction.SignInFailed, user.UserName, null, "Sai mật khẩu");
        var left = identity.Value.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
        ModelState.AddModelError("", left is > 0 and < 3 ? $"{wrong} Còn {VnFormat.Number(left)} lần thử trước khi tài khoản bị tạm khóa." : wrong);
        return Page();
    }

    // Only a path of this site: a link crafted to send the user elsewhere after signing in is ignored.
    private string Target => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
