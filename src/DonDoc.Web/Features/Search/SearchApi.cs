using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Web.Features.Search;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        // kind: task, document, unit, conference or person; without it, every kind the reader may search.
        app.MapGet("/api/search", async Task<Results<Ok<SearchAnswer>, ValidationProblem>> (SiteSearch search, string? q, string? kind, CancellationToken ct) =>
        {
            var key = SiteSearch.Check(q, kind);
            if (key.Problems is { } problems)
                return problems.ToResult();
            return TypedResults.Ok(await search.FindAsync(q!, key.Value!, kind, ct));
        }).WithTags("Tìm kiếm");
        return app;
    }
}
