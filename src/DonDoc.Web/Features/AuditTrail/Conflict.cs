using System.Globalization;
using DonDoc.Web.Data;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.AuditTrail;

/// <summary>One field that changed after the caller read the record, as invariant text.</summary>
public sealed record FieldChange(string Field, string? Yours, string? Current);

/// <summary>A change refused because the record changed after the caller read it, with what changed.</summary>
/// <param name="Actions">What was done meanwhile ("Báo cáo tiến độ 50%"), oldest first.</param>
public sealed record Conflict(string Table, string What, int YourVersion, int? CurrentVersion, IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<string> Actions, string? ChangedBy, DateTime? ChangedAtUtc)
{
    // Set when the race was not over one record's version (two reports of one figure at once).
    public string? Reason { get; init; }

    public string Message => Reason ?? (CurrentVersion is { } current
        ? $"{What} đã được cập nhật lên phiên bản {current} sau khi bạn mở phiên bản {YourVersion}; thao tác của bạn chưa được thực hiện để không ghi đè thay đổi đó."
        : $"{What} đã bị xóa sau khi bạn mở; thao tác của bạn chưa được thực hiện.");

    /// <summary>The message with what was done and what changed, for pages that show a refusal as one line.</summary>
    public string Summary
    {
        get
        {
            var text = Message;
            if (Actions.Count > 0)
                text += $" Trong lúc đó: {string.Join("; ", Actions)}.";
            if (Changes.Count > 0)
                text += $" Đã thay đổi: {string.Join("; ", Changes.Select(c =>
                    $"{AuditText.FieldLabel(c.Field)}: {AuditText.Value(Table, c.Field, c.Yours)} → {AuditText.Value(Table, c.Field, c.Current)}"))}.";
            return text;
        }
    }

    public const string Title = "Dữ liệu đã bị thay đổi";

    /// <summary>After a save lost the race between its read and its write: what the winner changed.</summary>
    public static Task<Conflict> OfAsync(AppDb db, DbUpdateConcurrencyException e, Func<object, string> what, CancellationToken ct)
    {
        var entry = e.Entries.FirstOrDefault(x => x.Entity is IVersioned) ?? e.Entries[0];
        var read = entry.Entity is IVersioned ? entry.Property(nameof(IVersioned.Version)).OriginalValue as int? ?? 0 : 0;
        return SinceAsync(db, entry.Entity, read, what(entry.Entity), ct);
    }

    /// <summary>
    /// What changed in a record since the version the caller read, field by field: the value at that
    /// version, read from the audit entries of the changes since, and the value the database has now.
    /// </summary>
    public static async Task<Conflict> SinceAsync(AppDb db, object entity, int yourVersion, string what, CancellationToken ct)
    {
        var entry = db.Entry(entity);
        var type = entry.Metadata;
        var table = Audit.TableOf(type);
        object? Original(Microsoft.EntityFrameworkCore.Metadata.IProperty p) => entry.Property(p.Name).OriginalValue;
        var key = Audit.KeyOf(type, Original);
        var (recordType, recordId) = Audit.RecordOf(type, Original, key);
        var current = await entry.GetDatabaseValuesAsync(ct);
        if (current is null)
            return new Conflict(table, what, yourVersion, null, [], [], null, null);

        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == recordId && e.EntityType == table && e.EntityId == key
                && e.Action == AuditAction.Modified)
            .OrderBy(e => e.Id)
            .Select(e => new { e.UserName, e.AtUtc, e.Changes, e.Detail })
            .ToListAsync(ct);
        var yours = new Dictionary<string, string?>();
        var order = new List<string>();
        var actions = new List<string>();
        string? changedBy = null;
        DateTime? changedAt = null;
        foreach (var row in rows)
        {
            var changes = Audit.ParseChanges(row.Changes);
            if (changes.FirstOrDefault(c => c.Field == nameof(IVersioned.Version)) is not { New: { } reached }
                || !int.TryParse(reached, CultureInfo.InvariantCulture, out var version) || version <= yourVersion)
                continue;
            foreach (var change in changes.Where(c => yours.TryAdd(c.Field, c.Old)))
                order.Add(change.Field);
            if (row.Detail is { Length: > 0 } detail)
                actions.Add(detail);
            changedBy = row.UserName;
            changedAt = DateTime.SpecifyKind(row.AtUtc, DateTimeKind.Utc);
        }
        var fields = order
            .Where(f => !AuditText.IsTechnical(f) && type.FindProperty(f) is { } p && !Audit.IsSecret(p))
            .Select(f => new FieldChange(f, yours[f], Audit.Text(current[f])))
            .Where(c => c.Yours != c.Current)
            .ToList();
        var currentVersion = entity is IVersioned ? current[nameof(IVersioned.Version)] as int? : null;
        return new Conflict(table, what, yourVersion, currentVersion ?? yourVersion + 1, fields, actions, changedBy, changedAt);
    }

    /// <summary>The 409 problem+json body: what changed, your value and the current one, and the current version.</summary>
    public ProblemDetails ToProblem() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = Title,
        Detail = Message,
        Extensions =
        {
            ["version"] = CurrentVersion,
            ["yourVersion"] = YourVersion,
            ["changedBy"] = ChangedBy,
            ["changedAt"] = ChangedAtUtc,
            ["actions"] = Actions,
            ["changes"] = Changes.Select(c => new ConflictField(c.Field, AuditText.FieldLabel(c.Field), c.Yours, c.Current)).ToList(),
        },
    };
}

public sealed record ConflictField(string Field, string Label, string? Yours, string? Current);
