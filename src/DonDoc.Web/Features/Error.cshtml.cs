using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features;

// A failed POST is re-executed here as a POST: an antiforgery check would turn its 404 or 500 into a 400.
[IgnoreAntiforgeryToken]
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IProblemDetailsService problemDetails) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    // Runs for every HTTP method, with or without a matching handler: a re-executed PUT or DELETE ends here too.
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var code = int.TryParse(http.Request.Query["code"], out var c) && c is >= 400 and <= 599 ? c
            : http.Response.StatusCode >= 400 ? http.Response.StatusCode : 500;
        var originalPath = http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? http.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        http.Response.StatusCode = code;
        if (originalPath is not null && new PathString(originalPath).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // API clients read status codes and JSON: every error becomes problem+json, its title in Vietnamese.
            await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = code },
            });
            context.Result = new EmptyResult();
            return;
        }
        Code = code;
        (Heading, Message) = code switch
        {
            404 => ("Không tìm thấy trang", "Trang hoặc dữ liệu bạn tìm không có, hoặc đã được chuyển đi. Hãy kiểm tra lại đường dẫn."),
            400 => ("Yêu cầu không hợp lệ", "Máy chủ không hiểu yêu cầu này. Hãy quay lại trang trước và thử lại."),
            401 => ("Cần đăng nhập", "Bạn cần đăng nhập để xem trang này."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép xem trang này."),
            405 => ("Thao tác không được hỗ trợ", "Trang này không nhận thao tác vừa gửi."),
            422 => ("Biểu mẫu đã được gửi", "Biểu mẫu này đã được gửi một lần với nội dung khác. Hãy mở lại trang để tạo mới."),
            >= 500 => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố khi xử lý yêu cầu. Xin thử lại sau ít phút; nếu vẫn lỗi, hãy báo cho bộ phận kỹ thuật kèm mã yêu cầu dưới đây."),
            _ => ("Không thực hiện được yêu cầu", "Hãy quay lại trang trước và thử lại."),
        };
        RequestId = code >= 500 ? Activity.Current?.Id ?? http.TraceIdentifier : null;
        await next();
    }
}
