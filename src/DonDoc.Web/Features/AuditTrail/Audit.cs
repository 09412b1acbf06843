using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DonDoc.Web.Features.AuditTrail;

/// <summary>One field of one audited change, in invariant text (enum names, ISO dates).</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>Who makes a change and from where: the signed-in user of the request, or the system for verbs and seeds.</summary>
public readonly record struct Actor(string UserName, string? IpAddress)
{
    public const string System = "hệ thống";
    public const string Anonymous = "ẩn danh";

    public static Actor Of(HttpContext? http) => http is null
        ? new Actor(System, null)
        : new Actor(http.User.Identity is { IsAuthenticated: true, Name.Length: > 0 } identity ? identity.Name! : Anonymous, IpOf(http));

    public static string? IpOf(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;
}

public static class Audit
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string Hidden = "[đã ẩn]";

    // Any constant shared by every instance; only the audit append takes it.
    private const long ChainLock = 0x446F_6E44_6F63;

    private static readonly JsonSerializerOptions ChangesJson = new(JsonSerializerDefaults.Web)
    {
        // Stored, never written into HTML as is: Vietnamese stays readable in the table.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes a sign-in, sign-out or refused sign-in into the chain, in its own save. A null user
    /// name or address falls back to the request's. Anything else the context tracks is saved too.
    /// </summary>
    public static async Task RecordEventAsync(AppDb db, AuditAction kind, string? userName, string? ip, string? detail,
        CancellationToken ct = default)
    {
        if (kind is AuditAction.Added or AuditAction.Modified or AuditAction.Deleted)
            throw new ArgumentException("Thay đổi dữ liệu được ghi tự động khi lưu; ở đây chỉ ghi sự kiện đăng nhập, đăng xuất.", nameof(kind));
        // A refused sign-in records whatever name was typed: cut to the column, so a long one cannot fail the save.
        db.Add(new AuditEntry
        {
            Action = kind,
            UserName = string.IsNullOrWhiteSpace(userName) ? "" : Cut(userName.Trim(), 256),
            IpAddress = ip is null ? null : Cut(ip, 64),
            Detail = detail,
            PrevHash = "",
            Hash = "",
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    public static IReadOnlyList<AuditChange> ParseChanges(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<AuditChange>>(json, ChangesJson) ?? [];

    internal static string SerializeChanges(IEnumerable<AuditChange> changes) => JsonSerializer.Serialize(changes, ChangesJson);

    /// <summary>
    /// SHA-256 over the entry's fields and the previous hash, each written as its UTF-8 length, a
    /// colon, the text and a semicolon ("-;" for null): unambiguous, and independent of any serializer.
    /// </summary>
    public static string HashOf(AuditEntry e)
    {
        var text = new StringBuilder();
        void Field(string? value)
        {
            if (value is null)
                text.Append("-;");
            else
                text.Append(Encoding.UTF8.GetByteCount(value)).Append(':').Append(value).Append(';');
        }
        Field(e.Id.ToString(CultureInfo.InvariantCulture));
        Field(e.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Field(e.UserName);
        Field(e.IpAddress);
        Field(e.Action.ToString());
        Field(e.EntityType);
        Field(e.EntityId);
        Field(e.RecordType);
        Field(e.RecordId);
        Field(e.Changes);
        Field(e.Detail);
        Field(e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Milliseconds survive every database's timestamp type, so the hash reads back the same.</summary>
    internal static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>Invariant text of a property value, the same on every database.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// UnitStats are rollups recomputed from the tasks (TaskLedger.RebuildRollupsAsync gives them back
    /// whole), UnitCountSteps from their history (CountSteps.RebuildAsync): auditing them would copy every task change a dozen times and tell nothing new.
    /// The audit table does not audit itself. Notices and outgoing mail are messages about changes already
    /// audited, written for their readers. An issued report's file is not copied either: its SHA-256 is in the
    /// audited report row. A spreadsheet's preview is the uploaded rows awaiting confirmation; the tasks they become are audited.
    /// Indicator totals are sums of the audited actuals, like UnitStats.
    /// </summary>
    internal static bool IsAudited(IEntityType type) => type.ClrType != typeof(AuditEntry) && type.ClrType != typeof(UnitStat) && type.ClrType != typeof(UnitCountStep)
        && type.ClrType != typeof(Notices.Notice) && type.ClrType != typeof(Notices.OutgoingMail)
        && type.ClrType != typeof(Reports.IssuedReportFile) && type.ClrType != typeof(TaskImport.TaskImportPreview)
        && type.ClrType != typeof(Indicators.IndicatorTotal);

    // Credentials and key material must not be copied into a table many people read.
    internal static bool IsSecret(IProperty p) =>
        p.Name.EndsWith("Hash", StringComparison.Ordinal)
        || p.Name is "SecurityStamp"
        || (p.DeclaringType as IEntityType)?.GetTableName() switch
        {
            "AspNetUserTokens" => p.Name == "Value",
            "DataProtectionKeys" => p.Name == "Xml",
            _ => false,
        };

    internal static string TableOf(IEntityType type) => type.GetTableName() ?? type.ShortName();

    /// <summary>
    /// The record whose history shows a change: rows that belong to a task (coordinators, periods,
    /// reports, extension requests, history) show on the task; every other row on itself.
    /// </summary>
    internal static (string Type, string? Id) RecordOf(IEntityType type, Func<IProperty, object?> value, string? ownId)
    {
        if (type.ClrType != typeof(TaskItem)
            && type.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType.ClrType == typeof(TaskItem) && fk.Properties.Count == 1) is { } owner)
            return (TableOf(owner.PrincipalEntityType), Text(value(owner.Properties[0])));
        return (TableOf(type), ownId);
    }

    internal static string KeyOf(IEntityType type, Func<IProperty, object?> value) =>
        string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => Text(value(p))));

    /// <summary>
    /// Takes the chain for the rest of the transaction, before the save writes any row, so every
    /// audited writer takes its locks in the same order: on PostgreSQL a transaction-scoped advisory
    /// lock, released by the commit or rollback. SQLite needs nothing: EF begins its transactions
    /// with BEGIN IMMEDIATE, which already admits one writer at a time.
    /// </summary>
    internal static async Task LockChainAsync(AppDb db, AuditHead head, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Nhật ký thay đổi chỉ được ghi trong một giao dịch.");
        if (head.Holds(tx))
            return;
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
        head.Take(tx);
    }

    /// <summary>Numbers and links the new entries after the last one written; the chain must be locked.</summary>
    internal static async Task ChainAsync(AppDb db, AuditHead head, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var last = head.Last;
        if (last is null)
        {
            var row = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id)
                .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
            last = row is null ? (0, Genesis) : (row.Id, row.Hash);
        }
        var (id, hash) = last.Value;
        foreach (var entry in entries)
        {
            entry.Id = ++id;
            entry.PrevHash = hash;
            entry.Hash = hash = HashOf(entry);
        }
    }
}

/// <summary>
/// The chain's last entry as this transaction sees it. Holding the lock, the transaction is the
/// only writer, so the demo seed's thousand saves in one transaction read the last hash only once.
/// </summary>
internal sealed class AuditHead
{
    private DbTransaction? _transaction;

    public (long Id, string Hash)? Last { get; private set; }

    public bool Holds(DbTransaction tx) => ReferenceEquals(_transaction, tx);

    public void Take(DbTransaction tx)
    {
        _transaction = tx;
        Last = null;
    }

    // Called once the entries are saved; a failed save leaves the head where the database has it.
    public void Advance(AuditEntry last) => Last = (last.Id, last.Hash);
}

/// <summary>
/// What one save changes, gathered before each of the passes it writes in (the rows derived from its
/// changes, such as paths and history, come after the first), merged per row: a row added in the first
/// pass and given its path in the second is one "added" entry with its final values and keys.
/// </summary>
internal sealed class AuditCapture
{
    private sealed class Row(EntityEntry entry, EntityState state)
    {
        public EntityEntry Entry { get; } = entry;
        public EntityState State { get; set; } = state;
        // The values as the database had them before this save: changed properties, or all for a deletion.
        public Dictionary<IProperty, object?> Old { get; } = [];
    }

    private readonly Dictionary<object, Row> _rows = new(ReferenceEqualityComparer.Instance);
    private readonly List<Row> _order = [];
    private readonly List<AuditEntry> _events = [];

    public bool IsEmpty => _order.Count == 0 && _events.Count == 0;

    /// <summary>Refuses changed or deleted audit entries and takes new ones (sign-in events) off the tracker to chain them.</summary>
    public static AuditCapture Start(ChangeTracker tracker)
    {
        var trail = new AuditCapture();
        foreach (var entry in tracker.Entries<AuditEntry>().ToList())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Nhật ký thay đổi chỉ được ghi thêm: không được sửa hay xóa mục đã ghi.");
            if (entry.State == EntityState.Added)
            {
                trail._events.Add(entry.Entity);
                entry.State = EntityState.Detached;
            }
        }
        trail.Capture(tracker);
        return trail;
    }

    public void Capture(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !Audit.IsAudited(entry.Metadata))
                continue;
            if (!_rows.TryGetValue(entry.Entity, out var row))
            {
                _rows[entry.Entity] = row = new Row(entry, entry.State);
                _order.Add(row);
            }
            else if (row.State == EntityState.Added)
            {
                // Later passes only complete a new row (its path); its final values are read at the end.
                if (entry.State == EntityState.Deleted)
                    _order.Remove(row);
                continue;
            }
            if (entry.State == EntityState.Modified)
            {
                foreach (var p in entry.Properties.Where(p => p.IsModified))
                    row.Old.TryAdd(p.Metadata, p.OriginalValue);
            }
            else if (entry.State == EntityState.Deleted)
            {
                row.State = EntityState.Deleted;
                foreach (var p in entry.Properties)
                    row.Old.TryAdd(p.Metadata, p.OriginalValue);
            }
        }
    }

    /// <summary>The entries for everything saved, read after the last pass so generated keys are known.</summary>
    public List<AuditEntry> Build(ChangeTracker tracker, Actor actor, DateTime utcNow, string? note)
    {
        var at = Audit.Truncate(utcNow);
        var entries = new List<AuditEntry>(_order.Count + _events.Count);
        foreach (var row in _order)
        {
            var type = row.Entry.Metadata;
            Func<IProperty, object?> value = row.State == EntityState.Deleted
                ? p => row.Old.GetValueOrDefault(p)
                : p => row.Entry.Property(p.Name).CurrentValue;
            var changes = row.State switch
            {
                EntityState.Added => type.GetProperties()
                    .Select(p => (Property: p, Old: (object?)null, New: value(p)))
                    .Where(c => c.New is not null),
                EntityState.Modified => row.Old
                    .Select(o => (Property: o.Key, Old: o.Value, New: value(o.Key)))
                    .Where(c => !Equals(c.Old, c.New)),
                _ => row.Old
                    .Select(o => (Property: o.Key, Old: o.Value, New: (object?)null))
                    .Where(c => c.Old is not null),
            };
            // A row marked modified without a changed value (Update() on a detached entity) was still
            // written: its fields are listed as they were sent.
            if (row.State == EntityState.Modified && !changes.Any())
                changes = row.Old.Select(o => (Property: o.Key, Old: o.Value, New: value(o.Key)));
            var fields = changes
                .Select(c => Audit.IsSecret(c.Property)
                    ? new AuditChange(c.Property.Name, c.Old is null ? null : Audit.Hidden, c.New is null ? null : Audit.Hidden)
                    : new AuditChange(c.Property.Name, Audit.Text(c.Old), Audit.Text(c.New)))
                .ToList();
            if (fields.Count == 0)
                continue;
            var key = Audit.KeyOf(type, value);
            var (recordType, recordId) = Audit.RecordOf(type, value, key);
            if (type.ClrType != typeof(TaskItem) && recordType == Audit.TableOf(type) && TaskOfParent(tracker, type, value) is { } task)
                (recordType, recordId) = task;
            entries.Add(new AuditEntry
            {
                AtUtc = at,
                UserName = actor.UserName,
                IpAddress = actor.IpAddress,
                Action = row.State switch
                {
                    EntityState.Added => AuditAction.Added,
                    EntityState.Modified => AuditAction.Modified,
                    _ => AuditAction.Deleted,
                },
                EntityType = Audit.TableOf(type),
                EntityId = key,
                RecordType = recordType,
                RecordId = recordId,
                Changes = Audit.SerializeChanges(fields),
                Detail = note,
                PrevHash = "",
                Hash = "",
            });
        }
        foreach (var e in _events)
        {
            e.AtUtc = at;
            if (string.IsNullOrEmpty(e.UserName))
                e.UserName = actor.UserName;
            e.IpAddress ??= actor.IpAddress;
            e.EntityType = e.EntityId = e.RecordType = e.RecordId = e.Changes = null;
            entries.Add(e);
        }
        return entries;
    }

    /// <summary>
    /// One step further for rows whose parent belongs to a task (evidence files of a progress report):
    /// the parent is saved with them, so it is found among the tracked rows.
    /// </summary>
    private static (string Type, string? Id)? TaskOfParent(ChangeTracker tracker, IEntityType type, Func<IProperty, object?> value)
    {
        foreach (var fk in type.GetForeignKeys())
        {
            if (fk.Properties.Count != 1 || fk.PrincipalEntityType == type
                || !fk.PrincipalEntityType.GetForeignKeys().Any(p => p.PrincipalEntityType.ClrType == typeof(TaskItem))
                || value(fk.Properties[0]) is not { } parentKey)
                continue;
            var keyName = fk.PrincipalKey.Properties[0].Name;
            var parent = tracker.Entries().FirstOrDefault(e => e.Metadata == fk.PrincipalEntityType && Equals(e.Property(keyName).CurrentValue, parentKey));
            if (parent is not null && Audit.RecordOf(parent.Metadata, p => parent.Property(p.Name).CurrentValue, null) is (var table, { } id))
                return (table, id);
        }
        return null;
    }
}
