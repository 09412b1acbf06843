using System.Xml.Linq;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Infrastructure;

/// <summary>A data-protection key, kept in the database so every instance reads cookies the others wrote.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

/// <summary>Who runs a piece of background work until when: one row per job, shared by all instances.</summary>
public sealed class Lease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.Property(k => k.Xml).HasMaxLength(8000);
    }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

// No EF Core key store is on this machine's package feed, so the repository is ours: a few lines.
internal sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class Cluster
{
    public static IServiceCollection AddDonDocCluster(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("DonDoc");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddSingleton(new LeaseHolder($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"));
        return services;
    }

    /// <summary>
    /// Takes or renews the lease on a job: one statement each, so two instances racing for an
    /// expired lease cannot both win. True when this instance holds it until <paramref name="ttl"/> from now.
    /// </summary>
    public static async Task<bool> TryAcquireLeaseAsync(AppDb db, string name, string holder, TimeSpan ttl, DateTime utcNow, CancellationToken ct = default)
    {
        var expires = utcNow + ttl;
        var renewed = await db.Database.ExecuteSqlAsync(
            $"UPDATE \"Leases\" SET \"Holder\" = {holder}, \"ExpiresAtUtc\" = {expires} WHERE \"Name\" = {name} AND (\"Holder\" = {holder} OR \"ExpiresAtUtc\" < {utcNow})", ct);
        if (renewed == 1)
            return true;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Leases\" (\"Name\", \"Holder\", \"ExpiresAtUtc\") VALUES ({name}, {holder}, {expires}) ON CONFLICT (\"Name\") DO NOTHING", ct);
        return inserted == 1;
    }
}

public sealed record LeaseHolder(string Id);

/// <summary>
/// Runs background jobs once per cluster, not once per instance: each round, the instance that holds
/// a job's lease runs it; the others skip it until the lease expires.
/// </summary>
public sealed class ClusterJobs(IServiceScopeFactory scopes, LeaseHolder holder, TimeProvider time, ILogger<ClusterJobs> log) : BackgroundService
{
    private static readonly TimeSpan Round = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Round, time);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                if (await Cluster.TryAcquireLeaseAsync(db, EvidenceSweep.Name, holder.Id, Round * 2, time.GetUtcNow().UtcDateTime, stop))
                    await scope.ServiceProvider.GetRequiredService<EvidenceSweep>().RunAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Công việc nền gặp lỗi; sẽ thử lại ở lượt sau.");
            }
        }
    }
}
