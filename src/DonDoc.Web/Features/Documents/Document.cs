using DonDoc.Text;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Documents;

public enum DocumentStatus
{
    Registered,
    // Cited by an imported report but not yet entered by the office.
    CitedNotRegistered,
}

/// <summary>
/// A Party or State document. A Party document is identified by issuer + type + number + term, a
/// State document by issuer + type + number + year; <see cref="IdentityKey"/> holds that identity so
/// one unique index enforces it on both databases.
/// </summary>
public sealed class Document : ISearchable, IVersioned
{
    public int Id { get; set; }
    public SymbolForm Form { get; set; }
    public required string Symbol { get; set; }
    public required string Number { get; set; }
    public required string TypeCode { get; set; }
    // The full type name is stored, not derived from the code: "QĐ" is Quyết định or Quy định.
    public required string TypeName { get; set; }
    public required string IssuerCode { get; set; }
    public int? Year { get; set; }
    public int? TermId { get; set; }
    public Term? Term { get; set; }
    public DateOnly IssuedOn { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public DocumentStatus Status { get; set; }
    public required string IdentityKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    // The unit whose staff entered it: a document no visible task cites is seen in that unit's subtree only.
    public int? RegisteredByUnitId { get; set; }
    public string SearchKey { get; set; } = "";

    public string SearchText => $"{Symbol} {TypeName} {Title}";

    public static string KeyFor(SymbolForm form, string issuer, string type, string number, string period) =>
        $"{(form == SymbolForm.Party ? "P" : "S")}|{issuer}|{type}|{number.TrimStart('0')}|{period}";
}

public static class SymbolForms
{
    public static string Label(this SymbolForm form) => form == SymbolForm.Party ? "văn bản Đảng" : "văn bản Nhà nước";
}

/// <summary>Type codes are data: Quy định appears as both QĐi and QĐ, State documents use QyĐ.</summary>
public sealed class DocumentType
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public SymbolForm Form { get; set; }
    public required string Name { get; set; }
}

public sealed class Issuer
{
    public required string Code { get; set; }
    public SymbolForm Form { get; set; }
    public required string Name { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

/// <summary>A committee term (nhiệm kỳ). Party document numbering restarts with each term.</summary>
public sealed class Term
{
    public int Id { get; set; }
    public required string Name { get; set; }
    // Null: the default terms of the committee that runs DonDoc; otherwise terms of that issuer (TW).
    public string? IssuerCode { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Form).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Symbol).HasMaxLength(80);
        b.Property(d => d.Version).IsVersion();
        b.Property(d => d.Number).HasMaxLength(20);
        b.Property(d => d.TypeCode).HasMaxLength(10);
        b.Property(d => d.TypeName).HasMaxLength(60);
        b.Property(d => d.IssuerCode).HasMaxLength(20);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.SearchKey).HasMaxLength(700);
        b.Property(d => d.Summary).HasMaxLength(4000);
        b.Property(d => d.IdentityKey).HasMaxLength(120);
        b.HasIndex(d => d.IdentityKey).IsUnique();
        b.HasIndex(d => d.Symbol);
        b.HasIndex(d => d.IssuedOn);
        b.HasOne(d => d.Term).WithMany().HasForeignKey(d => d.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.RegisteredByUnitId);
        b.HasOne<Units.Unit>().WithMany().HasForeignKey(d => d.RegisteredByUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Issuer>().WithMany().HasForeignKey(d => d.IssuerCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentType>
{
    public void Configure(EntityTypeBuilder<DocumentType> b)
    {
        b.HasIndex(t => new { t.Form, t.Code, t.Name }).IsUnique();
        b.Property(t => t.Code).HasMaxLength(10);
        b.Property(t => t.Form).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Name).HasMaxLength(60);
    }
}

internal sealed class IssuerConfiguration : IEntityTypeConfiguration<Issuer>
{
    public void Configure(EntityTypeBuilder<Issuer> b)
    {
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Form).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.Name).HasMaxLength(200);
    }
}

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b)
    {
        b.Property(t => t.Name).HasMaxLength(40);
        b.Property(t => t.IssuerCode).HasMaxLength(20);
    }
}
