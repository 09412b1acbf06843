using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Features.TaskImport;

/// <summary>The import's steps as JSON: the template, a preview of an uploaded sheet, its confirmation or abandonment.</summary>
public static class TaskImportApi
{
    public sealed record Confirmed(int Added, int Changed, string Message);

    public static IEndpointRouteBuilder MapTaskImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/task-import").WithTags("Nhập nhiệm vụ từ bảng tính").RequireAuthorization(Policies.Office)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/template", async (TaskImporter importer, CancellationToken ct) =>
            TypedResults.File(await importer.TemplateAsync(ct), Xlsx, TaskSheet.FileName));

        api.MapPost("/preview", async Task<Results<Ok<ImportPreview>, ValidationProblem, ProblemHttpResult>> (TaskImporter importer, IFormFile? file,
            HttpContext http, CancellationToken ct) =>
        {
            if (file is null)
                return Problems.Of("file", "Chọn tệp bảng tính (.xlsx) để nhập, gửi trong trường “file”.").ToResult();
            return (await importer.PreviewAsync(await ReadAsync(file, ct), file.FileName, ct)).ToApi(http, v => TypedResults.Ok(v));
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RequestLimit),
            new RequestFormLimitsAttribute { MultipartBodyLengthLimit = RequestLimit });

        api.MapPost("/{token:guid}/confirm", async Task<Results<Ok<Confirmed>, ValidationProblem, ProblemHttpResult>> (TaskImporter importer, Guid token,
            CancellationToken ct) => Answer(await importer.ConfirmAsync(token, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/{token:guid}", async Task<Results<NoContent, ProblemHttpResult>> (TaskImporter importer, Guid token, CancellationToken ct) =>
            await importer.AbandonAsync(token, ct) ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Không có bản xem trước này (đã xác nhận, đã bỏ hoặc quá hạn)."));

        return app;
    }

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The file and the multipart around it.
    public const long RequestLimit = XlsxUpload.MaxBytes + 1024 * 1024;

    /// <summary>The upload's bytes, at most one past the limit: the reader names a file that is too large.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (copy.Length <= XlsxUpload.MaxBytes && (read = await stream.ReadAsync(buffer, ct)) > 0)
            copy.Write(buffer, 0, read);
        return copy.ToArray();
    }

    private static Results<Ok<Confirmed>, ValidationProblem, ProblemHttpResult> Answer(ConfirmOutcome outcome) => outcome.Kind switch
    {
        ConfirmKind.Done => TypedResults.Ok(new Confirmed(outcome.Added, outcome.Changed, outcome.Message)),
        ConfirmKind.Refused => Problems.Of("token", outcome.Message).ToResult(),
        ConfirmKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: outcome.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Dữ liệu đã bị thay đổi", detail: outcome.Message),
    };
}
