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
        LastDay(from, to) is { } last ? $"{VnFormat.Date(from)} – {VnFormat.Date(last)}" : $"từ {VnFormat.Date(from)}";

    /// <summary>The last day a closed unit was valid, the day before its ValidTo; null while it is open.</summary>
    public static DateOnly? LastDay(DateOnly from, DateOnly? to) => to is { } end ? end > from ? end.AddDays(-1) : from : null;

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
