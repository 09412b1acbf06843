using System.Text.Encodings.Web;
using System.Text.Json;

namespace DonDoc.Text;

/// <summary>A conclusion or direction read into draft tasks a person confirms (see docs/architecture.md, "The task reader").</summary>
public sealed record TaskExtraction(TaskDocument Document, IReadOnlyList<DraftTask> Tasks)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <param name="Issuer">The issuer's code in the symbol: "TU" in 123-TB/TU, "UBND" in 1846/UBND-VX.</param>
public sealed record TaskDocument(string? Kind, string? Number, string? Symbol, string? Issuer, DateOnly? Date);

/// <param name="Recurrence">"monthly", "quarterly", "yearly" or null; <paramref name="Due"/> is then the first occurrence.</param>
public sealed record DraftTask(
    string Title,
    string Lead,
    IReadOnlyList<string> Coordinators,
    DateOnly? Due,
    string? Recurrence,
    bool Ongoing,
    string? Result,
    string Text);
