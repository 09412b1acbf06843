using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

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
        // A form past its length limit is reported as an unreadable form; to the caller it is too large.
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            || (bad.InnerException is InvalidDataException data && data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Nội dung gửi lên quá lớn",
                detail: "Yêu cầu vượt quá dung lượng máy chủ nhận; gửi tệp nhỏ hơn hoặc ít tệp hơn.").ExecuteAsync(http);
            return true;
        }
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
                : (field, json is EnumNamesConverter.NotAName or InputRules.DayOutOfWindow ? json.Message : "Giá trị không đúng kiểu dữ liệu hoặc không hợp lệ.");
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
    /// <summary>A field as the JSON spells it ("LeadUnitId" → "leadUnitId", "Input.DueDate" → "input.dueDate"); header names stay.</summary>
    public static string JsonName(string field) => field.Contains('-')
        ? field
        : string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    public const string Invalid = "Dữ liệu không hợp lệ";
    public const string UnsupportedMediaType = "Kiểu nội dung không được hỗ trợ: gửi JSON (application/json, mã hóa UTF-8)";

    /// <summary>Vietnamese titles for the problem+json bodies the framework writes itself.</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        context.ProblemDetails.Title = context.ProblemDetails.Status switch
        {
            400 => Invalid,
            404 => "Không tìm thấy",
            401 => "Chưa đăng nhập hoặc mã truy cập không hợp lệ",
            403 => "Không có quyền thực hiện thao tác này",
            405 => "Thao tác không được hỗ trợ",
            409 => "Dữ liệu đã bị thay đổi",
            413 => "Nội dung gửi lên quá lớn",
            415 => UnsupportedMediaType,
            >= 500 => "Máy chủ gặp lỗi khi xử lý yêu cầu.",
            _ => context.ProblemDetails.Title,
        };
        context.ProblemDetails.Type = null;
        // The framework's own validation names fields as the C# does; the JSON and our refusals spell them camelCase.
        if (context.ProblemDetails is HttpValidationProblemDetails validation)
        {
            var errors = validation.Errors.ToList();
            validation.Errors.Clear();
            foreach (var (field, messages) in errors)
                validation.Errors[JsonName(field)] = validation.Errors.TryGetValue(JsonName(field), out var known) ? [.. known, .. messages] : messages;
        }
    }
}

/// <summary>
/// What the API refuses before an endpoint binds it: query values with control characters, and a JSON
/// body in a character set that does not exist (the framework would fail reading it). An empty JSON
/// body is read as <c>{}</c>, so that the refusal names the missing fields rather than the body.
/// </summary>
public static class ApiRequests
{
    public static IApplicationBuilder UseApiRequests(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (InputRules.ControlsInQuery(http.Request.Query) is { } errors)
        {
            await TypedResults.ValidationProblem(errors, title: Titles.Invalid).ExecuteAsync(http);
            return;
        }
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            await next(http);
            return;
        }
        if (request.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset is { Length: > 0 } charset && !KnownCharset(charset.ToString()))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await TypedResults.Problem(statusCode: 415, title: Titles.UnsupportedMediaType,
                detail: $"Bảng mã “{charset}” không có; gửi JSON mã hóa UTF-8.").ExecuteAsync(http);
            return;
        }
        if (request.ContentLength == 0 && (request.ContentType is null || request.HasJsonContentType()))
        {
            request.Body = new MemoryStream("{}"u8.ToArray());
            request.ContentLength = 2;
            request.ContentType = "application/json";
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        }
        await next(http);
    });

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static bool KnownCharset(string name)
    {
        try
        {
            System.Text.Encoding.GetEncoding(name.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
