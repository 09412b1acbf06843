using System.Globalization;
using DonDoc.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DonDoc.Web.Features.Shared;

/// <summary>
/// <c>&lt;input asp-for="…" day /&gt;</c>: a day typed and shown as dd/MM/yyyy. A browser's date input
/// orders the day by the browser's language (12/06/2026 for 6 December in English), beside pages that
/// write 06/12/2026; a text field reads the same everywhere, and the server reads it (InputRules).
/// </summary>
[HtmlTargetElement("input", Attributes = "day")]
public sealed class DayInputTagHelper : TagHelper
{
    public const string Pattern = @"\s*\d{1,2}/\d{1,2}/\d{4}\s*";

    // After the input tag helper, which names the field and writes a value in the server's culture.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("day");
        output.Attributes.RemoveAll("min");
        output.Attributes.RemoveAll("max");
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        output.Attributes.SetAttribute("pattern", Pattern);
        output.Attributes.SetAttribute("data-day", "");
        if (!output.Attributes.ContainsName("size"))
            output.Attributes.SetAttribute("size", "10");
        // A day refused as typed comes back as typed; any other is written as the office writes it.
        var name = output.Attributes.TryGetAttribute("name", out var n) ? n.Value?.ToString() : null;
        if (name is not null && ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry is { Errors.Count: > 0, AttemptedValue: { } typed })
        {
            output.Attributes.SetAttribute("value", typed);
            return;
        }
        if (For?.Model is DateOnly model)
            output.Attributes.SetAttribute("value", VnFormat.Date(model));
        else if (output.Attributes.TryGetAttribute("value", out var value)
            && DateOnly.TryParseExact(value.Value?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            output.Attributes.SetAttribute("value", VnFormat.Date(day));
    }
}
