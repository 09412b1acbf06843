using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Grading;

/// <summary>
/// A unit's grade for a year, entered by its parent's office: the score, the grade given, what the rules
/// suggested and why, who confirmed it, and the reason when the grade departs from the suggestion.
/// </summary>
public sealed class UnitGrade : IVersioned
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    public decimal Score { get; set; }
    public Grade Grade { get; set; }
    public Grade SuggestedGrade { get; set; }
    // The suggestion's reasons, one a line.
    public required string SuggestionWhy { get; set; }
    public string? OverrideReason { get; set; }
    // The group of similar position the cap on "xuất sắc" counts in; by default the unit type, among its parent's children.
    public required string PeerGroup { get; set; }
    public bool Outstanding { get; set; }
    public int RuleSetId { get; set; }
    public required string ConfirmedBy { get; set; }
    public DateTime ConfirmedAtUtc { get; set; }
    public int Version { get; set; }
}

internal sealed class UnitGradeConfiguration : IEntityTypeConfiguration<UnitGrade>
{
    public void Configure(EntityTypeBuilder<UnitGrade> b)
    {
        b.Property(g => g.Score).HasPrecision(5, 2);
        b.Property(g => g.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.SuggestedGrade).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.SuggestionWhy).HasMaxLength(2000);
        b.Property(g => g.OverrideReason).HasMaxLength(2000);
        b.Property(g => g.PeerGroup).HasMaxLength(200);
        b.Property(g => g.ConfirmedBy).HasMaxLength(256);
        b.Property(g => g.Version).IsVersion();
        b.HasIndex(g => new { g.UnitId, g.Year }).IsUnique();
        b.HasOne(g => g.Unit).WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GradingRuleSet>().WithMany().HasForeignKey(g => g.RuleSetId).OnDelete(DeleteBehavior.Restrict);
    }
}
