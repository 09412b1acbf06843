using System.Net.Http.Headers;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>Evidence files come with a progress report, are kept outside wwwroot, and are refused whole when one is wrong.</summary>
public abstract class EvidenceTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    [DbFact]
    public async Task A_report_with_files_stores_them_outside_the_web_root()
    {
        var id = await AcceptedTaskAsync();
        var minutes = "Biên bản họp chi bộ tháng 3"u8.ToArray();
        var photo = new byte[TestApp.EvidenceMaxBytes]; // exactly at the limit
        Random.Shared.NextBytes(photo);

        var report = await UploadAsync(id, 60, "Đã tổ chức hội nghị quán triệt.", ("Biên bản họp.pdf", "application/pdf", minutes), ("ảnh hội nghị.jpg", "image/jpeg", photo))
            .OkAsync<ProgressReportResult>();
        Assert.Equal(60, report.Percent);

        var task = await _client.GetOkAsync<TaskDetail>($"/api/tasks/{id}");
        Assert.Equal(TaskState.InProgress, task.Status);
        var progress = Assert.Single(task.Progress);
        Assert.Equal(["Biên bản họp.pdf", "ảnh hội nghị.jpg"], progress.Evidence.Select(e => e.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(minutes.Length, progress.Evidence.Single(e => e.FileName.EndsWith(".pdf")).Size);

        var stored = Directory.GetFiles(app.EvidenceDirectory).Select(File.ReadAllBytes).ToList();
        Assert.Contains(stored, s => s.SequenceEqual(minutes));
        Assert.Contains(stored, s => s.SequenceEqual(photo));
        // Stored under generated names, never under the uploader's.
        Assert.DoesNotContain(Directory.GetFiles(app.EvidenceDirectory), f => Path.GetFileName(f).StartsWith("Biên bản"));
        var environment = app.Services.GetRequiredService<IWebHostEnvironment>();
        var webRoot = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        Assert.False(Path.GetFullPath(app.EvidenceDirectory).StartsWith(webRoot, StringComparison.Ordinal));
        if (Directory.Exists(webRoot))
            Assert.DoesNotContain(Directory.EnumerateFiles(webRoot, "*", SearchOption.AllDirectories),
                f => new FileInfo(f).Length == minutes.Length && File.ReadAllBytes(f).SequenceEqual(minutes));
    }

    [DbTheory]
    [InlineData("chương trình.exe", "application/octet-stream", 100, "chỉ nhận")]
    [InlineData("trang.html", "text/html", 100, "chỉ nhận")]
    [InlineData("báo cáo.pdf", "application/pdf", TestApp.EvidenceMaxBytes + 1, "lớn quá")]
    [InlineData("trống.pdf", "application/pdf", 0, "trống")]
    public async Task A_file_of_the_wrong_type_or_size_refuses_the_whole_report(string name, string contentType, long size, string fragment)
    {
        var id = await AcceptedTaskAsync();
        var before = await app.FootprintAsync();
        var errors = await UploadAsync(id, 40, "Báo cáo kèm tệp.", ("kết quả.pdf", "application/pdf", "%PDF-1.4"u8.ToArray()), (name, contentType, new byte[size]))
            .ProblemAsync("files");
        Assert.Contains(errors["files"], m => m.Contains(fragment) && m.Contains(name));
        Assert.Equal(before, await app.FootprintAsync());
        Assert.Equal(TaskState.Accepted, (await _client.GetOkAsync<TaskDetail>($"/api/tasks/{id}")).Status);
    }

    [DbFact]
    public async Task Evidence_with_a_bad_percent_is_refused_and_no_file_is_kept()
    {
        var id = await AcceptedTaskAsync();
        var before = await app.FootprintAsync();
        await UploadAsync(id, 150, "Báo cáo.", ("kết quả.pdf", "application/pdf", "%PDF-1.4"u8.ToArray())).ProblemAsync("Percent");
        Assert.Equal(before, await app.FootprintAsync());
    }

    private Task<HttpResponseMessage> UploadAsync(int taskId, int percent, string text, params (string Name, string ContentType, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(percent.ToString()), "Percent" },
            { new StringContent(text), "Text" },
        };
        foreach (var (name, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "files", name);
        }
        return _client.PostAsync($"/api/tasks/{taskId}/evidence", form);
    }

    private async Task<int> AcceptedTaskAsync()
    {
        var task = await _client.PostAsync("/api/tasks", new
        {
            Title = "Báo cáo kết quả thực hiện Kết luận 21-KL/TW",
            LeadUnitId = app.Units.HoanKiem.Id,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(20),
        }).OkAsync<TaskDetail>();
        await _client.PostAsync($"/api/tasks/{task.Id}/accept").OkAsync<object>();
        return task.Id;
    }

    private sealed record ProgressReportResult(int Id, int Percent, DateOnly ReportedOn);
}

public sealed class EvidenceOnSqlite(SqliteApp app) : EvidenceTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class EvidenceOnPostgres(PostgresApp app) : EvidenceTests(app), IClassFixture<PostgresApp>;
