using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Web.Features.Years;

public static class YearsApi
{
    public static IEndpointRouteBuilder MapYearsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units/{id:int}/years/{year:int}").WithTags("Khung năm")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("", async Task<Results<Ok<YearFrameView>, ValidationProblem, ProblemHttpResult>> (YearFrames frames, HttpContext http, int id, int year,
            CancellationToken ct) =>
        {
            var view = await frames.GetAsync(id, year, ct);
            if (view.IsDone)
                http.Response.Headers.ETag = Versions.ETag(view.Value!.Version);
            return view.ToApi(http, TypedResults.Ok);
        });

        var writes = api.MapGroup("").RequireAuthorization(Policies.Office)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("", (YearFrames frames, int id, int year, YearFrameInput input, IfMatch ifMatch, CancellationToken ct) =>
            WriteAsync(frames, id, year, ifMatch, version => frames.SaveAsync(id, year, input, version, ct), ct));
        writes.MapPost("/groups/{number:int}/tasks", (YearFrames frames, int id, int year, int number, FilingInput input, IfMatch ifMatch, CancellationToken ct) =>
            WriteAsync(frames, id, year, ifMatch, version => frames.FileAsync(id, year, number, input, version, ct), ct));
        writes.MapDelete("/groups/{number:int}/tasks/{taskId:int}", (YearFrames frames, int id, int year, int number, int taskId, IfMatch ifMatch,
                CancellationToken ct) =>
            WriteAsync(frames, id, year, ifMatch, version => frames.UnfileAsync(id, year, number, taskId, version, ct), ct));
        writes.MapPost("/groups/{number:int}/indicators", (YearFrames frames, int id, int year, int number, IndicatorFilingInput input, IfMatch ifMatch,
                CancellationToken ct) =>
            WriteAsync(frames, id, year, ifMatch, version => frames.FileIndicatorAsync(id, year, number, input, version, ct), ct));
        writes.MapDelete("/groups/{number:int}/indicators/{indicatorId:int}", (YearFrames frames, int id, int year, int number, int indicatorId,
                IfMatch ifMatch, CancellationToken ct) =>
            WriteAsync(frames, id, year, ifMatch, version => frames.UnfileIndicatorAsync(id, year, number, indicatorId, version, ct), ct));
        return app;
    }

    /// <summary>Runs a change with the version from If-Match and answers with the year as it then is.</summary>
    private static async Task<Results<Ok<YearFrameView>, ValidationProblem, ProblemHttpResult>> WriteAsync(YearFrames frames, int id, int year,
        IfMatch ifMatch, Func<int?, Task<Outcome<UnitYear>>> change, CancellationToken ct)
    {
        if (!ifMatch.Valid)
            return Problems.Of("If-Match", "If-Match phải là một phiên bản, ví dụ \"3\", như trong ETag khi đọc khung năm.").ToResult();
        var result = await change(ifMatch.Version);
        // A refusal is answered as every refusal is; the year is read again only after a change.
        if (!result.IsDone)
            return result.ToApi(ifMatch.Http, _ => TypedResults.Ok<YearFrameView>(null!));
        var view = (await frames.GetAsync(id, year, ct)).Value!;
        ifMatch.Http.Response.Headers.ETag = Versions.ETag(view.Version);
        return TypedResults.Ok(view);
    }
}
