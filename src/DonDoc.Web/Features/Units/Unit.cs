using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Units;

public enum UnitType
{
    TrungUong,
    TinhUy,
    Ban,
    DangBoTrucThuoc,
    DangBoCoSo,
    ChiBo,
    CoQuanNhaNuoc,
}

public static class UnitTypes
{
    public static string Label(this UnitType type) => type switch
    {
        UnitType.TrungUong => "Trung ương",
        UnitType.TinhUy => "Thành ủy/Tỉnh ủy",
        UnitType.Ban => "Ban, văn phòng",
        UnitType.DangBoTrucThuoc => "Đảng bộ trực thuộc",
        UnitType.DangBoCoSo => "Đảng bộ cơ sở",
        UnitType.ChiBo => "Chi bộ",
        UnitType.CoQuanNhaNuoc => "Cơ quan nhà nước",
        _ => type.ToString(),
    };
}

/// <summary>
/// An organisation in the Party or State structure. Units are never overwritten: a merger or split
/// closes the old ones (ValidTo) and opens new ones, linked through <see cref="UnitLineage"/>.
/// </summary>
public sealed class Unit : ISearchable, IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitType Type { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }

    // Materialised path of ids ("/1/7/42/"): a subtree is one index range scan, whatever its depth.
    public string Path { get; set; } = "/";
    public int Depth { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int Version { get; set; }
    public string SearchKey { get; set; } = "";

    public string SearchText => $"{Name} {Code}";

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public static string ChildPath(string parentPath, int id) => $"{parentPath}{id}/";

    /// <summary>Bounds of the paths in a subtree, "/1/7/" up to "/1/70": an index range scan where LIKE may not be.</summary>
    public static (string From, string To) SubtreeRange(string path) => (path, path[..^1] + "0");

    /// <summary>The ids along a path, from the top of the tree down to the unit itself.</summary>
    public static IEnumerable<int> Ancestors(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
}

public sealed class UnitLineage
{
    public int Id { get; set; }
    public int PredecessorId { get; set; }
    public int SuccessorId { get; set; }
    public DateOnly OnDate { get; set; }
    public LineageKind Kind { get; set; }
}

public enum LineageKind
{
    Merge,
    Split,
    Rename,
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Code).HasMaxLength(40);
        b.Property(u => u.Name).HasMaxLength(300);
        b.Property(u => u.Version).IsVersion();
        b.Property(u => u.Path).HasMaxLength(400);
        b.Property(u => u.SearchKey).HasMaxLength(400);
        b.Property(u => u.Type).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.Path);
        b.HasIndex(u => u.ParentId);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitLineageConfiguration : IEntityTypeConfiguration<UnitLineage>
{
    public void Configure(EntityTypeBuilder<UnitLineage> b)
    {
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(l => l.PredecessorId);
        b.HasIndex(l => l.SuccessorId);
        b.HasOne<Unit>().WithMany().HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(l => l.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
