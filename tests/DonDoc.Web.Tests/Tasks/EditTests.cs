using System.Net;
using System.Net.Http.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// The assigning side corrects a task: everything it wrote before acceptance, all but the deadline and
/// the lead unit after; audited, versioned, and refused with 409 over a change made meanwhile.
/// </summary>
public abstract class EditTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task Before_acceptance_the_office_corrects_every_field_on_the_page_and_the_change_is_audited()
    {
        var due = app.Clock.Today.AddDays(20);
        var id = await CreateAsync("Rà soát đảng vien", due);
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Tasks/Edit/{id}")), "form-edit-task");
        Assert.Equal("Rà soát đảng vien", form["Input.Title"]);
        form["Input.Title"] = "Rà soát đảng viên sau sắp xếp";
        form["Input.ExpectedResult"] = "Danh sách đảng viên được cập nhật";
        form["Input.ResponsiblePerson"] = "Đồng chí Phó Bí thư";
        form["Input.LeadUnitId"] = Units.HoanKiem.Id.ToString();
        form["Input.CoordinatorUnitIds"] = Units.TayHo.Id.ToString();
        form["Input.DueDate"] = due.AddDays(10).ToString("yyyy-MM-dd");
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var task = await _admin.TaskAsync(id);
        Assert.Equal("Rà soát đảng viên sau sắp xếp", task.Title);
        Assert.Equal("Danh sách đảng viên được cập nhật", task.ExpectedResult);
        Assert.Equal("Đồng chí Phó Bí thư", task.ResponsiblePerson);
        Assert.Equal(Units.HoanKiem.Id, task.LeadUnit.Id);
        Assert.Equal([Units.TayHo.Id], task.Coordinators.Select(c => c.Id));
        Assert.Equal(due.AddDays(10), task.DueDate);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Tasks" && e.EntityId == id.ToString() && e.Changes!.Contains("Title")).Select(e => e.Changes!).ToListAsync());
        Assert.Contains(audited, c => c.Contains("Rà soát đảng vien") && c.Contains("Rà soát đảng viên sau sắp xếp"));
        // The units' counts follow the new lead unit.
        var incremental = await StatsAsync();
        await app.WithDbAsync(db => TaskLedger.RebuildRollupsAsync(db));
        Assert.Equal(incremental, await StatsAsync());
    }

    [DbFact]
    public async Task After_acceptance_the_deadline_and_the_lead_unit_stay_and_the_rest_can_be_corrected()
    {
        var due = app.Clock.Today.AddDays(15);
        var id = await CreateAsync("Tổ chức hội nghị đối thoại", due);
        var accepted = await _admin.ActAsync(id, "accept");
        var problems = await Put(id, accepted.Version, new { Title = "Tổ chức hội nghị đối thoại", LeadUnitId = Units.BaDinh.Id, DueDate = due.AddDays(30) })
            .ProblemAsync("DueDate");
        Assert.Equal(["Nhiệm vụ đã được tiếp nhận: đổi thời hạn phải qua đề nghị gia hạn."], problems["DueDate"]);
        problems = await Put(id, accepted.Version, new { Title = "Tổ chức hội nghị đối thoại", LeadUnitId = Units.TayHo.Id }).ProblemAsync("LeadUnitId");
        Assert.Contains("đã tiếp nhận", problems["LeadUnitId"][0]);

        using var response = await Put(id, accepted.Version, new { Title = "Tổ chức hội nghị đối thoại với nhân dân", LeadUnitId = Units.BaDinh.Id, DueDate = due });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await _admin.TaskAsync(id);
        Assert.Equal("Tổ chức hội nghị đối thoại với nhân dân", task.Title);
        Assert.Equal(due, task.DueDate);
        Assert.Equal(TaskState.Accepted, task.Status);
    }

    [DbFact]
    public async Task A_form_read_before_another_change_is_refused_with_409_and_nothing_is_written()
    {
        var id = await CreateAsync("Báo cáo sơ kết công tác dân vận", app.Clock.Today.AddDays(10));
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Tasks/Edit/{id}")), "form-edit-task");
        await _admin.ActAsync(id, "accept");
        form["Input.Title"] = "Báo cáo sơ kết công tác dân vận 6 tháng";
        form["Input.CoordinatorUnitIds"] = null;
        var before = await app.FootprintAsync();
        var response = await form.PostAsync(office);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, html);
        Assert.Contains("đã được cập nhật", html);
        Assert.Equal(before, await app.FootprintAsync());
        Assert.Equal("Báo cáo sơ kết công tác dân vận", (await _admin.TaskAsync(id)).Title);
    }

    [DbFact]
    public async Task Only_the_assigning_sides_office_edits_and_a_closed_task_is_not_edited()
    {
        var id = await CreateAsync("Kiện toàn chi bộ", app.Clock.Today.AddDays(10));
        using var leader = await app.ClientAsync(Roles.Leader, Units.Root, followRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/Tasks/Edit/{id}")).StatusCode);
        using var ward = await app.ClientAsync(Roles.OfficeStaff, Units.HoanKiem, followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Tasks/Edit/{id}")).StatusCode);

        await _admin.ActAsync(id, "cancel", new { Reason = "Không còn cần thiết" });
        var problems = await Put(id, null, new { Title = "Kiện toàn chi bộ khu dân cư", LeadUnitId = Units.BaDinh.Id }).ProblemAsync("status");
        Assert.Contains("không sửa được", problems["status"][0]);
    }

    private Task<List<string>> StatsAsync() => app.WithDbAsync(async db =>
        (await db.UnitStats.AsNoTracking().Where(s => s.Count != 0).ToListAsync())
            .Select(s => $"{s.UnitId}|{s.Metric}|{s.Day:yyyy-MM-dd}|{s.Count}").Order().ToList());

    private async Task<int> CreateAsync(string title, DateOnly due) =>
        (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = Units.BaDinh.Id, AssignedByUnitId = Units.Root.Id, DeadlineKind = "Date", DueDate = due })
            .OkAsync<TaskDetail>()).Id;

    private Task<HttpResponseMessage> Put(int id, int? version, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/tasks/{id}") { Content = JsonContent.Create(body, options: Api.Json) };
        if (version is { } v)
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return _admin.SendAsync(request);
    }
}

public sealed class EditOnSqlite(SqliteApp app) : EditTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class EditOnPostgres(PostgresApp app) : EditTests(app), IClassFixture<PostgresApp>;
