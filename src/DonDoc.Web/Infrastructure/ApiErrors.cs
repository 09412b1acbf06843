using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// Input the API cannot even bind (malformed JSON, "abc" for a number, an impossible date) gets the
/// same Vietnamese problem+json as any other refusal, naming the field, instead of an empty 400.
/// </summary>
public sealed partial class ApiErrors : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the path asked for.
        var path = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path;
        if (exception is not BadHttpRequestException bad || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            return false;
        var (field, message) = Describe(bad);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Titles.Invalid)
            .ExecuteAsync(http);
        return true;
    }

    internal static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return field == "body"
                ? (field, "Nội dung gửi lên không phải JSON hợp lệ.")
                : (field, json is EnumNamesConverter.NotAName ? json.Message : "Giá trị không đúng kiểu dữ liệu hoặc không hợp lệ.");
        }
        if (BindFailure().Match(bad.Message) is { Success: true } m)
            return (m.Groups["name"].Value, $"Giá trị “{m.Groups["value"].Value}” không hợp lệ.");
        if (RequiredMissing().Match(bad.Message) is { Success: true } r)
            return (r.Groups["name"].Value, "Thiếu giá trị bắt buộc.");
        if (bad.Message.Contains("request body", StringComparison.OrdinalIgnoreCase) || bad.Message.Contains("JSON", StringComparison.Ordinal))
            return ("body", "Thiếu nội dung JSON hoặc nội dung không đọc được.");
        return ("request", "Yêu cầu không hợp lệ.");
    }

    [GeneratedRegex("""Failed to bind parameter "(?:[^"]*\s)?(?<name>\w+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?:[^"]*\s)?(?<name>\w+)" was not provided""")]
    private static partial Regex RequiredMissing();
}

public static class Titles
{
    public const string Invalid = "Dữ liệu không hợp lệ";

    /// <summary>Vietnamese titles for the problem+json bodies the framework writes itself.</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        context.ProblemDetails.Title = context.ProblemDetails.Status switch
        {
            400 => Invalid,
            404 => "Không tìm thấy",
            405 => "Thao tác không được hỗ trợ",
            409 => "Dữ liệu đã bị thay đổi",
            413 => "Nội dung gửi lên quá lớn",
            >= 500 => "Máy chủ gặp lỗi khi xử lý yêu cầu.",
            _ => context.ProblemDetails.Title,
        };
        context.ProblemDetails.Type = null;
    }
}
