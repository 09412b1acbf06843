using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Shared;

/// <summary>
/// A page of a list. <see cref="Next"/> is the cursor of the following page (null on the last one): asked for
/// with <c>?cursor=</c>, that page starts right after this page's last row, whatever its depth. A page reached
/// by cursor carries the <see cref="Total"/> counted for the list's first page rather than counting again.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public string? Next { get; init; }
}

/// <summary>Where a page starts: at an offset page, or after the row a cursor names (its key values, and the list's total then).</summary>
public sealed record PagePosition(string List, int Number, int Size, object?[]? After, int? Total);

public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static Problems? Check(int? page, int? pageSize)
    {
        var problems = new Problems();
        if (page is < 1)
            problems.Add("page", "Số trang phải từ 1 trở lên.");
        if (pageSize is < 1 or > MaxSize)
            problems.Add("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxSize}.");
        return problems.Any ? problems : null;
    }

    /// <summary>
    /// The position a request asks for, its problems added to <paramref name="problems"/>. <paramref name="list"/> names the
    /// list (its filter and order): a cursor made for another list is refused. Without <paramref name="cursors"/> (the pages)
    /// a cursor is ignored. The page and page size are checked by <see cref="Check"/> beforehand.
    /// </summary>
    public static PagePosition Position<TEntity, TRow>(int? page, int? pageSize, string? cursor, Cursors? cursors, string list,
        Keyset<TEntity, TRow> keys, Problems problems)
    {
        var size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        if (string.IsNullOrEmpty(cursor) || cursors is null)
            return new PagePosition(list, Math.Max(page ?? 1, 1), size, null, null);
        if (page is not null)
            problems.Add("page", "Không dùng “page” cùng với “cursor”: con trỏ đã chỉ trang tiếp theo.");
        switch (cursors.Read(cursor, list))
        {
            case { Cursor: { } c } when keys.Read(c.Key) is { } after:
                return new PagePosition(list, c.Page, size, after, c.Total);
            case { OtherList: true }:
                problems.Add("cursor", "Con trỏ trang này được tạo cho một danh sách khác (bộ lọc hoặc cách sắp xếp khác); hãy đọc lại từ trang đầu.");
                break;
            default:
                problems.Add("cursor", "Con trỏ trang không hợp lệ (bị sửa hoặc không do DonDoc tạo ra); hãy đọc lại từ trang đầu.");
                break;
        }
        return new PagePosition(list, 1, size, null, null);
    }

    /// <summary>A list is printed from its address with ?print=1: every row on one page, up to <see cref="MaxSize"/>.</summary>
    public static bool Printing(HttpRequest request) => request.Query.ContainsKey("print");

    /// <summary>The page and page size a list shows: those asked for, or all rows when it is printed.</summary>
    public static (int? Page, int? Size) For(HttpRequest request, int? page, int? size) =>
        Printing(request) ? (1, MaxSize) : (page, size);

    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> ordered, int? page, int? pageSize, CancellationToken ct)
    {
        var number = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, total, number, size);
    }

    /// <summary>
    /// A page in the keyset's order: an offset page, or the rows after a cursor's row, read as the runs of
    /// <see cref="Keyset{TEntity, TRow}.RunsAfter"/> so that it costs what the first page costs. The total is counted (<paramref name="count"/>)
    /// for an offset page only; a cursor carries the one counted before.
    /// </summary>
    public static async Task<Page<TRow>> PageAsync<TEntity, TRow>(IQueryable<TEntity> filtered, Keyset<TEntity, TRow> keys,
        Func<IQueryable<TEntity>, IQueryable<TRow>> project, PagePosition at, Func<CancellationToken, Task<int>> count, Cursors? cursors,
        CancellationToken ct)
    {
        List<TRow> rows;
        if (at.After is { } after)
        {
            // Run by run until the page and one row more are read: mostly one or two short index ranges.
            rows = [];
            foreach (var run in keys.RunsAfter(filtered, after))
            {
                rows.AddRange(await project(run).Take(at.Size + 1 - rows.Count).ToListAsync(ct));
                if (rows.Count > at.Size)
                    break;
            }
        }
        else
            rows = await project(keys.Order(filtered)).Skip((at.Number - 1) * at.Size).Take(at.Size + 1).ToListAsync(ct);
        var more = rows.Count > at.Size;
        if (more)
            rows.RemoveAt(at.Size);
        var total = at.Total ?? await count(ct);
        return new Page<TRow>(rows, total, at.Number, at.Size)
        {
            Next = more && cursors is not null ? cursors.Write(at.List, at.Number + 1, total, keys.ValuesOf(rows[^1])) : null,
        };
    }
}

/// <summary>
/// Cursors of the API's lists: the list they belong to (a hash of its filter and order), the page number and total
/// they continue, and the last row's key values, encrypted and signed with the data-protection keys that every
/// instance shares, so that a cursor made by one instance is read by another and an edited one is refused.
/// </summary>
public sealed class Cursors(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DonDoc.Paging.Cursor");

    public sealed record Cursor(string List, int Page, int Total, JsonElement[] Key);

    public readonly record struct Reading(Cursor? Cursor, bool OtherList);

    /// <summary>A list's name in a cursor: short, whatever the length of its filter.</summary>
    public static string ListOf(params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(parts))))[..24];

    public string Write(string list, int page, int total, object?[] key) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new { list, page, total, key })));

    public Reading Read(string text, string list)
    {
        try
        {
            var json = _protector.Unprotect(WebEncoders.Base64UrlDecode(text));
            var cursor = JsonSerializer.Deserialize<Cursor>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            if (cursor is null || cursor.Key is null || cursor.Page < 2 || cursor.Total < 0)
                return default;
            return cursor.List == list ? new Reading(cursor, false) : new Reading(null, true);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException)
        {
            return default;
        }
    }
}
