using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>
/// The header of a formal document (Hướng dẫn 36-HD/VPTW for the Party, Nghị định 30/2020/NĐ-CP for the
/// State): the body above "*", the document's own number ("Số 12-BC/VPTU"), place and date ("Hà Nội, ngày
/// 08 tháng 7 năm 2019"), the type name in capitals ("BÁO CÁO") and the title under it. News articles have
/// none of these, and <see cref="Read"/> returns null for them.
/// </summary>
/// <param name="NumberAt">Where the document's own number starts, or -1: it names the text itself and is no citation.</param>
/// <param name="BodyStart">Where the text after the header begins.</param>
internal sealed partial record DocumentHeader(int NumberAt, DateOnly? Date, int DateAt, string? Title, int BodyStart)
{
    private const int MaxHeaderLines = 16;
    private const int MaxHeaderWords = 30;
    private const int MaxTitleLines = 4;

    public static DocumentHeader? Read(string text)
    {
        var (lines, stop) = Lines(text, MaxHeaderLines + MaxTitleLines);
        var typeLine = lines.FindIndex(l => Patterns.TypeLine().IsMatch(l.Text));
        var banner = lines.FindIndex(l => Patterns.Banner().IsMatch(l.Text));
        if (typeLine < 0 && banner < 0)
            return null;

        // Above the type name (or, in a letter without one, the first lines) lie the number and the date.
        var headerEnd = typeLine >= 0 ? typeLine : Math.Min(lines.Count, MaxHeaderLines) - 1;
        var numberAt = -1;
        DateOnly? date = null;
        var dateAt = -1;
        var bodyLine = typeLine + 1;
        for (var i = 0; i <= headerEnd; i++)
        {
            var (start, _, line, _) = lines[i];
            if (numberAt < 0 && Patterns.OwnNumber().Match(line) is { Success: true } number)
                numberAt = start + number.Index + number.Length;
            if (date is null && Patterns.PlaceDate().Match(line) is { Success: true } placed
                && VnDates.TryReadAfterDayWord(line, placed.Index + placed.Length, out var written, out _) && written.ToDate() is { } full)
            {
                (date, dateAt) = (full, start + placed.Index + placed.Length);
                if (typeLine < 0)
                    bodyLine = Math.Max(bodyLine, i + 1);
            }
            if (typeLine < 0 && line.StartsWith("V/v", StringComparison.OrdinalIgnoreCase))
                bodyLine = Math.Max(bodyLine, i + 1);
        }

        // A banner alone heads news pages too; a document has a type name or its own place and date.
        if (typeLine < 0 && date is null)
            return null;
        string? title = null;
        if (typeLine >= 0)
        {
            (title, bodyLine) = TitleAfter(lines, typeLine);
        }
        else if (lines.Take(bodyLine).FirstOrDefault(l => l.Text.StartsWith("V/v", StringComparison.OrdinalIgnoreCase)) is { Text: { } subject })
        {
            title = subject[3..].TrimStart(' ', ':').Trim();
        }
        var bodyStart = bodyLine < lines.Count ? lines[bodyLine].Start : stop;
        return new DocumentHeader(numberAt, date, dateAt, title is { Length: > 0 } ? title : null, bodyStart);
    }

    // "BÁO CÁO" then "Kết quả …" on one to a few lines; a type line that says more ("BÁO CÁO CHÍNH TRỊ …") is its own title.
    private static (string? Title, int BodyLine) TitleAfter(List<Line> lines, int typeLine)
    {
        var type = lines[typeLine].Text;
        var parts = new List<string>();
        var i = typeLine + 1;
        for (; i < lines.Count && parts.Count < MaxTitleLines; i++)
        {
            var line = lines[i];
            if (Patterns.Rule().IsMatch(line.Text))
            {
                if (parts.Count == 0)
                    continue;
                i++;
                break;
            }
            if (line.Text.EndsWith('.') || (parts.Count > 0 && line.Blank))
                break;
            if (line.Text.StartsWith('(') && parts.Count > 0)
            {
                i++;
                break;
            }
            if (Patterns.BodyOpening().IsMatch(line.Text))
                break;
            parts.Add(line.Text);
        }
        var title = parts.Count > 0 ? string.Join(' ', parts) : Patterns.TypeName().Match(type) is { Success: true } name && name.Length < type.Length ? type : null;
        return (title, i);
    }

    private readonly record struct Line(int Start, int End, string Text, int Words)
    {
        // Blank lines are kept where they separate a title from the text after it.
        public bool Blank { get; init; }
    }

    // Short lines from the top, up to the first paragraph of running text; their text is only copied while they are short.
    private static (List<Line> Lines, int Stop) Lines(string text, int max)
    {
        var lines = new List<Line>();
        var start = 0;
        var blankBefore = false;
        while (start < text.Length && lines.Count < max)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            var line = text.AsSpan(start, end - start).Trim();
            if (line.IsEmpty)
            {
                blankBefore = true;
            }
            else
            {
                var words = line.Count(' ') + 1;
                if (words > MaxHeaderWords)
                    return (lines, start);
                lines.Add(new Line(start, end, line.ToString(), words) { Blank = blankBefore });
                blankBefore = false;
            }
            start = end + 1;
        }
        return (lines, Math.Min(start, text.Length));
    }

    private static partial class Patterns
    {
        private const string TypeNames =
            "BÁO CÁO|THÔNG BÁO|KẾT LUẬN|NGHỊ QUYẾT|CHỈ THỊ|KẾ HOẠCH|CHƯƠNG TRÌNH|TỜ TRÌNH|BIÊN BẢN|HƯỚNG DẪN|" +
            "QUYẾT ĐỊNH|QUY ĐỊNH|QUY CHẾ|ĐỀ ÁN|THÔNG TRI|CÔNG VĂN|DIỄN VĂN|BÀI PHÁT BIỂU|THƯ";

        [GeneratedRegex($@"^(?:{TypeNames})(?:\s+[\p{{Lu}}\d][\p{{Lu}}\d,.\-–()]*)*$")]
        public static partial Regex TypeLine();

        [GeneratedRegex($@"^(?:THÔNG BÁO KẾT LUẬN|{TypeNames})")]
        public static partial Regex TypeName();

        [GeneratedRegex(@"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
        public static partial Regex Banner();

        [GeneratedRegex(@"(?<![\p{L}\d])Số\s*:?\s*(?=\d)")]
        public static partial Regex OwnNumber();

        // "Hà Nội, ngày …", "TP. Hồ Chí Minh, ngày …"; the place may share a line with the number once table cells are flattened.
        [GeneratedRegex(@"\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}\s*,\s*(?=ngày\s+\d)")]
        public static partial Regex PlaceDate();

        [GeneratedRegex(@"^[-–—_*=.~\s]+$")]
        public static partial Regex Rule();

        [GeneratedRegex(@"^(?:Kính gửi|Căn cứ|Thực hiện|Ngày \d|Sáng \d|Chiều \d|[IVX]+\.|\d+\.|[-+•])")]
        public static partial Regex BodyOpening();
    }
}
