using System.Net;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Accounts;

/// <summary>
/// What lies outside a user's unit subtree never reaches them: not in a list, a count, a search, a
/// dashboard or a document register, through the API or the pages.
/// </summary>
public abstract class ScopeTests(TestApp app) : IAsyncLifetime
{
    private const string Word = "chuyển đổi số";
    // One world per app: xunit makes a new instance of this class for each test, the app is shared.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestApp, Task<World>> Worlds = [];
    private World _world = null!;

    private sealed record World(int BaDinhTask, int CellTask, int Coordinated, int CityTask, int TayHoTask,
        int CitedDocument, int CityDocument, int BaDinhDocument, int HoanKiemDocument);

    public async Task InitializeAsync()
    {
        if (app.ConnectionString.Length > 0)
            _world = await Worlds.GetValue(app, _ => CreateWorldAsync());
    }

    private async Task<World> CreateWorldAsync()
    {
        var u = app.Units;
        using var admin = app.AdminClient();
        var documents = await app.WithServicesAsync(async services =>
        {
            var registry = services.GetRequiredService<DocumentRegistry>();
            async Task<int> RegisterAsync(string symbol, int? unitId) =>
                (await registry.RegisterAsync(new NewDocument { Symbol = symbol, IssuedOn = new DateOnly(2026, 1, 10), Title = $"Văn bản {symbol}" },
                    DocumentStatus.Registered, unitId)).Value!.Id;
            return new[] { await RegisterAsync("201-KH/TU", null), await RegisterAsync("202-KH/TU", null),
                await RegisterAsync("203-KH/TU", u.BaDinh.Id), await RegisterAsync("204-KH/TU", u.HoanKiem.Id) };
        });
        async Task<int> TaskAsync(string title, int lead, int? document = null, int[]? coordinators = null) =>
            (await admin.PostAsync("/api/tasks", new
            {
                Title = title,
                LeadUnitId = lead,
                CoordinatorUnitIds = coordinators ?? [],
                SourceDocumentId = document,
                DeadlineKind = "Date",
                DueDate = app.Clock.Today.AddDays(20),
            }).OkAsync<TaskDetail>()).Id;
        return new World(
            await TaskAsync($"Đẩy mạnh {Word} ở phường Ba Đình", u.BaDinh.Id, documents[0]),
            await TaskAsync("Kiện toàn chi bộ khu dân cư", u.BaDinhCell.Id),
            await TaskAsync("Chỉnh trang phố cổ", u.HoanKiem.Id, coordinators: [u.BaDinh.Id]),
            await TaskAsync("Sơ kết Chương trình 01 của Thành ủy", u.Root.Id, documents[1]),
            await TaskAsync($"Đẩy mạnh {Word} ở phường Tây Hồ", u.TayHo.Id),
            documents[0], documents[1], documents[2], documents[3]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [DbFact]
    public async Task A_viewer_lists_searches_and_counts_only_their_subtree()
    {
        using var viewer = await app.ClientAsync(Roles.Viewer, app.Units.BaDinh);
        var w = _world;
        Assert.Equal([w.BaDinhTask, w.CellTask], await TaskIdsAsync(viewer, "/api/tasks?pageSize=500"));
        Assert.Equal([w.BaDinhTask], await TaskIdsAsync(viewer, $"/api/tasks?q={Uri.EscapeDataString(Word)}"));
        // "Own" work of Ba Đình includes what it coordinates, but that task is Hoàn Kiếm's: a viewer does not see it.
        Assert.Equal([w.BaDinhTask], await TaskIdsAsync(viewer, $"/api/tasks?unit={app.Units.BaDinh.Id}&scope=own"));
        foreach (var hidden in new[] { w.Coordinated, w.CityTask, w.TayHoTask })
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/tasks/{hidden}")).StatusCode);

        var dashboard = await viewer.GetOkAsync<DashboardView>($"/api/units/{app.Units.BaDinh.Id}/dashboard");
        Assert.Equal(2, dashboard.Unit.Counts.Total);
        Assert.Equal([app.Units.BaDinhCell.Id], dashboard.Children.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/units/{app.Units.Root.Id}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/units/{app.Units.HoanKiem.Id}")).StatusCode);

        var units = await viewer.GetOkAsync<Page<UnitDto>>("/api/units?pageSize=500");
        Assert.Equal(new[] { app.Units.BaDinh.Id, app.Units.BaDinhCell.Id }.Order(), units.Items.Select(x => x.Id).Order());
        var root = await viewer.GetOkAsync<UnitDetailDto>($"/api/units/{app.Units.BaDinh.Id}");
        Assert.Null(root.Parent);

        // The document a visible task cites, and the one Ba Đình registered; not the city's nor Hoàn Kiếm's.
        var documents = await viewer.GetOkAsync<Page<DocumentDto>>("/api/documents?pageSize=500");
        Assert.Equal(new[] { w.CitedDocument, w.BaDinhDocument }.Order(), documents.Items.Select(d => d.Id).Order());
        Assert.Empty((await viewer.GetOkAsync<Page<DocumentDto>>("/api/documents?symbol=204-KH/TU")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/documents/{w.CityDocument}")).StatusCode);
    }

    [DbFact]
    public async Task The_pages_show_the_same_scope()
    {
        using var viewer = await app.ClientAsync(Roles.Viewer, app.Units.BaDinh, followRedirects: false);
        var home = await viewer.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/Dashboard/{app.Units.BaDinh.Id}", home.Headers.Location!.ToString());

        var tasks = await viewer.GetStringAsync($"/Tasks?q={Uri.EscapeDataString(Word)}");
        Assert.Contains("ở phường Ba Đình", tasks);
        Assert.DoesNotContain("ở phường Tây Hồ", tasks);
        var list = await viewer.GetStringAsync("/Tasks");
        Assert.DoesNotContain("Chỉnh trang phố cổ", list);
        Assert.DoesNotContain("Sơ kết Chương trình 01", list);

        var register = await viewer.GetStringAsync("/Documents");
        Assert.Contains("203-KH/TU", register);
        Assert.DoesNotContain("202-KH/TU", register);
        Assert.DoesNotContain("204-KH/TU", register);

        var found = await viewer.GetStringAsync($"/Units?q={Uri.EscapeDataString("hoàn kiếm")}");
        Assert.DoesNotContain("Đảng bộ phường Hoàn Kiếm", found);
        var tree = await viewer.GetStringAsync("/Units");
        Assert.Contains("Chi bộ khu dân cư số 1", tree);
        Assert.DoesNotContain("Đảng bộ phường Tây Hồ", tree);

        var dashboard = await viewer.GetStringAsync($"/Dashboard/{app.Units.BaDinh.Id}");
        Assert.DoesNotContain("Thành ủy Hà Nội", dashboard);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Dashboard/{app.Units.Root.Id}")).StatusCode);
    }

    [DbFact]
    public async Task A_unit_officer_also_sees_and_works_the_tasks_their_unit_coordinates()
    {
        using var officer = await app.ClientAsync(Roles.UnitOfficer, app.Units.BaDinh);
        var w = _world;
        Assert.Equal([w.BaDinhTask, w.CellTask, w.Coordinated], await TaskIdsAsync(officer, "/api/tasks?pageSize=500"));
        var coordinated = await officer.TaskAsync(w.Coordinated);
        Assert.Contains(TaskAction.Accept, coordinated.Actions);
        Assert.DoesNotContain(TaskAction.Cancel, coordinated.Actions);
        // Seeing Hoàn Kiếm's task opens neither Hoàn Kiếm's unit nor its counts.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/units/{app.Units.HoanKiem.Id}/dashboard")).StatusCode);
        var page = await officer.GetStringAsync($"/Tasks/Details/{w.Coordinated}");
        Assert.DoesNotContain($"href=\"/Units/Details/{app.Units.HoanKiem.Id}\"", page);
        Assert.Contains("Đảng bộ phường Hoàn Kiếm", page);

        Assert.Equal(TaskState.Accepted, (await officer.ActAsync(w.Coordinated, "accept")).Status);
        // A cell's task is in Ba Đình's subtree but not Ba Đình's own work: the officer reads it, the cell does it.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/tasks/{w.CellTask}/accept")).StatusCode);
    }

    [DbFact]
    public async Task The_scope_read_by_parts_is_the_scope()
    {
        var u = app.Units;
        var accounts = new (string Role, Unit? Unit)[]
        {
            (Roles.Viewer, u.BaDinh), (Roles.UnitOfficer, u.BaDinh), (Roles.UnitOfficer, u.HoanKiem), (Roles.Viewer, u.BaDinhCell),
            (Roles.Leader, u.Root), (Roles.Viewer, null),
        };
        foreach (var (role, unit) in accounts)
        {
            using var _ = await app.ClientAsync(role, unit);
            var (visible, byParts) = await app.AsUserAsync(TestApp.UserNameFor(role, unit), async (scope, db) =>
                (await scope.Visible(db.Tasks).Select(t => t.Id).ToListAsync(), await (await scope.VisibleIdsByPartsAsync(db.Tasks, CancellationToken.None)).ToListAsync()));
            Assert.Equal(visible.Order(), byParts.Distinct().Order());
        }
        // The coordinated task is in the officer's parts and not in the viewer's, as in their lists.
        Assert.Contains(_world.Coordinated, await app.AsUserAsync(TestApp.UserNameFor(Roles.UnitOfficer, u.BaDinh),
            async (scope, db) => await (await scope.VisibleIdsByPartsAsync(db.Tasks, CancellationToken.None)).ToListAsync()));
        Assert.DoesNotContain(_world.Coordinated, await app.AsUserAsync(TestApp.UserNameFor(Roles.Viewer, u.BaDinh),
            async (scope, db) => await (await scope.VisibleIdsByPartsAsync(db.Tasks, CancellationToken.None)).ToListAsync()));
    }

    [DbFact]
    public async Task The_city_leader_sees_everything_and_judges_what_the_city_assigned()
    {
        using var leader = await app.ClientAsync(Roles.Leader, app.Units.Root);
        var all = await TaskIdsAsync(leader, "/api/tasks?pageSize=500");
        Assert.Superset(new[] { _world.BaDinhTask, _world.CellTask, _world.Coordinated, _world.CityTask, _world.TayHoTask }.ToHashSet(), all.ToHashSet());
        var dashboard = await leader.GetOkAsync<DashboardView>($"/api/units/{app.Units.Root.Id}/dashboard");
        Assert.True(dashboard.Unit.Counts.Total >= 5);
        // Leading is not assigning: the leader may not accept the work, only judge it.
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"/api/tasks/{_world.CityTask}/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/tasks", new { Title = "Không được giao", LeadUnitId = app.Units.Root.Id })).StatusCode);
    }

    [DbFact]
    public async Task Office_staff_assign_only_inside_their_subtree()
    {
        using var office = await app.ClientAsync(Roles.OfficeStaff, app.Units.UbndParty);
        var created = await office.PostAsync("/api/tasks", new
        {
            Title = "Rà soát đảng viên chi bộ",
            LeadUnitId = app.Units.UbndParty.Id,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(10),
        }).OkAsync<TaskDetail>();
        Assert.Equal(app.Units.UbndParty.Id, created.LeadUnit.Id);
        var outside = await office.PostAsync("/api/tasks", new
        {
            Title = "Giao sang phường khác",
            LeadUnitId = app.Units.HoanKiem.Id,
            CoordinatorUnitIds = new[] { app.Units.TayHo.Id },
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(10),
        }).ProblemAsync("LeadUnitId", "CoordinatorUnitIds");
        Assert.Contains(app.Units.HoanKiem.Id.ToString(), outside["LeadUnitId"][0]);
        await office.PostAsync($"/api/tasks/{created.Id}/fanout", new { UnitId = app.Units.Root.Id }).ProblemAsync("UnitId");

        var document = await office.PostAsync("/api/documents", new { Symbol = "205-KH/TU", IssuedOn = "2026-01-12", Title = "Kế hoạch của phường" })
            .OkAsync<DocumentDto>();
        using var hoanKiem = await app.ClientAsync(Roles.Viewer, app.Units.HoanKiem);
        Assert.Equal(HttpStatusCode.NotFound, (await hoanKiem.GetAsync($"/api/documents/{document.Id}")).StatusCode);
        using var colleague = await app.ClientAsync(Roles.Viewer, app.Units.UbndParty);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/documents/{document.Id}")).StatusCode);
    }

    [DbFact]
    public async Task A_unit_judges_the_tasks_it_assigns_itself()
    {
        var unit = app.Units.UbndParty;
        using var office = await app.ClientAsync(Roles.OfficeStaff, unit);
        var created = await office.PostAsync("/api/tasks", new
        {
            Title = "Kiểm tra việc thực hiện quy chế dân chủ",
            LeadUnitId = unit.Id,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(15),
        }).OkAsync<TaskDetail>();
        // Not the city: a task the unit gives itself is judged inside the unit.
        Assert.Equal(unit.Id, created.AssignedBy.Id);

        using var officer = await app.ClientAsync(Roles.UnitOfficer, unit);
        await officer.ActAsync(created.Id, "accept");
        await officer.SubmitAsync(created.Id);
        using var leader = await app.ClientAsync(Roles.Leader, unit);
        Assert.Equal(TaskState.Completed, (await leader.ActAsync(created.Id, "complete")).Status);

        var child = await office.PostAsync("/api/tasks", new
        {
            ParentId = created.Id,
            Title = "Báo cáo bổ sung sau khi đã nghiệm thu",
            LeadUnitId = unit.Id,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(5),
        }).ProblemAsync("ParentId");
        Assert.Contains("đã kết thúc", child["ParentId"][0]);
        Assert.Equal(0, (await leader.TaskAsync(created.Id)).ChildTotal);
    }

    [DbFact]
    public async Task A_parent_outside_the_scope_is_neither_shown_nor_matched()
    {
        using var admin = app.AdminClient();
        var child = await admin.PostAsync("/api/tasks", new
        {
            Title = "Phần việc của Đảng bộ Ủy ban trong nhiệm vụ của Thành ủy",
            LeadUnitId = app.Units.UbndParty.Id,
            ParentId = _world.CityTask,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(10),
        }).OkAsync<TaskDetail>();
        using var viewer = await app.ClientAsync(Roles.Viewer, app.Units.UbndParty);
        var rows = (await viewer.GetOkAsync<Page<TaskRow>>("/api/tasks?pageSize=500")).Items;
        Assert.Null(Assert.Single(rows, r => r.Id == child.Id).ParentId);
        Assert.Empty((await viewer.GetOkAsync<Page<TaskRow>>($"/api/tasks?parent={_world.CityTask}")).Items);
        Assert.DoesNotContain("Phần việc của Đảng bộ Ủy ban", await viewer.GetStringAsync($"/Tasks?parent={_world.CityTask}"));
        // The city sees the parent, and so the link.
        Assert.Equal([child.Id], await TaskIdsAsync(admin, $"/api/tasks?parent={_world.CityTask}"));
    }

    [DbFact]
    public async Task A_document_already_registered_is_named_only_to_whoever_sees_it()
    {
        using var office = await app.ClientAsync(Roles.OfficeStaff, app.Units.BaDinh);
        async Task<string> RefusalAsync(string symbol) => (await office.PostAsync("/api/documents",
            new { Symbol = symbol, IssuedOn = new DateOnly(2026, 1, 10), Title = "Đăng ký lại" }).ProblemAsync("symbol"))["symbol"][0];
        var own = await RefusalAsync("203-KH/TU");
        Assert.Contains($"văn bản số {_world.BaDinhDocument}", own);
        var hidden = await RefusalAsync("204-KH/TU");
        Assert.Contains("đã có trong sổ", hidden);
        Assert.DoesNotContain("văn bản số", hidden);
        Assert.DoesNotContain("Văn bản 204-KH/TU”", hidden);
    }

    private static async Task<List<int>> TaskIdsAsync(HttpClient client, string url) =>
        (await client.GetOkAsync<Page<TaskRow>>(url)).Items.Select(t => t.Id).Order().ToList();
}

public sealed class ScopeOnSqlite(SqliteApp app) : ScopeTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ScopeOnPostgres(PostgresApp app) : ScopeTests(app), IClassFixture<PostgresApp>;
