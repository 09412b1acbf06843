using DonDoc.Text;

namespace DonDoc.Web.Features.TaskImport;

public sealed record KnownUnit(int Id, string Code, string Name);

/// <summary>
/// Finds a unit by its code or by its full name, without regard to case or diacritics, among the units the importer
/// manages. A name two units share is not guessed: the row must give the code.
/// </summary>
public sealed class UnitMatcher(IEnumerable<KnownUnit> units)
{
    private readonly ILookup<string, KnownUnit> _byCode = units.ToLookup(u => Key(u.Code));
    private readonly ILookup<string, KnownUnit> _byName = units.ToLookup(u => Key(u.Name));

    /// <returns>The unit, or why none is taken.</returns>
    public (KnownUnit? Unit, string? Problem) Match(string text)
    {
        var key = Key(text);
        var found = _byCode[key].ToList() is { Count: > 0 } byCode ? byCode : _byName[key].ToList();
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, $"không tìm thấy đơn vị “{text}” trong các đơn vị anh/chị quản lý."),
            _ => (null, $"“{text}” trùng tên với {found.Count} đơn vị ({string.Join(", ", found.Take(5).Select(u => $"{u.Name}, mã {u.Code}"))}); hãy ghi mã đơn vị."),
        };
    }

    /// <summary>The names of a list cell: separated by ";" or line breaks, since a unit's name may hold a comma.</summary>
    public static IReadOnlyList<string> Split(string cell) =>
        cell.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Key(string s) => string.Join(' ', VnText.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The parent of each row by its code: a row of the same sheet (above or below it) or a task imported before.</summary>
public static class Hierarchy
{
    /// <param name="codes">Each row's code, upper case; <paramref name="parents"/> each row's parent code, empty for none.</param>
    /// <param name="existing">The codes of tasks imported before by the same unit.</param>
    /// <returns>Per row: the index of its parent row (or null), and why its parent cannot be taken (or null).</returns>
    public static (int?[] ParentRow, string?[] Problem) Resolve(IReadOnlyList<string> codes, IReadOnlyList<string> parents, IReadOnlySet<string> existing)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < codes.Count; i++)
            index.TryAdd(codes[i], i);
        var parentRow = new int?[codes.Count];
        var problem = new string?[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            var parent = parents[i];
            if (parent.Length == 0)
                continue;
            if (index.TryGetValue(parent, out var p))
                parentRow[i] = p;
            else if (!existing.Contains(parent))
                problem[i] = $"không có nhiệm vụ mã “{parent}” trong tệp này hay trong các nhiệm vụ đã nhập.";
        }
        // A row whose chain of parents comes back to it: every row on the loop is refused, named in order.
        for (var i = 0; i < codes.Count; i++)
        {
            var seen = new List<int>();
            for (int? at = i; at is { } row; at = parentRow[row])
            {
                if (seen.Contains(row))
                {
                    if (row == i)
                        problem[i] = $"mã cha tạo thành vòng lặp: {string.Join(" → ", seen.Append(i).Select(r => codes[r]))}.";
                    break;
                }
                seen.Add(row);
            }
        }
        return (parentRow, problem);
    }

    /// <summary>The rows with every parent before its children (rows on a loop are left out).</summary>
    public static List<int> ParentsFirst(int?[] parentRow)
    {
        var order = new List<int>();
        var placed = new bool[parentRow.Length];
        var progress = true;
        while (progress)
        {
            progress = false;
            for (var i = 0; i < parentRow.Length; i++)
                if (!placed[i] && (parentRow[i] is not { } p || placed[p]))
                {
                    order.Add(i);
                    placed[i] = progress = true;
                }
        }
        return order;
    }
}
