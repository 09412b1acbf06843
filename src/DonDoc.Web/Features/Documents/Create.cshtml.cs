using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Documents;

[Authorize(Policy = Policies.Office)]
public sealed class CreateModel(AppDb db, UserScope scope, DocumentRegistry registry) : PageModel
{
    [BindProperty]
    public NewDocument Input { get; set; } = new();

    // The type select appears only when the symbol's code names several types (QĐ: Quyết định or Quy định).
    public IReadOnlyList<string> TypeNames { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await registry.RegisterAsync(Input, DocumentStatus.Registered, scope.UnitId, ct, reader: scope);
            if (result.Value is { } document)
            {
                Flash = $"Đã đăng ký văn bản {document.Symbol}.";
                return RedirectToPage("Details", new { id = document.Id });
            }
            result.Problems!.CopyTo(ModelState, nameof(Input));
        }
        else if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.Symbol)}") != ModelValidationState.Invalid
            && DocumentSymbol.Parse(Input.Symbol) is { Ok: false } malformed)
        {
            // The registry is not asked while other fields are missing; a malformed symbol is still worth saying now.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Symbol)}", malformed.Error!);
        }
        if (DocumentSymbol.Parse(Input.Symbol).Symbol is { } symbol)
        {
            TypeNames = await db.DocumentTypes.AsNoTracking()
                .Where(t => t.Form == symbol.Form && t.Code == symbol.TypeCode)
                .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        }
        return Page();
    }
}
