using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Text;
using DonDoc.Web.Features.Documents;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// What a read text holds, as the form the user corrects before anything is stored. The text itself
/// travels with the form, so that nothing is written until the user confirms.
/// </summary>
public sealed class ImportReview
{
    public string Text { get; set; } = "";
    public string? FileName { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? HeldOn { get; set; }
    // "--01-08": the day the text gives without its year, shown until the user completes the date.
    public string? WrittenDate { get; set; }
    public List<DocumentRow> Documents { get; set; } = [];
    public List<PersonRow> People { get; set; } = [];
    public List<FigureRow> Figures { get; set; } = [];
    public List<ListRow> Lists { get; set; } = [];

    public static ImportReview From(string text, string? fileName, DateOnly? published, Extraction e) => new()
    {
        Text = text,
        FileName = fileName,
        PublishedOn = published,
        Title = e.Event.Title ?? "",
        HeldOn = DateOnly.TryParseExact(e.Event.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var held) ? held : null,
        WrittenDate = e.Event.Date is ['-', '-', ..] partial ? partial : null,
        Documents = e.Documents.Select(d => new DocumentRow
        {
            Kind = d.Kind,
            Number = d.Number,
            Symbol = d.Symbol,
            Issuer = d.Issuer,
            IssuedOn = d.Date,
            Title = d.Text,
            Citation = d.Text,
        }).ToList(),
        People = e.Persons.Select(p => new PersonRow { Name = p.Name, Positions = string.Join('\n', p.Positions) }).ToList(),
        Figures = e.Figures.Select(f => new FigureRow
        {
            Text = f.Text,
            Value = NumberText.Format(f.Value),
            Total = f.Total is { } total ? NumberText.Format(total) : null,
            Percent = f.Percent,
        }).ToList(),
        Lists = e.Lists.Select(l => new ListRow { Title = l.Title, Items = string.Join('\n', l.Items) }).ToList(),
    };

    /// <summary>The lines of a multi-line field, normalised, without blanks or repeats.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => VnText.Normalize(l)).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

public sealed class DocumentRow
{
    public bool Include { get; set; } = true;
    public string Kind { get; set; } = "";
    public string Number { get; set; } = "";
    public string? Symbol { get; set; }
    // The issuer the text implies when it gives no symbol; with the kind and number it makes one.
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? Title { get; set; }
    public string Citation { get; set; } = "";

    public string Label => Symbol is { Length: > 0 } s ? s : $"{Kind} số {Number}";
}

public sealed class PersonRow
{
    public bool Include { get; set; } = true;
    public string Name { get; set; } = "";
    // One title per line.
    public string Positions { get; set; } = "";
    // A known person to add to, or 0 for a new one; chosen among those named like CheckedName.
    public int? PersonId { get; set; }
    public string? CheckedName { get; set; }
}

public sealed class FigureRow
{
    public bool Include { get; set; } = true;
    public string Text { get; set; } = "";
    // Written the vi-VN way: "10.027", "102,9".
    public string Value { get; set; } = "";
    public string? Total { get; set; }
    public bool Percent { get; set; }
}

public sealed class ListRow
{
    public bool Include { get; set; } = true;
    public string Title { get; set; } = "";
    // One item per line.
    public string Items { get; set; } = "";
}

/// <summary>Numbers as the office writes them: "10.027", "102,9"; "6.5" is refused rather than read as 65.</summary>
public static partial class NumberText
{
    [GeneratedRegex(@"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")]
    private static partial Regex ViNumber();

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var s = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        return ViNumber().IsMatch(s) && decimal.TryParse(s, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, VnFormat.Culture, out value);
    }

    public static string Format(decimal value) => value.ToString("#,##0.####", VnFormat.Culture);
}

/// <summary>What already exists for a document row, or why it cannot be entered as it stands and in which field.</summary>
/// <param name="HiddenId">The same document in the register, entered by a unit outside the user's scope:
/// the conference cites it, but nothing of it is shown.</param>
public sealed record DocumentMatch(DocumentDto? Existing, string? Problem, string? Field, int? HiddenId = null)
{
    public int? ExistingId => Existing?.Id ?? HiddenId;
}

public sealed record KnownPosition(string Title, DateOnly SeenOn);

public sealed record KnownPerson(int Id, string Name, IReadOnlyList<KnownPosition> Positions);
