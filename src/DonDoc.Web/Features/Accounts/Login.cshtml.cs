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
    // Checked against when there is no password to check (an unknown name, a locked account), so that
    // every refusal costs one hash and no answer's time tells which names exist.
    private static readonly AppUser NoOne = new() { UserName = "" };
    private static string? _noOnesHash;
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
        // One answer for every refusal, the lockout included: the page must not tell which names exist.
        var lockout = identity.Value.Lockout;
        var refused = $"Tên đăng nhập hoặc mật khẩu không đúng. Sau {VnFormat.Number(lockout.MaxFailedAccessAttempts)} lần nhập sai liên tiếp, "
            + $"tài khoản bị tạm khóa {VnFormat.Number((int)lockout.DefaultLockoutTimeSpan.TotalMinutes)} phút; khi đó hãy thử lại sau "
            + "hoặc đề nghị quản trị hệ thống mở khóa.";
        if (user is null || await users.IsLockedOutAsync(user))
        {
            var hash = _noOnesHash ??= users.PasswordHasher.HashPassword(NoOne, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(NoOne, hash, Input.Password);
        }
        if (user is null)
        {
            await Audit.RecordEventAsync(db, AuditAction.SignInFailed, Input.UserName.Trim(), null, "Không có tài khoản này");
            ModelState.AddModelError("", refused);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await Audit.RecordEventAsync(db, AuditAction.SignIn, user.UserName, null, null);
            return LocalRedirect(Target);
        }
        await Audit.RecordEventAsync(db, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, user.UserName, null,
            result.IsLockedOut ? "Tài khoản đang tạm khóa" : "Sai mật khẩu");
        ModelState.AddModelError("", refused);
        return Page();
    }

    // Only a path of this site: a link crafted to send the user elsewhere after signing in is ignored.
    private string Target => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
