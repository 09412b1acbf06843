using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Faults;

/// <summary>
/// A create sent again with its Idempotency-Key (the client was told "connection closed" after the server saved it)
/// gets the first answer and creates nothing more; the key with another body is refused; a page form sent twice
/// creates once.
/// </summary>
public abstract class IdempotencyTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    private Task<HttpResponseMessage> PostAsync(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Api.Json) };
        request.Headers.Add(Idempotency.Header, key);
        return _client.SendAsync(request);
    }

    [DbFact]
    public async Task A_retried_create_with_the_same_key_gets_the_first_answer_and_creates_once()
    {
        var key = Guid.NewGuid().ToString();
        var body = Integrity.NewTask(app, "Tổng kết 10 năm thực hiện Chỉ thị 05-CT/TW");
        using var first = await PostAsync("/api/tasks", body, key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var footprint = await app.FootprintAsync();

        using var retry = await PostAsync("/api/tasks", body, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstText, await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.Equal(footprint, await app.FootprintAsync());

        using var other = await PostAsync("/api/tasks", Integrity.NewTask(app, "Một nhiệm vụ khác"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Idempotency.Reused, await other.Content.ReadAsStringAsync());
        Assert.Equal(footprint, await app.FootprintAsync());

        var id = JsonDocument.Parse(firstText).RootElement.GetProperty("id").GetInt32();
        await Integrity.CheckAsync(app, [id]);
    }

    [DbFact]
    public async Task The_same_key_sent_many_times_at_once_creates_one_record()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { Symbol = "77-KL/TU", IssuedOn = "2026-02-01", Title = "Kết luận về công tác cán bộ" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await PostAsync("/api/documents", body, key);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }));
        Assert.Single(answers.Distinct());
        Assert.StartsWith("201 ", answers[0]);
        Assert.Equal(1, await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Symbol == "77-KL/TU")));
    }

    [DbFact]
    public async Task A_refused_create_keeps_no_key_and_may_be_corrected_under_it()
    {
        var key = Guid.NewGuid().ToString();
        using var refused = await PostAsync("/api/tasks", new { Title = "", LeadUnitId = app.Units.BaDinh.Id }, key);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var corrected = await PostAsync("/api/tasks", Integrity.NewTask(app, "Đã sửa lại"), key);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/tasks", Integrity.NewTask(app, "x"), new string('k', 201))).StatusCode);
    }

    [DbFact]
    public async Task Evidence_resent_with_another_multipart_boundary_is_one_report()
    {
        var task = await _client.PostAsync("/api/tasks", Integrity.NewTask(app, "Báo cáo có minh chứng")).OkAsync<TaskDetail>();
        await _client.PostAsync($"/api/tasks/{task.Id}/accept").OkAsync<object>();
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> SendAsync()
        {
            var form = new MultipartFormDataContent($"boundary-{Guid.NewGuid():N}")
            {
                { new StringContent("40"), "Percent" },
                { new StringContent("Đã họp triển khai."), "Text" },
            };
            var file = new ByteArrayContent("%PDF-1.4 biên bản"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "files", "bien-ban.pdf");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/evidence") { Content = form };
            request.Headers.Add(Idempotency.Header, key);
            return await _client.SendAsync(request);
        }
        using var first = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var footprint = await app.FootprintAsync();
        using var again = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(footprint, await app.FootprintAsync());
    }

    [DbFact]
    public async Task Keys_are_kept_for_the_set_period_then_removed()
    {
        var key = Guid.NewGuid().ToString();
        var body = Integrity.NewTask(app, "Nhiệm vụ gửi lại sau hai ngày");
        using var first = await PostAsync("/api/tasks", body, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        app.Clock.Advance(Idempotency.DefaultKeepFor + TimeSpan.FromMinutes(1));
        await app.WithServicesAsync(async services =>
        {
            var job = new IdempotencyCleanupJob(services.GetRequiredService<DonDoc.Web.Data.AppDb>(), app.Clock, services.GetRequiredService<IConfiguration>());
            await job.Execute(null!);
            Assert.False(await services.GetRequiredService<DonDoc.Web.Data.AppDb>().IdempotentRequests.AnyAsync(r => r.Key == key));
            return 0;
        });
        // Past the period the key is free again: the same body creates a second task, as the documentation says.
        using var late = await PostAsync("/api/tasks", body, key);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.NotEqual(first.Headers.Location, late.Headers.Location);
    }

    [DbFact]
    public async Task A_page_form_sent_twice_creates_once()
    {
        var client = await app.ClientAsync("OfficeStaff", app.Units.Root, followRedirects: false);
        var document = await PageForm.ParseAsync(await client.GetAsync("/Documents/Create"));
        var form = PageForm.Of(document, "form-document");
        Assert.False(string.IsNullOrEmpty(form[Idempotency.FormField]));
        form["Input.Symbol"] = "88-KH/TU";
        form["Input.IssuedOn"] = "2026-02-02";
        form["Input.Title"] = "Kế hoạch tổ chức hội nghị";
        using var first = await form.PostAsync(client);
        using var second = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Symbol == "88-KH/TU")));
    }
}

public sealed class IdempotencyOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class IdempotencyOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
