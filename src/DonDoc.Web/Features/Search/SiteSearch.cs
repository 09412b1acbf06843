using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Search;

/// <summary>A part of a shown title, marked where the query matched it.</summary>
public sealed record TextPart(string Text, bool Marked);

/// <summary>One record found; <see cref="Rank"/>: 0 its symbol or code exactly, 1 its title from the start, 2 whole words of
/// its title, 3 inside a word of its title, 4 only its other searched text (symbol, type, code, account name).</summary>
public sealed record SearchHit(string Kind, int Id, string Title, string? Detail, string Url, int Rank)
{
    public IReadOnlyList<TextPart> TitleParts { get; init; } = [];
}

public sealed record SearchGroup(string Kind, string Label, IReadOnlyList<SearchHit> Hits, bool More);

public sealed record SearchAnswer(string Query, IReadOnlyList<SearchGroup> Groups);

/// <summary>
/// The menu's search: tasks, documents, units, conferences and (for the administrator) accounts, each within what the
/// reader may open, ranked, the words found marked. Of tasks, documents and units the newest <see cref="Window"/> hits the
/// reader may open are ranked (<see cref="NewestVisibleAsync"/>).
/// </summary>
public sealed class SiteSearch(AppDb db, UserScope scope)
{
    public const int MaxLength = 200;
    public const int PerKind = 10;
    public const int Window = 200;
    public const int Scan = 4 * Window;

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["task"] = "Nhiệm vụ",
        ["document"] = "Văn bản",
        ["unit"] = "Đơn vị",
        ["conference"] = "Hội nghị",
        ["person"] = "Tài khoản",
    };

    /// <summary>The folded key of a query, or what is wrong with it.</summary>
    public static Outcome<string> Check(string? q, string? kind)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(q))
            problems.Add("q", "Nhập nội dung cần tìm.");
        else if (q.Length > MaxLength)
            problems.Add("q", $"Nội dung cần tìm dài quá {MaxLength} ký tự ({q.Length} ký tự).");
        else if (VnText.Fold(q).Length < SearchIndex.MinLength)
            problems.Add("q", $"Nhập ít nhất {SearchIndex.MinLength} ký tự để tìm, ví dụ “thanh uy”.");
        if (kind is not null && !Kinds.ContainsKey(kind))
            problems.Add("kind", $"Không có loại kết quả “{kind}”; chọn một trong: {string.Join(", ", Kinds.Keys)}.");
        if (problems.Any)
            return problems;
        return VnText.Fold(q!);
    }

    public async Task<SearchAnswer> FindAsync(string q, string key, string? kind, CancellationToken ct)
    {
        var groups = new List<SearchGroup>();
        bool Wanted(string k) => kind is null || kind == k;
        if (Wanted("task"))
            groups.Add(await TasksAsync(key, ct));
        if (Wanted("document"))
            groups.Add(await DocumentsAsync(q.Trim(), key, ct));
        if (Wanted("unit"))
            groups.Add(await UnitsAsync(q.Trim(), key, ct));
        if (Wanted("conference"))
            groups.Add(await ConferencesAsync(key, ct));
        if (Wanted("person") && scope.IsAdministrator)
            groups.Add(await PeopleAsync(key, ct));
        return new SearchAnswer(q, groups);
    }

    private async Task<SearchGroup> TasksAsync(string key, CancellationToken ct)
    {
        var pattern = SearchIndex.LikePattern(key);
        var (ids, more) = await NewestVisibleAsync("Tasks", key,
            hits => scope.VisibleIdsByPartsAsync(scope.HavingIds(db.Tasks, hits), ct),
            () => scope.VisibleIdsByPartsAsync(db.Tasks.Where(t => EF.Functions.Like(t.SearchKey, pattern, "\\")), ct), ct);
        var rows = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Title, Lead = t.LeadUnit!.Name, t.DueDate }).ToListAsync(ct);
        var hits = rows.Select(t => Hit("task", t.Id, t.Title,
            $"{t.Lead}{(t.DueDate is { } due ? " · hạn " + VnFormat.Date(due) : "")}", $"/Tasks/Details/{t.Id}", Rank(t.Title, key)));
        return Group("task", hits, more, key);
    }

    private async Task<SearchGroup> DocumentsAsync(string q, string key, CancellationToken ct)
    {
        var pattern = SearchIndex.LikePattern(key);
        var (ids, more) = await NewestVisibleAsync("Documents", key,
            hits => Task.FromResult(scope.Visible(db.Documents).Where(d => hits.Contains(d.Id)).Select(d => d.Id)),
            () => Task.FromResult(scope.Visible(db.Documents).Where(d => EF.Functions.Like(d.SearchKey, pattern, "\\")).Select(d => d.Id)), ct);
        // An exact symbol is looked up by its own index, so that it comes first however many titles also match.
        var upper = q.ToUpperInvariant();
        var rows = await scope.Visible(db.Documents.AsNoTracking()).Where(d => ids.Contains(d.Id) || d.Symbol == q || d.Symbol == upper)
            .Select(d => new { d.Id, d.Symbol, d.TypeName, d.Title, d.IssuedOn }).ToListAsync(ct);
        var hits = rows.Select(d => Hit("document", d.Id, d.Title, $"{d.TypeName} số {d.Symbol} · {VnFormat.Date(d.IssuedOn)}",
            $"/Documents/Details/{d.Id}", VnText.Fold(d.Symbol) == key ? 0 : Rank(d.Title, key)));
        return Group("document", hits, more, key);
    }

    private async Task<SearchGroup> UnitsAsync(string q, string key, CancellationToken ct)
    {
        var pattern = SearchIndex.LikePattern(key);
        var (ids, more) = await NewestVisibleAsync("Units", key,
            hits => Task.FromResult(scope.Visible(db.Units).Where(u => hits.Contains(u.Id)).Select(u => u.Id)),
            () => Task.FromResult(scope.Visible(db.Units).Where(u => EF.Functions.Like(u.SearchKey, pattern, "\\")).Select(u => u.Id)), ct);
        var upper = q.ToUpperInvariant();
        var rows = await scope.Visible(db.Units.AsNoTracking()).Where(u => ids.Contains(u.Id) || u.Code == q || u.Code == upper)
            .Select(u => new { u.Id, u.Code, u.Name, u.Type, u.ValidTo }).ToListAsync(ct);
        var hits = rows.Select(u => Hit("unit", u.Id, u.Name, $"{u.Type.Label()} · mã {u.Code}{(u.ValidTo is null ? "" : " · đã ngừng hoạt động")}",
            $"/Units/Details/{u.Id}", VnText.Fold(u.Code) == key ? 0 : Rank(u.Name, key)));
        return Group("unit", hits, more, key);
    }

    /// <summary>
    /// The newest <see cref="Window"/> ids the reader may open among the records of <paramref name="table"/> whose key
    /// holds the key, and whether there are more. The index gives its newest hits first. A reader who sees everything
    /// takes them as they come. A scoped reader keeps those of the newest <see cref="Scan"/> they may open (tasks read by
    /// parts, each from its own index: at 1M tasks, 2 ms for a province against 12 ms with the one condition); when fewer
    /// than a window of these are theirs and the index has more, their scope is sparse among the hits, and all their hits
    /// are read instead (<paramref name="inScope"/>: by their units' index ranges, or by the search index where the
    /// database finds that cheaper), so that no number of others' newer hits hides them.
    /// </summary>
    private async Task<(List<int> Ids, bool More)> NewestVisibleAsync(string table, string key,
        Func<List<int>, Task<IQueryable<int>>> visibleAmong, Func<Task<IQueryable<int>>> inScope, CancellationToken ct)
    {
        if (scope.SeesEverything)
        {
            var all = await SearchIndex.CandidatesAsync(db, table, key, Window, ct);
            return (all, all.Count == Window);
        }
        var hits = await SearchIndex.CandidatesAsync(db, table, key, Scan, ct);
        var visible = (await (await visibleAmong(hits)).ToListAsync(ct)).ToHashSet();
        var kept = hits.Where(visible.Contains).ToList();
        if (kept.Count >= Window || hits.Count < Scan)
            return (kept.Take(Window).ToList(), kept.Count > Window || hits.Count == Scan);
        var own = (await (await inScope()).ToListAsync(ct)).Distinct().OrderDescending().ToList();
        return (own.Take(Window).ToList(), own.Count > Window);
    }

    // A unit records a few conferences a year: their titles are folded here rather than indexed.
    private async Task<SearchGroup> ConferencesAsync(string key, CancellationToken ct)
    {
        var rows = await scope.Visible(db.Conferences.AsNoTracking()).Select(c => new { c.Id, c.Title, c.Kind, c.HeldOn }).ToListAsync(ct);
        var hits = rows.Where(c => VnText.Fold($"{c.Title} {c.Kind}").Contains(key, StringComparison.Ordinal))
            .Select(c => Hit("conference", c.Id, c.Title, $"{(c.Kind.Length > 0 ? c.Kind + " · " : "")}{VnFormat.Date(c.HeldOn)}",
                $"/Conferences/Details/{c.Id}", Rank(c.Title, key)));
        return Group("conference", hits, more: false, key);
    }

    // Accounts are read where the accounts pages read them: by the administrator only, one per person, folded here as there.
    private async Task<SearchGroup> PeopleAsync(string key, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName, UnitName = u.Unit!.Name }).ToListAsync(ct);
        var hits = rows.Where(u => VnText.Fold($"{u.DisplayName} {u.UserName}").Contains(key, StringComparison.Ordinal))
            .Select(u => Hit("person", u.Id, u.DisplayName, $"{u.UserName}{(u.UnitName is null ? "" : " · " + u.UnitName)}",
                $"/Accounts/Users/Edit/{u.Id}", Math.Min(Rank(u.DisplayName, key), VnText.Fold(u.UserName!) == key ? 0 : 4)));
        return Group("person", hits, more: false, key);
    }

    private static SearchHit Hit(string kind, int id, string title, string? detail, string url, int rank) => new(kind, id, title, detail, url, rank);

    // Only the hits shown are marked.
    private static SearchGroup Group(string kind, IEnumerable<SearchHit> hits, bool more, string key)
    {
        var ranked = hits.OrderBy(h => h.Rank).ThenByDescending(h => h.Id).ToList();
        return new SearchGroup(kind, Kinds[kind], ranked.Take(PerKind).Select(h => h with { TitleParts = Highlight(h.Title, key) }).ToList(),
            more || ranked.Count > PerKind);
    }

    /// <summary>Where the key falls in a title: 1 at its start, 2 on whole words, 3 inside a word, 4 not in it.</summary>
    public static int Rank(string title, string key)
    {
        var folded = VnText.Fold(title);
        var at = folded.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
            return 4;
        if (at == 0)
            return 1;
        for (var i = at; i >= 0; i = folded.IndexOf(key, i + 1, StringComparison.Ordinal))
        {
            var end = i + key.Length;
            if (!char.IsLetterOrDigit(folded[i - 1]) && (end == folded.Length || !char.IsLetterOrDigit(folded[end])))
                return 2;
        }
        return 3;
    }

    /// <summary>
    /// The title split where its folded form holds the key. Folding keeps one character for each of a
    /// normalised text, so a place in the folded text is the same place in the shown one.
    /// </summary>
    public static IReadOnlyList<TextPart> Highlight(string title, string key)
    {
        var shown = VnText.Normalize(title);
        var folded = VnText.Fold(shown);
        if (folded.Length != shown.Length || key.Length == 0)
            return [new TextPart(shown, false)];
        var parts = new List<TextPart>();
        var from = 0;
        for (var at = folded.IndexOf(key, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(key, from, StringComparison.Ordinal))
        {
            if (at > from)
                parts.Add(new TextPart(shown[from..at], false));
            parts.Add(new TextPart(shown.Substring(at, key.Length), true));
            from = at + key.Length;
            if (from >= folded.Length)
                break;
        }
        if (from < shown.Length)
            parts.Add(new TextPart(shown[from..], false));
        return parts;
    }
}
