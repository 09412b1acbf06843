using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>Party symbols are "number-TYPE/ISSUER" (Hướng dẫn 36-HD/VPTW); State ones "number[/year]/TYPE-ISSUER" (Nghị định 30/2020/NĐ-CP).</summary>
public enum SymbolForm { Party, State }

public sealed record SymbolParseResult(DocumentSymbol? Symbol, string? Error)
{
    public bool Ok => Symbol is not null;
}

public sealed partial record DocumentSymbol(SymbolForm Form, string Number, string TypeCode, string IssuerCode, int? Year)
{
    private const string PartyExample = "(ví dụ: 35-CT/TW)";
    private const string StateExample = "(ví dụ: 15/QĐ-UBND)";
    private const string BothExamples = "(ví dụ: 35-CT/TW hoặc 15/QĐ-UBND)";

    public string Canonical => Form == SymbolForm.Party
        ? $"{Number}-{TypeCode}/{IssuerCode}"
        : Year is { } year ? $"{Number}/{year}/{TypeCode}-{IssuerCode}" : $"{Number}/{TypeCode}-{IssuerCode}";

    /// <summary>Checks the syntax only; whether the codes exist is for the caller's tables to say.</summary>
    public static SymbolParseResult Parse(string? input)
    {
        var text = Clean(input);
        if (text.Length == 0)
            return Fail("Ký hiệu trống.");

        var numberEnd = text.IndexOfAny(['-', '/']);
        if (numberEnd < 0)
            return Fail(text.All(char.IsAsciiDigit)
                ? $"Thiếu loại văn bản và cơ quan ban hành sau số “{text}” {BothExamples}."
                : $"Ký hiệu “{text}” không đúng dạng số-loại/cơ quan {BothExamples}.");

        var number = text[..numberEnd];
        var party = text[numberEnd] == '-';
        if (number.Length == 0)
            return Fail(party
                ? $"Thiếu số văn bản trước dấu gạch ngang {PartyExample}."
                : $"Thiếu số văn bản trước dấu “/” {StateExample}.");
        if (!number.All(char.IsAsciiDigit))
            return Fail($"Số văn bản phải là chữ số: “{number}”.");

        var rest = text[(numberEnd + 1)..];
        return party ? ParseParty(number, rest) : ParseState(number, rest);
    }

    private static SymbolParseResult ParseParty(string number, string rest)
    {
        var slash = rest.IndexOf('/');
        if (slash < 0)
            return Fail(rest.Length == 0
                ? $"Thiếu loại văn bản sau dấu gạch ngang {PartyExample}."
                : $"Thiếu dấu “/” và cơ quan ban hành sau loại văn bản “{rest}” {PartyExample}.");
        var type = rest[..slash];
        var issuer = rest[(slash + 1)..];
        if (type.Length == 0)
            return Fail($"Thiếu loại văn bản giữa dấu gạch ngang và dấu “/” {PartyExample}.");
        if (issuer.Length == 0)
            return Fail($"Thiếu cơ quan ban hành sau dấu “/” {PartyExample}.");
        if ((CheckType(type) ?? CheckIssuer(issuer)) is { } error)
            return Fail(error);
        return new(new DocumentSymbol(SymbolForm.Party, number, type, PartyIssuer(issuer), null), null);
    }

    private static SymbolParseResult ParseState(string number, string rest)
    {
        int? year = null;
        var slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            var yearText = rest[..slash];
            if (!YearPattern().IsMatch(yearText))
                return Fail(yearText.Length == 0 ? "Thiếu năm giữa hai dấu “/” (ví dụ: 30/2020/NĐ-CP)." : $"Năm “{yearText}” không hợp lệ.");
            year = int.Parse(yearText);
            rest = rest[(slash + 1)..];
        }
        if (rest.Length == 0)
            return Fail($"Thiếu loại văn bản và cơ quan ban hành sau dấu “/” {StateExample}.");
        var dash = rest.IndexOf('-');
        if (dash < 0)
            return Fail($"Thiếu dấu gạch ngang giữa loại văn bản và cơ quan ban hành trong “{rest}” {StateExample}.");
        var type = rest[..dash];
        var issuer = rest[(dash + 1)..];
        if (type.Length == 0)
            return Fail($"Thiếu loại văn bản sau dấu “/” {StateExample}.");
        if (issuer.Length == 0)
            return Fail($"Thiếu cơ quan ban hành sau dấu gạch ngang {StateExample}.");
        if ((CheckType(type) ?? CheckIssuer(issuer)) is { } error)
            return Fail(error);
        return new(new DocumentSymbol(SymbolForm.State, number, type, issuer, year), null);
    }

    private static string Clean(string? input)
    {
        var text = VnText.Normalize(input ?? "");
        // Symbols read from a text are already clean; only typed ones need the rewriting.
        if (text.AsSpan().IndexOfAnyInRange('\u2010', '\u2015') >= 0 || text.Contains('\u2212'))
            text = DashPattern().Replace(text, "-");
        if (text.Contains(' '))
            text = SeparatorSpacePattern().Replace(text, "$1");
        if (text.StartsWith("số", StringComparison.OrdinalIgnoreCase))
            text = SoPrefixPattern().Replace(text, "");
        return text.TrimEnd('.', ',', ';');
    }

    private static string? CheckType(string type) =>
        type.All(char.IsLetter) ? null : $"Loại văn bản “{type}” chỉ được gồm chữ cái.";

    private static string? CheckIssuer(string issuer) =>
        IssuerPattern().IsMatch(issuer) ? null : $"Cơ quan ban hành “{issuer}” chỉ được gồm chữ cái, chữ số và dấu gạch ngang.";

    // "TƯ" (Trung ương) is an old spelling of TW.
    private static string PartyIssuer(string issuer) => issuer == "TƯ" ? "TW" : issuer;

    private static SymbolParseResult Fail(string error) => new(null, error);

    [GeneratedRegex(@"[\u2010-\u2015\u2212]")]
    private static partial Regex DashPattern();

    [GeneratedRegex(@"\s*([-/])\s*")]
    private static partial Regex SeparatorSpacePattern();

    [GeneratedRegex(@"^số\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SoPrefixPattern();

    [GeneratedRegex(@"^(19|20)\d\d$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\p{L}[\p{L}\d]*(-[\p{L}\d]+)*$")]
    private static partial Regex IssuerPattern();
}
