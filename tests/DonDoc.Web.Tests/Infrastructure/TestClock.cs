using DonDoc.Web.Infrastructure;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>A clock the tests set by hand; the app reads "today" from it in Asia/Ho_Chi_Minh.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    // Ticks rather than a DateTimeOffset so that a read racing a write never sees half a value.
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => Clock.Zone;

    public DateOnly Today => Clock.LocalDate(GetUtcNow().UtcDateTime);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    /// <summary>Sets the clock to a wall-clock time in Hà Nội.</summary>
    public void SetLocal(DateOnly day, int hour = 9, int minute = 0) =>
        Set(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Clock.Zone)));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public static TestClock AtLocal(DateOnly day, int hour = 9, int minute = 0)
    {
        var clock = new TestClock(DateTimeOffset.UnixEpoch);
        clock.SetLocal(day, hour, minute);
        return clock;
    }
}
