using System.Net.Http.Headers;
using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Cluster;

/// <summary>
/// Each instance answers a dashboard it has read from memory while the audit chain's head stays where it was; a
/// change committed on any instance moves the head, and the very next read everywhere shows it, with no delay.
/// </summary>
public abstract class DashboardCacheTests(TestApp app) : IAsyncLifetime
{
    private OtherInstance _a = null!;
    private OtherInstance _b = null!;

    public Task InitializeAsync()
    {
        _a = new OtherInstance(app, onKestrel: true);
        _b = new OtherInstance(app, onKestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [DbFact]
    public async Task A_change_on_A_shows_on_B_at_once_and_nothing_else_makes_B_read_again()
    {
        using var a = Api(_a);
        using var b = Api(_b);
        var unit = app.Units.BaDinh.Id;
        await CreateTaskAsync(a, "Rà soát danh sách đảng viên diện miễn sinh hoạt");
        var first = await TotalAsync(b, unit, asOf: null);
        var lastMonth = app.Clock.Today.AddDays(-30);
        var pastFirst = await TotalAsync(b, unit, lastMonth);
        Assert.Equal(first, await TotalAsync(a, unit, asOf: null));

        // Rollups changed behind the application's back, with no save and so no audit entry: B keeps answering what it read.
        const int tampered = 1000;
        await ShiftAsync(unit, lastMonth, tampered);
        try
        {
            Assert.Equal(first, await TotalAsync(b, unit, asOf: null));
            Assert.Equal(pastFirst, await TotalAsync(b, unit, lastMonth));
            // A sign-in is audited but changes no data: B keeps what it read.
            await app.WithDbAsync(db => global::DonDoc.Web.Features.AuditTrail.Audit.RecordEventAsync(db, global::DonDoc.Web.Features.AuditTrail.AuditAction.SignIn, AccountSeed.AdminUserName, "127.0.0.1", null));
            Assert.Equal(first, await TotalAsync(b, unit, asOf: null));
            // Asked for no cached answer, B reads the rows.
            Assert.Equal(first + tampered, await TotalAsync(b, unit, asOf: null, fresh: true));
            Assert.Equal(first, await TotalAsync(b, unit, asOf: null));

            // A task created on A: B's next read is a fresh one, which shows the task (and the rows changed behind its back).
            await CreateTaskAsync(a, "Báo cáo kết quả kiểm điểm tập thể, cá nhân năm 2026");
            Assert.Equal(first + 1 + tampered, await TotalAsync(b, unit, asOf: null));
            Assert.Equal(first + 1 + tampered, await TotalAsync(a, unit, asOf: null));
            // A past day's dashboard is read again too (the task did not exist then; the rows changed behind B's back did).
            Assert.Equal(pastFirst + tampered, await TotalAsync(b, unit, lastMonth));
        }
        finally
        {
            await ShiftAsync(unit, lastMonth, -tampered);
        }
    }

    // Today's rollups and a past day's count steps, each by the same number of tasks.
    private Task ShiftAsync(int unit, DateOnly pastDay, int by) => app.WithDbAsync(async db =>
    {
        await db.UnitStats.Where(s => s.UnitId == unit && s.Metric == "s:" + nameof(TaskState.Assigned))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, r => r.Count + by));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "UnitCountSteps" ("UnitId", "Grain", "Day", "Total", "CompletedOnTime", "CompletedLate", "NotAccepted", "InProgress",
                "Submitted", "Overdue", "DueSoon", "Cancelled")
            VALUES ({unit}, {(int)StepGrain.Day}, {pastDay}, {by}, 0, 0, 0, 0, 0, 0, 0, 0)
            ON CONFLICT ("UnitId", "Grain", "Day") DO UPDATE SET "Total" = "UnitCountSteps"."Total" + excluded."Total"
            """);
    });

    private static async Task<int> TotalAsync(HttpClient client, int unit, DateOnly? asOf, bool fresh = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/units/{unit}/dashboard" + (asOf is { } day ? $"?asOf={day:yyyy-MM-dd}" : ""));
        if (fresh)
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("unit").GetProperty("counts").GetProperty("total").GetInt32();
    }

    private async Task CreateTaskAsync(HttpClient client, string title) =>
        await client.PostAsync("/api/tasks", new { Title = title, LeadUnitId = app.Units.BaDinh.Id, DueDate = app.Clock.Today.AddDays(20) })
            .OkAsync<TaskDetail>();

    private static HttpClient Api(OtherInstance instance)
    {
        var client = new HttpClient { BaseAddress = instance.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", instance.Token);
        return client;
    }
}

public sealed class DashboardCacheOnSqlite(SqliteApp app) : DashboardCacheTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class DashboardCacheOnPostgres(PostgresApp app) : DashboardCacheTests(app), IClassFixture<PostgresApp>;
