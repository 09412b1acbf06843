using System.Net;
using System.Net.Http.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Grading;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Grading;

/// <summary>
/// The parent's office grades its children for a year: the suggestion drawn from their tasks, the
/// reason an override needs, the cap on "xuất sắc" (a refusal writes nothing), scope and conflicts.
/// Each test grades a year of its own.
/// </summary>
public abstract class GradingTests(TestApp app)
{
    private TestUnits Units => app.Units;

    private Task<HttpClient> OfficeAsync(DonDoc.Web.Features.Units.Unit? unit = null) =>
        app.ClientAsync(Roles.OfficeStaff, unit ?? app.Units.Root, followRedirects: false);

    private string GradeUrl(int year, int unit, int? parent = null) => $"/api/units/{parent ?? Units.Root.Id}/grades/{year}/{unit}";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, int? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Api.Json) };
        if (version is { } v)
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private static object Good => new { Score = 80, Grade = "Good" };

    [DbFact]
    public async Task The_cap_on_excellent_refuses_by_field_with_the_counts_and_the_source_and_writes_nothing()
    {
        var office = await OfficeAsync();
        foreach (var unit in new[] { Units.BaDinh, Units.HoanKiem, Units.TayHo })
            Assert.Equal(Grade.Good, (await PutAsync(office, GradeUrl(2027, unit.Id), Good).OkAsync<GradeRecord>()).Grade);
        var before = await CountsAsync();

        var errors = await PutAsync(office, GradeUrl(2027, Units.UbndParty.Id), new { Score = 95, Grade = "Excellent" }).ProblemAsync("grade");
        Assert.Equal(["Nhóm “Đảng bộ trực thuộc” có 1 tổ chức hoàn thành xuất sắc nhiệm vụ trên 4 tổ chức hoàn thành tốt nhiệm vụ trở lên: "
            + "quá 20% (tối đa 0) theo Quy định 366-QĐ/TW (30/8/2025), Điều 11."], errors["grade"]);
        Assert.Equal(before, await CountsAsync());

        // An outstanding unit may take the group to 25%: 1 of 4.
        var excellent = await PutAsync(office, GradeUrl(2027, Units.UbndParty.Id), new { Score = 95, Grade = "Excellent", Outstanding = true })
            .OkAsync<GradeRecord>();
        Assert.Equal((Grade.Excellent, Grade.Excellent, true), (excellent.Grade, excellent.SuggestedGrade, excellent.Outstanding));
        Assert.Equal(TestApp.UserNameFor(Roles.OfficeStaff, Units.Root), excellent.ConfirmedBy);

        // Lowering a "tốt" would break the cap for the one already "xuất sắc": refused too.
        await PutAsync(office, GradeUrl(2027, Units.TayHo.Id), new { Score = 60, Grade = "Completed" }).ProblemAsync("grade");
        var view = await office.GetOkAsync<GradingView>($"/api/units/{Units.Root.Id}/grades/2027");
        Assert.Equal(Grade.Good, view.Children.Single(c => c.UnitId == Units.TayHo.Id).Record!.Grade);
        Assert.Equal("Quy định 366-QĐ/TW (30/8/2025), Điều 11", view.Source);
        Assert.DoesNotContain(view.Children, c => c.UnitId == Units.Closed.Id);
    }

    [DbFact]
    public async Task The_suggestion_follows_the_units_tasks_and_a_different_grade_needs_a_reason()
    {
        using var admin = app.AdminClient();
        // Tây Hồ leads one task due this year and has not done it: under 70% of plan.
        await admin.PostAsync("/api/tasks", new
        {
            Title = "Kiện toàn tổ chức cơ sở đảng", LeadUnitId = Units.TayHo.Id, AssignedByUnitId = Units.Root.Id, DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(30),
        }).OkAsync<TaskDetail>();
        var office = await OfficeAsync();
        var view = await office.GetOkAsync<GradingView>($"/api/units/{Units.Root.Id}/grades/{app.Clock.Today.Year}");
        var tayHo = view.Children.Single(c => c.UnitId == Units.TayHo.Id);
        Assert.Equal(new TaskYearResult(1, 0, 0), tayHo.Tasks);
        Assert.Equal(Grade.NotCompleted, tayHo.Suggested);
        Assert.Contains(tayHo.Why, w => w.Contains("dưới 70% kế hoạch", StringComparison.Ordinal));

        var url = GradeUrl(app.Clock.Today.Year, Units.TayHo.Id);
        var before = await CountsAsync();
        var errors = await PutAsync(office, url, Good).ProblemAsync("reason");
        Assert.Equal(["Xếp loại “Hoàn thành tốt nhiệm vụ” khác gợi ý “Không hoàn thành nhiệm vụ”: cần ghi lý do."], errors["reason"]);
        await PutAsync(office, url, new { Score = 120, Grade = "Good" }).ProblemAsync("score");
        await PutAsync(office, url, new { Score = 80 }).ProblemAsync("grade");
        Assert.Equal(before, await CountsAsync());

        var given = await PutAsync(office, url, new { Score = 80, Grade = "Good", Reason = "Nhiệm vụ chuyển sang năm sau theo chỉ đạo của Thường trực" })
            .OkAsync<GradeRecord>();
        Assert.Equal((Grade.Good, Grade.NotCompleted), (given.Grade, given.SuggestedGrade));
        Assert.Equal("Nhiệm vụ chuyển sang năm sau theo chỉ đạo của Thường trực", given.OverrideReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "UnitGrades" && e.Detail == "Xếp loại năm " + app.Clock.Today.Year + ": Hoàn thành tốt nhiệm vụ")));

        // A stale version is a conflict; the current one goes through.
        using (var stale = await PutAsync(office, url, new { Score = 81, Grade = "Good", Reason = "Điều chỉnh" }, version: given.Version + 5))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var changed = await PutAsync(office, url, new { Score = 40, Grade = "NotCompleted" }, version: given.Version).OkAsync<GradeRecord>();
        Assert.Equal((Grade.NotCompleted, null, given.Version + 1), (changed.Grade, changed.OverrideReason, changed.Version));
    }

    [DbFact]
    public async Task Only_the_parents_office_grades_and_units_outside_the_scope_do_not_exist()
    {
        var office = await OfficeAsync(Units.BaDinh);
        // Ba Đình grades its own child, not itself or a sibling.
        Assert.Equal(Grade.Good, (await PutAsync(office, GradeUrl(2028, Units.BaDinhCell.Id, Units.BaDinh.Id), Good).OkAsync<GradeRecord>()).Grade);
        // Signing the viewer in first: creating the account is audited too.
        using var viewer = await app.ClientAsync(Roles.Viewer, Units.BaDinh);
        var before = await CountsAsync();
        foreach (var url in new[] { GradeUrl(2028, Units.BaDinh.Id), GradeUrl(2028, Units.HoanKiem.Id), GradeUrl(2028, Units.HoanKiem.Id, Units.BaDinh.Id) })
        {
            using var response = await PutAsync(office, url, Good);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/units/{Units.HoanKiem.Id}/grades/2028")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/Grading?unit={Units.HoanKiem.Id}&year=2028")).StatusCode);

        var view = await viewer.GetOkAsync<GradingView>($"/api/units/{Units.BaDinh.Id}/grades/2028");
        Assert.Equal(Grade.Good, Assert.Single(view.Children).Record!.Grade);
        using (var put = await PutAsync(viewer, GradeUrl(2028, Units.BaDinhCell.Id, Units.BaDinh.Id), Good))
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        await PutAsync(office, GradeUrl(2020, Units.BaDinhCell.Id, Units.BaDinh.Id), Good).ProblemAsync("year");
        Assert.Equal(before, await CountsAsync());
    }

    [DbFact]
    public async Task Grades_entered_at_once_are_taken_one_after_the_other_and_never_fail()
    {
        var office = await OfficeAsync();
        var url = GradeUrl(2029, Units.HoanKiem.Id);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => PutAsync(office, url, new { Score = 70 + i, Grade = "Good" })));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.UnitGrades.CountAsync(g => g.UnitId == Units.HoanKiem.Id && g.Year == 2029)));

        // Two "xuất sắc" at once in a group where the cap admits one: one is refused.
        foreach (var unit in new[] { Units.BaDinh, Units.TayHo })
            await PutAsync(office, GradeUrl(2029, unit.Id), Good).OkAsync<GradeRecord>();
        var excellent = new { Score = 95, Grade = "Excellent", Outstanding = true };
        var both = await Task.WhenAll(PutAsync(office, GradeUrl(2029, Units.UbndParty.Id), excellent), PutAsync(office, GradeUrl(2029, Units.HoanKiem.Id), excellent));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], both.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.UnitGrades.CountAsync(g => g.Year == 2029 && g.Grade == Grade.Excellent)));
    }

    private Task<string> CountsAsync() => app.WithDbAsync(async db =>
        $"grades={await db.UnitGrades.CountAsync()} audit={await db.AuditEntries.CountAsync()}");
}

public sealed class GradingOnSqlite(SqliteApp app) : GradingTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class GradingOnPostgres(PostgresApp app) : GradingTests(app), IClassFixture<PostgresApp>;
