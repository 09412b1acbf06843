using System.Text.Encodings.Web;
using System.Text.Json;

namespace DonDoc.Text;

/// <summary>What a report says, as records a person confirms before they are stored (see docs/extraction.md).</summary>
public sealed record Extraction(
    EventInfo Event,
    IReadOnlyList<CitedDocument> Documents,
    IReadOnlyList<NamedPerson> Persons,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<EnumeratedList> Lists)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <param name="Date">"yyyy-MM-dd", or "--MM-dd" when nothing fixes the year.</param>
public sealed record EventInfo(string? Date, string? Title);

/// <param name="Kind">The full type name ("Chỉ thị"); <paramref name="Number"/> as written ("01").</param>
public sealed record CitedDocument(string Kind, string Number, string? Symbol, string? Issuer, DateOnly? Date, string Text);

public sealed record NamedPerson(string Name, IReadOnlyList<string> Positions);

/// <param name="Total">The b of an "a/b" figure.</param>
public sealed record Figure(string Text, decimal Value, decimal? Total, bool Percent);

public sealed record EnumeratedList(string Title, IReadOnlyList<string> Items);
