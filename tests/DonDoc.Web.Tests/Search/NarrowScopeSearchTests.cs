using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Search;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Search;

/// <summary>
/// A reader whose records are few among the hits still finds them: more than <see cref="SiteSearch.Scan"/> newer hits
/// of another unit (tasks, documents and units) stand between the reader's own and the top of the index.
/// In a class of its own, because its many records would change what the other search tests count.
/// </summary>
public abstract class NarrowScopeSearchTests(TestApp app)
{
    private const int Flood = SiteSearch.Scan + 20;

    [DbFact]
    public async Task A_reader_finds_their_own_hits_behind_more_than_a_scan_of_others()
    {
        var u = app.Units;
        using var admin = app.AdminClient();
        async Task<int> TaskAsync(string title, int lead, int[] coordinators) =>
            (await admin.PostAsync("/api/tasks", new
            {
                Title = title, LeadUnitId = lead, CoordinatorUnitIds = coordinators, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(20),
            }).OkAsync<TaskDetail>()).Id;
        var own = await TaskAsync("Nạo vét mương thoát nước phường Ba Đình", u.BaDinh.Id, []);
        var coordinated = await TaskAsync("Nạo vét mương thoát nước liên phường", u.HoanKiem.Id, [u.BaDinh.Id]);
        var (ownDocument, ownUnit) = await app.WithServicesAsync(async services =>
        {
            var registry = services.GetRequiredService<DocumentRegistry>();
            var document = (await registry.RegisterAsync(new NewDocument { Symbol = "950-KH/TU", IssuedOn = new DateOnly(2026, 2, 2),
                Title = "Kế hoạch nạo vét mương thoát nước phường Ba Đình" }, DocumentStatus.Registered, u.BaDinh.Id)).Value!.Id;
            var db = services.GetRequiredService<AppDb>();
            var unit = new Unit { Code = "NV-BD", Name = "Chi bộ tổ nạo vét mương Ba Đình", Type = UnitType.ChiBo, ParentId = u.BaDinh.Id, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(unit);
            await UnitPaths.SaveAsync(db);
            return (document, unit.Id);
        });

        // Then, newer, Hoàn Kiếm's many of each.
        await app.WithServicesAsync(async services =>
        {
            var registry = services.GetRequiredService<DocumentRegistry>();
            for (var i = 0; i < Flood; i++)
                Assert.True((await registry.RegisterAsync(new NewDocument { Symbol = $"{1000 + i}-KH/TU", IssuedOn = new DateOnly(2026, 1, 20),
                    Title = $"Kế hoạch nạo vét mương thoát nước tuyến số {i}" }, DocumentStatus.Registered, u.HoanKiem.Id)).IsDone);
            var db = services.GetRequiredService<AppDb>();
            db.Units.AddRange(Enumerable.Range(0, Flood).Select(i => new Unit
            {
                Code = $"NV-HK-{i}", Name = $"Chi bộ tổ nạo vét mương số {i}", Type = UnitType.ChiBo, ParentId = u.HoanKiem.Id, ValidFrom = new DateOnly(2025, 7, 1),
            }));
            await UnitPaths.SaveAsync(db);
            for (var i = 0; i < Flood; i++)
                db.Tasks.Add(new TaskItem
                {
                    Title = $"Nạo vét mương thoát nước tuyến số {i}", LeadUnitId = u.HoanKiem.Id, AssignedByUnitId = u.Root.Id,
                    DeadlineKind = DeadlineKind.Date, DueDate = app.Clock.Today.AddDays(30), OriginalDueDate = app.Clock.Today.AddDays(30),
                    AssignedOn = app.Clock.Today,
                });
            await services.GetRequiredService<TaskLedger>().SaveAsync(db, null);
            return 0;
        });

        async Task<Dictionary<string, SearchGroup>> SearchAsync(HttpClient client) =>
            (await client.GetOkAsync<SearchAnswer>($"/api/search?q={Uri.EscapeDataString("nao vet muong")}")).Groups.ToDictionary(g => g.Kind);

        using var viewer = await app.ClientAsync(Roles.Viewer, u.BaDinh);
        var seen = await SearchAsync(viewer);
        Assert.Equal([own], seen["task"].Hits.Select(h => h.Id));
        Assert.Equal([ownDocument], seen["document"].Hits.Select(h => h.Id));
        Assert.Equal([ownUnit], seen["unit"].Hits.Select(h => h.Id));
        Assert.All(seen.Values, g => Assert.False(g.More));
        // The words found are marked in what is shown.
        Assert.Equal("Nạo vét mương", seen["task"].Hits[0].TitleParts.Single(p => p.Marked).Text);

        // An officer of the unit also reads what it coordinates.
        using var officer = await app.ClientAsync(Roles.UnitOfficer, u.BaDinh);
        Assert.Equal([coordinated, own], (await SearchAsync(officer))["task"].Hits.Select(h => h.Id).OrderDescending());

        // The administrator's newest hits are Hoàn Kiếm's, and there are more than shown.
        var all = await SearchAsync(admin);
        foreach (var kind in new[] { "task", "document", "unit" })
            Assert.True(all[kind].Hits.Count == SiteSearch.PerKind && all[kind].More, kind);
        // Ranked alike (every title starts with the words), the newest come first, on either database.
        var newest = await app.WithDbAsync(db => db.Tasks.Where(t => t.SearchKey.Contains("nao vet muong"))
            .OrderByDescending(t => t.Id).Select(t => t.Id).Take(SiteSearch.PerKind).ToListAsync());
        Assert.Equal(newest, all["task"].Hits.Select(h => h.Id));
        // So are those of a reader at the top of the tree, who sees all of it without being the administrator.
        using var top = await app.ClientAsync(Roles.Viewer, u.Root);
        var fromTop = (await SearchAsync(top))["task"];
        Assert.Equal(newest, fromTop.Hits.Select(h => h.Id));
        Assert.True(fromTop.More);

        // A reader of Hoàn Kiếm has more than a window of their own: the newest of them, and more.
        using var hoanKiem = await app.ClientAsync(Roles.Viewer, u.HoanKiem);
        var theirs = (await SearchAsync(hoanKiem))["task"];
        Assert.True(theirs.More);
        Assert.DoesNotContain(own, theirs.Hits.Select(h => h.Id));
    }
}

public sealed class NarrowScopeSearchOnSqlite(SqliteApp app) : NarrowScopeSearchTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class NarrowScopeSearchOnPostgres(PostgresApp app) : NarrowScopeSearchTests(app), IClassFixture<PostgresApp>;
