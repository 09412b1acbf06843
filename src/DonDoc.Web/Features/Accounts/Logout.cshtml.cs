using DonDoc.Web.Data;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Accounts;

/// <summary>Signing out is a POST (with the antiforgery token), so that no link or image on another site can do it.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, AppDb db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.Name is { } name)
            await Audit.RecordEventAsync(db, AuditAction.SignOut, name, null, null);
        await signIn.SignOutAsync();
        return Redirect("/Accounts/Login");
    }
}
