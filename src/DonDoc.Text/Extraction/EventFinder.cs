using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>
/// When and what the reported event was. In a news article: the first date in the opening paragraphs with
/// a cue before it ("Sáng 13/1,", "Ngày 8/1,", "Chiều nay (5/3)", "Sáng thứ Sáu (13-1-2023)", "ngày 12-13/1",
/// "Hà Nội, 13/1"), titled by the headline; a year missing from that date is taken from the publication
/// date, given or printed in the headline's dateline ("(15:17 13/01/2022)"). In a formal report: the
/// gathering its opening reports, or else the report's own date, titled by the line under the type name.
/// </summary>
internal static partial class EventFinder
{
    private const int OpeningParagraphs = 3;
    private const int HeadlineMaxWords = 40;
    private const int MaxHeadingLines = 3;

    [GeneratedRegex(
        @"(?:(?<![\p{L}])(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)(?:\s+(?:nay|qua|mai))?(?:\s*,?\s*(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật))?\s*[(,]?\s*(?:ngày\s+)?(?:(?:mùng|mồng)\s+)?(?:(?<from>\d{1,2})\s*(?:-|–|và|đến)\s*(?:ngày\s+)?)?" +
        @"|(?:^|\n)(?!(?:thứ|chủ\s+nhật|cập\s+nhật)(?![\p{L}]))(?:\p{Lu}[\p{L}.]*\s+){0,3}\p{Lu}[\p{L}.]*\s*,\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    // A line that stamps the article rather than reporting: "Thứ Bảy, 05/12/2026, 18:20 (GMT+7)", "Cập nhật: 06/12/2026 08:30".
    [GeneratedRegex(@"^(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|cập\s+nhật|đăng\s+(?:lúc|ngày)|ngày\s+đăng|xuất\s+bản)(?![\p{L}])|[^\p{L}]*$)|\d{1,2}[:h]\d{2}(?!\d)|GMT", RegexOptions.IgnoreCase)]
    private static partial Regex Stamp();

    [GeneratedRegex(@"\s*\([^()]*\d{1,2}/\d{1,2}/\d{4}[^()]*\)\s*$")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(?<![\p{L}])(?:hội nghị|đại hội|hội thảo|tọa đàm|lễ|phiên họp|buổi làm việc|cuộc họp)(?![\p{L}])[^;.\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex Gathering();

    // What a sentence says happened on its date in a formal report, as against the dates of a period or a document.
    [GeneratedRegex(@"\G[^.;\n]*?(?<![\p{L}])(?:hội nghị|đại hội|hội thảo|tọa đàm|lễ|phiên họp|buổi làm việc|cuộc họp|họp|tổ chức|diễn ra|khai mạc)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Happening();

    [GeneratedRegex(@"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|^Độc lập\s*[-–]\s*Tự do|^\*+$")]
    private static partial Regex Banner();

    /// <returns>The event, and the date the text was published or signed, which dates other days it writes without a year.</returns>
    public static (EventInfo Event, DateOnly? Reference) Find(string text, DocumentHeader? header, DateOnly? published, Func<int, bool> isTaken)
    {
        if (header is not null)
            return FindInReport(text, header, published, isTaken);

        var heading = HeadingLines(text);
        var headline = heading.FirstOrDefault(line => !line.EndsWith('.'));
        var dateline = heading.Where(line => !line.EndsWith('.')).Select(Dateline).FirstOrDefault(d => d is not null);
        var publishedOn = published ?? dateline;

        // A stamp's date is when the article went out, which dates the event only when nothing else does.
        var found = FirstCuedDate(text, 0, heading.Count + OpeningParagraphs, at => isTaken(at) || InStamp(text, at), requireHappening: false);
        var date = found?.Date ?? (dateline is { } d ? new TextDate(d.Day, d.Month, d.Year) : null);
        if (date is { Year: null } undated && publishedOn is { } on)
            date = undated with { Year = YearNear(undated, on) };

        var title = headline is not null ? Timestamp().Replace(headline, "") : found is { } f ? GatheringNear(text, f.Index) : null;
        return (new EventInfo(date?.Iso(), title), publishedOn);
    }

    // A report's own date is when it was signed, not when the event it reports on took place; it comes last.
    private static (EventInfo, DateOnly?) FindInReport(string text, DocumentHeader header, DateOnly? published, Func<int, bool> isTaken)
    {
        var signed = header.Date ?? published;
        var found = FirstCuedDate(text, header.BodyStart, OpeningParagraphs, isTaken, requireHappening: true);
        string? iso = null;
        if (found is { Date: var written })
        {
            iso = written.Year is not null ? written.Iso()
                : header.Date is { } own ? VnDates.OnOrBefore(written, own)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : published is { } on ? (written with { Year = YearNear(written, on) }).Iso()
                : written.Iso();
        }
        iso ??= header.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var title = header.Title ?? (found is { } f ? GatheringNear(text, f.Index) : null);
        return (new EventInfo(iso, title), signed);
    }

    // Short lines before the first paragraph: headline, dateline, photo caption (which ends like a sentence).
    private static List<string> HeadingLines(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
                continue;
            if (lines.Count == MaxHeadingLines || trimmed.Count(' ') >= HeadlineMaxWords)
                break;
            var heading = trimmed.ToString();
            if (!Banner().IsMatch(heading))
                lines.Add(heading);
        }
        return lines;
    }

    private static bool InStamp(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var end = text.IndexOf('\n', at);
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start).Trim();
        return !line.EndsWith('.') && line.Count(' ') < HeadlineMaxWords / 4 && Stamp().IsMatch(line.ToString());
    }

    private static DateOnly? Dateline(string line)
    {
        foreach (Match m in VnDates.Pattern().Matches(line))
        {
            if (VnDates.TryRead(m, out var date) && date.ToDate() is { } full)
                return full;
        }
        return null;
    }

    private static (TextDate Date, int Index)? FirstCuedDate(string text, int from, int paragraphs, Func<int, bool> isTaken, bool requireHappening)
    {
        var opening = from;
        for (var line = 0; line < paragraphs && opening < text.Length; line++)
        {
            while (opening < text.Length && text[opening] == '\n')
                opening++;
            var lineEnd = text.IndexOf('\n', opening);
            opening = lineEnd < 0 ? text.Length : lineEnd;
        }

        foreach (Match m in VnDates.Pattern().Matches(text[from..opening]))
        {
            var at = from + m.Index;
            if (isTaken(at) || !VnDates.TryRead(m, out var date))
                continue;
            var cue = Cue().Match(text, Math.Max(0, at - 40), Math.Min(40, at));
            if (!cue.Success || (requireHappening && !Happening().IsMatch(text, at + m.Length)))
                continue;
            if (cue.Groups["from"].Success && int.TryParse(cue.Groups["from"].ValueSpan, out var first) && first < date.Day)
                date = date with { Day = first };
            return (date, at);
        }
        return null;
    }

    // A report printed early in January about "28/12" means the December before.
    private static int YearNear(TextDate date, DateOnly published)
    {
        var daysAhead = (date.Month - published.Month) * 31 + date.Day - published.Day;
        return daysAhead > 180 ? published.Year - 1 : published.Year;
    }

    private static string? GatheringNear(string text, int index)
    {
        var lineEnd = text.IndexOf('\n', index);
        var sentence = text[index..(lineEnd < 0 ? text.Length : lineEnd)];
        var m = Gathering().Match(sentence);
        return m.Success ? m.Value.Trim() : null;
    }
}
