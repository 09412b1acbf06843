using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Operations;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Faults;

/// <summary>
/// An evidence directory that cannot be written: the upload is refused with its own message and writes nothing,
/// readiness fails, the operator page names the error; once the directory is back everything works again.
/// </summary>
public abstract class EvidenceStorageFaultTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    private async Task<int> AcceptedTaskAsync()
    {
        var task = await _client.PostAsync("/api/tasks", Integrity.NewTask(app, "Báo cáo kèm minh chứng")).OkAsync<TaskDetail>();
        await _client.PostAsync($"/api/tasks/{task.Id}/accept").OkAsync<object>();
        return task.Id;
    }

    private Task<HttpResponseMessage> UploadAsync(int id)
    {
        var file = new ByteArrayContent("%PDF-1.4 biên bản"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { new StringContent("50"), "Percent" }, { new StringContent("Đã họp."), "Text" }, { file, "files", "bien-ban.pdf" } };
        return _client.PostAsync($"/api/tasks/{id}/evidence", form);
    }

    [DbFact]
    public async Task An_unwritable_evidence_directory_is_named_refused_whole_and_seen_by_readiness()
    {
        var id = await AcceptedTaskAsync();
        var footprint = await app.FootprintAsync();
        // Whoever runs the tests (even root) cannot write into a directory that is a file.
        var aside = app.EvidenceDirectory + ".aside";
        Directory.CreateDirectory(app.EvidenceDirectory);
        Directory.Move(app.EvidenceDirectory, aside);
        await File.WriteAllTextAsync(app.EvidenceDirectory, "không phải thư mục");
        try
        {
            using var refused = await UploadAsync(id);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, text);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains(Fault.EvidenceUnwritable.Title, text);

            using var ready = await app.CreateClient().GetAsync(Readiness.Path);
            var readiness = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", readiness.GetProperty("evidence").GetProperty("status").GetString());
            Assert.Equal("Healthy", readiness.GetProperty("database").GetProperty("status").GetString());

            var office = await app.ClientAsync("OfficeStaff", app.Units.Root);
            var page = await office.GetStringAsync("/Operations/Storage");
            Assert.Contains(Fault.EvidenceUnwritable.Title, page);
            Assert.Contains($"POST /api/tasks/{id}/evidence", page);
            var viewer = await app.ClientAsync("Viewer", app.Units.Root, followRedirects: false);
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Operations/Storage")).StatusCode);
        }
        finally
        {
            File.Delete(app.EvidenceDirectory);
            Directory.Move(aside, app.EvidenceDirectory);
        }
        Assert.Equal(footprint, await app.FootprintAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(Readiness.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(id)).StatusCode);
        await Integrity.CheckAsync(app, [id]);
    }

    [DbFact]
    public async Task A_copy_broken_off_midway_leaves_no_partial_file()
    {
        var id = await AcceptedTaskAsync();
        Directory.CreateDirectory(app.EvidenceDirectory);
        var before = Directory.GetFiles(app.EvidenceDirectory).Order().ToList();
        var footprint = await app.FootprintAsync();
        var bytes = new byte[48 * 1024];
        "%PDF-1.4"u8.CopyTo(bytes);
        // The upload stops after its first part, as when the client goes away during the copy.
        var file = new EvidenceFile("bao-cao.pdf", "application/pdf", bytes.Length, () => new BreaksAfter(bytes, 16 * 1024));
        await Assert.ThrowsAsync<OperationCanceledException>(() => app.WithServicesAsync(services =>
            services.GetRequiredService<TaskWorkflow>().ReportProgressAsync(id, new ProgressInput { Percent = 30, Text = "Gửi dở" }, [file])));
        Assert.Equal(before, Directory.GetFiles(app.EvidenceDirectory).Order().ToList());
        Assert.Equal(footprint, await app.FootprintAsync());
    }

    private sealed class BreaksAfter(byte[] bytes, int limit) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (Position >= limit)
                throw new OperationCanceledException("Kết nối tải lên bị ngắt.");
            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - Position)], ct);
        }
    }
}

public sealed class EvidenceStorageFaultsOnSqlite(SqliteApp app) : EvidenceStorageFaultTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class EvidenceStorageFaultsOnPostgres(PostgresApp app) : EvidenceStorageFaultTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// SQLite's disk filled (its page limit reached): writes answer 507 "Máy chủ hết dung lượng lưu trữ" and write
/// nothing, reads go on, readiness says Degraded and the operator page names it; with room again, writes resume.
/// </summary>
public sealed class DiskFullOnSqlite : IClassFixture<DiskFullOnSqlite.FullApp>
{
    private readonly FullApp _app;

    public DiskFullOnSqlite(FullApp app) => _app = app;

    public sealed class FullApp() : TestApp(Provider.Sqlite)
    {
        public PageLimit Limit { get; } = new();

        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteAppDb>(o => o.AddInterceptors(Limit)));
    }

    /// <summary>Applies max_page_count to every connection the app opens, as a full disk would stop the file growing.</summary>
    public sealed class PageLimit : DbConnectionInterceptor
    {
        public long? Pages { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            await using var command = connection.CreateCommand();
            // Without a limit, one far above any test database.
            command.CommandText = $"PRAGMA max_page_count = {Pages ?? 1_000_000_000}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    [Fact]
    public async Task A_full_disk_answers_507_keeps_reads_and_loses_nothing()
    {
        var client = _app.AdminClient();
        var office = await _app.ClientAsync("OfficeStaff", _app.Units.Root);
        var acknowledged = new List<int>();
        for (var i = 0; i < 5; i++)
            acknowledged.Add((await client.PostAsync("/api/tasks", Integrity.NewTask(_app, $"Trước khi đầy {i}")).OkAsync<TaskDetail>()).Id);
        _app.Limit.Pages = await _app.WithDbAsync(async db => (await db.Database.SqlQueryRaw<long>("PRAGMA page_count").ToListAsync()).Single());

        // Each write takes pages until none is left; one of them must be refused, with the cause named.
        HttpResponseMessage? full = null;
        for (var i = 0; i < 200 && full is null; i++)
        {
            var response = await client.PostAsync("/api/tasks", Integrity.NewTask(_app, $"Khi gần đầy {i}", new string('x', 400)));
            if (response.StatusCode == HttpStatusCode.Created)
                acknowledged.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32());
            else
                full = response;
        }
        Assert.NotNull(full);
        var text = await full.Content.ReadAsStringAsync();
        Assert.True(full.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)full.StatusCode} {text}");
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Máy chủ hết dung lượng lưu trữ", text);

        var footprint = await _app.FootprintAsync();
        Assert.Equal(HttpStatusCode.InsufficientStorage, (await client.PostAsync("/api/tasks", Integrity.NewTask(_app, "Vẫn đầy", new string('y', 4000)))).StatusCode);
        Assert.Equal(footprint, await _app.FootprintAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks?pageSize=100")).StatusCode);
        using (var ready = await _app.CreateClient().GetAsync(Readiness.Path))
        {
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"status\":\"Degraded\"", body);
        }
        Assert.Contains("Máy chủ hết dung lượng lưu trữ", await office.GetStringAsync("/Operations/Storage"));

        _app.Limit.Pages = null;
        acknowledged.Add((await client.PostAsync("/api/tasks", Integrity.NewTask(_app, "Khi đã có chỗ")).OkAsync<TaskDetail>()).Id);
        await Integrity.CheckAsync(_app, acknowledged);
    }
}
