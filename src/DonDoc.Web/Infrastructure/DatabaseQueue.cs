using System.Threading.RateLimiting;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// Requests that reach the database (every one past the static files and the health answers) are let through
/// <c>Database:MaxConcurrentRequests</c> at a time; up to <c>Database:RequestQueueLimit</c> more wait their turn, and
/// any beyond that get 503 at once instead of piling up behind a slow or unreachable database. ASP.NET Core's
/// concurrency limiter does the counting.
/// </summary>
public static class DatabaseQueue
{
    public const int DefaultConcurrent = 64;
    public const int DefaultQueue = 256;

    public static IServiceCollection AddDatabaseQueue(this IServiceCollection services, IConfiguration config)
    {
        var options = new ConcurrencyLimiterOptions
        {
            PermitLimit = config.GetValue("Database:MaxConcurrentRequests", DefaultConcurrent),
            QueueLimit = config.GetValue("Database:RequestQueueLimit", DefaultQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter("database", _ => options));
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.OnRejected = (context, _) => new ValueTask(Fault.Overloaded.WriteAsync(context.HttpContext));
        });
    }
}
