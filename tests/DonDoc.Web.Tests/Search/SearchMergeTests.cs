using DonDoc.Web.Features.Search;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DonDoc.Web.Tests.Search;

/// <summary>
/// The nightly job merges SQLite's search tables into one segment each, run here by the application's own scheduler:
/// every search answers as before, and the index still agrees with the rows it indexes.
/// </summary>
public sealed class SearchMergeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_job_merges_each_search_table_into_one_segment_and_every_search_answers_the_same()
    {
        using var admin = app.AdminClient();
        // Each save is its own transaction and adds a segment, until FTS5 merges four of a level.
        string[] titles = ["Rà soát đảng viên dự bị", "Kiểm tra Thành uỷ giao", "Tổng kết công tác Đảng bộ", "Báo cáo Thành ủy quý III"];
        for (var i = 0; i < 6; i++)
            await admin.PostAsync("/api/tasks", new
            {
                Title = $"{titles[i % titles.Length]} – đợt {i + 1}", LeadUnitId = app.Units.TayHo.Id, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(30),
            }).OkAsync<TaskDetail>();
        Assert.True(await SegmentsAsync("TaskSearch") > 1);
        string[] queries = ["thanh uy", "Thành ủy", "dang bo", "đảng viên", "đợt 3", "tay ho"];
        var before = await AnswersAsync(admin, queries);

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey(SearchMerge.Name));
        Assert.NotNull(trigger);
        // Scheduled for the night, Hà Nội time.
        var next = TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, Web.Infrastructure.Clock.Zone);
        Assert.Equal((1, 30), (next.Hour, next.Minute));
        await scheduler.TriggerJob(trigger.JobKey);
        await WaitForRunAsync();

        foreach (var index in SearchIndex.SqliteTables)
            Assert.True(await SegmentsAsync(index) <= 1, index);
        Assert.Equal(before, await AnswersAsync(admin, queries));
        // FTS5's own check of the index against the table it indexes (rank 1: the content too).
        await app.WithDbAsync(async db =>
        {
            foreach (var index in SearchIndex.SqliteTables)
            {
                var check = $"""INSERT INTO "{index}" ("{index}", rank) VALUES ('integrity-check', 1)""";
                await db.Database.ExecuteSqlRawAsync(check);
            }
        });

        // A save after the merge is found at once, and the next run merges its segment too.
        var late = await admin.PostAsync("/api/tasks", new
        {
            Title = "Thành ủy giao bổ sung – đợt 7", LeadUnitId = app.Units.TayHo.Id, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(30),
        }).OkAsync<TaskDetail>();
        Assert.Contains($"\"id\":{late.Id},", await admin.GetStringAsync("/api/search?q=thanh%20uy&kind=task"));
        Assert.Equal(2, await SegmentsAsync("TaskSearch"));
        Assert.Equal(2, (await app.WithDbAsync(db => SearchMerge.RunAsync(db, default)))["TaskSearch"]);
        Assert.Equal(1, await SegmentsAsync("TaskSearch"));
    }

    private Task<int> SegmentsAsync(string index) => app.WithDbAsync(db => SearchMerge.SegmentsAsync(db, index, default));

    private static async Task<List<string>> AnswersAsync(HttpClient client, string[] queries)
    {
        var answers = new List<string>();
        foreach (var q in queries)
            answers.Add(await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(q)}"));
        return answers;
    }

    private async Task WaitForRunAsync()
    {
        for (var waited = 0; waited < 300; waited++)
        {
            var runs = await app.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Job == SearchMerge.Name && r.FinishedAtUtc != null).ToListAsync());
            if (runs.Count > 0)
            {
                Assert.All(runs, r => Assert.Null(r.Error));
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The search merge did not run within 30 s.");
    }
}
