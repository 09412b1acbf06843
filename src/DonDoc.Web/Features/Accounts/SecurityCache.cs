using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Accounts;

/// <summary>
/// One row whose value every change that may end someone's access raises (a token revoked, an account locked or
/// renamed, its roles or unit changed, the unit tree changed), in the transaction of that change.
/// </summary>
public sealed class SecurityVersion
{
    public const int Row = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}

internal sealed class SecurityVersionConfiguration : IEntityTypeConfiguration<SecurityVersion>
{
    public void Configure(EntityTypeBuilder<SecurityVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new SecurityVersion { Id = SecurityVersion.Row, Value = 0 });
    }
}

/// <summary>What a request needs to know about its user: their unit and its place in the tree, their lock and roles.</summary>
public sealed record UserFacts(int Id, string? UserName, string DisplayName, int? UnitId, string? UnitPath, int UnitDepth,
    bool LockoutEnabled, DateTimeOffset? LockoutEnd, IReadOnlySet<string> Roles);

/// <summary>A token that was found, not revoked, when it was read.</summary>
public sealed record TokenFacts(int Id, int UserId, DateTime? ExpiresAtUtc, DateTime? LastUsedAtUtc);

/// <summary>
/// This instance's copy of the users and tokens that requests present, so that a request reads no account, token or
/// scope row once its user is known. Each instance reads <see cref="SecurityVersion"/> at most once per
/// <c>Security:CheckInterval</c> (a second) and drops everything when it changed; a change made on this instance drops
/// it at its commit. So a revoked token, a locked account or a changed role stops working here at once and on every
/// other instance for any request that starts more than the interval after the change was committed.
/// </summary>
public sealed class SecurityCache(IConfiguration config)
{
    private const int MaxEntries = 10_000;
    private readonly TimeSpan _interval = TimeSpan.FromTicks(Math.Clamp(
        config.GetValue("Security:CheckInterval", TimeSpan.FromSeconds(1)).Ticks, 0, TimeSpan.FromSeconds(5).Ticks));
    private readonly ConcurrentDictionary<int, UserFacts> _users = new();
    private readonly ConcurrentDictionary<string, TokenFacts> _tokens = new();
    private readonly Lock _lock = new();
    private long _version = -1;
    // When the read of the version last taken began (Stopwatch ticks), and how often everything was dropped.
    private long _checkedAt = long.MinValue;
    private long _generation;

    public TimeSpan Interval => _interval;

    /// <summary>Forgets everything: the next request reads the version and the rows again.</summary>
    public void Drop()
    {
        lock (_lock)
        {
            _generation++;
            _users.Clear();
            _tokens.Clear();
            _version = -1;
            _checkedAt = long.MinValue;
        }
    }

    public async Task<UserFacts?> UserAsync(AppDb db, int userId, CancellationToken ct)
    {
        var generation = await FreshAsync(db, ct);
        if (_users.TryGetValue(userId, out var known))
            return known;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.UnitId, UnitPath = u.Unit!.Path, UnitDepth = (int?)u.Unit!.Depth, u.LockoutEnabled, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return null;
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!)
            .ToListAsync(ct);
        var facts = new UserFacts(user.Id, user.UserName, user.DisplayName, user.UnitId, user.UnitPath, user.UnitDepth ?? 0,
            user.LockoutEnabled, user.LockoutEnd, roles.ToHashSet());
        Keep(_users, userId, facts, generation);
        return facts;
    }

    /// <summary>The token with this hash, unless it is unknown or revoked (its expiry is the caller's to judge).</summary>
    public async Task<TokenFacts?> TokenAsync(AppDb db, string hash, CancellationToken ct)
    {
        var generation = await FreshAsync(db, ct);
        if (_tokens.TryGetValue(hash, out var known))
            return known;
        var token = await db.AccessTokens.AsNoTracking().Where(t => t.Hash == hash && t.RevokedAtUtc == null)
            .Select(t => new TokenFacts(t.Id, t.UserId, t.ExpiresAtUtc, t.LastUsedAtUtc)).FirstOrDefaultAsync(ct);
        if (token is not null)
            Keep(_tokens, hash, token, generation);
        return token;
    }

    /// <summary>Notes when a token's use was recorded, so that it is recorded again only after a while.</summary>
    public void Used(string hash, TokenFacts token, DateTime utcNow) =>
        _tokens.TryUpdate(hash, token with { LastUsedAtUtc = utcNow }, token);

    // An entry read while a drop happened may hold what the change replaced: it is not kept.
    private void Keep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, TKey key, TValue value, long generation) where TKey : notnull
    {
        lock (_lock)
        {
            if (generation != _generation)
                return;
            if (entries.Count >= MaxEntries)
                entries.Clear();
            entries[key] = value;
        }
    }

    /// <summary>Reads the version when the last read began more than the interval ago; returns the generation the caller reads in.</summary>
    private async Task<long> FreshAsync(AppDb db, CancellationToken ct)
    {
        long generation;
        lock (_lock)
        {
            generation = _generation;
            if (_checkedAt != long.MinValue && Stopwatch.GetElapsedTime(_checkedAt) < _interval)
                return generation;
        }
        var started = Stopwatch.GetTimestamp();
        var version = await db.Set<SecurityVersion>().AsNoTracking().Where(v => v.Id == SecurityVersion.Row).Select(v => v.Value).FirstOrDefaultAsync(ct);
        lock (_lock)
        {
            // A read that began before one already taken, or before a drop, says nothing newer.
            if (generation != _generation || started < _checkedAt)
                return _generation;
            if (version != _version)
            {
                _generation++;
                _users.Clear();
                _tokens.Clear();
                _version = version;
            }
            _checkedAt = started;
            return _generation;
        }
    }

    /// <summary>Whether a save changes what the cache holds (and so must raise the version).</summary>
    public static bool Changes(ChangeTracker tracker) => tracker.Entries().Any(e => e.State switch
    {
        EntityState.Deleted => e.Entity is AppUser or IdentityUserRole<int> or AccessToken or Unit or IdentityRole<int>,
        EntityState.Added => e.Entity is IdentityUserRole<int>,
        EntityState.Modified => e.Entity switch
        {
            AppUser => e.Properties.Any(p => p.IsModified && UserFields.Contains(p.Metadata.Name)),
            AccessToken => e.Properties.Any(p => p.IsModified && p.Metadata.Name is nameof(AccessToken.RevokedAtUtc) or nameof(AccessToken.ExpiresAtUtc) or nameof(AccessToken.UserId) or nameof(AccessToken.Hash)),
            Unit or IdentityRole<int> => true,
            _ => false,
        },
        _ => false,
    });

    private static readonly HashSet<string> UserFields =
    [
        nameof(AppUser.UserName), nameof(AppUser.DisplayName), nameof(AppUser.UnitId), nameof(AppUser.LockoutEnabled),
        nameof(AppUser.LockoutEnd), nameof(AppUser.SecurityStamp),
    ];

    /// <summary>Raises the version, in the transaction of the save that changed access.</summary>
    public static Task BumpAsync(AppDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"UPDATE \"SecurityVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = {SecurityVersion.Row}", ct);
}

/// <summary>Drops this instance's cache when a transaction that changed access commits (see <see cref="AppDb"/>).</summary>
internal sealed class SecurityCommits : DbTransactionInterceptor
{
    public static readonly SecurityCommits Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDb)?.SecurityCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        (eventData.Context as AppDb)?.SecurityCommitted();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDb)?.SecurityRolledBack();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        (eventData.Context as AppDb)?.SecurityRolledBack();
        return Task.CompletedTask;
    }
}
