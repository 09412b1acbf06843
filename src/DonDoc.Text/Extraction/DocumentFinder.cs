using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>Numbered documents a text cites: "Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị", "Nghị quyết 11", "15/QĐ-UBND".</summary>
internal static partial class DocumentFinder
{
    /// <param name="Written">The date as written; the year may be missing ("ngày 5/1").</param>
    public readonly record struct Found(CitedDocument Document, TextDate? Written, int Start, int End);

    private const string KindNames =
        "nghị quyết|nghị định|quyết định|chỉ thị|kết luận|quy định|quy chế|hướng dẫn|kế hoạch|chương trình|đề án|" +
        "công văn|công điện|thông báo kết luận|thông báo|báo cáo|tờ trình|thông tri|thông tư|biên bản|pháp lệnh|luật";

    private const string TypeCodes = "NQ|NĐ|QĐi|QyĐ|QĐ|CT|KL|QC|HD|KH|CTr|ĐA|CV|CĐ|TB|BC|TTr|TT|BB";

    private const string Issuer = @"\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*";

    // Laws carry no type code: "15/2012/QH13". Typed in a hurry, the dash after the number gets spaces or becomes an en dash: "57 – NQ/TW".
    private const string SymbolTail = $@"\s?[-–]\s?(?:{TypeCodes})/{Issuer}|/(?:\d{{4}}/)?(?:{TypeCodes})-{Issuer}|/\d{{4}}/{Issuer}";

    // A kind word may carry a few qualifying words before "số" ("Quy chế làm việc số 01") but never another kind word.
    [GeneratedRegex(
        $@"(?<![\p{{L}}\d])(?<kind>(?i:{KindNames}))(?:(?:\s+(?!(?i:số|{KindNames})(?![\p{{L}}]))\p{{L}}+){{0,4}}?\s+(?i:số)\s*:?\s*(?<so>)|\s+)(?<num>\d{{1,5}})(?<sym>(?-i:{SymbolTail}))?(?![\p{{L}}\d%]|[.,/]\d)" +
        $@"|(?<![\p{{L}}\d/.,-])(?<num>\d{{1,5}})(?<sym>(?-i:{SymbolTail}))(?![\p{{L}}\d])")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\G\s*,?\s*\(?\s*(?:(?:được\s+)?(?:ban hành|ký)\s+)?(?=ngày)", RegexOptions.IgnoreCase)]
    private static partial Regex BeforeDate();

    [GeneratedRegex(@"\G\s*\)?\s*,?\s*(?:của|do)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BeforeIssuer();

    [GeneratedRegex($@"\G(?:\s*,\s*|\s+và\s+|\s*,\s*và\s+)(?:(?i:số)\s*)?(?<num>\d{{1,5}})(?<sym>(?-i:{SymbolTail}))?(?=\s*(?:[,.;)]|$|(?i:của|ngày|và|do|về)(?![\p{{L}}])))")]
    private static partial Regex Continuation();

    // What may follow a document's number when neither "số" nor a symbol marks it ("Nghị quyết 11 của Bộ Chính trị").
    [GeneratedRegex(@"\G(?:\s*(?:[,.;:)“”""(]|$)|\s+(?i:của|ngày|về|do|và|khóa|năm \d{4})(?![\p{L}])|\s+\p{Lu})")]
    private static partial Regex AfterBareNumber();

    private static readonly Dictionary<string, string> KindByCode = new()
    {
        ["NQ"] = "Nghị quyết", ["NĐ"] = "Nghị định", ["QĐi"] = "Quy định", ["QyĐ"] = "Quy định", ["QĐ"] = "Quyết định",
        ["CT"] = "Chỉ thị", ["KL"] = "Kết luận", ["QC"] = "Quy chế", ["HD"] = "Hướng dẫn", ["KH"] = "Kế hoạch",
        ["CTr"] = "Chương trình", ["ĐA"] = "Đề án", ["CV"] = "Công văn", ["CĐ"] = "Công điện", ["TB"] = "Thông báo",
        ["BC"] = "Báo cáo", ["TTr"] = "Tờ trình", ["BB"] = "Biên bản",
    };

    // Bodies named after "của"/"do" and the issuer code they imply; longer names first where one starts another.
    private static readonly (string Name, string Code)[] IssuerNames =
    [
        ("Bộ Chính trị", "TW"), ("Ban Bí thư", "TW"), ("Ban Chấp hành Trung ương", "TW"), ("BCH Trung ương", "TW"),
        ("Hội nghị Trung ương", "TW"), ("Trung ương", "TW"), ("TW", "TW"),
        ("Ban Thường vụ Thành ủy", "TU"), ("Ban Thường vụ Tỉnh ủy", "TU"), ("BTV Thành ủy", "TU"), ("BTV Tỉnh ủy", "TU"),
        ("Thường trực Thành ủy", "TU"), ("Thường trực Tỉnh ủy", "TU"), ("Thường vụ Thành ủy", "TU"), ("Thường vụ Tỉnh ủy", "TU"),
        ("Ban Chấp hành Đảng bộ thành phố", "TU"),
        ("Ban Chấp hành Đảng bộ tỉnh", "TU"), ("Thành ủy", "TU"), ("Tỉnh ủy", "TU"),
        ("Ban Thường vụ Đảng ủy", "ĐU"), ("Đảng ủy", "ĐU"), ("Ban Thường vụ Quận ủy", "QU"), ("Quận ủy", "QU"),
        ("Ban Thường vụ Huyện ủy", "HU"), ("Huyện ủy", "HU"),
        ("Ủy ban Kiểm tra Trung ương", "UBKTTW"), ("Ủy ban Kiểm tra Thành ủy", "UBKTTU"), ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),
        ("Văn phòng Trung ương", "VPTW"), ("Văn phòng Thành ủy", "VPTU"), ("Văn phòng Tỉnh ủy", "VPTU"),
        ("Ban Tổ chức Trung ương", "BTCTW"), ("Ban Tuyên giáo và Dân vận Thành ủy", "BTGDVTU"),
        ("Thủ tướng", "TTg"), ("Chính phủ", "CP"), ("Ủy ban Thường vụ Quốc hội", "UBTVQH"), ("Quốc hội", "QH"),
        ("Ủy ban nhân dân", "UBND"), ("UBND", "UBND"), ("Hội đồng nhân dân", "HĐND"), ("HĐND", "HĐND"),
    ];

    public static IReadOnlyList<Found> Find(string text)
    {
        var found = new List<Found>();
        var consumed = 0;
        foreach (Match m in Mention().Matches(text))
        {
            if (m.Index < consumed)
                continue;
            var symbol = ParseSymbol(m);
            var kindGroup = m.Groups["kind"];
            string kind;
            if (kindGroup.Success)
            {
                if (!m.Groups["so"].Success && !m.Groups["sym"].Success && !IsBareCitation(text, m, kindGroup.Value))
                    continue;
                kind = KindName(kindGroup.Value);
            }
            else if (symbol is not null && KindOf(symbol) is { } named)
                kind = named;
            else
                continue;

            // "Nghị quyết số 15, 16 và 17 của Thành ủy": one kind, several numbers, the body named once at the end.
            var group = new List<Found>();
            var (start, number) = (m.Index, m);
            while (true)
            {
                var end = number.Index + number.Length;
                var (issuer, date) = ReadTail(text, ref end);
                var document = new CitedDocument(kind, number.Groups["num"].Value, symbol?.Canonical, symbol?.IssuerCode ?? LawIssuer(number) ?? issuer, date?.ToDate(), text[start..end]);
                group.Add(new Found(document, date, start, end));
                consumed = end;
                number = Continuation().Match(text, end);
                if (!number.Success)
                    break;
                start = number.Groups["num"].Index;
                symbol = ParseSymbol(number);
            }
            var sharedIssuer = group[^1].Document.Issuer;
            found.AddRange(group.Select(g => g with { Document = g.Document with { Issuer = g.Document.Issuer ?? sharedIssuer } }));
        }
        return found;
    }

    /// <summary>One entry per document: later mentions fill in what the first left out.</summary>
    public static IReadOnlyList<CitedDocument> Merge(IEnumerable<CitedDocument> mentions)
    {
        var merged = new List<CitedDocument>();
        foreach (var mention in mentions)
        {
            var index = merged.FindIndex(d => SameDocument(d, mention));
            if (index < 0)
            {
                merged.Add(mention);
                continue;
            }
            var known = merged[index];
            merged[index] = known with
            {
                Symbol = known.Symbol ?? mention.Symbol,
                Issuer = known.Issuer ?? mention.Issuer,
                Date = known.Date ?? mention.Date,
                Text = known.Symbol is null && mention.Symbol is not null ? mention.Text : known.Text,
            };
        }
        return merged;
    }

    // Numbering restarts each term: the same symbol with two different dates is two documents.
    private static bool SameDocument(CitedDocument a, CitedDocument b) =>
        a.Kind == b.Kind
        && a.Number.TrimStart('0') == b.Number.TrimStart('0')
        && (a.Issuer is null || b.Issuer is null || a.Issuer == b.Issuer)
        && (a.Date is null || b.Date is null || a.Date == b.Date);

    // Without "số" or a symbol only a capitalised kind cites a document ("Nghị quyết 11"), and not a count ("Kế hoạch 5 năm").
    private static bool IsBareCitation(string text, Match m, string kind) =>
        char.IsUpper(kind[0]) && m.Groups["num"].Length <= 3 && AfterBareNumber().IsMatch(text, m.Index + m.Length);

    // TT is a Thông tri in the Party's numbering and a Thông tư in the State's.
    private static string? KindOf(DocumentSymbol symbol) => symbol.TypeCode == "TT"
        ? symbol.Form == SymbolForm.Party ? "Thông tri" : "Thông tư"
        : KindByCode.GetValueOrDefault(symbol.TypeCode);

    // A "Thông báo kết luận" is a Thông báo (TB) that records conclusions.
    private static string KindName(string written) =>
        KindsByName.TryGetValue(written, out var name) ? name : char.ToUpperInvariant(written[0]) + written[1..].ToLowerInvariant();

    private static readonly Dictionary<string, string> KindsByName = KindNames.Split('|')
        .ToDictionary(k => k, k => k.StartsWith("thông báo", StringComparison.Ordinal) ? "Thông báo" : char.ToUpperInvariant(k[0]) + k[1..], StringComparer.OrdinalIgnoreCase);

    // A law's symbol names the legislature and its term ("31/2024/QH15"): the issuer is the body, not the term.
    [GeneratedRegex(@"^/\d{4}/(?<body>\p{Lu}+)\d*$")]
    private static partial Regex LawSymbol();

    private static string? LawIssuer(Match m) =>
        m.Groups["sym"].Success && LawSymbol().Match(m.Groups["sym"].Value) is { Success: true } law ? law.Groups["body"].Value : null;

    private static DocumentSymbol? ParseSymbol(Match m) =>
        m.Groups["sym"].Success
            ? DocumentSymbol.Parse(m.Groups["num"].Value + m.Groups["sym"].Value.Replace(" ", "", StringComparison.Ordinal).Replace('–', '-')).Symbol
            : null;

    /// <summary>What follows a number: "ngày 16/12/2021", "của Ban Thường vụ Thành ủy", in either order.</summary>
    private static (string? Issuer, TextDate? Date) ReadTail(string text, ref int end)
    {
        var date = TryDate(text, ref end);
        string? issuer = null;
        var before = BeforeIssuer().Match(text, end);
        if (before.Success && IssuerAt(text, before.Index + before.Length) is var (code, length))
        {
            issuer = code;
            end = before.Index + before.Length + length;
            date ??= TryDate(text, ref end);
        }
        return (issuer, date);
    }

    private static TextDate? TryDate(string text, ref int end)
    {
        var lead = BeforeDate().Match(text, end);
        if (!lead.Success || !VnDates.TryReadAfterDayWord(text, lead.Index + lead.Length, out var date, out var dateEnd))
            return null;
        end = dateEnd;
        return date;
    }

    private static (string Code, int Length)? IssuerAt(string text, int start)
    {
        foreach (var (name, code) in IssuerNames)
        {
            if (string.Compare(text, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (start + name.Length == text.Length || !char.IsLetter(text[start + name.Length])))
                return (code, name.Length);
        }
        return null;
    }
}
