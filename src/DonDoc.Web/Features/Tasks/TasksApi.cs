using DonDoc.Web.Data;
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

        api.MapGet("/", async Task<Results<Ok<Page<TaskRow>>, ValidationProblem>> (AppDb db, Clock clock, [AsParameters] TaskFilter filter, CancellationToken ct) =>
        {
            var result = await TaskList.QueryAsync(db, filter, clock.Today, ct);
            return result.Problems is { } problems ? problems.ToResult() : TypedResults.Ok(result.Value!);
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<TaskDetail>, NotFound>> (AppDb db, Clock clock, int id, CancellationToken ct) =>
            await TaskDetail.LoadAsync(db, id, clock.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound());

        api.MapPost("/", async Task<Results<Created<TaskDetail>, ValidationProblem>> (TaskWorkflow flow, AppDb db, Clock clock, NewTask input, CancellationToken ct) =>
        {
            var result = await flow.CreateAsync(input, ct);
            if (result.Problems is { } problems)
                return problems.ToResult();
            var detail = (await TaskDetail.LoadAsync(db, result.Value!.Id, clock.Today, ct))!;
            return TypedResults.Created($"/api/tasks/{detail.Id}", detail);
        });

        api.MapPost("/{id:int}/fanout", (TaskWorkflow flow, int id, FanOutRequest input, CancellationToken ct) =>
            Respond(flow.FanOutAsync(id, input, ct), created => new { created }));
        api.MapPost("/{id:int}/accept", (TaskWorkflow flow, int id, CancellationToken ct) =>
            Respond(flow.AcceptAsync(id, ct), t => new { t.Id, t.Status }));
        api.MapPost("/{id:int}/submit", (TaskWorkflow flow, int id, CancellationToken ct) =>
            Respond(flow.SubmitAsync(id, ct), t => new { t.Id, t.Status }));
        api.MapPost("/{id:int}/complete", (TaskWorkflow flow, int id, CancellationToken ct) =>
            Respond(flow.CompleteAsync(id, ct), t => new { t.Id, t.Status }));
        api.MapPost("/{id:int}/return", (TaskWorkflow flow, int id, ReasonInput input, CancellationToken ct) =>
            Respond(flow.ReturnAsync(id, input, ct), t => new { t.Id, t.Status }));
        api.MapPost("/{id:int}/cancel", (TaskWorkflow flow, int id, ReasonInput input, CancellationToken ct) =>
            Respond(flow.CancelAsync(id, input, ct), t => new { t.Id, t.Status }));
        api.MapPost("/{id:int}/progress", (TaskWorkflow flow, int id, ProgressInput input, CancellationToken ct) =>
            Respond(flow.ReportProgressAsync(id, input, [], ct), r => new { r.Id, r.Percent, r.ReportedOn }));
        api.MapPost("/{id:int}/evidence", async (TaskWorkflow flow, int id, [FromForm] ProgressInput input, IFormFileCollection files, CancellationToken ct) =>
            await Respond(flow.ReportProgressAsync(id, input, files.Select(EvidenceFiles.Of).ToList(), ct), r => new { r.Id, r.Percent, r.ReportedOn }))
            .DisableAntiforgery();
        api.MapPost("/{id:int}/extension", (TaskWorkflow flow, int id, ExtensionInput input, CancellationToken ct) =>
            Respond(flow.RequestExtensionAsync(id, input, ct), x => new { x.Id, x.State, x.RequestedDueDate }));
        api.MapPost("/{id:int}/extension/{requestId:int}/decision", (TaskWorkflow flow, int id, int requestId, ExtensionDecision input, CancellationToken ct) =>
            Respond(flow.DecideExtensionAsync(id, requestId, input, ct), x => new { x.Id, x.State, x.RequestedDueDate }));

        return app;
    }

    // A missing task is 404; any other refusal is a 400 naming the fields.
    private static async Task<IResult> Respond<T>(Task<Outcome<T>> work, Func<T, object> body)
    {
        var result = await work;
        if (result.Problems is { } problems)
            return problems.ToDictionary().Keys.SequenceEqual(["id"]) ? TypedResults.NotFound() : problems.ToResult();
        return TypedResults.Ok(body(result.Value!));
    }
}

public static class EvidenceFiles
{
    public static EvidenceFile Of(IFormFile f) => new(f.FileName, f.ContentType, f.Length, f.OpenReadStream);
}
