using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DonDoc.Web.Features.Shared;

/// <summary>What the _Pager partial needs of a <see cref="Page{T}"/>: a partial cannot take an open generic model.</summary>
public sealed record Pager(int PageNumber, int PageCount, int Total, string Param = "page")
{
    public static Pager Of<T>(Page<T> page, string param = "page") => new(page.PageNumber, page.PageCount, page.Total, param);

    /// <summary>The first and last pages and two either side of the current one; 0 marks a gap.</summary>
    public IEnumerable<int> Window()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, PageNumber - 2); p <= Math.Min(PageCount, PageNumber + 2); p++)
            shown.Add(p);
        var previous = 0;
        foreach (var p in shown)
        {
            if (p - previous > 1)
                yield return 0;
            yield return p;
            previous = p;
        }
    }

    /// <summary>The current address printed: without its page number, with every row (see <see cref="Paging.Printing"/>).</summary>
    public string PrintHref(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !string.Equals(q.Key, Param, StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "print", StringComparison.OrdinalIgnoreCase))
            .Append(new KeyValuePair<string, StringValues>("print", "1"))
            .ToList();
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    /// <summary>The current address with only the page number changed, so filters survive paging.</summary>
    public string Href(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !string.Equals(q.Key, Param, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (page > 1)
            query.Add(new KeyValuePair<string, StringValues>(Param, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
