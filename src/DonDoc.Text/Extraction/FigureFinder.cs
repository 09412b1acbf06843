using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>
/// Indicator figures in vi-VN notation: "10.027 đảng viên", "102,9%", "93/70 tổ chức đảng". Dates, years,
/// document numbers and spans of time are not figures.
/// </summary>
internal static partial class FigureFinder
{
    // "10.027" and "102,9" in vi-VN; "6.5" (a dot before one or two digits) is a decimal written the English way.
    private const string Number = @"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?";

    [GeneratedRegex($@"(?<![\p{{L}}\d.,/-])(?:(?<a>{Number})(?:\s*/\s*|\s+trên\s+|\s+trong\s+(?:tổng\s+số\s+)?)(?<b>{Number})(?![\d/]|[.,]\d|-\p{{L}})|(?<p>{Number})\s*(?:%|phần trăm)|(?<n>{Number})(?=\s+\p{{L}}|\s*(?:[.;,)]|$)))(?![\p{{L}}\d])", RegexOptions.Multiline)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|nay|từ|đến|tới|đầu|cuối|dịp|\()\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateCue();

    [GeneratedRegex(@"(?:năm|khóa|lần thứ|nhiệm kỳ|giai đoạn|số|thứ|điều|khoản|mục|chương|phần|trang|quyển|tập|kỳ|đợt|tháng|ngày|lúc)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NotACountBefore();

    [GeneratedRegex(@"\G\s+(?:năm|tháng|ngày|tuần|giờ|phút|quý|tuổi|lần thứ)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex TimeUnit();

    [GeneratedRegex(@"\G\s+(?!(?:vừa|tới|này|qua|hằng|hàng|năm)(?![\p{L}]))\p{Ll}")]
    private static partial Regex CountedNoun();

    // "1,2 nghìn hộ" is 1.200 households; "tỷ" stays the unit it is in budgets ("9,8 nghìn tỷ đồng" is 9.800 tỷ đồng).
    [GeneratedRegex(@"\G\s+(?<m>nghìn|ngàn|triệu)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Magnitude();

    // A count not followed by what it counts stands after words that give a figure: "trong năm là 187.", "Tổng số đảng viên: 10.027;".
    [GeneratedRegex(@"(?:(?<![\p{L}])(?:là|đạt|được|có|gồm|tổng cộng|còn|lên|xuống)|:)[^\S\n]*\z", RegexOptions.IgnoreCase)]
    private static partial Regex GivesAFigure();

    [GeneratedRegex(@"(?<![\p{L}])(?:đường|phố)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StreetBefore();

    private static readonly SearchValues<char> ClauseMarks = SearchValues.Create(",;:.!?()“”\"\n");

    public static IReadOnlyList<Figure> Find(string text, Func<int, bool> isTaken)
    {
        var figures = new List<Figure>();
        foreach (var m in Candidate().EnumerateMatches(text))
        {
            if (!isTaken(m.Index) && Read(text, m.Index, m.Length) is { } figure)
                figures.Add(figure);
        }
        return figures;
    }

    // The candidate is one of three shapes, told apart by its characters: "a/b", "n%" or "n phần trăm", and "n".
    private static Figure? Read(string text, int index, int length)
    {
        var match = text.AsSpan(index, length);
        var before = text.AsSpan(Math.Max(0, index - 20), Math.Min(20, index));
        var after = index + length;
        if (match.IndexOf('/') is >= 0 and var slash)
        {
            var (a, b) = (Parse(match[..slash].Trim()), Parse(match[(slash + 1)..].Trim()));
            // "tháng 5/2019" and "năm học 2021/2022" are not ratios.
            // "đường 3/2" is a street named after a day.
            var notARatio = b == 0 || StreetBefore().IsMatch(before) || IsDayMonth(a, b, before, text, after) || (IsYear(b) && (a <= 12 || IsYear(a)));
            return notARatio ? null : new Figure(Phrase(text, index, length), a, b, false);
        }
        var numberLength = match.IndexOfAnyExcept(NumberChars);
        // "12 trên 15 chỉ tiêu", "8 trong tổng số 10 xã": a ratio in words, which only a part of a whole can be.
        if (numberLength >= 0 && match[numberLength..].TrimStart() is [not '%' and not 'p', ..] words)
        {
            // "xếp thứ 5 trong 63 tỉnh" is a rank.
            if (NotACountBefore().IsMatch(before))
                return null;
            var (a, b) = (Parse(match[..numberLength]), Parse(words[words.LastIndexOf(' ')..].Trim()));
            return a <= b && b > 0 ? new Figure(Phrase(text, index, length), a, b, false) : null;
        }
        if (numberLength >= 0)
            return new Figure(Phrase(text, index, length), Parse(match[..numberLength]), null, true);
        var value = Parse(match);
        // Before a capital or the clause's end a number is a count only where it is grouped ("2.345 Đảng viên") or announced.
        var counted = after < text.Length && text[after] == ' ' && after + 1 < text.Length && char.IsLower(text[after + 1]);
        if (!counted && !match.Contains('.') && !GivesAFigure().IsMatch(before))
            return null;
        if (Magnitude().Match(text, after) is { Success: true } magnitude)
            value *= magnitude.Groups["m"].Value.Equals("triệu", StringComparison.OrdinalIgnoreCase) ? 1_000_000 : 1_000;
        var notACount = (IsYear(value) && !match.Contains('.')) || NotACountBefore().IsMatch(before) || TimeUnit().IsMatch(text, after)
            || AnnouncesList(text, after);
        return notACount ? null : new Figure(Phrase(text, index, length), value, null, false);
    }

    // "3 bài học kinh nghiệm, đó là: …" counts the items of a list that follows, not an indicator.
    private static bool AnnouncesList(string text, int after)
    {
        var end = text.AsSpan(after).IndexOfAny(SentenceMarks);
        return end >= 0 && text[after + end] == ':';
    }

    private static readonly SearchValues<char> SentenceMarks = SearchValues.Create(".;:!?\n");

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.,");

    // "6.5" (a dot before one or two final digits, no comma) is English; otherwise dots group thousands and the comma is decimal.
    private static decimal Parse(ReadOnlySpan<char> number)
    {
        var dot = number.IndexOf('.');
        var english = dot >= 0 && number.LastIndexOf('.') == dot && !number.Contains(',') && number.Length - dot - 1 is 1 or 2;
        Span<char> invariant = stackalloc char[number.Length];
        var n = 0;
        foreach (var c in number)
        {
            if (c == '.' && !english)
                continue;
            invariant[n++] = c == ',' ? '.' : c;
        }
        return decimal.Parse(invariant[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static bool IsYear(decimal n) => n is >= 1900 and <= 2100 && n == decimal.Truncate(n);

    // "13/1" after "sáng" or "ngày", or with no counted noun after it, is a day; "5/7 đơn vị" is a ratio.
    private static bool IsDayMonth(decimal a, decimal b, ReadOnlySpan<char> before, string text, int after) =>
        a is >= 1 and <= 31 && b is >= 1 and <= 12 && a == decimal.Truncate(a) && b == decimal.Truncate(b)
        && (DateCue().IsMatch(before) || !CountedNoun().IsMatch(text, after));

    /// <summary>A figure with up to two words before and four after it in its clause: "kết nạp 10.027 đảng viên mới".</summary>
    private static string Phrase(string text, int index, int length)
    {
        var end = index + length;
        var clauseStart = text.AsSpan(0, index).LastIndexOfAny(ClauseMarks) + 1;
        var rest = text.AsSpan(end).IndexOfAny(ClauseMarks);
        var clauseEnd = rest < 0 ? text.Length : end + rest;
        var from = index;
        for (var words = 0; words < 2 && WordBefore(text, clauseStart, from) is >= 0 and var start; words++)
            from = start;
        var to = end;
        var name = -1;
        for (var words = 0; words < 4 && WordAfter(text, to, clauseEnd) is >= 0 and var stop; words++)
        {
            var start = stop;
            while (start > to && text[start - 1] != ' ')
                start--;
            if (name < 0 && char.IsUpper(text[start]))
                name = start;
            to = stop;
        }
        // A name begun in those words ("30/34 đề án thuộc Chương trình số 01-CTr/TU") is not cut in two: the
        // phrase runs on to the clause's end, or, where the clause runs long, stops before the name.
        if (name >= 0 && to < clauseEnd)
        {
            var stop = to;
            for (var words = 0; words < 8 && WordAfter(text, stop, clauseEnd) is >= 0 and var next; words++)
                stop = next;
            to = WordAfter(text, stop, clauseEnd) < 0 ? clauseEnd : name;
        }
        return text.AsSpan(from, to - from).Trim().ToString();
    }

    // The start of the space-separated word ending before position at, or -1 at the clause's start.
    private static int WordBefore(string text, int clauseStart, int at)
    {
        var i = at;
        while (i > clauseStart && text[i - 1] == ' ')
            i--;
        if (i == clauseStart)
            return -1;
        while (i > clauseStart && text[i - 1] != ' ')
            i--;
        return i;
    }

    private static int WordAfter(string text, int at, int clauseEnd)
    {
        var i = at;
        while (i < clauseEnd && text[i] == ' ')
            i++;
        if (i == clauseEnd)
            return -1;
        while (i < clauseEnd && text[i] != ' ')
            i++;
        return i;
    }
}
