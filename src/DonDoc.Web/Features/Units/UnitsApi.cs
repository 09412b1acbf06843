using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Units;

public sealed record UnitDto(int Id, string Code, string Name, UnitType Type, string TypeLabel, int? ParentId, int Depth,
    DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record UnitDetailDto(UnitDto Unit, UnitDto? Parent, IReadOnlyList<UnitDto> Children,
    IReadOnlyList<UnitDto> Predecessors, IReadOnlyList<UnitDto> Successors);

/// <summary>The units list's filter: its search (folded, "thanh uy" finds "Thành ủy") and "closed units too".</summary>
public sealed class UnitFilter
{
    public string? Q { get; set; }
    public bool? Closed { get; set; }
}

public static class UnitsApi
{
    /// <summary>The units the user sees on the units page, which the page's tree, its search and the export read.</summary>
    public static IQueryable<Unit> Listed(UserScope scope, IQueryable<Unit> units, UnitFilter f, DateOnly today)
    {
        units = scope.Visible(units);
        if (f.Closed != true)
            units = units.Where(u => u.ValidTo == null || u.ValidTo > today);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var key = DonDoc.Text.VnText.Fold(f.Q);
            units = units.Where(u => u.SearchKey.Contains(key));
        }
        return units;
    }

    public static IQueryable<UnitDto> ToDto(this IQueryable<Unit> units) =>
        units.Select(u => new UnitDto(u.Id, u.Code, u.Name, u.Type, "", u.ParentId, u.Depth, u.ValidFrom, u.ValidTo));

    private static UnitDto Labelled(UnitDto u) => u with { TypeLabel = u.Type.Label() };

    // The list's order, parents before children, is the paths' (each ends with the unit's own id, so it is unique).
    private sealed record PathRow(string Path, UnitDto Unit);

    private static readonly Keyset<Unit, PathRow> ByPath = new Keyset<Unit, PathRow>().By(u => u.Path, r => r.Path);

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Đơn vị");

        api.MapGet("/", async Task<Results<Ok<Page<UnitDto>>, ValidationProblem>> (AppDb db, UserScope scope, Cursors cursors, int? parent, bool? includeClosed,
            int? page, int? pageSize, string? cursor, CancellationToken ct) =>
        {
            var problems = Paging.Check(page, pageSize) ?? new Problems();
            var at = Paging.Position(page, pageSize, cursor, cursors, Cursors.ListOf("units", parent, includeClosed == true), ByPath, problems);
            if (problems.Any)
                return problems.ToResult();
            var query = scope.Visible(db.Units.AsNoTracking());
            query = parent is { } p ? query.Where(u => u.ParentId == p) : query;
            if (includeClosed != true)
                query = query.Where(u => u.ValidTo == null);
            var result = await Paging.PageAsync(query, ByPath, units => units.Select(u => new PathRow(u.Path, new UnitDto(u.Id, u.Code, u.Name,
                u.Type, "", u.ParentId, u.Depth, u.ValidFrom, u.ValidTo))), at, query.CountAsync, cursors, ct);
            return TypedResults.Ok(new Page<UnitDto>(result.Items.Select(r => Labelled(r.Unit)).ToList(), result.Total, result.PageNumber, result.PageSize)
            {
                Next = result.Next,
            });
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<UnitDetailDto>, NotFound>> (AppDb db, UserScope scope, int id, CancellationToken ct) =>
        {
            var units = scope.Visible(db.Units.AsNoTracking());
            var unit = await units.Where(u => u.Id == id).ToDto().FirstOrDefaultAsync(ct);
            if (unit is null)
                return TypedResults.NotFound();
            var parent = unit.ParentId is { } pid ? await units.Where(u => u.Id == pid).ToDto().FirstOrDefaultAsync(ct) : null;
            var children = await units.Where(u => u.ParentId == id).OrderBy(u => u.Code).ToDto().ToListAsync(ct);
            var predecessors = await units.Where(u => db.UnitLineages.Any(l => l.SuccessorId == id && l.PredecessorId == u.Id)).ToDto().ToListAsync(ct);
            var successors = await units.Where(u => db.UnitLineages.Any(l => l.PredecessorId == id && l.SuccessorId == u.Id)).ToDto().ToListAsync(ct);
            return TypedResults.Ok(new UnitDetailDto(Labelled(unit), parent is null ? null : Labelled(parent),
                children.Select(Labelled).ToList(), predecessors.Select(Labelled).ToList(), successors.Select(Labelled).ToList()));
        });

        api.MapGet("/{id:int}/dashboard", async Task<Results<Ok<DashboardView>, NotFound, ValidationProblem>> (DashboardQuery query, UserScope scope, Clock clock, int id, string? asOf, HttpRequest request, CancellationToken ct) =>
        {
            // A unit's counts cover its whole subtree, so a unit the user sees holds nothing outside their scope.
            if (!await scope.SeesUnitAsync(id, ct))
                return TypedResults.NotFound();
            var day = DashboardArgs.ParseAsOf(asOf, clock.Today);
            if (day.Problems is { } problems)
                return problems.ToResult();
            // A client that asks for no cached answer gets the rows read again (the benchmark's measure of a first read).
            var view = await query.GetAsync(id, day.Value, ct, fresh: request.GetTypedHeaders().CacheControl?.NoCache == true);
            return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
        });

        return app;
    }
}
