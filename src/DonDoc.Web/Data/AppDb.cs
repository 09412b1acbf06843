using DonDoc.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DonDoc.Web.Data;

public sealed class AppDb(DbContextOptions<AppDb> options, TimeProvider time, IHttpContextAccessor? http = null)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitLineage> UnitLineages => Set<UnitLineage>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<Issuer> Issuers => Set<Issuer>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<TaskCoordinator> TaskCoordinators => Set<TaskCoordinator>();
    public DbSet<TaskPeriod> TaskPeriods => Set<TaskPeriod>();
    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<UnitStat> UnitStats => Set<UnitStat>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<ImportSource> ImportSources => Set<ImportSource>();
    public DbSet<Conference> Conferences => Set<Conference>();
    public DbSet<ConferenceDocument> ConferenceDocuments => Set<ConferenceDocument>();
    public DbSet<ConferencePerson> ConferencePeople => Set<ConferencePerson>();
    public DbSet<ConferenceFigure> ConferenceFigures => Set<ConferenceFigure>();
    public DbSet<ConferenceList> ConferenceLists => Set<ConferenceList>();
    public DbSet<ConferenceListItem> ConferenceListItems => Set<ConferenceListItem>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonPosition> PersonPositions => Set<PersonPosition>();
    public DbSet<Infrastructure.DataProtectionKey> DataProtectionKeys => Set<Infrastructure.DataProtectionKey>();
    public DbSet<Infrastructure.Lease> Leases => Set<Infrastructure.Lease>();

    /// <summary>Set by the demo seed to date the history it writes; otherwise changes happen now.</summary>
    public DateTime? ChangeTimeUtc { get; set; }

    /// <summary>A note for the task history rows this save writes (a return reason, an extension).</summary>
    public string? ChangeNote { get; set; }

    private readonly AuditHead _auditHead = new();
    private AuditCapture? _trail;

    // Pinned: otherwise the Identity tables would follow whatever options the first context happened to see.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every save that touches tasks also writes their history rows, materialised paths, parents'
    /// child counts and unit rollups, in the same transaction: no code path can forget them. So does
    /// every save of any row with its audit entries, and with the raised version of each edited record.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        foreach (var entry in ChangeTracker.Entries<ISearchable>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.SearchKey = VnText.Fold(entry.Entity.SearchText);
        Versions.Bump(ChangeTracker);
        var trail = _trail = AuditCapture.Start(ChangeTracker);
        var note = ChangeNote;
        var tasks = ChangeTracker.Entries<TaskItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var newUnits = ChangeTracker.Entries<Unit>().Where(e => e.State == EntityState.Added).ToList();
        if (tasks.Count == 0 && newUnits.Count == 0 && trail.IsEmpty)
        {
            ChangeNote = null;
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }

        var before = tasks.Select(e => e.State == EntityState.Added ? (Facts?)null : Facts.Of(e, original: true)).ToList();
        var states = tasks.Select(e => e.State).ToList();

        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        await Audit.LockChainAsync(this, _auditHead, ct);
        var written = await SaveStepAsync(acceptAllChangesOnSuccess: true, ct);

        await SetPathsAsync(newUnits, ct);
        var utcNow = ChangeTimeUtc ?? time.GetUtcNow().UtcDateTime;
        var changes = new List<(TaskFacts?, TaskFacts?)>();
        var parentDelta = new Dictionary<int, (int Total, int Completed)>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var entry = tasks[i];
            var after = states[i] == EntityState.Deleted ? (Facts?)null : Facts.Of(entry, original: false);
            if (after is { } a && (before[i] is not { } b || a.Rollup != b.Rollup))
                TaskEvents.Add(new TaskEvent
                {
                    TaskId = entry.Entity.Id,
                    AtUtc = utcNow,
                    OnDate = Infrastructure.Clock.LocalDate(utcNow),
                    FromStatus = before[i]?.Rollup.Status,
                    Status = a.Rollup.Status,
                    LeadUnitId = a.Rollup.LeadUnitId,
                    DueDate = a.Rollup.DueDate,
                    SubmittedOn = a.Rollup.SubmittedOn,
                    Note = ChangeNote,
                });
            changes.Add((before[i]?.Rollup, after?.Rollup));
            CountChild(parentDelta, before[i], -1);
            CountChild(parentDelta, after, +1);
        }
        await SetPathsAsync(tasks.Where((_, i) => states[i] == EntityState.Added).ToList(), ct);
        // Accepted before the audit rows are saved, which would otherwise write these rows a second time.
        written += await SaveStepAsync(acceptAllChangesOnSuccess: true, ct);

        await Rollups.ApplyAsync(this, changes, ct);
        var trackedTasks = parentDelta.Count == 0 ? [] : ChangeTracker.Entries<TaskItem>().ToDictionary(e => e.Entity.Id);
        foreach (var (parentId, (total, completed)) in parentDelta.Where(p => p.Value != (0, 0)))
        {
            await Database.ExecuteSqlRawAsync(
                "UPDATE \"Tasks\" SET \"ChildTotal\" = \"ChildTotal\" + {0}, \"ChildCompleted\" = \"ChildCompleted\" + {1} WHERE \"Id\" = {2}",
                [total, completed, parentId], ct);
            if (trackedTasks.TryGetValue(parentId, out var tracked))
            {
                tracked.Entity.ChildTotal += total;
                tracked.Entity.ChildCompleted += completed;
                tracked.Property(t => t.ChildTotal).OriginalValue = tracked.Entity.ChildTotal;
                tracked.Property(t => t.ChildCompleted).OriginalValue = tracked.Entity.ChildCompleted;
            }
        }
        await WriteAuditAsync(trail, note, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        ChangeNote = null;
        return written;
    }

    // The audit trail sees each pass's changes before they are written and accepted.
    private Task<int> SaveStepAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        _trail?.Capture(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
    }

    /// <summary>The save's audit entries, chained after the last one, in one batch insert in the save's transaction.</summary>
    private async Task WriteAuditAsync(AuditCapture trail, string? note, CancellationToken ct)
    {
        var entries = trail.Build(ChangeTracker, Actor.Of(http?.HttpContext), time.GetUtcNow().UtcDateTime, note);
        if (entries.Count == 0)
            return;
        await Audit.ChainAsync(this, _auditHead, entries, ct);
        AuditEntries.AddRange(entries);
        try
        {
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
        }
        finally
        {
            // Off the tracker: a long-lived context would only grow, and after a failure the next save must not write them.
            foreach (var entry in entries)
                Entry(entry).State = EntityState.Detached;
        }
        _auditHead.Advance(entries[^1]);
    }

    private static void CountChild(Dictionary<int, (int Total, int Completed)> delta, Facts? facts, int sign)
    {
        if (facts is not { ParentId: { } parent } f || f.Rollup.Status == TaskState.Cancelled) return;
        var (total, completed) = delta.GetValueOrDefault(parent);
        delta[parent] = (total + sign, completed + (f.Rollup.Status == TaskState.Completed ? sign : 0));
    }

    // Paths hold the row's own id, known only once the row is inserted. A parent added in the same
    // save must get its path before its children, so entries wait until their parent has one.
    private async Task SetPathsAsync<T>(List<EntityEntry<T>> added, CancellationToken ct) where T : class
    {
        var pending = added.Select(e => e.Entity).ToList();
        while (pending.Count > 0)
        {
            var waiting = new List<T>();
            foreach (var entity in pending)
            {
                switch (entity)
                {
                    case Unit { Parent: { Path: "/" } newUnit } when pending.Any(p => ReferenceEquals(p, newUnit)):
                    case TaskItem { Parent: { Path: "/" } newTask } when pending.Any(p => ReferenceEquals(p, newTask)):
                        waiting.Add(entity);
                        break;
                    case Unit u:
                        var unitParent = u.ParentId is { } up ? (u.Parent ?? await Units.FindAsync([up], ct))!.Path : "/";
                        u.Path = Unit.ChildPath(unitParent, u.Id);
                        u.Depth = u.Path.Count(c => c == '/') - 2;
                        break;
                    case TaskItem t:
                        var taskParent = t.ParentId is { } tp ? (t.Parent ?? await Tasks.FindAsync([tp], ct))!.Path : "/";
                        t.Path = TaskItem.ChildPath(taskParent, t.Id);
                        t.Depth = t.Path.Count(c => c == '/') - 2;
                        break;
                }
            }
            if (waiting.Count == pending.Count)
                throw new InvalidOperationException("Cây đơn vị hoặc nhiệm vụ có vòng lặp cha – con.");
            pending = waiting;
        }
        if (added.Count > 0) await SaveStepAsync(true, ct);
    }

    private readonly record struct Facts(int? ParentId, TaskFacts Rollup)
    {
        public static Facts Of(EntityEntry<TaskItem> e, bool original)
        {
            T V<T>(string name) => (T)(original ? e.Property(name).OriginalValue : e.Property(name).CurrentValue)!;
            return new Facts(
                V<int?>(nameof(TaskItem.ParentId)),
                new TaskFacts(V<int>(nameof(TaskItem.LeadUnitId)), V<TaskState>(nameof(TaskItem.Status)),
                    V<DateOnly?>(nameof(TaskItem.DueDate)), V<DateOnly?>(nameof(TaskItem.SubmittedOn))));
        }
    }
}
