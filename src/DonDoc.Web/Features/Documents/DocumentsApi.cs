using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Documents;

public sealed record DocumentDto(int Id, string Symbol, SymbolForm Form, string Number, string TypeCode, string TypeName,
    string IssuerCode, string? Term, int? Year, DateOnly IssuedOn, string Title, string? Summary, DocumentStatus Status);

public sealed class DocumentFilter
{
    public string? Symbol { get; set; }
    public string? Q { get; set; }
    public string? Type { get; set; }
    public string? Issuer { get; set; }
    public int? Year { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    // The API's cursor of the next page (Page<T>.Next), for the same filter.
    public string? Cursor { get; set; }
}

public static class DocumentsApi
{
    public static IQueryable<DocumentDto> ToDto(this IQueryable<Document> docs) =>
        docs.Select(d => new DocumentDto(d.Id, d.Symbol, d.Form, d.Number, d.TypeCode, d.TypeName, d.IssuerCode,
            d.Term == null ? null : d.Term.Name, d.Year, d.IssuedOn, d.Title, d.Summary, d.Status));

    // The register's order, the newest first, as keys a cursor can continue from.
    private static readonly Keyset<Document, DocumentDto> Newest = new Keyset<Document, DocumentDto>()
        .By(d => d.IssuedOn, r => r.IssuedOn, descending: true).By(d => d.Id, r => r.Id, descending: true);

    /// <summary>The register's filter, shared by the list page and the API.</summary>
    public static Outcome<IQueryable<Document>> Filter(AppDb db, UserScope scope, DocumentFilter f)
    {
        var problems = Paging.Check(f.Page, f.PageSize) ?? new Problems();
        var query = scope.Visible(db.Documents.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(f.Symbol))
        {
            var parsed = DocumentSymbol.Parse(f.Symbol);
            if (!parsed.Ok)
                problems.Add("symbol", parsed.Error!);
            else
                query = query.Where(d => d.Symbol == parsed.Symbol!.Canonical);
        }
        if (f.Year is { } y && !InputRules.YearInWindow(y))
            problems.Add("year", InputRules.YearOutOfWindow(y));
        if (problems.Any)
            return problems;
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var key = VnText.Fold(f.Q);
            query = query.Where(d => d.SearchKey.Contains(key));
        }
        if (!string.IsNullOrWhiteSpace(f.Type))
            query = query.Where(d => d.TypeCode == f.Type);
        if (!string.IsNullOrWhiteSpace(f.Issuer))
            query = query.Where(d => d.IssuerCode == f.Issuer);
        if (f.Year is { } year)
            query = query.Where(d => d.IssuedOn >= new DateOnly(year, 1, 1) && d.IssuedOn <= new DateOnly(year, 12, 31));
        return new Outcome<IQueryable<Document>>(query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id), null);
    }

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("Văn bản");

        api.MapGet("/", async Task<Results<Ok<Page<DocumentDto>>, ValidationProblem>> (AppDb db, UserScope scope, Cursors cursors, [AsParameters] DocumentFilter filter,
            CancellationToken ct) =>
        {
            var query = Filter(db, scope, filter);
            if (query.Problems is { } problems)
                return problems.ToResult();
            var refused = new Problems();
            var at = Paging.Position(filter.Page, filter.PageSize, filter.Cursor, cursors,
                Cursors.ListOf("documents", filter.Symbol, filter.Q, filter.Type, filter.Issuer, filter.Year), Newest, refused);
            if (refused.Any)
                return refused.ToResult();
            return TypedResults.Ok(await Paging.PageAsync(query.Value!, Newest, ToDto, at, query.Value!.CountAsync, cursors, ct));
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<DocumentDto>, NotFound>> (AppDb db, UserScope scope, int id, CancellationToken ct) =>
            await scope.Visible(db.Documents).Where(d => d.Id == id).ToDto().FirstOrDefaultAsync(ct) is { } doc ? TypedResults.Ok(doc) : TypedResults.NotFound());

        api.MapPost("/", async Task<Results<Created<DocumentDto>, ValidationProblem>> (DocumentRegistry registry, AppDb db, UserScope scope, NewDocument input, CancellationToken ct) =>
        {
            var result = await registry.RegisterAsync(input, DocumentStatus.Registered, scope.UnitId, ct, reader: scope);
            if (result.Problems is { } problems)
                return problems.ToResult();
            var doc = await db.Documents.Where(d => d.Id == result.Value!.Id).ToDto().FirstAsync(ct);
            return TypedResults.Created($"/api/documents/{doc.Id}", doc);
        }).RequireAuthorization(Policies.Office).AcceptsIdempotencyKey();

        return app;
    }
}
