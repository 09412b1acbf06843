using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Conferences;

public enum ConferenceFormat
{
    InPerson,
    Online,
    // Trực tiếp kết hợp trực tuyến: a hall and bridge points.
    Hybrid,
}

public enum ConferenceRole
{
    Participant,
    Chair,
}

/// <summary>A conference the office records, entered on its page or imported from a report, with what was said there.</summary>
public sealed class Conference : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    // "Hội nghị tổng kết", "Hội nghị Ban Chấp hành lần thứ 16": free text, since the N of a plenum is open-ended.
    public string Kind { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    // The unit that holds it; null for rows imported before units were recorded, read as the top of the tree.
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public ConferenceFormat Format { get; set; }
    // "6 hội nghị tổng kết năm của 5 ban Đảng và Văn phòng Thành ủy".
    public string? Replaces { get; set; }
    public int? ConclusionId { get; set; }
    public Document? Conclusion { get; set; }
    public int? SourceId { get; set; }
    public ImportSource? Source { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }

    public static string FormatLabel(ConferenceFormat format) => format switch
    {
        ConferenceFormat.Online => "Trực tuyến",
        ConferenceFormat.Hybrid => "Trực tiếp kết hợp trực tuyến",
        _ => "Trực tiếp",
    };
}

/// <summary>A bridge point (điểm cầu) of an online conference, and the unit that hosts it when it is one of ours.</summary>
public sealed class ConferenceBridge
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public int? UnitId { get; set; }
}

public enum LessonKind
{
    // Bài học kinh nghiệm.
    Lesson,
    // Mô hình hay, cách làm mới.
    Model,
}

/// <summary>A lesson learned or a good model, kept on its own so it can be found by year, unit and words.</summary>
public sealed class Lesson : ISearchable
{
    public int Id { get; set; }
    public LessonKind Kind { get; set; }
    public required string Text { get; set; }
    public int Position { get; set; }
    // Where it was drawn: a conference or a self-review (or neither, for one entered on its own).
    public int? ConferenceId { get; set; }
    public int? ReviewId { get; set; }
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string SearchKey { get; set; } = "";

    public string SearchText => Text;

    public static string KindLabel(LessonKind kind) => kind == LessonKind.Model ? "Mô hình hay" : "Bài học kinh nghiệm";

    /// <summary>What a report's list holds, from its title ("5 bài học kinh nghiệm", "8 mô hình đổi mới"); null for other lists.</summary>
    public static LessonKind? KindOfList(string title)
    {
        var key = DonDoc.Text.VnText.Fold(title);
        return key.Contains("bai hoc", StringComparison.Ordinal) ? LessonKind.Lesson
            : key.Contains("mo hinh", StringComparison.Ordinal) ? LessonKind.Model
            : null;
    }
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
    public ConferenceRole Role { get; set; }
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
        // The defaults serve the rows imported before these columns existed; EF writes the value itself.
        b.Property(c => c.Kind).HasMaxLength(200).HasDefaultValue("").ValueGeneratedNever();
        b.Property(c => c.Format).HasDefaultValue(ConferenceFormat.InPerson).ValueGeneratedNever();
        b.Property(c => c.Replaces).HasMaxLength(500);
        b.Property(c => c.Version).IsVersion();
        b.HasIndex(c => c.HeldOn);
        b.HasIndex(c => new { c.UnitId, c.HeldOn });
        b.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Conclusion).WithMany().HasForeignKey(c => c.ConclusionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConferenceBridgeConfiguration : IEntityTypeConfiguration<ConferenceBridge>
{
    public void Configure(EntityTypeBuilder<ConferenceBridge> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.HasIndex(p => p.ConferenceId);
        b.HasOne<Conference>().WithMany().HasForeignKey(p => p.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.Property(l => l.Text).HasMaxLength(2000);
        b.Property(l => l.SearchKey).HasMaxLength(2000);
        b.HasIndex(l => new { l.Year, l.UnitId });
        b.HasIndex(l => l.ConferenceId);
        b.HasIndex(l => l.ReviewId);
        b.HasOne<Conference>().WithMany().HasForeignKey(l => l.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Review>().WithMany().HasForeignKey(l => l.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
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
        b.Property(p => p.Role).HasDefaultValue(ConferenceRole.Participant).ValueGeneratedNever();
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
