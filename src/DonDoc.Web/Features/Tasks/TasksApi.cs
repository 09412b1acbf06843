using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Nhiệm vụ");

        api.MapGet("/", async Task<Results<Ok<Page<TaskRow>>, ValidationProblem>> (AppDb db, UserScope scope, Clock clock, Cursors cursors, [AsParameters] TaskFilter filter, CancellationToken ct) =>
        {
            var result = await TaskList.QueryAsync(db, scope, filter, clock.Today, ct, cursors);
            return result.Problems is { } problems ? problems.ToResult() : TypedResults.Ok(result.Value!);
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<TaskDetail>, NotFound>> (AppDb db, UserScope scope, Clock clock, int id, HttpResponse response, CancellationToken ct) =>
        {
            if (await TaskDetail.LoadAsync(db, scope, id, clock.Today, ct) is not { } detail)
                return TypedResults.NotFound();
            response.Headers.ETag = Versions.ETag(detail.Version);
            return TypedResults.Ok(detail);
        });

        api.MapPost("/", async Task<Results<Created<TaskDetail>, ValidationProblem, ProblemHttpResult>> (TaskWorkflow flow, AppDb db, UserScope scope,
            Clock clock, NewTask input, HttpContext http, CancellationToken ct) =>
        {
            var result = await flow.CreateAsync(input, scope, ct);
            var detail = result.IsDone ? await TaskDetail.LoadAsync(db, scope, result.Value!.Id, clock.Today, ct) : null;
            return result.ToApi(http, _ => TypedResults.Created($"/api/tasks/{detail!.Id}", detail));
        }).RequireAuthorization(Policies.Office).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .AcceptsIdempotencyKey();

        // Every action on a task may be refused: a task outside the user's scope is not found, a right
        // their roles lack is forbidden, and a change saved since the version in If-Match is a conflict.
        var actions = api.MapGroup("/{id:int}")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapPut("", (TaskWorkflow flow, UserScope scope, int id, TaskEdit input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Edit, ifMatch, version => flow.EditAsync(id, input, version, scope, ct), StateOf, ct));
        actions.MapPost("/fanout", (TaskWorkflow flow, UserScope scope, int id, FanOutRequest input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.FanOut, ifMatch, version => flow.FanOutAsync(id, input, version, scope, ct), created => new { created }, ct)).AcceptsIdempotencyKey();
        actions.MapGet("/fanout", async Task<Results<Ok<FanOutPreview>, ValidationProblem, ProblemHttpResult>> (TaskWorkflow flow, UserScope scope,
                HttpContext http, int id, int? unitId, Units.UnitType? unitType, CancellationToken ct) =>
            (await scope.OnTaskAsync(id, TaskRight.FanOut, () => flow.FanOutTargetsAsync(id, new FanOutRequest { UnitId = unitId, UnitType = unitType }, scope, ct), ct))
                .ToApi(http, units => TypedResults.Ok(new FanOutPreview(units.Count, units))));
        actions.MapPost("/withdraw", (TaskWorkflow flow, UserScope scope, int id, WithdrawRequest input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.FanOut, ifMatch, version => flow.WithdrawAsync(id, input, version, ct), withdrawn => new { withdrawn }, ct));
        actions.MapPost("/accept", (TaskWorkflow flow, UserScope scope, int id, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Accept, ifMatch, version => flow.AcceptAsync(id, version, ct), StateOf, ct));
        actions.MapPost("/submit", (TaskWorkflow flow, UserScope scope, int id, SubmitInput input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Submit, ifMatch, version => flow.SubmitAsync(id, input, version, ct), StateOf, ct));
        actions.MapPost("/complete", (TaskWorkflow flow, UserScope scope, int id, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Complete, ifMatch, version => flow.CompleteAsync(id, version, ct), StateOf, ct));
        actions.MapPost("/return", (TaskWorkflow flow, UserScope scope, int id, ReasonInput input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Return, ifMatch, version => flow.ReturnAsync(id, input, version, ct), StateOf, ct));
        actions.MapPost("/cancel", (TaskWorkflow flow, UserScope scope, int id, ReasonInput input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Cancel, ifMatch, version => flow.CancelAsync(id, input, version, ct), StateOf, ct));
        actions.MapPost("/progress", (TaskWorkflow flow, UserScope scope, int id, ProgressInput input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Progress, ifMatch, version => flow.ReportProgressAsync(id, input, [], version, ct), ReportOf, ct)).AcceptsIdempotencyKey();
        actions.MapPost("/evidence", (TaskWorkflow flow, UserScope scope, int id, [FromForm] ProgressInput input, IFormFileCollection files, IfMatch ifMatch,
                CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.Progress, ifMatch,
                version => flow.ReportProgressAsync(id, input, files.Select(EvidenceFiles.Of).ToList(), version, ct), ReportOf, ct))
            .DisableAntiforgery()
            .AcceptsIdempotencyKey()
            .WithMetadata(EvidenceLimits.For(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value));
        actions.MapPost("/extension", (TaskWorkflow flow, UserScope scope, int id, ExtensionInput input, IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.RequestExtension, ifMatch, version => flow.RequestExtensionAsync(id, input, version, ct), ExtensionOf, ct)).AcceptsIdempotencyKey();
        actions.MapPost("/extension/{requestId:int}/decision", (TaskWorkflow flow, UserScope scope, int id, int requestId, ExtensionDecision input,
                IfMatch ifMatch, CancellationToken ct) =>
            ActAsync(scope, id, TaskRight.DecideExtension, ifMatch, version => flow.DecideExtensionAsync(id, requestId, input, version, ct), ExtensionOf, ct));

        return app;
    }

    /// <summary>What a fan-out would do: "136 đơn vị sẽ nhận", and which.</summary>
    public sealed record FanOutPreview(int Count, IReadOnlyList<FanOutTarget> Units);

    private static object StateOf(TaskItem t) => new { t.Id, t.Status, t.Version };
    private static object ReportOf(ProgressReport r) => new { r.Id, r.Percent, r.ReportedOn };
    private static object ExtensionOf(ExtensionRequest x) => new { x.Id, x.State, x.RequestedDueDate, x.Version };

    private static async Task<Results<Ok<object>, ValidationProblem, ProblemHttpResult>> ActAsync<T>(UserScope scope, int id, TaskRight right,
        IfMatch ifMatch, Func<int?, Task<Outcome<T>>> action, Func<T, object> body, CancellationToken ct)
    {
        var result = ifMatch.Valid
            ? await scope.OnTaskAsync(id, right, () => action(ifMatch.Version), ct)
            : Problems.Of("If-Match", "If-Match phải là một phiên bản, ví dụ \"3\", như trong ETag khi đọc nhiệm vụ.");
        return result.ToApi(ifMatch.Http, value => TypedResults.Ok(body(value)));
    }
}

/// <summary>The body and form limits of a progress report with evidence, the same on the page and the API.</summary>
public static class EvidenceLimits
{
    public static object[] For(EvidenceOptions options) =>
        [new RequestSizeLimitAttribute(options.RequestLimit), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = options.RequestLimit }];
}

public static class EvidenceFiles
{
    public static EvidenceFile Of(IFormFile f) => new(f.FileName, f.ContentType, f.Length, f.OpenReadStream);
}
