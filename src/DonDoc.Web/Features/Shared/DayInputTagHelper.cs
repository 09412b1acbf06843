using System.Globalization;
using DonDoc.Text;
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

    // After the input tag helper, which writes a DateOnly as yyyy-MM-dd for a date input.
    public override int Order => 1000;

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
        // A value the server wrote (not one the user typed and sent back with an error) is shown as the office writes it.
        if (output.Attributes.TryGetAttribute("value", out var value)
            && DateOnly.TryParseExact(value.Value?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            output.Attributes.SetAttribute("value", VnFormat.Date(day));
    }
}
