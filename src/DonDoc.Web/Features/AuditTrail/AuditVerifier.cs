using DonDoc.Text;
using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.AuditTrail;

/// <summary>Where the chain first breaks: the entry altered, or the first one missing.</summary>
public sealed record AuditBreak(long Id, DateTime? AtUtc, string Problem)
{
    public string Message =>
        $"Nhật ký đã bị can thiệp: mục số {Id}{(AtUtc is { } at ? $" (ghi lúc {AuditText.LocalTime(at)})" : "")} {Problem}";
}

public sealed record AuditVerification(long Count, string LastHash, AuditBreak? Break)
{
    public bool Intact => Break is null;

    public string Message => Break?.Message ?? $"Nhật ký toàn vẹn: {VnFormat.Number(Count)} mục.";
}

/// <summary>
/// Walks the audit chain in order and recomputes every hash. Removing entries from the end of the
/// chain leaves no gap to find: compare the last hash it prints with one kept elsewhere.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDb db, CancellationToken ct = default)
    {
        long count = 0;
        AuditEntry? previous = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var expected = (previous?.Id ?? 0) + 1;
            if (entry.Id > expected)
                return Broken(new AuditBreak(expected, null, entry.Id - 1 > expected
                    ? $"đến mục số {entry.Id - 1} đã bị xóa (mục tiếp theo còn lại là số {entry.Id})."
                    : $"đã bị xóa (mục tiếp theo còn lại là số {entry.Id})."));
            if (entry.Id < expected)
                return Broken(new AuditBreak(entry.Id, entry.AtUtc, $"bị đánh số lại: đáng lẽ là mục số {expected}."));
            if (Audit.HashOf(entry) != entry.Hash)
                return Broken(new AuditBreak(entry.Id, entry.AtUtc,
                    "đã bị sửa, đánh tráo hoặc đổi thứ tự: nội dung không khớp với mã băm đã lưu."));
            if (entry.PrevHash != (previous?.Hash ?? Audit.Genesis))
                return Broken(previous is null
                    ? new AuditBreak(entry.Id, entry.AtUtc, "không nối với điểm đầu của chuỗi: các mục trước nó đã bị xóa.")
                    : new AuditBreak(previous.Id, previous.AtUtc,
                        $"đã bị sửa rồi tính lại mã băm: mã băm của nó không còn khớp với liên kết lưu ở mục số {entry.Id}."));
            previous = entry;
            count++;
        }
        return new AuditVerification(count, previous?.Hash ?? Audit.Genesis, null);

        AuditVerification Broken(AuditBreak at) => new(count, previous?.Hash ?? Audit.Genesis, at);
    }
}
