using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>A calendar day as a text writes it; the year may be missing ("ngày 8/1").</summary>
internal readonly record struct TextDate(int Day, int Month, int? Year)
{
    public DateOnly? ToDate() => Year is { } year ? new DateOnly(year, Month, Day) : null;

    public string Iso() => Year is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{Month:00}-{Day:00}")
        : string.Create(CultureInfo.InvariantCulture, $"--{Month:00}-{Day:00}");
}

internal static partial class VnDates
{
    /// <summary>
    /// "30/5/2019", "30-5-2019", "30.5.2019", "30/5", "30-5", "30.5", "30 tháng 5 năm 2019", "30 tháng 5", and the last day
    /// of a span ("12-13/1", whose first day the caller reads from its cue). A bare
    /// "30-5" or "30.5" only counts where the caller has a cue such as "ngày" before it.
    /// </summary>
    [GeneratedRegex(@"(?:(?<![\p{L}\d.,/-])|(?<=(?<![\p{L}\d.,/-])\d{1,2}\s?[-–]\s?))(?:(?<d>\d{1,2})(?<sep>[/.-])(?<m>\d{1,2})(?:\k<sep>(?<y>\d{4}))?|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})(?:\s*,?\s*năm\s+(?<y>\d{4}))?)(?![\d%]|[.,/-]\d)", RegexOptions.IgnoreCase)]
    public static partial Regex Pattern();

    /// <summary>
    /// The year of a date written without one, from a date known to come after it (the report's own date):
    /// the last such day on or before <paramref name="reference"/>; null where that day does not exist.
    /// </summary>
    public static DateOnly? OnOrBefore(TextDate date, DateOnly reference)
    {
        if (date.ToDate() is { } full)
            return full;
        var year = (date.Month, date.Day).CompareTo((reference.Month, reference.Day)) <= 0 ? reference.Year : reference.Year - 1;
        return date.Day <= DateTime.DaysInMonth(year, date.Month) ? new DateOnly(year, date.Month, date.Day) : null;
    }

    /// <summary>"ngày 16/12/2021" and the like at the start of the text given.</summary>
    [GeneratedRegex(@"\Gngày\s+(?=\d)", RegexOptions.IgnoreCase)]
    public static partial Regex DayWord();

    public static bool TryRead(Match m, out TextDate date)
    {
        date = default;
        var day = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12 || year is < 1900 or > 2100 || day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month))
            return false;
        date = new TextDate(day, month, year);
        return true;
    }

    /// <summary>A date right after "ngày" at <paramref name="start"/>: "ngày 7/12/2020", "ngày 30 tháng 5 năm 2019".</summary>
    public static bool TryReadAfterDayWord(string text, int start, out TextDate date, out int end)
    {
        date = default;
        end = start;
        var word = DayWord().Match(text, start);
        if (!word.Success)
            return false;
        var m = Pattern().Match(text, word.Index + word.Length);
        if (!m.Success || m.Index != word.Index + word.Length || !TryRead(m, out date))
            return false;
        end = m.Index + m.Length;
        return true;
    }
}
