using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DonDoc.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Quartz;

namespace DonDoc.Web.Infrastructure;

/// <summary>The first answer to a create sent with an Idempotency-Key (or a page form's key), kept to answer its retries.</summary>
public sealed class IdempotentRequest
{
    public int UserId { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.HasKey(r => new { r.UserId, r.Key });
        b.Property(r => r.Key).HasMaxLength(Idempotency.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(2000);
        b.Property(r => r.ETag).HasMaxLength(100);
        b.HasIndex(r => r.CreatedAtUtc);
    }
}

/// <summary>
/// A create retried with the same key gets the first answer instead of a second record. The key's row is written
/// in the create's own transaction, so either both are saved or neither: a client told "connection closed" may
/// send the request again and learn what happened. The same key with another body is refused with 422; keys are
/// kept for <c>Idempotency:KeepFor</c> (a day unless set), then removed by <see cref="IdempotencyCleanupJob"/>.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string FormField = "IdempotencyKey";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public const string KeepForSetting = "Idempotency:KeepFor";
    public static readonly TimeSpan DefaultKeepFor = TimeSpan.FromDays(1);

    public const string Reused = "Idempotency-Key đã được dùng cho một yêu cầu khác";

    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>Marks an API endpoint that creates something: it accepts an Idempotency-Key header.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
            return await next(context);
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [Header] = [$"Idempotency-Key phải có từ 1 đến {MaxKeyLength} ký tự, không chứa ký tự điều khiển."],
            }, title: Titles.Invalid);
        return await OnceAsync(http, key, retriable: true, async () =>
        {
            var result = await next(context);
            return result is IResult r ? await CaptureAsync(http, r) : null;
        }) switch
        {
            { Mismatch: true } => ReusedProblem(),
            { Answer: { } answer } => new Replay(answer),
            _ => await next(context),
        };
    });

    /// <summary>Reads the request body again, as bytes, once the endpoint has bound it: the header's middleware keeps it.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.ContainsKey(Header) && !http.Request.HasFormContentType)
            http.Request.EnableBuffering();
        return next(http);
    });

    internal sealed record Outcome(bool Mismatch, IdempotentRequest? Answer);

    /// <summary>
    /// Runs a create once per key: the first time in one transaction with the key's row (when it succeeds); a
    /// retry gets the stored answer; the same key with another body a mismatch. Null: the create was refused and
    /// nothing kept, so the caller answers as usual.
    /// </summary>
    internal static async Task<Outcome?> OnceAsync(HttpContext http, string key, bool retriable, Func<Task<IdempotentRequest?>> create)
    {
        var userId = int.Parse(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        var hash = await HashAsync(http.Request);
        var db = http.RequestServices.GetRequiredService<AppDb>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var keepFor = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(KeepForSetting, DefaultKeepFor);
        var ct = http.RequestAborted;
        Outcome Known(IdempotentRequest row) => new(row.RequestHash != hash, row);
        try
        {
            // An API call starts again on a transient failure (RetryWrites); a page handler runs once, as MVC allows.
            var strategy = retriable ? db.Database.CreateExecutionStrategy() : new NonRetryingExecutionStrategy(db);
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var now = time.GetUtcNow().UtcDateTime;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Requests with one key wait for each other here (SQLite's BEGIN IMMEDIATE already admits one writer).
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [KeyLockSpace, userId ^ StableHash(key)], ct);
                var known = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
                if (known is not null && known.CreatedAtUtc > now - keepFor)
                    return Known(known);
                if (await create() is not { StatusCode: >= 200 and < 400 } answer)
                    return null;
                if (known is not null)
                    await db.IdempotentRequests.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(ct);
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "IdempotentRequests" ("UserId", "Key", "RequestHash", "StatusCode", "ContentType", "Location", "ETag", "Body", "CreatedAtUtc")
                    VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})
                    """,
                    [userId, key, hash, answer.StatusCode, answer.ContentType!, answer.Location!, answer.ETag!, answer.Body, now], ct);
                await tx.CommitAsync(ct);
                answer.RequestHash = hash;
                return new Outcome(false, answer);
            });
        }
        catch (Exception e) when (Database.IsDuplicate(e))
        {
            // The same key sent twice at once: the other request committed first, and this one rolled back whole.
            db.ChangeTracker.Clear();
            var known = await db.IdempotentRequests.AsNoTracking().FirstAsync(r => r.UserId == userId && r.Key == key, ct);
            return Known(known);
        }
    }

    private const int KeyLockSpace = 0x1DE0;

    private static int StableHash(string key) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What makes two requests the same: method, path and body (a form by its fields and files, whatever its boundary).</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => sha.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(request.Method);
        Add(request.Path.Value ?? "");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (name, value) in form.Where(f => f.Key is not FormField and not "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal))
                Add($"{name}={value}");
            foreach (var file in form.Files)
            {
                Add($"file {file.Name} {file.FileName} {file.Length}");
                await using var content = file.OpenReadStream();
                sha.AppendData(await SHA256.HashDataAsync(content, request.HttpContext.RequestAborted));
            }
        }
        else if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
                sha.AppendData(buffer, 0, read);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Writes an endpoint's answer into memory, so that it can be kept and sent again byte for byte.</summary>
    private static async Task<IdempotentRequest> CaptureAsync(HttpContext http, IResult result)
    {
        var capture = new DefaultHttpContext { RequestServices = http.RequestServices };
        var body = new MemoryStream();
        capture.Response.Body = body;
        await result.ExecuteAsync(capture);
        return new IdempotentRequest
        {
            Key = "",
            RequestHash = "",
            StatusCode = capture.Response.StatusCode,
            ContentType = capture.Response.ContentType,
            Location = capture.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            ETag = (capture.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : http.Response.Headers.ETag.ToString()) is { Length: > 0 } e ? e : null,
            Body = body.ToArray(),
        };
    }

    private static IResult ReusedProblem() => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: Reused,
        detail: "Khóa này đã đi kèm một yêu cầu có nội dung khác; mỗi thao tác tạo mới cần một Idempotency-Key riêng.");

    /// <summary>The kept answer, as it was first sent.</summary>
    private sealed class Replay(IdempotentRequest answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = answer.StatusCode;
            if (answer.ContentType is not null) http.Response.ContentType = answer.ContentType;
            if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
            if (answer.ETag is not null) http.Response.Headers.ETag = answer.ETag;
            if (answer.RequestHash.Length > 0 && answer.Key.Length > 0)
                http.Response.Headers[ReplayedHeader] = "true";
            await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
        }
    }
}

/// <summary>
/// A page's create form carries a key of its own (<see cref="Idempotency.FormField"/>), drawn when the form is shown:
/// a second submit of the same form (a double click, a resend after "connection closed") leads to what the first created.
/// </summary>
public sealed class IdempotentForms(IUrlHelperFactory urls) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The form as binding read it: one that could not be read (too large) has no key to honour.
        if (!HttpMethods.IsPost(http.Request.Method)
            || http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form?[Idempotency.FormField].ToString()
                is not { Length: > 0 and <= Idempotency.MaxKeyLength } key
            || http.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }
        PageHandlerExecutedContext? executed = null;
        var outcome = await Idempotency.OnceAsync(http, key, retriable: false, async () =>
        {
            executed = await next();
            var location = executed.Result switch
            {
                RedirectToPageResult page => urls.GetUrlHelper(context).Page(page.PageName, page.PageHandler, page.RouteValues, page.Protocol, page.Host, page.Fragment),
                RedirectResult redirect => redirect.Url,
                LocalRedirectResult local => local.Url,
                _ => null,
            };
            // Only a create that went through (and so leads elsewhere) is kept; a form shown again with its refusals is not.
            return location is null || executed.Exception is not null ? null
                : new IdempotentRequest { Key = "", RequestHash = "", StatusCode = StatusCodes.Status302Found, Location = location };
        });
        if (executed is null)
        {
            // Not run this time: a repeat of a form already sent.
            if (outcome is { Mismatch: true })
                context.Result = new StatusCodeResult(StatusCodes.Status422UnprocessableEntity);
            else if (outcome?.Answer?.Location is { } earlier)
                context.Result = new RedirectResult(earlier);
        }
    }
}

/// <summary>Removes the keys older than Idempotency:KeepFor, every hour.</summary>
[DisallowConcurrentExecution]
public sealed class IdempotencyCleanupJob(AppDb db, TimeProvider time, IConfiguration config) : IJob
{
    public const string Name = "idempotency-cleanup";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - config.GetValue(Idempotency.KeepForSetting, Idempotency.DefaultKeepFor);
        await db.IdempotentRequests.Where(r => r.CreatedAtUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    public static void Schedule(IQuartzBuilder q) =>
        q.ScheduleJob<IdempotencyCleanupJob>(t => t.WithIdentity(Name).Every(TimeSpan.FromHours(1)));
}
