using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Web.Features.Indicators;

public enum PeriodKind
{
    Month,
    Quarter,
    // "6 tháng đầu năm" and "9 tháng": from January, as the Party's periodic reports count them.
    HalfYear,
    NineMonths,
    Year,
    // A committee's term, "2020–2025": Year is its first year, Number its last.
    Term,
}

/// <summary>
/// A reporting period (kỳ báo cáo). Written in addresses and forms as "2026-T09", "2026-Q3", "2026-6T", "2026-9T",
/// "2026" or "2020-2025"; shown as "tháng 9/2026", "quý III/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026",
/// "năm 2026", "nhiệm kỳ 2020–2025".
/// </summary>
public readonly partial record struct Period(PeriodKind Kind, int Year, int Number)
{
    public static Period Month(int year, int month) => new(PeriodKind.Month, year, month);
    public static Period Quarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);
    public static Period HalfYear(int year) => new(PeriodKind.HalfYear, year, 1);
    public static Period NineMonths(int year) => new(PeriodKind.NineMonths, year, 1);
    public static Period OfYear(int year) => new(PeriodKind.Year, year, 1);
    public static Period Term(int from, int to) => new(PeriodKind.Term, from, to);

    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, Number * 3 - 2, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1).AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1),
        PeriodKind.HalfYear => new DateOnly(Year, 6, 30),
        PeriodKind.NineMonths => new DateOnly(Year, 9, 30),
        PeriodKind.Term => new DateOnly(Number, 12, 31),
        _ => new DateOnly(Year, 12, 31),
    };

    public int LastYear => Kind == PeriodKind.Term ? Number : Year;

    /// <summary>The same period a year earlier, or the term before, for "so với cùng kỳ".</summary>
    public Period YearBefore() => Kind == PeriodKind.Term
        ? new Period(Kind, Year - (Number - Year), Year)
        : this with { Year = Year - 1 };

    /// <summary>The same kind of period in another year ("so với năm 2020").</summary>
    public Period InYear(int year) => Kind == PeriodKind.Term ? this : this with { Year = year };

    /// <summary>
    /// The reporting periods of kind <paramref name="every"/> this period is made of, in order; empty when it cannot be
    /// made of them (a month of an indicator reported by quarter).
    /// </summary>
    public IReadOnlyList<Period> Parts(PeriodKind every)
    {
        if (every == Kind)
            return [this];
        var (first, last) = (Start, End);
        var parts = new List<Period>();
        switch (every)
        {
            case PeriodKind.Month:
                for (var d = first; d <= last; d = d.AddMonths(1))
                    parts.Add(Month(d.Year, d.Month));
                break;
            case PeriodKind.Quarter when Kind != PeriodKind.Month:
                for (var d = first; d <= last; d = d.AddMonths(3))
                    parts.Add(Quarter(d.Year, (d.Month - 1) / 3 + 1));
                break;
            case PeriodKind.Year when Kind == PeriodKind.Term:
                for (var y = Year; y <= Number; y++)
                    parts.Add(OfYear(y));
                break;
        }
        return parts;
    }

    public string Key => Kind switch
    {
        PeriodKind.Month => $"{Year}-T{Number:00}",
        PeriodKind.Quarter => $"{Year}-Q{Number}",
        PeriodKind.HalfYear => $"{Year}-6T",
        PeriodKind.NineMonths => $"{Year}-9T",
        PeriodKind.Term => $"{Year}-{Number}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public string Label => Kind switch
    {
        PeriodKind.Month => $"tháng {Number}/{Year}",
        PeriodKind.Quarter => $"quý {Roman[Number - 1]}/{Year}",
        PeriodKind.HalfYear => $"6 tháng đầu năm {Year}",
        PeriodKind.NineMonths => $"9 tháng năm {Year}",
        PeriodKind.Term => $"nhiệm kỳ {Year}–{Number}",
        _ => $"năm {Year}",
    };

    public override string ToString() => Key;

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>Reads a period as <see cref="Key"/> writes it; null with the reason when it is not one.</summary>
    public static (Period? Period, string? Error) Parse(string? text)
    {
        var m = KeyPattern().Match(text?.Trim() ?? "");
        if (!m.Success)
            return (null, $"Kỳ \"{text}\" không đúng dạng: 2026 (năm), 2026-Q3 (quý), 2026-T09 (tháng), 2026-6T, 2026-9T, 2020-2025 (nhiệm kỳ).");
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1945 or > 2100)
            return (null, $"Năm {year} của kỳ báo cáo nằm ngoài khoảng nhận được, từ 1945 đến 2100.");
        Period period;
        if (m.Groups["m"].Success)
            period = Month(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        else if (m.Groups["q"].Success)
            period = Quarter(year, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture));
        else if (m.Groups["h"].Success)
            period = m.Groups["h"].Value == "6" ? HalfYear(year) : NineMonths(year);
        else if (m.Groups["to"].Success)
            period = Term(year, int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture));
        else
            period = OfYear(year);
        return period switch
        {
            { Kind: PeriodKind.Month, Number: < 1 or > 12 } => (null, $"Tháng {period.Number} không có: tháng từ 01 đến 12."),
            { Kind: PeriodKind.Quarter, Number: < 1 or > 4 } => (null, $"Quý {period.Number} không có: quý từ 1 đến 4."),
            { Kind: PeriodKind.Term } when period.Number <= year || period.Number - year > 10 =>
                (null, $"Nhiệm kỳ {year}–{period.Number} không hợp lệ: năm cuối phải sau năm đầu, không quá 10 năm."),
            _ => (period, null),
        };
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-T(?<m>\d{1,2})|-Q(?<q>\d)|-(?<h>[69])T|-(?<to>\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyPattern();
}
