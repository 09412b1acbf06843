using DonDoc.Text;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;

namespace DonDoc.Web.Features.Dashboard;

public static class DashboardArgs
{
    /// <summary>Reads ?asOf=yyyy-MM-dd (dd/MM/yyyy too); a day after today is refused.</summary>
    public static Outcome<DateOnly?> ParseAsOf(string? asOf, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(asOf))
            return new Outcome<DateOnly?>(null, null);
        if (!VnFormat.TryParseDate(asOf, out var day))
            return Problems.Of("asOf", $"Ngày “{asOf}” không đúng dạng yyyy-MM-dd hoặc dd/MM/yyyy.");
        if (!InputRules.InWindow(day))
            return Problems.Of("asOf", InputRules.OutOfWindow(day));
        if (day > today)
            return Problems.Of("asOf", $"Ngày {VnFormat.Date(day)} ở sau hôm nay ({VnFormat.Date(today)}).");
        return new Outcome<DateOnly?>(day, null);
    }
}
