using System.Net.Http.Json;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
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

    private static async Task<UnitCounts> ChildRowAsync(DashboardQuery query, int parent, int child, DateOnly day) =>
        (await query.GetAsync(parent, day))!.Children.Single(c => c.Id == child);

    private async Task<int> CreateAsync(string title, int lead, DateOnly due) =>
        (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = lead, DeadlineKind = "Date", DueDate = due }).OkAsync<TaskDetail>()).Id;
}

public sealed class AsOfReplayOnSqlite(SqliteApp app) : AsOfReplayTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class AsOfReplayOnPostgres(PostgresApp app) : AsOfReplayTests(app), IClassFixture<PostgresApp>;
