using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.AuditTrail;

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
    SignIn,
    SignOut,
    SignInFailed,
    LockedOut,
}

/// <summary>
/// One change to one row, or one sign-in event. Entries form a hash chain: each stores the hash of
/// the entry before it, so altering, removing or reordering an entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    // Assigned by the chain (previous + 1) rather than by the database: the id is part of the hash.
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    public string? IpAddress { get; set; }
    public AuditAction Action { get; set; }

    // The table and key of the changed row.
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    // The record whose history shows the change: the row itself, or the task a coordinator,
    // period, report or extension request belongs to.
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }

    // JSON: [{"field":"Status","old":"Assigned","new":"Accepted"}, …], values in invariant text.
    public string? Changes { get; set; }
    public string? Detail { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(300);
        b.Property(e => e.RecordType).HasMaxLength(100);
        b.Property(e => e.RecordId).HasMaxLength(300);
        b.Property(e => e.PrevHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}
