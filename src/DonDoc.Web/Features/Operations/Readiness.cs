using System.Text.Encodings.Web;
using System.Text.Json;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Operations;

/// <summary>
/// <c>/healthz</c> says the process answers (liveness); <c>/healthz/ready</c> says it can serve (readiness):
/// the database answers a query and the evidence directory takes a file. 503 while either fails, so a load
/// balancer sends the traffic elsewhere; 200 with "Degraded" while the disk was lately found full (reads still work).
/// </summary>
public static class Readiness
{
    public const string Path = "/healthz/ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FullRecently = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddDonDocReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", timeout: CheckTimeout)
            .AddCheck<EvidenceStorageCheck>("evidence", timeout: CheckTimeout)
            .AddCheck<DiskFullCheck>("disk");
        return services;
    }

    public static IEndpointConventionBuilder MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (report.Status == HealthStatus.Unhealthy)
            http.Response.Headers.RetryAfter = Fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, Json);
    }

    private sealed class DatabaseCheck(AppDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await db.Units.AsNoTracking().Select(u => u.Id).FirstOrDefaultAsync(ct);
                return HealthCheckResult.Healthy("Cơ sở dữ liệu trả lời bình thường.");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var fault = Fault.Of(e) ?? Fault.Unavailable;
                return HealthCheckResult.Unhealthy($"{fault.Title}: {e.GetBaseException().Message}");
            }
        }
    }

    private sealed class EvidenceStorageCheck(IOptions<EvidenceOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var dir = options.Value.Directory;
            var probe = System.IO.Path.Combine(dir, $".ready-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(dir);
                await File.WriteAllBytesAsync(probe, [1], ct);
                File.Delete(probe);
                return HealthCheckResult.Healthy("Thư mục tệp minh chứng ghi được.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy($"{Fault.EvidenceUnwritable.Title} ({dir}): {e.Message}");
            }
        }
    }

    private sealed class DiskFullCheck(StorageErrors errors, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var since = time.GetUtcNow().UtcDateTime - FullRecently;
            var full = errors.Recent().FirstOrDefault(e => e.Title == Fault.Full.Title && e.AtUtc >= since);
            return Task.FromResult(full is null
                ? HealthCheckResult.Healthy("Không gặp lỗi hết dung lượng trong 5 phút qua.")
                : HealthCheckResult.Degraded($"{Fault.Full.Title} lúc {full.AtUtc:HH:mm:ss} UTC: vẫn đọc được, chưa ghi được."));
        }
    }
}
