using System.Net;
using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// Handing a direction down safely: the units it reaches are seen and ticked before anything is
/// written, the same day's unaccepted copies can be taken back, and a new direction does not pull the
/// completion rate down before its deadline.
/// </summary>
public abstract class FanOutTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();
    private TestUnits Units => app.Units;

    [DbFact]
    public async Task The_preview_lists_the_units_and_only_the_ticked_ones_receive_the_task()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 6));
        var parent = await CreateAsync("Triển khai Kết luận 126-KL/TW đến các đảng bộ trực thuộc", app.Clock.Today.AddDays(30));

        var preview = await _client.GetOkAsync<Preview>($"/api/tasks/{parent}/fanout");
        Assert.Equal(Units.ActiveChildren.Count, preview.Count);
        Assert.Equal(Units.ActiveChildren.Select(u => u.Id).Order(), preview.Units.Select(u => u.Id).Order());
        Assert.Equal(0, (await _client.TaskAsync(parent)).ChildTotal);

        await _client.PostAsync($"/api/tasks/{parent}/fanout", new { UnitIds = Array.Empty<int>() }).ProblemAsync("UnitIds");
        var errors = await _client.PostAsync($"/api/tasks/{parent}/fanout", new { UnitIds = new[] { Units.BaDinh.Id, Units.BaDinhCell.Id } })
            .ProblemAsync("UnitIds");
        Assert.Contains($"{Units.BaDinhCell.Id}", errors["UnitIds"][0]);
        Assert.Equal(0, (await _client.TaskAsync(parent)).ChildTotal);

        var chosen = new[] { Units.BaDinh.Id, Units.TayHo.Id };
        var created = await _client.PostAsync($"/api/tasks/{parent}/fanout", new { UnitIds = chosen }).OkAsync<JsonElement>();
        Assert.Equal(2, created.GetProperty("created").GetInt32());
        var children = (await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?parent={parent}")).Items;
        Assert.Equal(chosen.Order(), children.Select(c => c.LeadUnitId).Order());

        // The rest can still be handed down; the preview no longer offers those already given it.
        preview = await _client.GetOkAsync<Preview>($"/api/tasks/{parent}/fanout");
        Assert.Equal(Units.ActiveChildren.Count - 2, preview.Count);
        Assert.DoesNotContain(preview.Units, u => chosen.Contains(u.Id));
    }

    [DbFact]
    public async Task Copies_nobody_accepted_are_withdrawn_the_same_day_and_not_after()
    {
        app.Clock.SetLocal(new DateOnly(2026, 4, 7));
        var parent = await CreateAsync("Tổ chức hội nghị đối thoại với nhân dân", app.Clock.Today.AddDays(20));
        await _client.PostAsync($"/api/tasks/{parent}/fanout").OkAsync<JsonElement>();
        var children = (await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?parent={parent}")).Items;
        var accepted = children.Single(c => c.LeadUnitId == Units.HoanKiem.Id).Id;
        await _client.ActAsync(accepted, "accept");
        var before = await DashboardAsync(Units.Root.Id);

        var errors = await _client.PostAsync($"/api/tasks/{parent}/withdraw", new { TaskIds = new[] { accepted } }).ProblemAsync("TaskIds");
        Assert.Contains("chưa tiếp nhận", errors["TaskIds"][0]);
        var withdrawn = await _client.PostAsync($"/api/tasks/{parent}/withdraw", new { }).OkAsync<JsonElement>();
        Assert.Equal(children.Count - 1, withdrawn.GetProperty("withdrawn").GetInt32());

        var task = await _client.TaskAsync(parent);
        Assert.Equal(1, task.ChildTotal);
        Assert.Equal([accepted], (await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?parent={parent}")).Items.Select(c => c.Id));
        var after = await DashboardAsync(Units.Root.Id);
        Assert.Equal(before.Unit.Counts.Total - (children.Count - 1), after.Unit.Counts.Total);
        Assert.Equal(before.Unit.Counts.NotAccepted - (children.Count - 1), after.Unit.Counts.NotAccepted);
        using (var gone = await _client.GetAsync($"/api/tasks/{children.First(c => c.Id != accepted).Id}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // Handed down again, and left overnight: from the next day a copy is cancelled with a reason instead.
        await _client.PostAsync($"/api/tasks/{parent}/fanout").OkAsync<JsonElement>();
        app.Clock.SetLocal(app.Clock.Today.AddDays(1));
        await _client.PostAsync($"/api/tasks/{parent}/withdraw", new { }).ProblemAsync("TaskIds");
        Assert.Equal(children.Count, (await _client.TaskAsync(parent)).ChildTotal);
    }

    [DbFact]
    public async Task A_new_direction_leaves_the_rate_alone_until_its_deadline_and_shows_as_units_done()
    {
        app.Clock.SetLocal(new DateOnly(2026, 5, 1));
        var overdue = await CreateAsync("Báo cáo sơ kết quý I", app.Clock.Today.AddDays(1));
        app.Clock.SetLocal(new DateOnly(2026, 5, 4));
        var before = (await DashboardAsync(Units.Root.Id)).Unit.Counts;
        Assert.True(before.Overdue > 0);

        var direction = await CreateAsync("Kiểm tra việc thực hiện Quy định 144-QĐ/TW", app.Clock.Today.AddDays(10));
        await _client.PostAsync($"/api/tasks/{direction}/fanout").OkAsync<JsonElement>();
        var view = await DashboardAsync(Units.Root.Id);
        Assert.Equal(before.Total + 1 + Units.ActiveChildren.Count, view.Unit.Counts.Total);
        Assert.Equal(before.CompletionRate, view.Unit.Counts.CompletionRate);
        Assert.Equal(before.Due, view.Unit.Counts.Due);
        var shown = Assert.Single(view.Directions, d => d.Id == direction);
        Assert.Equal((0, Units.ActiveChildren.Count), (shown.Completed, shown.Total));
        Assert.DoesNotContain(view.Directions, d => d.Id == overdue);

        // One unit finishes; once the deadline has passed the others count as overdue.
        var copies = (await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?parent={direction}")).Items;
        await _client.ActAsync(copies[0].Id, "accept");
        await _client.SubmitAsync(copies[0].Id);
        await _client.ActAsync(copies[0].Id, "complete");
        app.Clock.SetLocal(app.Clock.Today.AddDays(11));
        view = await DashboardAsync(Units.Root.Id);
        var counts = view.Unit.Counts;
        Assert.Equal(counts.Completed + counts.Overdue, counts.Due);
        Assert.Equal(Math.Round(100m * counts.Completed / counts.Due, 1), counts.CompletionRate);
        Assert.True(counts.Overdue >= before.Overdue + Units.ActiveChildren.Count, $"{counts.Overdue} quá hạn");
        Assert.Equal((1, Units.ActiveChildren.Count), view.Directions.Where(d => d.Id == direction).Select(d => (d.Completed, d.Total)).Single());

        // The page says how the rate is counted.
        var page = await PageForm.ParseAsync(await _client.GetAsync($"/Dashboard/{Units.Root.Id}"));
        Assert.Contains("chưa đến hạn", page.GetElementById("counting-rule")!.TextContent);
        Assert.Contains($"1/{Units.ActiveChildren.Count}", page.QuerySelector($"[data-direction='{direction}']")!.TextContent);
    }

    [DbFact]
    public async Task On_the_page_the_office_sees_who_will_receive_unticks_some_confirms_and_withdraws()
    {
        app.Clock.SetLocal(new DateOnly(2026, 6, 1));
        var parent = await CreateAsync("Rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030", app.Clock.Today.AddDays(30));
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);

        var previewPage = await PageForm.ParseAsync(await office.GetAsync($"/Tasks/Details/{parent}?handler=FanOutPreview&FanOut.UnitId={Units.Root.Id}"));
        Assert.Equal($"{Units.ActiveChildren.Count}", previewPage.GetElementById("fanout-count")!.TextContent);
        Assert.Contains("đơn vị sẽ nhận", previewPage.QuerySelector(".fanout-count")!.TextContent);
        Assert.Equal(0, (await _client.TaskAsync(parent)).ChildTotal);

        var confirm = PageForm.Of(previewPage, "form-fanout");
        confirm["FanOut.UnitIds"] = null;
        foreach (var unit in new[] { Units.BaDinh, Units.HoanKiem })
            confirm.Add("FanOut.UnitIds", unit.Id.ToString());
        using (var sent = await confirm.PostAsync(office))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(2, (await _client.TaskAsync(parent)).ChildTotal);

        var details = await PageForm.ParseAsync(await office.GetAsync($"/Tasks/Details/{parent}"));
        Assert.Contains("Thu hồi 2 bản giao", details.GetElementById("action-withdraw")!.TextContent);
        var withdraw = PageForm.Of(details, "form-withdraw");
        using (var sent = await withdraw.PostAsync(office))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, (await _client.TaskAsync(parent)).ChildTotal);
    }

    private async Task<int> CreateAsync(string title, DateOnly due) =>
        (await _client.PostAsync("/api/tasks", new { Title = title, LeadUnitId = Units.Root.Id, DeadlineKind = "Date", DueDate = due })
            .OkAsync<TaskDetail>()).Id;

    private Task<DashboardView> DashboardAsync(int unitId) => _client.GetOkAsync<DashboardView>($"/api/units/{unitId}/dashboard");

    private sealed record Preview(int Count, List<FanOutTarget> Units);
}

public sealed class FanOutOnSqlite(SqliteApp app) : FanOutTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class FanOutOnPostgres(PostgresApp app) : FanOutTests(app), IClassFixture<PostgresApp>;
