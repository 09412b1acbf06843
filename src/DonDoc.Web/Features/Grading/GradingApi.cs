using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Web.Features.Grading;

public static class GradingApi
{
    public static IEndpointRouteBuilder MapGradingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units/{id:int}/grades/{year:int}").WithTags("Xếp loại chất lượng")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The unit's direct children with their facts, suggestion and grade.
        api.MapGet("", async Task<Results<Ok<GradingView>, ValidationProblem, ProblemHttpResult>> (GradeBook book, HttpContext http, int id, int year,
                CancellationToken ct) =>
            (await book.GetAsync(id, year, ct)).ToApi(http, TypedResults.Ok));

        // Entered by the parent's office; If-Match carries the version of the grade when it is changed.
        api.MapPut("/{unitId:int}", async Task<Results<Ok<GradeRecord>, ValidationProblem, ProblemHttpResult>> (GradeBook book, int id, int year, int unitId,
                GradeInput input, IfMatch ifMatch, CancellationToken ct) =>
            {
                var result = ifMatch.Valid
                    ? await book.EnterAsync(id, year, unitId, input, ifMatch.Version, ct)
                    : Problems.Of("If-Match", "If-Match phải là một phiên bản, ví dụ \"3\", như trong ETag khi đọc xếp loại.");
                return result.ToApi(ifMatch.Http, g =>
                {
                    ifMatch.Http.Response.Headers.ETag = Versions.ETag(g.Version);
                    return TypedResults.Ok(GradeBook.RecordOf(g));
                });
            })
            .RequireAuthorization(Policies.Office)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
