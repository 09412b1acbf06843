using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Operations;

/// <summary>For the office's operator: whether this instance can serve now, and the storage errors it met lately.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class StorageModel(HealthCheckService health, StorageErrors errors, IOptions<EvidenceOptions> evidence, TimeProvider time) : PageModel
{
    public HealthReport Report { get; private set; } = null!;
    public IReadOnlyList<StorageError> Errors { get; private set; } = [];
    public DateTime CheckedAtUtc { get; private set; }
    public string EvidenceDirectory => Path.GetFullPath(evidence.Value.Directory);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CheckedAtUtc = time.GetUtcNow().UtcDateTime;
        Report = await health.CheckHealthAsync(ct);
        Errors = errors.Recent();
    }

    public static string At(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Clock.Zone)
        .ToString("HH:mm:ss dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Label(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "Bình thường",
        HealthStatus.Degraded => "Giảm chức năng",
        _ => "Không dùng được",
    };

    public static string Part(string check) => check switch
    {
        "database" => "Cơ sở dữ liệu",
        "evidence" => "Thư mục tệp minh chứng",
        "disk" => "Dung lượng lưu trữ",
        _ => check,
    };
}
