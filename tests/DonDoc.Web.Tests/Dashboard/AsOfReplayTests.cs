using System.Net.Http.Json;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Dashboard;

/// <summary>
/// A past day's dashboard of a unit replays only the history of the tasks its subtree led; the whole tree's replay
/// reads every task. Both must agree: each child's counts and overdue list, seen from the city, are those of the
/// child's own view of the same day, also for a task that changed lead unit between subtrees.
/// </summary>
public abstract class AsOfReplayTests(TestApp app)
{
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task A_subtrees_replay_agrees_with_the_whole_trees_on_every_day()
    {
        var u = app.Units;
        var start = new DateOnly(2026, 2, 2);
        app.Clock.SetLocal(start, 9);
        var moved = await CreateAsync("Rà soát hồ sơ đảng viên chuyển sinh hoạt", u.HoanKiem.Id, start.AddDays(6));
        var cell = await CreateAsync("Kiện toàn chi ủy", u.BaDinhCell.Id, start.AddDays(3));
        var done = await CreateAsync("Sơ kết nghị quyết chuyên đề", u.BaDinh.Id, start.AddDays(10));
        var cancelled = await CreateAsync("Hội nghị đối thoại với nhân dân", u.TayHo.Id, start.AddDays(2));
        await CreateAsync("Báo cáo công tác dân vận", u.UbndParty.Id, start.AddDays(4));

        app.Clock.SetLocal(start.AddDays(2), 9);
        await _admin.PutAsJsonAsync($"/api/tasks/{moved}", new { Title = "Rà soát hồ sơ đảng viên chuyển sinh hoạt", LeadUnitId = u.TayHo.Id,
            DeadlineKind = "Date", DueDate = start.AddDays(6) }, Api.Json).OkAsync<TaskDetail>();
        await _admin.ActAsync(done, "accept");
        app.Clock.SetLocal(start.AddDays(4), 9);
        await _admin.ActAsync(cancelled, "cancel", new { Reason = "Đã lồng ghép vào hội nghị của quận" });
        await _admin.SubmitAsync(done);
        await _admin.ActAsync(cell, "accept");
        app.Clock.SetLocal(start.AddDays(12), 9);
        await _admin.ActAsync(done, "complete");
        app.Clock.SetLocal(start.AddDays(20), 9);

        await app.WithServicesAsync(async services =>
        {
            var query = services.GetRequiredService<DashboardQuery>();
            var db = services.GetRequiredService<DonDoc.Web.Data.AppDb>();
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(x => x.Id);
            for (var day = start.AddDays(-1); day < app.Clock.Today; day = day.AddDays(1))
            {
                var city = (await query.GetAsync(u.Root.Id, day))!;
                var cityDue = await query.DueAsync(units[u.Root.Id], day);
                foreach (var child in city.Children.Append(city.Unit).Append(await ChildRowAsync(query, u.BaDinh.Id, u.BaDinhCell.Id, day)))
                {
                    var own = (await query.GetAsync(child.Id, day))!;
                    Assert.True(child.Counts == own.Unit.Counts, $"{child.Name} on {day}: {child.Counts} from above, {own.Unit.Counts} alone");
                    var path = units[child.Id].Path;
                    Assert.Equal(cityDue.Where(d => units[d.LeadUnitId].Path.StartsWith(path, StringComparison.Ordinal)).ToList(),
                        await query.DueAsync(units[child.Id], day));
                }
            }
            // The moved task counts where it was led on each day.
            var before = (await query.GetAsync(u.HoanKiem.Id, start.AddDays(1)))!.Unit.Counts;
            var after = (await query.GetAsync(u.HoanKiem.Id, start.AddDays(3)))!.Unit.Counts;
            Assert.Equal(1, before.Total - after.Total);
            return 0;
        });
    }

    [DbFact]
    public async Task Every_count_of_a_past_day_opens_the_tasks_it_counted_as_they_stood_that_day()
    {
        var u = app.Units;
        var start = new DateOnly(2026, 4, 6);
        app.Clock.SetLocal(start, 9);
        var late = await CreateAsync("Tổng kết công tác tuyên giáo quý I", u.HoanKiem.Id, start.AddDays(2));
        var soon = await CreateAsync("Chuẩn bị hội nghị sơ kết", u.BaDinh.Id, start.AddDays(9));
        var done = await CreateAsync("Rà soát danh sách đảng viên miễn sinh hoạt", u.TayHo.Id, start.AddDays(5));
        await _admin.ActAsync(done, "accept");
        await _admin.SubmitAsync(done);
        await _admin.ActAsync(done, "complete");
        app.Clock.SetLocal(start.AddDays(6), 9);
        // Since that day the late task moved to another unit and was done: the list shows it as it stood.
        await _admin.PutAsJsonAsync($"/api/tasks/{late}", new { Title = "Tổng kết công tác tuyên giáo quý I", LeadUnitId = u.TayHo.Id,
            DeadlineKind = "Date", DueDate = start.AddDays(2) }, Api.Json).OkAsync<TaskDetail>();
        await _admin.ActAsync(late, "accept");
        await _admin.SubmitAsync(late);
        var day = start.AddDays(4);
        var asOf = day.ToString("yyyy-MM-dd");

        var view = (await _admin.GetFromJsonAsync<DashboardView>($"/api/units/{u.Root.Id}/dashboard?asOf={asOf}", Api.Json))!;
        var card = new CountsCard(u.Root.Id, view.Unit.Counts, day);
        foreach (var metric in card.Metrics)
        {
            var page = await PageForm.ParseAsync(await _admin.GetAsync(card.Href(metric)));
            var rows = page.QuerySelectorAll("#tasks-then tbody tr");
            Assert.True(metric.Value == rows.Length, $"{metric.Label}: {metric.Value} counted, {rows.Length} listed");
            Assert.Contains($"{metric.Label}: {metric.Value} nhiệm vụ", page.QuerySelector("h1")!.TextContent);
        }
        var overdue = await PageForm.ParseAsync(await _admin.GetAsync(card.Href(card.Metrics.Single(m => m.Status == "overdue"))));
        var row = Assert.Single(overdue.QuerySelectorAll("#tasks-then tbody tr"), r => r.TextContent.Contains("Tổng kết công tác tuyên giáo quý I"));
        Assert.Contains(u.HoanKiem.Name, row.TextContent);
        Assert.Contains("Quá hạn", row.TextContent);
        Assert.Contains(VnFormatDate(start.AddDays(2)), row.TextContent);
        var dueSoon = await PageForm.ParseAsync(await _admin.GetAsync(card.Href(card.Metrics.Single(m => m.Status == "duesoon"))));
        Assert.Contains(dueSoon.QuerySelectorAll("#tasks-then tbody tr a"), a => a.GetAttribute("href") == $"/Tasks/Details/{soon}");

        // A bad address is named, in Vietnamese, and answers 400.
        foreach (var (query, message) in new[]
        {
            ($"asOf={asOf}&status=bogus", "Không có chỉ số “bogus”"),
            ($"asOf={app.Clock.Today.AddDays(3):yyyy-MM-dd}&status=overdue", "ở sau hôm nay"),
            ("status=overdue", "Chưa chọn ngày"),
            ($"asOf={asOf}&status=overdue&page=0", "Số trang phải từ 1"),
        })
        {
            var response = await _admin.GetAsync($"/Dashboard/Tasks?unit={u.Root.Id}&{query}");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, page.QuerySelector("#problems")!.TextContent);
        }
    }

    private static string VnFormatDate(DateOnly day) => DonDoc.Text.VnFormat.Date(day);

    private static async Task<UnitCounts> ChildRowAsync(DashboardQuery query, int parent, int child, DateOnly day) =>
        (await query.GetAsync(parent, day))!.Children.Single(c => c.Id == child);

    private async Task<int> CreateAsync(string title, int lead, DateOnly due) =>
        (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = lead, DeadlineKind = "Date", DueDate = due }).OkAsync<TaskDetail>()).Id;
}

public sealed class AsOfReplayOnSqlite(SqliteApp app) : AsOfReplayTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class AsOfReplayOnPostgres(PostgresApp app) : AsOfReplayTests(app), IClassFixture<PostgresApp>;
