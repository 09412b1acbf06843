using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Import;

/// <summary>The text an import read, kept whole (normalised to NFC) so that every record can be checked against it.</summary>
public sealed class ImportSource
{
    public int Id { get; set; }
    // Null when the text was pasted.
    public string? FileName { get; set; }
    public required string Content { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTime ImportedAtUtc { get; set; }
}

internal sealed class ImportSourceConfiguration : IEntityTypeConfiguration<ImportSource>
{
    public void Configure(EntityTypeBuilder<ImportSource> b)
    {
        b.Property(s => s.FileName).HasMaxLength(260);
    }
}
