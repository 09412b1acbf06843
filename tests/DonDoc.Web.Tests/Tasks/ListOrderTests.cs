using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// Lists that serve: the most urgent first unless a column is chosen, how long each task is overdue,
/// and a program read whole.
/// </summary>
public abstract class ListOrderTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    [DbFact]
    public async Task The_list_puts_the_longest_overdue_first_and_closed_work_last_and_sorts_by_any_column()
    {
        app.Clock.SetLocal(new DateOnly(2026, 8, 3));
        var parent = await CreateAsync("Đợt kiểm tra thứ ba", 40, null, TaskKind.Item);
        var done = await CreateAsync("A – đã xong sớm", 1, parent, TaskKind.Item);
        var lateLong = await CreateAsync("B – quá hạn lâu", 2, parent, TaskKind.Item);
        var lateShort = await CreateAsync("C – quá hạn gần đây", 9, parent, TaskKind.Item);
        var later = await CreateAsync("D – còn hạn", 30, parent, TaskKind.Item);
        await _client.ActAsync(done, "accept");
        await _client.SubmitAsync(done);
        await _client.ActAsync(done, "complete");
        app.Clock.SetLocal(new DateOnly(2026, 8, 15));

        Assert.Equal([lateLong, lateShort, later, done], await IdsAsync($"parent={parent}"));
        Assert.Equal([done, lateLong, lateShort, later], await IdsAsync($"parent={parent}&sort=title"));
        Assert.Equal([later, lateShort, lateLong, done], await IdsAsync($"parent={parent}&sort=-due"));
        Assert.Equal([lateLong, lateShort, later, done], await IdsAsync($"parent={parent}&sort=status"));
        await _client.GetAsync($"/api/tasks?parent={parent}&sort=ngay").ProblemAsync("sort");

        var page = await PageForm.ParseAsync(await _client.GetAsync($"/Tasks?parent={parent}"));
        var rows = page.QuerySelectorAll("table.tasks tbody tr").ToList();
        Assert.Equal("quá hạn 10 ngày", rows[0].QuerySelector(".overdue-days")!.TextContent);
        Assert.Equal("quá hạn 3 ngày", rows[1].QuerySelector(".overdue-days")!.TextContent);
        Assert.Equal("", rows[3].QuerySelector(".overdue-days")!.TextContent);
        var titleHead = page.QuerySelectorAll("table.tasks th a.sort").First(a => a.TextContent.StartsWith("Nhiệm vụ"));
        Assert.Contains($"parent={parent}", titleHead.GetAttribute("href"));
        Assert.EndsWith("sort=title", titleHead.GetAttribute("href"));

        page = await PageForm.ParseAsync(await _client.GetAsync($"/Tasks?parent={parent}&sort=title"));
        Assert.Equal("ascending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.EndsWith("sort=-title", page.QuerySelectorAll("table.tasks th a.sort").First(a => a.TextContent.StartsWith("Nhiệm vụ")).GetAttribute("href"));
    }

    [DbTheory]
    [InlineData("urgent", "IX_Tasks_UrgentOrder")]
    [InlineData("due", "IX_Tasks_DueOrder")]
    public async Task A_list_of_every_task_reads_its_order_from_the_index_rather_than_sorting(string sort, string index)
    {
        var plan = await app.WithDbAsync(async db =>
        {
            var sql = TaskList.Ordered(db.Tasks, sort).Select(t => new { t.Id, t.LeadUnit!.Name }).Take(51).ToQueryString();
            // The parameters ToQueryString declares ahead of the statement (SQLite's .param lines, PostgreSQL's comments).
            var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param") && !l.StartsWith("--")));
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            // On a small table PostgreSQL would rather sort than read an index; forbidding sorts shows whether it can.
            command.CommandText = app.Provider == Provider.Postgres
                ? "SET enable_sort = off; EXPLAIN " + statement.Replace("@p", "51")
                : "EXPLAIN QUERY PLAN " + statement.Replace("@p", "51");
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
            return string.Join('\n', rows);
        });
        Assert.Contains(index, plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotMatch(@"(?m)^\s*Sort\b", plan);
    }

    [DbFact]
    public async Task A_program_page_shows_every_project_across_the_full_width()
    {
        app.Clock.SetLocal(new DateOnly(2026, 9, 1));
        var program = await CreateAsync("Chương trình 01 – xây dựng Đảng", 300, null, TaskKind.Program);
        for (var i = 1; i <= 34; i++)
            await CreateAsync($"Đề án {i:00}", 200, program, TaskKind.Project);

        var page = await PageForm.ParseAsync(await _client.GetAsync($"/Tasks/Details/{program}"));
        var section = page.GetElementById("task-children")!;
        Assert.Contains("wide", section.ClassList);
        Assert.Equal(34, section.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("0/34", page.GetElementById("task-children-count")!.TextContent);
    }

    private async Task<List<int>> IdsAsync(string query) =>
        (await _client.GetOkAsync<Page<TaskRow>>($"/api/tasks?{query}")).Items.Select(r => r.Id).ToList();

    private async Task<int> CreateAsync(string title, int dueInDays, int? parent, TaskKind kind) =>
        (await _client.PostAsync("/api/tasks", new
        {
            Title = title, LeadUnitId = app.Units.TayHo.Id, ParentId = parent, Kind = kind.ToString(), DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(dueInDays),
        }).OkAsync<TaskDetail>()).Id;
}

public sealed class ListOrderOnSqlite(SqliteApp app) : ListOrderTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ListOrderOnPostgres(PostgresApp app) : ListOrderTests(app), IClassFixture<PostgresApp>;
