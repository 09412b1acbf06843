using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// A program reads from /openapi/v1.json how each task action may answer; the refusals it lists are
/// the ones the actions give, each in problem+json.
/// </summary>
public abstract class ApiDescriptionTests(TestApp app)
{
    private static readonly string[] Actions =
        ["fanout", "withdraw", "accept", "submit", "complete", "return", "cancel", "progress", "evidence", "extension", "extension/{requestId}/decision"];

    [DbFact]
    public async Task Every_task_action_lists_its_refusals_as_problems()
    {
        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var action in Actions)
        {
            var responses = paths.GetProperty($"/api/tasks/{{id}}/{action}").GetProperty("post").GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _), $"{action}: 200");
            foreach (var status in new[] { "400", "403", "404", "409" })
            {
                Assert.True(responses.TryGetProperty(status, out var response), $"{action}: thiếu {status}");
                Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{action}: {status} không phải problem+json");
            }
        }
        var create = paths.GetProperty("/api/tasks").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "403", "409" })
            Assert.True(create.TryGetProperty(status, out _), $"tạo nhiệm vụ: thiếu {status}");
    }

    [DbFact]
    public async Task An_action_on_a_task_that_does_not_exist_is_a_404_problem_naming_it()
    {
        using var response = await app.AdminClient().PostAsJsonAsync("/api/tasks/987654/cancel", new { Reason = "Không còn phù hợp" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
        Assert.Contains("987654", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [DbFact]
    public async Task An_extension_request_that_does_not_exist_is_a_404_not_a_field_error()
    {
        var task = await app.AdminClient().PostAsJsonAsync("/api/tasks", new
        {
            Title = "Rà soát danh sách đảng viên", LeadUnitId = app.Units.TayHo.Id, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(30),
        });
        var id = (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var response = await app.AdminClient().PostAsJsonAsync($"/api/tasks/{id}/extension/987654/decision", new { Approve = false, Note = "Không" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("987654", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}

public sealed class ApiDescriptionOnSqlite(SqliteApp app) : ApiDescriptionTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ApiDescriptionOnPostgres(PostgresApp app) : ApiDescriptionTests(app), IClassFixture<PostgresApp>;
