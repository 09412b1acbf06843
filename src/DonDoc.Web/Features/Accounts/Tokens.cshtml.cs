using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Accounts;

public sealed class NewTokenInput
{
    public string? Name { get; set; }
    public int? Days { get; set; } = 90;
}

/// <summary>The user's own API tokens: a new one is shown once on the answer to its creation, never again.</summary>
public sealed class TokensModel(AccessTokens tokens, UserScope scope, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewTokenInput Input { get; set; } = new();

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public string? Created { get; private set; }
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public string LocalTime(DateTime utc) => Tasks.DetailsModel.LocalTime(utc);

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await tokens.CreateAsync(scope.UserId!.Value, Input.Name, Input.Days, ct);
        if (result.Problems is { } problems)
            problems.CopyTo(ModelState, nameof(Input));
        else
        {
            Created = result.Value;
            // The secret is in this answer only: it must not be kept by the browser or a proxy.
            Response.Headers.CacheControl = "no-store";
            Input = new NewTokenInput();
            ModelState.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(scope.UserId!.Value, tokenId, ct))
            return NotFound();
        Flash = "Đã thu hồi mã truy cập; các chương trình dùng mã này không truy cập được nữa.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(scope.UserId!.Value, ct);
}
