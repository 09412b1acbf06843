using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Conferences;

/// <summary>A conference or other event a report tells of, with what was said there: documents, people, figures, lessons.</summary>
public sealed class Conference
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public int? SourceId { get; set; }
    public ImportSource? Source { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A document cited at the conference, whether it was in the registry already or entered as cited.</summary>
public sealed class ConferenceDocument
{
    public int ConferenceId { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    // How the text cited it: "Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị".
    public required string Citation { get; set; }
}

/// <summary>A person named in the conference's report.</summary>
public sealed class ConferencePerson
{
    public int ConferenceId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>An indicator figure as the report gives it: "kết nạp 10.027 đảng viên mới", "30/34 đề án", "đạt 102,9%".</summary>
public sealed class ConferenceFigure
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public decimal Value { get; set; }
    public decimal? Total { get; set; }
    public bool IsPercent { get; set; }
}

/// <summary>An enumeration the report makes: lessons learned, groups of tasks, limitations.</summary>
public sealed class ConferenceList
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public List<ConferenceListItem> Items { get; set; } = [];
}

public sealed class ConferenceListItem
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    public void Configure(EntityTypeBuilder<Conference> b)
    {
        b.Property(c => c.Title).HasMaxLength(500);
        b.HasIndex(c => c.HeldOn);
        b.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConferenceDocumentConfiguration : IEntityTypeConfiguration<ConferenceDocument>
{
    public void Configure(EntityTypeBuilder<ConferenceDocument> b)
    {
        b.HasKey(d => new { d.ConferenceId, d.DocumentId });
        b.Property(d => d.Citation).HasMaxLength(500);
        b.HasIndex(d => d.DocumentId);
        b.HasOne<Conference>().WithMany().HasForeignKey(d => d.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Document).WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConferencePersonConfiguration : IEntityTypeConfiguration<ConferencePerson>
{
    public void Configure(EntityTypeBuilder<ConferencePerson> b)
    {
        b.HasKey(p => new { p.ConferenceId, p.PersonId });
        b.HasIndex(p => p.PersonId);
        b.HasOne<Conference>().WithMany().HasForeignKey(p => p.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConferenceFigureConfiguration : IEntityTypeConfiguration<ConferenceFigure>
{
    public void Configure(EntityTypeBuilder<ConferenceFigure> b)
    {
        b.Property(f => f.Text).HasMaxLength(300);
        b.Property(f => f.Value).HasPrecision(18, 4);
        b.Property(f => f.Total).HasPrecision(18, 4);
        b.HasIndex(f => f.ConferenceId);
        b.HasOne<Conference>().WithMany().HasForeignKey(f => f.ConferenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConferenceListConfiguration : IEntityTypeConfiguration<ConferenceList>
{
    public void Configure(EntityTypeBuilder<ConferenceList> b)
    {
        b.Property(l => l.Title).HasMaxLength(500);
        b.HasIndex(l => l.ConferenceId);
        b.HasOne<Conference>().WithMany().HasForeignKey(l => l.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConferenceListItemConfiguration : IEntityTypeConfiguration<ConferenceListItem>
{
    public void Configure(EntityTypeBuilder<ConferenceListItem> b)
    {
        b.Property(i => i.Text).HasMaxLength(2000);
        b.HasIndex(i => i.ListId);
    }
}
