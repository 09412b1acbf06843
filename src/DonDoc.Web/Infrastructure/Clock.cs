namespace DonDoc.Web.Infrastructure;

/// <summary>"Today" for the office is the calendar date in Asia/Ho_Chi_Minh, whatever the server's zone.</summary>
public sealed class Clock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => LocalDate(UtcNow);

    public static DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The first UTC instant after the end of a local day.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);
}
