using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Conflict = DonDoc.Web.Features.AuditTrail.Conflict;

namespace DonDoc.Web.Features.Shared;

public enum OutcomeKind
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// What an action came to: done, with its value; or refused as not found, forbidden, invalid (with
/// messages per field) or in conflict with a change saved since the caller read the record (with
/// what changed). The API answers it with <see cref="Outcomes.ToApi{T, TDone}"/>, the pages with
/// <see cref="Outcomes.ShowRefusalAsync{T}"/>.
/// </summary>
public readonly record struct Outcome<T>
{
    /// <summary>Done with the value, or invalid when there are problems.</summary>
    public Outcome(T? value, Problems? problems)
    {
        Kind = problems is null ? OutcomeKind.Done : OutcomeKind.Invalid;
        Value = problems is null ? value : default;
        Problems = problems;
    }

    public OutcomeKind Kind { get; private init; }
    public T? Value { get; private init; }
    public Problems? Problems { get; private init; }
    public Conflict? Conflict { get; private init; }
    // What is missing or not allowed, for a not-found or forbidden outcome.
    public string? Message { get; private init; }

    public bool IsDone => Kind == OutcomeKind.Done;

    public static Outcome<T> NotFound(string message) => new() { Kind = OutcomeKind.NotFound, Message = message };
    public static Outcome<T> Forbidden(string message) => new() { Kind = OutcomeKind.Forbidden, Message = message };

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Problems problems) => new(default, problems);
    public static implicit operator Outcome<T>(Conflict conflict) => new() { Kind = OutcomeKind.Conflict, Conflict = conflict };
}

public static class Outcomes
{
    /// <summary>
    /// The API's one answer to an outcome: <paramref name="done"/>'s result; or a 400 naming the fields,
    /// a 403, a 404, or a 409 with what changed and the current version as ETag, all in problem+json.
    /// </summary>
    public static Results<TDone, ValidationProblem, ProblemHttpResult> ToApi<T, TDone>(this Outcome<T> outcome, HttpContext http,
        Func<T, TDone> done) where TDone : IResult => outcome.Kind switch
    {
        OutcomeKind.Done => done(outcome.Value!),
        OutcomeKind.Invalid => outcome.Problems!.ToResult(),
        OutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: outcome.Message),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền", detail: outcome.Message),
        _ => ConflictResult(outcome.Conflict!, http),
    };

    private static ProblemHttpResult ConflictResult(Conflict conflict, HttpContext http)
    {
        if (conflict.CurrentVersion is { } version)
            http.Response.Headers.ETag = Versions.ETag(version);
        return TypedResults.Problem(conflict.ToProblem());
    }

    /// <summary>
    /// The pages' one answer to a refused action: a 404 or 403 page; or, returning null, the form again
    /// with the messages beside its fields (<paramref name="form"/> prefixes their names) or, for a
    /// conflict, a 409 with what changed shown above the form.
    /// </summary>
    public static async Task<IActionResult?> ShowRefusalAsync<T>(this PageModel page, Outcome<T> outcome, AppDb db, string form, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                return page.Forbid();
            case OutcomeKind.Invalid:
                outcome.Problems!.CopyTo(page.ModelState, form);
                return null;
            case OutcomeKind.Conflict:
                page.ViewData[ConflictView.Key] = await ConflictView.OfAsync(db, page.HttpContext.RequestServices.GetRequiredService<UserScope>(), outcome.Conflict!, ct);
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return null;
            default:
                throw new InvalidOperationException("Thao tác đã thực hiện, không phải một lời từ chối.");
        }
    }
}
