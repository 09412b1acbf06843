using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DonDoc.Web.Infrastructure;

public enum FaultKind
{
    DatabaseUnavailable,
    DatabaseBusy,
    DatabaseTimeout,
    StorageFull,
    EvidenceUnwritable,
    Overloaded,
}

/// <summary>A failure of a part the application depends on, with what the client is told about it.</summary>
public sealed record Fault(FaultKind Kind, int Status, string Title, string Detail)
{
    public static readonly Fault Unavailable = new(FaultKind.DatabaseUnavailable, 503, "Cơ sở dữ liệu tạm thời không truy cập được",
        "Máy chủ không kết nối được tới cơ sở dữ liệu. Xin thử lại sau ít giây.");
    public static readonly Fault Busy = new(FaultKind.DatabaseBusy, 503, "Cơ sở dữ liệu đang bận",
        "Yêu cầu đã chờ cơ sở dữ liệu quá thời hạn cho phép mà chưa được phục vụ. Xin thử lại sau ít giây.");
    public static readonly Fault Timeout = new(FaultKind.DatabaseTimeout, 504, "Cơ sở dữ liệu phản hồi quá chậm",
        "Cơ sở dữ liệu không trả lời trong thời hạn cho phép; yêu cầu đã dừng. Xin thử lại sau ít phút.");
    public static readonly Fault Full = new(FaultKind.StorageFull, 507, "Máy chủ hết dung lượng lưu trữ",
        "Không ghi được dữ liệu vì ổ đĩa của máy chủ đã đầy; việc xem dữ liệu vẫn bình thường. Hãy báo cho bộ phận kỹ thuật.");
    public static readonly Fault EvidenceUnwritable = new(FaultKind.EvidenceUnwritable, 503, "Không ghi được tệp minh chứng",
        "Thư mục lưu tệp minh chứng trên máy chủ không ghi được; báo cáo chưa được lưu. Hãy báo cho bộ phận kỹ thuật.");
    public static readonly Fault Overloaded = new(FaultKind.Overloaded, 503, "Máy chủ đang quá tải",
        "Có quá nhiều yêu cầu đang chờ cơ sở dữ liệu. Xin thử lại sau ít giây.");

    public const int RetryAfterSeconds = 5;

    public bool IsStorage => Kind is FaultKind.StorageFull or FaultKind.EvidenceUnwritable;

    /// <summary>What an exception says about the database or the storage, looking through the exceptions that wrap it; null for anything else.</summary>
    public static Fault? Of(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                EvidenceStorageException s => s.DiskFull ? Full : EvidenceUnwritable,
                PostgresException pg => pg.SqlState switch
                {
                    "53100" => Full,
                    "57014" => Timeout,
                    "55P03" => Busy,
                    "53300" or "57P01" or "57P02" or "57P03" => Unavailable,
                    var state when state.StartsWith("08", StringComparison.Ordinal) => Unavailable,
                    _ => null,
                },
                NpgsqlException { InnerException: TimeoutException } => Timeout,
                NpgsqlException { IsTransient: true } => Unavailable,
                SqliteException sqlite => sqlite.SqliteErrorCode switch
                {
                    13 => Full,              // SQLITE_FULL: "database or disk is full"
                    5 or 6 => Busy,          // SQLITE_BUSY, SQLITE_LOCKED, after the busy timeout
                    10 or 14 => Unavailable, // SQLITE_IOERR, SQLITE_CANTOPEN
                    _ => null,
                },
                TimeoutException => Timeout,
                _ => null,
            };
            if (fault is not null)
                return fault;
        }
        return null;
    }

    /// <summary>
    /// Writes the answer without touching the database: problem+json for programs, a plain page for people,
    /// with Retry-After when trying again later may help.
    /// </summary>
    public async Task WriteAsync(HttpContext http, string? path = null)
    {
        var response = http.Response;
        response.StatusCode = Status;
        if (Status is 503 or 504)
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var forProgram = new PathString(path ?? http.Request.Path).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || http.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
        if (forProgram)
        {
            var problem = new ProblemDetails { Status = Status, Title = Title, Detail = Detail };
            await response.WriteAsJsonAsync(problem, ProblemJson, "application/problem+json", http.RequestAborted);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page(), http.RequestAborted);
    }

    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    // The layout reads the signed-in user, which needs the database: this page stands on its own.
    private string Page() => $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{{Html.Encode(Title)}} – DonDoc</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
          <header class="site-header"><div class="site-header-inner"><a class="brand" href="/"><span class="brand-mark" aria-hidden="true">★</span>
            <span class="brand-text"><span class="brand-name">DonDoc</span><span class="brand-tagline">Theo dõi, đôn đốc thực hiện nhiệm vụ</span></span></a></div></header>
          <main id="main" class="site-main">
            <section class="error-page">
              <p class="error-code">Lỗi {{Status}}</p>
              <h1>{{Html.Encode(Title)}}</h1>
              <p>{{Html.Encode(Detail)}}</p>
              <p class="actions"><a class="button" href="">Thử lại</a> <a class="button button-secondary" href="/">Về trang tổng hợp</a></p>
            </section>
          </main>
        </body>
        </html>
        """;
}

/// <summary>An evidence file could not be written where <c>Evidence:Directory</c> points.</summary>
public sealed class EvidenceStorageException(string directory, Exception inner)
    : IOException($"Không ghi được tệp minh chứng vào thư mục {directory}: {inner.Message}", inner)
{
    public string Directory { get; } = directory;

    // ENOSPC on Linux, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    public bool DiskFull => InnerException is IOException { HResult: 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) };
}

/// <summary>Answers a database or storage failure with its own status and words, before the error page (which needs the database) is tried.</summary>
public sealed class FaultAnswers(StorageErrors storageErrors, TimeProvider time, ILogger<FaultAnswers> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (Fault.Of(exception) is not { } fault)
            return false;
        var path = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path;
        log.LogWarning("{Method} {Path}: {Title} ({Error})", http.Request.Method, path, fault.Title, exception.GetBaseException().Message);
        if (fault.IsStorage)
            storageErrors.Add(new StorageError(time.GetUtcNow().UtcDateTime, fault.Title, $"{http.Request.Method} {path}", exception.GetBaseException().Message));
        await fault.WriteAsync(http, path);
        return true;
    }
}

public sealed record StorageError(DateTime AtUtc, string Title, string Request, string Error);

/// <summary>The last storage errors this instance met, newest first, for the operator page; kept in memory, since the failing part may be the database.</summary>
public sealed class StorageErrors
{
    public const int Kept = 50;
    private readonly LinkedList<StorageError> _errors = new();

    public void Add(StorageError error)
    {
        lock (_errors)
        {
            _errors.AddFirst(error);
            if (_errors.Count > Kept)
                _errors.RemoveLast();
        }
    }

    public IReadOnlyList<StorageError> Recent()
    {
        lock (_errors)
            return [.. _errors];
    }
}
