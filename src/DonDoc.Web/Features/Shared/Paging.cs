using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Shared;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

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
}
