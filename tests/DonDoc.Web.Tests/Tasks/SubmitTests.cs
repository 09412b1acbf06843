using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// Reporting a task done carries its result, a result below 100% goes only when confirmed, a lower
/// progress says why, and the leader reads percent and result where they decide.
/// </summary>
public abstract class SubmitTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    [DbFact]
    public async Task A_submission_needs_its_result_and_below_100_percent_a_confirmation()
    {
        var id = await AcceptedAsync("Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW");

        var errors = await _client.PostAsync($"/api/tasks/{id}/submit").ProblemAsync("result");
        Assert.Contains("kết quả", errors["result"][0]);
        errors = await _client.PostAsync($"/api/tasks/{id}/submit", new { Result = "Đã tổng kết ở 30/34 đảng bộ.", Percent = 88 })
            .ProblemAsync("confirmIncomplete");
        Assert.Contains("88%", errors["confirmIncomplete"][0]);
        Assert.Equal(TaskState.Accepted, (await _client.TaskAsync(id)).Status);

        var submitted = await _client.ActAsync(id, "submit", new { Result = "  Đã tổng kết ở 30/34 đảng bộ.  ", Percent = 88, ConfirmIncomplete = true });
        Assert.Equal(TaskState.Submitted, submitted.Status);
        Assert.Equal(88, submitted.Percent);
        Assert.Equal("Đã tổng kết ở 30/34 đảng bộ.", submitted.Result);
        Assert.Contains(submitted.History, h => h.Note == "Báo cáo hoàn thành (88%)");

        // Returned and done again, the next result replaces it.
        await _client.ActAsync(id, "return", new { Reason = "Còn 4 đảng bộ chưa tổng kết" });
        var again = await _client.SubmitAsync(id);
        Assert.Equal(100, again.Percent);
        Assert.Equal(Api.DoneResult, again.Result);
    }

    [DbFact]
    public async Task A_lower_progress_than_the_last_asks_why_and_keeps_the_reason()
    {
        var id = await AcceptedAsync("Rà soát, bổ sung quy hoạch cán bộ");
        await _client.ActAsync(id, "progress", new { Percent = 60, Text = "Đã rà soát 6/10 chi bộ." });

        var errors = await _client.PostAsync($"/api/tasks/{id}/progress", new { Percent = 40, Text = "Rà soát lại theo hướng dẫn mới." })
            .ProblemAsync("dropReason");
        Assert.Contains("60%", errors["dropReason"][0]);
        Assert.Single((await _client.TaskAsync(id)).Progress);

        var task = await _client.ActAsync(id, "progress",
            new { Percent = 40, Text = "Rà soát lại theo hướng dẫn mới.", DropReason = "Hướng dẫn 12-HD/BTCTW thay đổi tiêu chí" });
        Assert.Equal(40, task.Percent);
        Assert.Equal("Hướng dẫn 12-HD/BTCTW thay đổi tiêu chí", task.Progress[0].DropReason);
        // The same or higher needs no reason.
        task = await _client.ActAsync(id, "progress", new { Percent = 40, Text = "Tiếp tục rà soát." });
        Assert.Null(task.Progress[0].DropReason);
    }

    [DbFact]
    public async Task The_page_asks_for_the_result_and_the_confirmation_and_the_leader_reads_them_beside_the_decision()
    {
        var id = await AcceptedAsync("Sơ kết công tác dân vận 6 tháng");
        using var officer = await app.ClientAsync(Roles.UnitOfficer, app.Units.TayHo, followRedirects: false);
        var form = PageForm.Of(await PageForm.ParseAsync(await officer.GetAsync($"/Tasks/Details/{id}")), "form-submit");
        Assert.Equal("100", form["Submit.Percent"]);

        using (var empty = await form.PostAsync(officer))
        {
            var page = await PageForm.ParseAsync(empty);
            Assert.Contains("Nhập kết quả thực hiện", page.GetElementById("form-submit")!.TextContent);
        }

        form["Submit.Result"] = "Đã sơ kết tại 12/15 đơn vị.";
        form["Submit.Percent"] = "80";
        using (var unconfirmed = await form.PostAsync(officer))
        {
            var page = await PageForm.ParseAsync(unconfirmed);
            var again = PageForm.Of(page, "form-submit");
            // What was typed stays, and the confirmation now shows.
            Assert.Equal("Đã sơ kết tại 12/15 đơn vị.", again["Submit.Result"]);
            Assert.Equal("80", again["Submit.Percent"]);
            var confirm = page.QuerySelector("#form-submit [data-below]")!;
            Assert.False(confirm.HasAttribute("hidden"));
            Assert.Contains("80%", confirm.TextContent);
        }
        Assert.Equal(TaskState.Accepted, (await _client.TaskAsync(id)).Status);

        form.Tick("Submit.ConfirmIncomplete");
        using (var sent = await form.PostAsync(officer))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);

        var leaderView = await PageForm.ParseAsync(await _client.GetAsync($"/Tasks/Details/{id}"));
        var complete = leaderView.GetElementById("form-complete")!.TextContent;
        Assert.Contains("80%", complete);
        Assert.Contains("Đã sơ kết tại 12/15 đơn vị.", complete);
    }

    private async Task<int> AcceptedAsync(string title)
    {
        var created = await _client.PostAsync("/api/tasks", new
        {
            Title = title, LeadUnitId = app.Units.TayHo.Id, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(30),
        }).OkAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        await _client.ActAsync(id, "accept");
        return id;
    }
}

public sealed class SubmitOnSqlite(SqliteApp app) : SubmitTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class SubmitOnPostgres(PostgresApp app) : SubmitTests(app), IClassFixture<PostgresApp>;
