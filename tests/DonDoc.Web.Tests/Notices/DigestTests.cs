using DonDoc.Web.Features.Notices;

namespace DonDoc.Web.Tests.Notices;

public sealed class DigestTests
{
    private static readonly MailOptions Mail = new() { BaseUrl = "https://dondoc.example.vn/" };

    [Fact]
    public void Notices_are_grouped_by_kind_the_most_pressing_first_each_with_its_task_link()
    {
        var (subject, body) = Digest.Compose("Nguyễn Văn An", new DateOnly(2026, 12, 7),
        [
            new DigestItem(NoticeKind.Assigned, 11, "Đơn vị của bạn được giao chủ trì “A”."),
            new DigestItem(NoticeKind.Overdue, 12, "“B” đã quá hạn (hạn 05/12/2026)."),
            new DigestItem(NoticeKind.Assigned, 13, "Đơn vị của bạn được giao chủ trì “C”."),
            new DigestItem(NoticeKind.Returned, 14, "“D” bị trả lại: thiếu số liệu"),
        ], Mail);

        Assert.Equal("DonDoc: 4 thông báo ngày 07/12/2026", subject);
        var lines = body.Split('\n');
        var headings = lines.Where(l => l.EndsWith(')') && !l.StartsWith('-') && !l.StartsWith(' ')).ToList();
        Assert.Equal(["Quá hạn (1)", "Bị trả lại (1)", "Được giao (2)"], headings);
        var assigned = Array.IndexOf(lines, "Được giao (2)");
        Assert.Equal("- Đơn vị của bạn được giao chủ trì “A”.", lines[assigned + 1]);
        Assert.Equal("  https://dondoc.example.vn/Tasks/Details/11", lines[assigned + 2]);
        Assert.Equal("  https://dondoc.example.vn/Tasks/Details/13", lines[assigned + 4]);
        Assert.StartsWith("Kính gửi Nguyễn Văn An,", body);
        Assert.Contains("https://dondoc.example.vn/Notices/Preferences", body);
    }

    [Fact]
    public void The_outbox_waits_twice_as_long_after_each_refusal_up_to_six_hours()
    {
        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(a => MailOutbox.Backoff(a).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(6), MailOutbox.Backoff(30));
    }
}
