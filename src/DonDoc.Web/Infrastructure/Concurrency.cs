using System.Globalization;
using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Primitives;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// A record people change through forms and the API. AppDb raises <see cref="Version"/> with every
/// saved change and EF checks it in the UPDATE, so a save that started from an older read fails
/// instead of overwriting what someone else saved in between.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>One field that changed after the caller read the record, as invariant text.</summary>
public sealed record FieldChange(string Field, string? Yours, string? Current);

/// <summary>A change refused because the record changed after the caller read it, with what changed.</summary>
/// <param name="Actions">What was done meanwhile ("Báo cáo tiến độ 50%"), oldest first.</param>
public sealed record Conflict(string Table, string What, int YourVersion, int? CurrentVersion, IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<string> Actions, string? ChangedBy, DateTime? ChangedAtUtc)
{
    public string Message => CurrentVersion is { } current
        ? $"{What} đã được cập nhật lên phiên bản {current} sau khi bạn mở phiên bản {YourVersion}; thao tác của bạn chưa được thực hiện để không ghi đè thay đổi đó."
        : $"{What} đã bị xóa sau khi bạn mở; thao tác của bạn chưa được thực hiện.";

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
}

public sealed record ConflictField(string Field, string Label, string? Yours, string? Current);

public static class Versions
{
    public const string ConflictTitle = "Dữ liệu đã bị thay đổi";

    /// <summary>New rows start at 1; a changed row goes one up from the version it was read at.</summary>
    internal static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            var version = entry.Property<int>(nameof(IVersioned.Version));
            if (entry.State == EntityState.Added && version.CurrentValue == 0)
                version.CurrentValue = 1;
            // Already raised by Touch: once per save.
            else if (entry.State == EntityState.Modified && !version.IsModified && entry.Properties.Any(p => p.IsModified))
                version.CurrentValue = version.OriginalValue + 1;
        }
    }

    /// <summary>
    /// Counts an action on what belongs to a record (a progress report, an extension request, children
    /// handed down) as a change of the record, even when none of its own columns changes: a client
    /// holding the version from before must not act as if nothing had happened.
    /// </summary>
    public static void Touch(DbContext db, IVersioned record)
    {
        var version = db.Entry(record).Property<int>(nameof(IVersioned.Version));
        if (!version.IsModified)
            version.CurrentValue = version.OriginalValue + 1;
    }

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// Reads the version a client read from If-Match: "3" (also W/"3" or 3). No header, or "*",
    /// asks for no check. False when the header is there but names no single version.
    /// </summary>
    public static bool TryParseIfMatch(StringValues header, out int? version)
    {
        version = null;
        var values = header.SelectMany(h => (h ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values is [] or ["*"])
            return true;
        if (values is not [var value])
            return false;
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            value = value[1..^1];
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        version = parsed;
        return true;
    }

    /// <summary>After a save lost the race between its read and its write: what the winner changed.</summary>
    public static Task<Conflict> ConflictAsync(AppDb db, DbUpdateConcurrencyException e, Func<object, string> what, CancellationToken ct)
    {
        var entry = e.Entries.FirstOrDefault(x => x.Entity is IVersioned) ?? e.Entries[0];
        var read = entry.Entity is IVersioned ? entry.Property(nameof(IVersioned.Version)).OriginalValue as int? ?? 0 : 0;
        return ConflictAsync(db, entry.Entity, read, what(entry.Entity), ct);
    }

    /// <summary>
    /// What changed in a record since the version the caller read, field by field: the value at that
    /// version, read from the audit entries of the changes since, and the value the database has now.
    /// </summary>
    public static async Task<Conflict> ConflictAsync(AppDb db, object entity, int yourVersion, string what, CancellationToken ct)
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

    /// <summary>409 in problem+json: what changed, your value and the current one, and the current version as ETag.</summary>
    public static IResult ToResult(this Conflict conflict, HttpContext http)
    {
        if (conflict.CurrentVersion is { } version)
            http.Response.Headers.ETag = ETag(version);
        return TypedResults.Problem(
            title: ConflictTitle,
            detail: conflict.Message,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["version"] = conflict.CurrentVersion,
                ["yourVersion"] = conflict.YourVersion,
                ["changedBy"] = conflict.ChangedBy,
                ["changedAt"] = conflict.ChangedAtUtc,
                ["actions"] = conflict.Actions,
                ["changes"] = conflict.Changes
                    .Select(c => new ConflictField(c.Field, AuditText.FieldLabel(c.Field), c.Yours, c.Current)).ToList(),
            });
    }
}

public static class VersionConfiguration
{
    /// <summary>
    /// A concurrency token EF writes itself on every insert and update; the database default only
    /// serves rows written before the column existed and rows the bulk scale load writes.
    /// </summary>
    public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<int> IsVersion(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<int> property) =>
        property.IsConcurrencyToken().HasDefaultValue(0).ValueGeneratedNever();
}

/// <summary>The If-Match header of an API request, bound as an endpoint parameter; Valid is false when it names no single version.</summary>
public sealed record IfMatch(HttpContext Http, int? Version, bool Valid)
{
    public static ValueTask<IfMatch?> BindAsync(HttpContext http) =>
        ValueTask.FromResult<IfMatch?>(Versions.TryParseIfMatch(http.Request.Headers.IfMatch, out var version)
            ? new IfMatch(http, version, true)
            : new IfMatch(http, null, false));
}
