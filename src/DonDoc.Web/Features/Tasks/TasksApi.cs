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

        api.MapGet("/", async Task<Results<Ok<Page<TaskRow>>, ValidationProblem>> (AppDb db, UserScope scope, Clock clock, [AsParameters] TaskFilter filter, CancellationToken ct) =>
        {
            var result = await TaskList.QueryAsync(db, scope, filter, clock.Today, ct);
            return result.Problems is { } problems ? problems.ToResult() : TypedResults.Ok(result.Value!);
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<TaskDetail>, NotFound>> (AppDb db, UserScope scope, Clock clock, int id, HttpResponse response, CancellationToken ct) =>
        {
            if (await TaskDetail.LoadAsync(db, scope, id, clock.Today, ct) is not { } detail)
                return TypedResults.NotFound();
            response.Headers.ETag = Versions.ETag(detail.Version);
            return TypedResults.Ok(detail);
        });

        api.MapPost("/", async Task<Results<Created<TaskDetail>, ValidationProblem>> (TaskWorkflow flow, AppDb db, UserScope scope, Clock clock, NewTask input, CancellationToken ct) =>
        {
            if (await scope.CheckNewTaskAsync(input, ct) is { } outside)
                return outside.ToResult();
            var result = await flow.CreateAsync(input, scope.UnitId, ct);
            if (result.Problems is { } problems)
                return problems.ToResult();
            var detail = (await TaskDetail.LoadAsync(db, scope, result.Value!.Id, clock.Today, ct))!;
            return TypedResults.Created($"/api/tasks/{detail.Id}", detail);
        }).RequireAuthorization(Policies.Office);

        api.MapPost("/{id:int}/fanout", (TaskWorkflow flow, UserScope scope, int id, FanOutRequest input, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.FanOut, async () =>
                input.UnitId is { } unitId && !await scope.SeesUnitAsync(unitId, ct)
                    ? Problems.Of(nameof(input.UnitId), $"Không có đơn vị số {unitId}.").ToResult()
                    : await Respond(ifMatch, version => flow.FanOutAsync(id, input, version, ct), created => new { created }), ct));
        api.MapPost("/{id:int}/accept", (TaskWorkflow flow, UserScope scope, int id, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Accept, () => Respond(ifMatch, version => flow.AcceptAsync(id, version, ct), t => new { t.Id, t.Status, t.Version }), ct));
        api.MapPost("/{id:int}/submit", (TaskWorkflow flow, UserScope scope, int id, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Submit, () => Respond(ifMatch, version => flow.SubmitAsync(id, version, ct), t => new { t.Id, t.Status, t.Version }), ct));
        api.MapPost("/{id:int}/complete", (TaskWorkflow flow, UserScope scope, int id, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Complete, () => Respond(ifMatch, version => flow.CompleteAsync(id, version, ct), t => new { t.Id, t.Status, t.Version }), ct));
        api.MapPost("/{id:int}/return", (TaskWorkflow flow, UserScope scope, int id, ReasonInput input, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Return, () => Respond(ifMatch, version => flow.ReturnAsync(id, input, version, ct), t => new { t.Id, t.Status, t.Version }), ct));
        api.MapPost("/{id:int}/cancel", (TaskWorkflow flow, UserScope scope, int id, ReasonInput input, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Cancel, () => Respond(ifMatch, version => flow.CancelAsync(id, input, version, ct), t => new { t.Id, t.Status, t.Version }), ct));
        api.MapPost("/{id:int}/progress", (TaskWorkflow flow, UserScope scope, int id, ProgressInput input, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Progress, () => Respond(ifMatch, version => flow.ReportProgressAsync(id, input, [], version, ct), r => new { r.Id, r.Percent, r.ReportedOn }), ct));
        api.MapPost("/{id:int}/evidence", (TaskWorkflow flow, UserScope scope, int id, [FromForm] ProgressInput input, IFormFileCollection files, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.Progress,
                () => Respond(ifMatch, version => flow.ReportProgressAsync(id, input, files.Select(EvidenceFiles.Of).ToList(), version, ct), r => new { r.Id, r.Percent, r.ReportedOn }), ct))
            .DisableAntiforgery()
            .WithMetadata(EvidenceLimits.For(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value));
        api.MapPost("/{id:int}/extension", (TaskWorkflow flow, UserScope scope, int id, ExtensionInput input, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.RequestExtension, () => Respond(ifMatch, version => flow.RequestExtensionAsync(id, input, version, ct), x => new { x.Id, x.State, x.RequestedDueDate, x.Version }), ct));
        api.MapPost("/{id:int}/extension/{requestId:int}/decision", (TaskWorkflow flow, UserScope scope, int id, int requestId, ExtensionDecision input, IfMatch ifMatch, CancellationToken ct) =>
            AllowedAsync(scope, id, TaskRight.DecideExtension,
                () => Respond(ifMatch, version => flow.DecideExtensionAsync(id, requestId, input, version, ct), x => new { x.Id, x.State, x.RequestedDueDate, x.Version }), ct));

        return app;
    }

    /// <summary>A task outside the user's scope does not exist for them (404); one they see but may not act on is 403.</summary>
    private static async Task<IResult> AllowedAsync(UserScope scope, int id, TaskRight right, Func<Task<IResult>> work, CancellationToken ct)
    {
        if (await scope.TaskAsync(id, ct) is not { } access)
            return TypedResults.NotFound();
        return access.Can(right) ? await work() : Refusals.Forbidden();
    }

    // A missing task is 404; a change made since the version in If-Match is 409 showing it; any other refusal is a 400 naming the fields.
    private static async Task<IResult> Respond<T>(IfMatch ifMatch, Func<int?, Task<Outcome<T>>> work, Func<T, object> body)
    {
        if (!ifMatch.Valid)
            return Problems.Of("If-Match", "If-Match phải là một phiên bản, ví dụ \"3\", như trong ETag khi đọc nhiệm vụ.").ToResult();
        var result = await work(ifMatch.Version);
        if (result.Conflict is { } conflict)
            return conflict.ToResult(ifMatch.Http);
        if (result.Problems is { } problems)
            return problems.ToDictionary().Keys.SequenceEqual(["id"]) ? TypedResults.NotFound() : problems.ToResult();
        return TypedResults.Ok(body(result.Value!));
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
