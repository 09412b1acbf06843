using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Reports;

public enum ReportKind
{
    Progress,
    Reminder,
}

public static class ReportKinds
{
    public static string Label(this ReportKind kind) => kind == ReportKind.Progress ? "Báo cáo tình hình thực hiện" : "Công văn đôn đốc";

    /// <summary>The type in the document's number: "BC" in "05-BC/VPTU", "CV" in "12-CV/VPTU".</summary>
    public static string TypeCode(this ReportKind kind) => kind == ReportKind.Progress ? "BC" : "CV";
}

/// <summary>
/// A report or reminder letter as it was issued: its number in the issuer's register, who made it and when, the
/// day its figures stand at, and the file with its SHA-256, kept so that it can be downloaded again and compared
/// with the same report made anew.
/// </summary>
public sealed class IssuedReport
{
    public int Id { get; set; }
    public ReportKind Kind { get; set; }
    // The subtree reported on, and the unit whose office issues and numbers the document.
    public int UnitId { get; set; }
    public int IssuerUnitId { get; set; }
    // A reminder letter sent to one unit only; null when it lists every unit behind.
    public int? RecipientUnitId { get; set; }
    public DateOnly AsOf { get; set; }
    public DateOnly IssuedOn { get; set; }
    public int TermId { get; set; }
    public required string Register { get; set; }
    public int Number { get; set; }
    public required string Symbol { get; set; }
    public int? CreatedByUserId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
    public IssuedReportFile? File { get; set; }
}

/// <summary>The bytes of an issued report, apart from its record so that lists do not read them.</summary>
public sealed class IssuedReportFile
{
    public int Id { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class IssuedReportConfiguration : IEntityTypeConfiguration<IssuedReport>
{
    public void Configure(EntityTypeBuilder<IssuedReport> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Register).HasMaxLength(40);
        b.Property(r => r.Symbol).HasMaxLength(60);
        b.Property(r => r.CreatedBy).HasMaxLength(200);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.FileName).HasMaxLength(200);
        // One number per register and term: two reports made at once cannot share it.
        b.HasIndex(r => new { r.IssuerUnitId, r.Register, r.TermId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.UnitId, r.CreatedAtUtc });
        b.HasOne<Units.Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Units.Unit>().WithMany().HasForeignKey(r => r.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Units.Unit>().WithMany().HasForeignKey(r => r.RecipientUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Documents.Term>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.File).WithOne().HasForeignKey<IssuedReportFile>(f => f.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
