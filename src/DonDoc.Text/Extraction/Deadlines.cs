using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>A direction's deadline: a date, a period, a span from signing, a recurrence, or "thường xuyên".</summary>
internal readonly record struct Deadline(DateOnly? Due, string? Recurrence, bool Ongoing);

internal static partial class Deadlines
{
    /// <param name="issued">The document's date D: a day without a year, a quarter without one, a recurrence, all count from it.</param>
    /// <param name="cell">A table's deadline column: its dates need no cue such as "trước".</param>
    public static Deadline Read(string text, DateOnly? issued, bool cell = false)
    {
        var ongoing = Ongoing().IsMatch(text);
        var recurrence = RecurrenceIn(text);
        var due = StatedDue(text, issued, cell, recurrence);
        if (due is null && recurrence is not null && issued is { } d)
            due = recurrence switch
            {
                "monthly" => MonthEnd(d.Year, d.Month),
                "quarterly" => MonthEnd(d.Year, QuarterOf(d.Month) * 3),
                _ => new DateOnly(d.Year, 12, 31),
            };
        return new Deadline(due, recurrence, ongoing);
    }

    private static string? RecurrenceIn(string text) =>
        Recurring().Match(text) is { Success: true } m
            ? m.Groups["unit"].Value.ToLowerInvariant() switch { "tháng" => "monthly", "quý" => "quarterly", _ => "yearly" }
            : null;

    // The first date or period with a cue before it ("trước", "chậm nhất", "hoàn thành trong", "Thời gian:"); dates of cited documents have none.
    private static DateOnly? StatedDue(string text, DateOnly? issued, bool cell, string? recurrence)
    {
        DateOnly? best = null;
        var bestAt = int.MaxValue;
        void Offer(int at, DateOnly? date)
        {
            if (date is not null && at < bestAt)
                (best, bestAt) = (date, at);
        }

        if (FromSigning().Match(text) is { Success: true } span && issued is { } signed)
            Offer(span.Index, signed.AddDays(int.Parse(span.Groups["n"].ValueSpan, CultureInfo.InvariantCulture)));

        foreach (Match m in VnDates.Pattern().Matches(text))
        {
            if (m.Index > bestAt)
                break;
            var cue = CueBefore(text, m.Index);
            if (!(cell || cue is not null) || !VnDates.TryRead(m, out var written))
                continue;
            if (m.Groups["sep"].Value is "." or "-" && !(cue ?? "").EndsWith("ngày", StringComparison.OrdinalIgnoreCase) && !cell)
                continue;
            Offer(m.Index, written.ToDate() ?? (issued is { } d ? OnOrAfter(written.Day, written.Month, d) : null));
        }

        if (DayOfPeriod().Match(text) is { Success: true } day && issued is { } from
            && int.Parse(day.Groups["d"].ValueSpan, CultureInfo.InvariantCulture) is >= 1 and <= 31 and var n)
        {
            Offer(day.Index, day.Groups["quarter"].Success ? NextInQuarterEnd(n, from) : NextDayOfMonth(n, from));
        }

        // "hằng tháng báo cáo … trước ngày 5": the day of each month.
        if (recurrence == "monthly" && issued is { } month && BareDay().Match(text) is { Success: true } bare && CueBefore(text, bare.Index) is not null)
            Offer(bare.Index, NextDayOfMonth(int.Parse(bare.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), month));

        foreach (Match m in Period().Matches(text))
        {
            if (m.Index > bestAt)
                break;
            var cue = CueBefore(text, m.Index);
            if (!cell && cue is null)
                continue;
            var before = cue is not null && cue.EndsWith("trước", StringComparison.OrdinalIgnoreCase);
            Offer(m.Index, PeriodDate(m, issued, before));
        }
        return best;
    }

    private static DateOnly? PeriodDate(Match m, DateOnly? issued, bool before)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture) : issued?.Year;
        if (year is not { } y || y is < 1900 or > 2100)
            return null;
        if (m.Groups["q"].Success)
        {
            var q = Quarter(m.Groups["q"].Value);
            if (q is < 1 or > 4)
                return null;
            return before ? new DateOnly(y, q * 3 - 2, 1).AddDays(-1) : MonthEnd(y, q * 3);
        }
        if (m.Groups["months"].Success)
        {
            var n = int.Parse(m.Groups["months"].ValueSpan, CultureInfo.InvariantCulture);
            if (n is < 1 or > 12)
                return null;
            return m.Groups["half"].Value.Equals("đầu", StringComparison.OrdinalIgnoreCase) ? MonthEnd(y, n) : new DateOnly(y, 12, 31);
        }
        if (m.Groups["nua"].Success)
            return m.Groups["nua"].Value.Equals("đầu", StringComparison.OrdinalIgnoreCase) ? new DateOnly(y, 6, 30) : new DateOnly(y, 12, 31);
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
                return null;
            if (!m.Groups["y"].Success && issued is { } d && MonthEnd(y, month) < d)
                y++;
            return before ? new DateOnly(y, month, 1).AddDays(-1) : MonthEnd(y, month);
        }
        return m.Groups["y"].Success ? new DateOnly(y, 12, 31) : null;
    }

    // What may stand right before a deadline, at the end of the 48 characters before it.
    private static string? CueBefore(string text, int at)
    {
        var from = Math.Max(0, at - 48);
        return Cue().Match(text, from, at - from) is { Success: true } cue ? cue.Value.Trim() : null;
    }

    public static DateOnly OnOrAfter(int day, int month, DateOnly from)
    {
        for (var year = from.Year; ; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) >= from)
                return new DateOnly(year, month, day);
        }
    }

    private static DateOnly NextDayOfMonth(int day, DateOnly from)
    {
        var month = new DateOnly(from.Year, from.Month, 1);
        while (day > DateTime.DaysInMonth(month.Year, month.Month) || new DateOnly(month.Year, month.Month, day) < from)
            month = month.AddMonths(1);
        return new DateOnly(month.Year, month.Month, day);
    }

    private static DateOnly NextInQuarterEnd(int day, DateOnly from)
    {
        var month = new DateOnly(from.Year, QuarterOf(from.Month) * 3, 1);
        while (day > DateTime.DaysInMonth(month.Year, month.Month) || new DateOnly(month.Year, month.Month, day) < from)
            month = month.AddMonths(3);
        return new DateOnly(month.Year, month.Month, day);
    }

    private static int QuarterOf(int month) => (month + 2) / 3;

    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int Quarter(string q) => q.ToUpperInvariant() switch
    {
        "I" or "1" => 1,
        "II" or "2" => 2,
        "III" or "3" => 3,
        "IV" or "4" => 4,
        _ => 0,
    };

    [GeneratedRegex(@"(?<![\p{L}])(?:thường xuyên|liên tục|lâu dài)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Ongoing();

    [GeneratedRegex(@"(?<![\p{L}])(?:hằng|hàng|mỗi)\s+(?<unit>tháng|quý|năm)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Recurring();

    [GeneratedRegex(@"(?<![\p{L}])trong\s+(?:vòng\s+|thời hạn\s+)?(?<n>\d{1,3})\s+ngày(?:\s+làm việc)?,?\s+(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?:ký|ban hành|nhận)", RegexOptions.IgnoreCase)]
    private static partial Regex FromSigning();

    // "ngày 10 hằng tháng", "ngày 20 của tháng cuối quý".
    [GeneratedRegex(@"(?<![\p{L}])ngày\s+(?<d>\d{1,2})\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+tháng|(?<quarter>tháng\s+cuối\s+(?:mỗi\s+|của\s+)?quý))", RegexOptions.IgnoreCase)]
    private static partial Regex DayOfPeriod();

    [GeneratedRegex(@"(?<![\p{L}])ngày\s+(?<d>[1-9]|[12]\d|3[01])(?!\d|\s*[/.\-]\s*\d|\s+tháng)", RegexOptions.IgnoreCase)]
    private static partial Regex BareDay();

    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:quý\s+(?<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*(?<y>\d{4}))?" +
        @"|(?<months>\d{1,2})\s+tháng\s+(?<half>đầu|cuối)\s+năm(?:\s+(?<y>\d{4}))?" +
        @"|nửa\s+(?<nua>đầu|cuối)\s+năm(?:\s+(?<y>\d{4}))?" +
        @"|tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?(?![\d/])" +
        @"|năm\s+(?<y>\d{4}))(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(
        @"(?<![\p{L}])(?:trước|chậm nhất|hoàn thành|xong|đến|hết|hạn|trong|vào|cuối|thời gian[\p{L} ]{0,20}:|thời hạn[\p{L} ]{0,12}:|tiến độ:)" +
        @"(?:\s*(?:là|ngày|trước|trong|vào|hết|cuối|năm|xong|:))*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();
}
