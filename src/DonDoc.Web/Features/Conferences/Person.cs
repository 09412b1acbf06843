using DonDoc.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Conferences;

/// <summary>A person the office's reports name. Two people may share a name, so the name is looked up, not unique.</summary>
public sealed class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    // The name normalised and in lower case: "Nguyễn Thị Thuỷ" and "NGUYỄN THỊ THỦY" are one key.
    public required string NameKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public static string KeyFor(string name) => VnText.Normalize(name).ToLowerInvariant();
}

/// <summary>A title a person was seen to hold on a day, and the conference whose report says so.</summary>
public sealed class PersonPosition
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string Title { get; set; }
    public DateOnly SeenOn { get; set; }
    public int? ConferenceId { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.NameKey).HasMaxLength(100);
        b.HasIndex(p => p.NameKey);
    }
}

internal sealed class PersonPositionConfiguration : IEntityTypeConfiguration<PersonPosition>
{
    public void Configure(EntityTypeBuilder<PersonPosition> b)
    {
        b.Property(p => p.Title).HasMaxLength(300);
        b.HasIndex(p => new { p.PersonId, p.SeenOn });
        b.HasIndex(p => p.ConferenceId);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Conference>().WithMany().HasForeignKey(p => p.ConferenceId).OnDelete(DeleteBehavior.SetNull);
    }
}
