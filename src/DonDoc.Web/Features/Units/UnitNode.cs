using System.Globalization;
using DonDoc.Text;

namespace DonDoc.Web.Features.Units;

/// <summary>A unit as a line of the tree or of a list; <see cref="Open"/> holds its children when expanded.</summary>
public sealed record UnitNode(int Id, int? ParentId, string Code, string Name, UnitType Type, string Path, DateOnly ValidFrom,
    DateOnly? ValidTo, int ChildCount)
{
    public UnitBranch? Open { get; set; }

    /// <summary>The ancestors' names, for a search result out of its tree.</summary>
    public string? Trail { get; init; }

    public bool IsClosed(DateOnly today) => ValidTo is { } to && to <= today;
}

/// <summary>
/// The children of one unit (or the roots when <see cref="ParentId"/> is null) as far as they are
/// shown: at most one page of them, which <see cref="Total"/> tells apart from all of them.
/// </summary>
public sealed record UnitBranch(int? ParentId, List<UnitNode> Nodes, int Total, bool ShowClosed, int? Current, DateOnly Today,
    Shared.Pager? Pager);

public static class UnitText
{
    /// <summary>"từ 01/07/2025", or "01/01/2020 – 30/06/2025": ValidTo is the first day no longer valid.</summary>
    public static string Validity(DateOnly from, DateOnly? to) =>
        to is { } end ? $"{VnFormat.Date(from)} – {VnFormat.Date(end > from ? end.AddDays(-1) : from)}" : $"từ {VnFormat.Date(from)}";

    /// <summary>The tree opened down to a unit, scrolled to it.</summary>
    public static string TreeHref(int? open, bool showClosed, int page = 1)
    {
        var id = open?.ToString(CultureInfo.InvariantCulture);
        return "/Units" + Query(("open", id), ("closed", showClosed ? "true" : null),
            ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null)) + (id is null ? "" : "#" + Anchor(open!.Value));
    }

    public static string Anchor(int id) => "unit-" + id.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Key, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>
/// <see cref="VnText.Fold"/> for stored unit names, one table lookup per character. Stored names are
/// already normalised, so folding each character alone gives the same key as folding the whole
/// name, about twenty times faster: a search passes over every unit's name.
/// </summary>
public static class NameFold
{
    // Latin, Vietnamese (U+1E00–U+1EFF) and combining marks lie below; anything else takes the slow path.
    private const int Limit = 0x2000;
    private static readonly string[] Map = Build();

    public static string Fold(string s, System.Text.StringBuilder buffer)
    {
        buffer.Clear();
        foreach (var c in s)
        {
            if (c >= Limit)
                return VnText.Fold(s);
            buffer.Append(Map[c]);
        }
        return buffer.ToString();
    }

    private static string[] Build()
    {
        var map = new string[Limit];
        for (var c = 0; c < Limit; c++)
            // Folding trims, so a lone space would vanish.
            map[c] = char.IsWhiteSpace((char)c) ? " " : VnText.Fold(((char)c).ToString());
        return map;
    }
}
