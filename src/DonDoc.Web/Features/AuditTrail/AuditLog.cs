using System.Globalization;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.AuditTrail;

/// <summary>One field of a change as people read it; Old is null for a field of a new row.</summary>
public sealed record AuditFieldView(string Label, string? Old, string New);

public sealed record AuditEntryView(long Id, DateTime AtUtc, string At, string User, string? Ip, string Action, string? Detail,
    IReadOnlyList<AuditFieldView> Fields);

public sealed record AuditLogView(IReadOnlyList<AuditEntryView> Entries, bool More)
{
    public static readonly AuditLogView Empty = new([], false);
}

/// <summary>The "Nhật ký thay đổi" of a record: its audit entries, newest first, in Vietnamese.</summary>
public static class AuditLog
{
    public const int Limit = 100;

    /// <summary>The entries of a record (for a task, also of the rows that belong to it), except those of the given tables.</summary>
    public static async Task<AuditLogView> ForRecordAsync(AppDb db, UserScope scope, string recordType, int id, CancellationToken ct, params string[] exceptTables)
    {
        var recordId = id.ToString(CultureInfo.InvariantCulture);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.RecordType == recordType && e.RecordId == recordId);
        if (exceptTables.Length > 0)
            query = query.Where(e => !exceptTables.Contains(e.EntityType!));
        var entries = await query.OrderByDescending(e => e.Id).Take(Limit + 1).ToListAsync(ct);
        var parsed = entries.Take(Limit).Select(e => (Entry: e, Changes: Audit.ParseChanges(e.Changes))).ToList();

        var names = await NamesAsync(db, scope, parsed.SelectMany(p => p.Changes.SelectMany(c =>
            new[] { (p.Entry.EntityType, c.Field, c.Old), (p.Entry.EntityType, c.Field, c.New) })), ct);

        var views = parsed.Select(p =>
        {
            var e = p.Entry;
            var action = AuditText.ActionLabel(e.Action);
            // A row that belongs to the record (a coordinator of the task) says what it is.
            if (e.EntityType is { } table && table != recordType)
                action += " " + AuditText.TableLabel(table);
            var fields = p.Changes
                .Where(c => !AuditText.IsTechnical(c.Field) && !(e.EntityType != recordType && c.Field == "TaskId"))
                .Select(c => new AuditFieldView(
                    AuditText.FieldLabel(c.Field),
                    e.Action == AuditAction.Added ? null : AuditText.Value(e.EntityType, c.Field, c.Old, names),
                    AuditText.Value(e.EntityType, c.Field, e.Action == AuditAction.Deleted ? c.Old : c.New, names)))
                .ToList();
            var utc = DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc);
            return new AuditEntryView(e.Id, utc, AuditText.LocalTime(utc), e.UserName, e.IpAddress, action, e.Detail, fields);
        }).ToList();
        return new AuditLogView(views, entries.Count > Limit);
    }

    /// <summary>How to name the units, tasks, documents and terms the values refer to by id.</summary>
    private static async Task<Dictionary<(string Table, int Id), string>> NamesAsync(AppDb db, UserScope scope,
        IEnumerable<(string? Table, string Field, string? Value)> values, CancellationToken ct)
    {
        var ids = values
            .Select(v => (Table: AuditText.ReferenceOf(v.Table, v.Field), Id: int.TryParse(v.Value, CultureInfo.InvariantCulture, out var id) ? id : (int?)null))
            .Where(v => v.Table is not null && v.Id is not null)
            .GroupBy(v => v.Table!, v => v.Id!.Value)
            .ToDictionary(g => g.Key, g => g.Distinct().ToList());
        var names = new Dictionary<(string Table, int Id), string>();
        if (ids.TryGetValue("Units", out var units))
            foreach (var u in await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                names[("Units", u.Id)] = u.Name;
        // A task or document outside what the reader sees (the task above one handed down) is named by its number only.
        var tasks = ids.GetValueOrDefault("Tasks", []);
        foreach (var id in tasks)
            names[("Tasks", id)] = $"nhiệm vụ số {id}";
        foreach (var t in await scope.Visible(db.Tasks.AsNoTracking()).Where(t => tasks.Contains(t.Id)).Select(t => new { t.Id, t.Title }).ToListAsync(ct))
            names[("Tasks", t.Id)] = t.Title;
        var documents = ids.GetValueOrDefault("Documents", []);
        foreach (var id in documents)
            names[("Documents", id)] = $"văn bản số {id}";
        foreach (var d in await scope.Visible(db.Documents.AsNoTracking()).Where(d => documents.Contains(d.Id)).Select(d => new { d.Id, d.Symbol }).ToListAsync(ct))
            names[("Documents", d.Id)] = d.Symbol;
        if (ids.TryGetValue("Terms", out var terms))
            foreach (var t in await db.Terms.AsNoTracking().Where(t => terms.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
                names[("Terms", t.Id)] = t.Name;
        return names;
    }

    /// <summary>A refused change's fields as people read them: label, the value read, the value now.</summary>
    public static async Task<IReadOnlyList<(string Label, string Yours, string Current)>> DescribeAsync(AppDb db, UserScope scope, Conflict conflict, CancellationToken ct)
    {
        var names = await NamesAsync(db, scope, conflict.Changes.SelectMany(c =>
            new[] { ((string?)conflict.Table, c.Field, c.Yours), (conflict.Table, c.Field, c.Current) }), ct);
        return conflict.Changes
            .Select(c => (AuditText.FieldLabel(c.Field), AuditText.Value(conflict.Table, c.Field, c.Yours, names),
                AuditText.Value(conflict.Table, c.Field, c.Current, names)))
            .ToList();
    }
}

/// <summary>A refused change as a page shows it.</summary>
public sealed record ConflictView(Conflict Conflict, IReadOnlyList<(string Label, string Yours, string Current)> Fields)
{
    // Where a page puts the conflict for the form's messages to show.
    public const string Key = "Conflict";

    public static async Task<ConflictView> OfAsync(AppDb db, UserScope scope, Conflict conflict, CancellationToken ct) =>
        new(conflict, await AuditLog.DescribeAsync(db, scope, conflict, ct));
}
