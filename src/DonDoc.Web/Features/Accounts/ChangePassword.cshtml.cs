using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Accounts;

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
    [StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Nhập mật khẩu mới.")]
    [StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    public string New { get; set; } = "";

    [Required(ErrorMessage = "Nhập lại mật khẩu mới.")]
    [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không giống nhau.")]
    public string Confirm { get; set; } = "";
}

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.Current" : "Input.New",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Mật khẩu hiện tại không đúng." : error.Description);
            return Page();
        }
        // The password change renews the security stamp: sign in again here, other sessions end.
        await signIn.RefreshSignInAsync(user);
        Flash = "Đã đổi mật khẩu.";
        return RedirectToPage();
    }
}
