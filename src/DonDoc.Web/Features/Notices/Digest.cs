using System.Text;
using DonDoc.Text;

namespace DonDoc.Web.Features.Notices;

public sealed record DigestItem(NoticeKind Kind, int TaskId, string Text);

/// <summary>The daily mail: a person's unread notices grouped by what they ask (the most pressing first), each with its task's link.</summary>
public static class Digest
{
    // The order of the groups in the mail: what is late, then what waits for the reader, then news.
    private static readonly NoticeKind[] Order =
    [
        NoticeKind.Escalation, NoticeKind.Overdue, NoticeKind.AwaitingDecision, NoticeKind.Returned,
        NoticeKind.DueSoon, NoticeKind.Assigned, NoticeKind.ExtensionDecided,
    ];

    public static (string Subject, string Body) Compose(string name, DateOnly day, IReadOnlyList<DigestItem> items, MailOptions mail)
    {
        var subject = $"DonDoc: {items.Count} thông báo ngày {VnFormat.Date(day)}";
        var body = new StringBuilder();
        body.Append("Kính gửi ").Append(name).Append(",\n\n");
        body.Append("DonDoc tổng hợp các thông báo về nhiệm vụ mà bạn chưa đọc:\n");
        foreach (var group in items.GroupBy(i => i.Kind).OrderBy(g => Array.IndexOf(Order, g.Key)))
        {
            body.Append('\n').Append(Notice.Label(group.Key)).Append(" (").Append(group.Count()).Append(")\n");
            foreach (var item in group)
                body.Append("- ").Append(item.Text).Append('\n').Append("  ").Append(mail.Link($"/Tasks/Details/{item.TaskId}")).Append('\n');
        }
        body.Append("\nXem tất cả thông báo: ").Append(mail.Link("/Notices")).Append('\n');
        body.Append("Đổi giờ nhận hoặc thôi nhận thư này: ").Append(mail.Link("/Notices/Preferences")).Append('\n');
        return (subject, body.ToString().Normalize(NormalizationForm.FormC));
    }
}
