using System.Data;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task The_whole_trees_list_reads_page_1_and_the_pages_after_a_cursor_from_its_orders_index(string sort, string index)
    {
        await CreateAsync("Rà soát quy hoạch cán bộ diện Ban Thường vụ quản lý", 12, null, TaskKind.Item);
        await CreateAsync("Tổng kết công tác kiểm tra, giám sát năm 2026", 13, null, TaskKind.Item);
        await CreateAsync("Báo cáo sơ kết công tác dân vận quý IV", 13, null, TaskKind.Item);
        await CreateAsync("Chuẩn bị nội dung hội nghị Ban Chấp hành lần thứ năm", 14, null, TaskKind.Item);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == AccountSeed.AdminUserName).Select(u => u.Id).SingleAsync());
        await using var services = app.Services.CreateAsyncScope();
        var reader = services.ServiceProvider.GetRequiredService<UserScope>();
        await reader.LoadAsync(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, adminId.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Role, Roles.Administrator)], "test")));
        var cursors = services.ServiceProvider.GetRequiredService<Cursors>();
        var seen = new StatementRecorder();
        await using var db = Database.CreateContext(app.ConnectionString, app.Clock, seen);

        // The list as the API reads it: page 1, then pages after cursors (one row each, so that runs past the first are read).
        var filter = new TaskFilter { Unit = app.Units.Root.Id, Scope = "subtree", Sort = sort, PageSize = 1 };
        var ids = new List<int>();
        for (var page = 1; page <= 4; page++)
        {
            var read = (await TaskList.QueryAsync(db, reader, filter, app.Clock.Today, CancellationToken.None, cursors)).Value!;
            ids.Add(read.Items.Single().Id);
            if ((filter.Cursor = read.Next) is null)
                break;
        }
        Assert.True(ids.Count >= 3, $"{ids.Count} pages");
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var reads = seen.Statements.Where(s => s.Text.Contains("FROM \"Tasks\"") && s.Text.Contains("ORDER BY")).ToList();
        Assert.True(reads.Count >= 2, $"{reads.Count} ordered reads of the tasks");
        foreach (var read in reads)
        {
            var plan = await PlanAsync(db, read);
            // Read in order, never sorted. PostgreSQL's planner picks among the ordered paths by the table's size (on
            // these few rows, the primary key), so the index is named only where SQLite's plan shows it.
            Assert.True(!plan.Contains("TEMP B-TREE", StringComparison.Ordinal) && !Regex.IsMatch(plan, @"(?m)^\s*(->\s*)?Sort\b"),
                $"{read.Text}\n{plan}");
            if (app.Provider == Provider.Sqlite)
                Assert.True(plan.Contains(index, StringComparison.Ordinal), $"{read.Text}\n{plan}");
        }
    }

    // The database's plan of a statement as it was sent, with its parameters. On a small table PostgreSQL would rather sort
    // than read an index; forbidding sorts shows whether it can.
    private async Task<string> PlanAsync(AppDb db, (string Text, List<(string Name, object? Value, DbType Type)> Parameters) statement)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (app.Provider == Provider.Postgres)
            await db.Database.ExecuteSqlRawAsync("SET enable_sort = off");
        await using var command = connection.CreateCommand();
        command.CommandText = (app.Provider == Provider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + statement.Text;
        foreach (var (name, value, type) in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value, parameter.DbType) = (name, value, type);
            command.Parameters.Add(parameter);
        }
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
        return string.Join('\n', rows);
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
