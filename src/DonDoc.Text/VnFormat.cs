using System.Globalization;

namespace DonDoc.Text;

/// <summary>vi-VN numbers and dates as the office writes them: "10.027", "102,9%", "08/07/2019".</summary>
public static partial class VnFormat
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd"];

    public static CultureInfo Culture { get; } = CreateCulture();

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Number(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    public static string Percent(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var format = decimals > 0 ? "#,##0." + new string('#', decimals) : "#,##0";
        return rounded.ToString(format, Culture) + "%";
    }

    /// <summary>A figure with up to two decimals, as many as it has: "10.027", "7,5", "83,33".</summary>
    public static string Figure(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.##", Culture);

    /// <summary>
    /// Reads a number the way the office writes it, "10.027" or "7,5" (also "10027"); a dot that does not group thousands
    /// ("7.5") is refused rather than guessed.
    /// </summary>
    public static bool TryParseNumber(string? s, out decimal value)
    {
        value = 0;
        var text = s?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (!NumberPattern().IsMatch(text))
            return false;
        return decimal.TryParse(text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex NumberPattern();

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d is { } date ? Date(date) : "";

    public static bool TryParseDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    /// <summary>Place and date line per Hướng dẫn 36-HD/VPTW: days below 10 and months 1–2 get a leading zero.</summary>
    public static string LongDate(string place, DateOnly d)
    {
        var month = d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {d.Day:00} tháng {month} năm {d.Year}";
    }

    // ICU data differs between machines; the separators the office uses are fixed here.
    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("vi-VN").Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberGroupSeparator = numbers.PercentGroupSeparator = numbers.CurrencyGroupSeparator = ".";
        numbers.NumberDecimalSeparator = numbers.PercentDecimalSeparator = numbers.CurrencyDecimalSeparator = ",";
        numbers.NegativeSign = "-";
        culture.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        culture.DateTimeFormat.DateSeparator = "/";
        return CultureInfo.ReadOnly(culture);
    }
}
