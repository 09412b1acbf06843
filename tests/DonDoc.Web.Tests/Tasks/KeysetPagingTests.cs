using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// The API's lists page by cursor: following each page's cursor yields exactly the rows of the offset pages, in the
/// same order, for every sort in both directions, over generated tasks with ties in every sort key and open-ended
/// deadlines; a cursor that was edited or made for another list is refused.
/// </summary>
public abstract class KeysetPagingTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    [DbFact]
    public async Task Walking_by_cursor_gives_the_offset_pages_rows_for_every_sort_and_direction()
    {
        var top = await GenerateAsync(seed: 13, tasks: 90);
        var expected = await app.WithDbAsync(db => db.Tasks.Where(t => t.LeadUnit!.Path.StartsWith(top.Path)).Select(t => t.Id).ToListAsync());
        foreach (var filter in new[] { $"unit={top.Id}&scope=subtree", $"unit={top.Id}&scope=subtree&status=open",
                     $"unit={top.Id}&scope=subtree&status=Completed", $"unit={top.Id}&scope=own", $"unit={top.Id}&scope=subtree&q=ra%20soat" })
        {
            foreach (var sort in TaskList.Sorts.SelectMany(s => new[] { s, "-" + s }))
            {
                var (offset, total) = await ByOffsetAsync($"/api/tasks?{filter}&sort={sort}&pageSize=7");
                var byCursor = await ByCursorAsync($"/api/tasks?{filter}&sort={sort}&pageSize=7", total);
                Assert.True(offset.SequenceEqual(byCursor), $"{filter}&sort={sort}: {string.Join(",", offset)} ≠ {string.Join(",", byCursor)}");
                Assert.Equal(total, offset.Count);
                Assert.Equal(offset.Count, offset.Distinct().Count());
            }
        }
        var (all, _) = await ByOffsetAsync($"/api/tasks?unit={top.Id}&scope=subtree&pageSize=500");
        Assert.Equal(expected.Order(), all.Order());
    }

    [DbFact]
    public async Task The_overdue_and_due_soon_lists_keep_their_path_and_walk_by_cursor_too()
    {
        var top = await GenerateAsync(seed: 5, tasks: 70);
        foreach (var filter in new[] { "overdue", "duesoon" })
        {
            var url = $"/api/tasks?unit={top.Id}&scope=subtree&status={filter}&pageSize=4";
            var (offset, total) = await ByOffsetAsync(url);
            Assert.True(total > 4, $"{filter}: {total}");
            Assert.Equal(offset, await ByCursorAsync(url, total));
        }
    }

    [DbFact]
    public async Task An_edited_cursor_or_one_made_for_another_list_is_refused()
    {
        var top = await GenerateAsync(seed: 3, tasks: 20);
        var url = $"/api/tasks?unit={top.Id}&scope=subtree&sort=due&pageSize=5";
        var next = (await _client.GetOkAsync<Page<TaskRow>>(url)).Next!;
        Assert.NotNull(next);
        var edited = next[..10] + (next[10] == 'A' ? 'B' : 'A') + next[11..];
        var errors = await _client.GetAsync($"{url}&cursor={edited}").ProblemAsync("cursor");
        Assert.Contains("không hợp lệ", errors["cursor"][0]);
        await _client.GetAsync($"{url}&cursor=abc").ProblemAsync("cursor");
        await _client.GetAsync($"/api/tasks?unit={top.Id}&scope=subtree&sort=-due&pageSize=5&cursor={next}").ProblemAsync("cursor");
        errors = await _client.GetAsync($"/api/tasks?unit={top.Id}&scope=subtree&sort=due&status=open&cursor={next}").ProblemAsync("cursor");
        Assert.Contains("danh sách khác", errors["cursor"][0]);
        await _client.GetAsync($"/api/tasks?unit={app.Units.Root.Id}&scope=subtree&sort=due&cursor={next}").ProblemAsync("cursor");
        await _client.GetAsync($"{url}&page=2&cursor={next}").ProblemAsync("page");
        // A task list's cursor is no other list's either.
        await _client.GetAsync($"/api/units?cursor={next}").ProblemAsync("cursor");
        await _client.GetAsync($"/api/documents?cursor={next}").ProblemAsync("cursor");
        // The same cursor, unchanged, still works: a page reached by cursor carries the first page's total.
        var second = await _client.GetOkAsync<Page<TaskRow>>($"{url}&cursor={next}");
        Assert.Equal(2, second.PageNumber);
        Assert.Equal(20, second.Total);
    }

    [DbFact]
    public async Task The_units_list_walks_by_cursor_as_by_page()
    {
        await GenerateAsync(seed: 1, tasks: 0);
        var (offset, total) = await ByOffsetAsync("/api/units?pageSize=2&includeClosed=true", units: true);
        Assert.Equal(offset, await ByCursorAsync("/api/units?pageSize=2&includeClosed=true", total, units: true));
        Assert.True(total > 6);
    }

    private async Task<(List<int> Ids, int Total)> ByOffsetAsync(string url, bool units = false)
    {
        var ids = new List<int>();
        var (number, count, total) = (1, 1, 0);
        while (number <= count)
        {
            var (items, t, pageCount, _) = await ReadAsync($"{url}&page={number}", units);
            ids.AddRange(items);
            (count, total) = (pageCount, t);
            number++;
        }
        return (ids, total);
    }

    private async Task<List<int>> ByCursorAsync(string url, int total, bool units = false)
    {
        var ids = new List<int>();
        var (items, t, _, next) = await ReadAsync(url, units);
        ids.AddRange(items);
        while (next is not null)
        {
            Assert.True(ids.Count <= total, "the cursor walk passed the total");
            (items, t, _, next) = await ReadAsync($"{url}&cursor={next}", units);
            Assert.Equal(total, t);
            ids.AddRange(items);
        }
        return ids;
    }

    private async Task<(List<int> Ids, int Total, int PageCount, string? Next)> ReadAsync(string url, bool units)
    {
        if (units)
        {
            var page = await _client.GetOkAsync<Page<UnitDto>>(url);
            return (page.Items.Select(u => u.Id).ToList(), page.Total, page.PageCount, page.Next);
        }
        var tasks = await _client.GetOkAsync<Page<TaskRow>>(url);
        return (tasks.Items.Select(r => r.Id).ToList(), tasks.Total, tasks.PageCount, tasks.Next);
    }

    /// <summary>
    /// A unit with three children (two of one name) and tasks in every state, drawn from few titles, percents,
    /// assignment days and due days (a fifth without one), so that every sort key has ties.
    /// </summary>
    private Task<Unit> GenerateAsync(int seed, int tasks) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<DonDoc.Web.Data.AppDb>();
        var random = new Random(seed);
        var code = $"KS{Guid.NewGuid():N}"[..10];
        var top = new Unit { Code = code, Name = "Đảng bộ khối thử phân trang", Type = UnitType.DangBoTrucThuoc, ParentId = app.Units.Root.Id, ValidFrom = new DateOnly(2025, 7, 1) };
        db.Units.Add(top);
        await UnitPaths.SaveAsync(db);
        var children = new[] { "Chi bộ số 1", "Chi bộ số 1", "Chi bộ cơ quan" }.Select((name, i) => new Unit
        {
            Code = $"{code}-{i}", Name = name, Type = UnitType.ChiBo, ParentId = top.Id, ValidFrom = new DateOnly(2025, 7, 1),
        }).ToList();
        db.Units.AddRange(children);
        await UnitPaths.SaveAsync(db);
        var leads = new[] { top }.Concat(children).ToList();
        var today = app.Clock.Today;
        string[] titles = ["Rà soát quy hoạch cán bộ", "Kiểm tra công tác đảng viên", "Báo cáo sơ kết", "Rà soát quy hoạch cán bộ"];
        for (var i = 0; i < tasks; i++)
        {
            var status = Enum.GetValues<TaskState>()[random.Next(Enum.GetValues<TaskState>().Length)];
            DateOnly? due = random.Next(5) == 0 ? null : today.AddDays(random.Next(-12, 12));
            db.Tasks.Add(new TaskItem
            {
                Title = titles[random.Next(titles.Length)],
                LeadUnitId = leads[random.Next(leads.Count)].Id,
                AssignedByUnitId = app.Units.Root.Id,
                DeadlineKind = due is null ? DeadlineKind.Ongoing : DeadlineKind.Date,
                DueDate = due,
                OriginalDueDate = due,
                Status = status,
                Percent = status == TaskState.Completed ? 100 : new[] { 0, 30, 60 }[random.Next(3)],
                AssignedOn = today.AddDays(-random.Next(3)),
                SubmittedOn = status is TaskState.Submitted or TaskState.Completed ? today.AddDays(-random.Next(-12, 12)) : null,
            });
        }
        await services.GetRequiredService<TaskLedger>().SaveAsync(db, null);
        return top;
    });
}

public sealed class KeysetPagingOnSqlite(SqliteApp app) : KeysetPagingTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class KeysetPagingOnPostgres(PostgresApp app) : KeysetPagingTests(app), IClassFixture<PostgresApp>;
