using DonDoc.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Data;

/// <summary>
/// The application's database. Code asks for an AppDb; what runs is <see cref="SqliteAppDb"/> or
/// <see cref="PostgresAppDb"/>, which differ only in the migrations EF Core keeps for each.
/// </summary>
public abstract class AppDb(DbContextOptions options, TimeProvider time, IHttpContextAccessor? http = null, SecurityCache? security = null)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
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
    public DbSet<UnitCountStep> UnitCountSteps => Set<UnitCountStep>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SecurityVersion> SecurityVersions => Set<SecurityVersion>();
    public DbSet<ImportSource> ImportSources => Set<ImportSource>();
    public DbSet<Features.Conclusions.TaskDraft> TaskDrafts => Set<Features.Conclusions.TaskDraft>();
    public DbSet<Conference> Conferences => Set<Conference>();
    public DbSet<ConferenceDocument> ConferenceDocuments => Set<ConferenceDocument>();
    public DbSet<ConferencePerson> ConferencePeople => Set<ConferencePerson>();
    public DbSet<ConferenceFigure> ConferenceFigures => Set<ConferenceFigure>();
    public DbSet<ConferenceList> ConferenceLists => Set<ConferenceList>();
    public DbSet<ConferenceListItem> ConferenceListItems => Set<ConferenceListItem>();
    public DbSet<ConferenceBridge> ConferenceBridges => Set<ConferenceBridge>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonPosition> PersonPositions => Set<PersonPosition>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Limitation> Limitations => Set<Limitation>();
    public DbSet<RemediationItem> RemediationItems => Set<RemediationItem>();
    public DbSet<ReviewMonitor> ReviewMonitors => Set<ReviewMonitor>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<Features.Reports.IssuedReport> IssuedReports => Set<Features.Reports.IssuedReport>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorPlan> IndicatorPlans => Set<IndicatorPlan>();
    public DbSet<IndicatorActual> IndicatorActuals => Set<IndicatorActual>();
    public DbSet<IndicatorTotal> IndicatorTotals => Set<IndicatorTotal>();
    public DbSet<IndicatorReopening> IndicatorReopenings => Set<IndicatorReopening>();
    public DbSet<Features.Years.UnitYear> UnitYears => Set<Features.Years.UnitYear>();
    public DbSet<Features.Years.KeyTaskGroup> KeyTaskGroups => Set<Features.Years.KeyTaskGroup>();
    public DbSet<Features.Years.GroupTask> GroupTasks => Set<Features.Years.GroupTask>();
    public DbSet<Features.Years.GroupIndicator> GroupIndicators => Set<Features.Years.GroupIndicator>();
    public DbSet<Features.Grading.GradingRuleSet> GradingRuleSets => Set<Features.Grading.GradingRuleSet>();
    public DbSet<Features.Grading.GradeBand> GradeBands => Set<Features.Grading.GradeBand>();
    public DbSet<Features.Grading.UnitGrade> UnitGrades => Set<Features.Grading.UnitGrade>();

    private readonly AuditHead _auditHead = new();
    private AuditCapture? _trail;

    // Pinned: otherwise the Identity tables would follow whatever options the first context happened to see.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.AddInterceptors(SecurityCommits.Instance);

    // Set by a save that changed access; the commit of its transaction drops this instance's cache.
    private bool _securityChanged;

    internal void SecurityCommitted()
    {
        if (!_securityChanged)
            return;
        _securityChanged = false;
        security?.Drop();
    }

    internal void SecurityRolledBack() => _securityChanged = false;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
        Features.Search.SearchIndex.Model(b, Database.IsNpgsql());
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default) =>
        SaveAsync(derived: null, note: null, ct);

    /// <summary>
    /// Every save writes, in one transaction, what holds for every table: search keys folded from
    /// their text, the raised version of each edited record, and the audit entries of all it wrote.
    /// What follows from the changes once their ids are known is written by <paramref name="derived"/>,
    /// in the same transaction: a task's history, its parent's counts and the unit rollups
    /// (<see cref="TaskLedger"/>), a new unit's path (<see cref="UnitPaths"/>). A save that changes
    /// tasks or adds units without them is refused, so no code path can forget them.
    /// </summary>
    /// <param name="note">Why the change was made ("Trả lại: …"), kept with its audit entries.</param>
    internal async Task<int> SaveAsync(IDerivedRows? derived, string? note, CancellationToken ct)
    {
        if (derived is not TaskLedger.Rows && ChangeTracker.Entries<TaskItem>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Nhiệm vụ chỉ được lưu qua TaskLedger, nơi ghi kèm lịch sử, số nhiệm vụ con và số liệu tổng hợp.");
        if (derived is not UnitPaths.Rows && ChangeTracker.Entries<Unit>().Any(e => e.State == EntityState.Added))
            throw new InvalidOperationException("Đơn vị mới chỉ được lưu qua UnitPaths, nơi ghi kèm đường dẫn trong cây đơn vị.");
        if (derived is not IndicatorLedger.Rows && ChangeTracker.Entries().Any(e => e.Entity is IDatedFigure && e.State != EntityState.Unchanged))
            throw new InvalidOperationException("Kế hoạch và số thực hiện chỉ được lưu qua IndicatorLedger, nơi ghi kèm số tổng hợp theo cây đơn vị.");
        foreach (var entry in ChangeTracker.Entries<ISearchable>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.SearchKey = VnText.Fold(entry.Entity.SearchText);
        Versions.Bump(ChangeTracker);
        var accessChanged = SecurityCache.Changes(ChangeTracker);
        var trail = _trail = AuditCapture.Start(ChangeTracker);
        if (derived is null && trail.IsEmpty && !accessChanged)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);

        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        await Audit.LockChainAsync(this, _auditHead, ct);
        var written = await SavePassAsync(ct);
        if (accessChanged)
        {
            // Every instance's cached users and tokens go stale with this commit.
            await SecurityCache.BumpAsync(this, ct);
            _securityChanged = true;
        }
        if (derived is not null)
            written += await derived.WriteAsync(this, ct);
        await WriteAuditAsync(trail, note, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// One pass of a save, for rows derived from its changes: the audit sees each pass's changes before
    /// they are written and accepted, and merges them per row into the save's entries.
    /// </summary>
    internal Task<int> SavePassAsync(CancellationToken ct)
    {
        _trail?.Capture(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
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
}

/// <summary>Rows a save writes from its own changes once their ids are known, in its transaction (see <see cref="AppDb.SaveAsync"/>).</summary>
public interface IDerivedRows
{
    /// <summary>Called after the tracked changes are written; saves what it adds with <see cref="AppDb.SavePassAsync"/>.</summary>
    Task<int> WriteAsync(AppDb db, CancellationToken ct);
}
