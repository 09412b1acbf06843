using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Accounts.Users;

public sealed class NewUserInput
{
    [Required(ErrorMessage = "Nhập tên đăng nhập.")]
    [StringLength(256, ErrorMessage = "Tên đăng nhập dài quá 256 ký tự.")]
    public string UserName { get; set; } = "";

    [StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    public string? Password { get; set; }

    public UserInput Account { get; set; } = new();
}

[Authorize(Policy = Policies.Administrator)]
public sealed class CreateModel(UserManager<AppUser> users, UserAdmin admin) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    // Shown once, on the answer to the creation, when the password was drawn here.
    public (int Id, string UserName, string Password)? Created { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var unit = await admin.CheckAsync(Input.Account, ct);
        if (unit.Problems is { } problems)
        {
            problems.CopyTo(ModelState, $"{nameof(Input)}.{nameof(Input.Account)}");
            return Page();
        }
        var drawn = string.IsNullOrEmpty(Input.Password);
        var password = drawn ? AccountSeed.NewPassword() : Input.Password!;
        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            DisplayName = UserAdmin.Normalize(Input.Account.DisplayName),
            UnitId = unit.Value,
            CreatedAtUtc = admin.Now.UtcDateTime,
        };
        var result = await admin.AllOrNothingAsync(async () =>
        {
            var created = await users.CreateAsync(user, password);
            return created.Succeeded ? await admin.SetRolesAsync(user, Input.Account.Roles) : created;
        }, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName", error.Description);
            return Page();
        }
        if (!drawn)
        {
            Flash = $"Đã tạo tài khoản {user.UserName}.";
            return RedirectToPage("Edit", new { id = user.Id });
        }
        Response.Headers.CacheControl = "no-store";
        Created = (user.Id, user.UserName, password);
        return Page();
    }
}
