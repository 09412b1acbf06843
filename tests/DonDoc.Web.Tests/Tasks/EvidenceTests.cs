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
        var minutes = "%PDF-1.4 Biên bản họp chi bộ tháng 3"u8.ToArray();
        var photo = new byte[TestApp.EvidenceMaxBytes]; // exactly at the limit
        Random.Shared.NextBytes(photo);
        photo[0] = 0xFF;
        photo[1] = 0xD8;
        photo[2] = 0xFF;

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

    [DbTheory]
    [InlineData("báo cáo.pdf", "application/pdf")]
    [InlineData("ảnh.png", "image/png")]
    [InlineData("biên bản.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("bảng.xls", "application/vnd.ms-excel")]
    [InlineData("ghi chép.txt", "text/plain")]
    public async Task A_program_renamed_as_a_document_is_refused(string name, string contentType)
    {
        var id = await AcceptedTaskAsync();
        var before = await app.FootprintAsync();
        // What a Windows program begins with.
        byte[] program = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. "This program cannot be run in DOS mode."u8];
        var errors = await UploadAsync(id, 40, "Báo cáo kèm tệp.", (name, contentType, program)).ProblemAsync("files");
        Assert.Contains(errors["files"], m => m.Contains(name) && m.Contains("không phải tệp"));
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task Office_files_that_are_what_they_claim_are_kept_and_one_that_unpacks_too_far_is_refused()
    {
        var id = await AcceptedTaskAsync();
        static byte[] Zip(params (string Name, byte[] Content)[] entries)
        {
            using var buffer = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create))
                foreach (var (name, content) in entries)
                {
                    using var entry = zip.CreateEntry(name).Open();
                    entry.Write(content);
                }
            return buffer.ToArray();
        }
        var docx = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()));
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray()), ("content.xml", "<office/>"u8.ToArray()));
        await UploadAsync(id, 30, "Báo cáo kèm tệp văn phòng.", ("báo cáo.docx", "application/octet-stream", docx), ("báo cáo.odt", "application/octet-stream", odt))
            .OkAsync<ProgressReportResult>();

        var before = await app.FootprintAsync();
        // Under the 64 KB upload limit, and unpacking past four times it.
        var bomb = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[TestApp.EvidenceMaxBytes * 5]));
        Assert.True(bomb.Length < TestApp.EvidenceMaxBytes);
        var errors = await UploadAsync(id, 40, "Báo cáo kèm tệp nén.", ("nén.docx", "application/octet-stream", bomb)).ProblemAsync("files");
        Assert.Contains(errors["files"], m => m.Contains("nén.docx") && m.Contains("giải nén"));
        var plain = Zip(("a.txt", "chữ"u8.ToArray()));
        errors = await UploadAsync(id, 40, "Báo cáo kèm tệp nén.", ("thường.xlsx", "application/octet-stream", plain)).ProblemAsync("files");
        Assert.Contains(errors["files"], m => m.Contains("thường.xlsx"));
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task The_api_reads_as_much_as_the_page_and_refuses_more_with_a_413_problem()
    {
        var id = await AcceptedTaskAsync();
        var pdf = new byte[TestApp.EvidenceMaxBytes];
        "%PDF-1.4"u8.CopyTo(pdf);
        // Ten files at the limit: what the page takes, the API takes.
        var files = Enumerable.Range(1, 10).Select(i => ($"phần {i}.pdf", "application/pdf", pdf)).ToArray();
        await UploadAsync(id, 50, "Báo cáo kèm mười tệp.", files).OkAsync<ProgressReportResult>();

        var before = await app.FootprintAsync();
        // Past ten files at the limit and the text: refused before a byte is stored, in the words of the API.
        var big = new byte[TestApp.EvidenceMaxBytes * 10 + 1024 * 1024 + 1];
        using var response = await UploadAsync(id, 60, "Báo cáo quá lớn.", ("lớn.pdf", "application/pdf", big));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("quá lớn", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task The_page_reads_as_much_as_the_api_and_refuses_more_with_its_error_page()
    {
        var id = await AcceptedTaskAsync();
        using var browser = await app.ClientAsync(Features.Accounts.Roles.Administrator, null, followRedirects: false);
        var pdf = new byte[TestApp.EvidenceMaxBytes];
        "%PDF-1.4"u8.CopyTo(pdf);
        async Task<HttpResponseMessage> PostAsync(params byte[][] files)
        {
            var form = Import.PageForm.Of(await Import.PageForm.ParseAsync(await browser.GetAsync($"/Tasks/Details/{id}")), "form-progress");
            var content = new MultipartFormDataContent();
            foreach (var field in form.Document.GetElementById("form-progress")!.QuerySelectorAll("input[name], textarea[name]")
                .Select(e => e.GetAttribute("name")!).Where(n => n != "files").Distinct())
                content.Add(new StringContent(field == "Progress.Percent" ? "50" : field == "Progress.Text" ? "Báo cáo qua trang." : form[field] ?? ""), field);
            var i = 0;
            foreach (var file in files)
                content.Add(new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "files", $"phần {++i}.pdf");
            return await browser.PostAsync(form.Action, content);
        }
        var ten = await PostAsync(Enumerable.Repeat(pdf, 10).ToArray());
        Assert.True(ten.StatusCode == System.Net.HttpStatusCode.Redirect, await ten.Content.ReadAsStringAsync());

        var before = await app.FootprintAsync();
        var tooLarge = await PostAsync(new byte[TestApp.EvidenceMaxBytes * 10 + 1024 * 1024 + 1]);
        // The form cannot be read past the limit, so neither can its antiforgery token: refused before the handler runs.
        Assert.Contains(tooLarge.StatusCode, new[] { System.Net.HttpStatusCode.BadRequest, System.Net.HttpStatusCode.RequestEntityTooLarge });
        Assert.Equal("text/html", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.FootprintAsync());
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
