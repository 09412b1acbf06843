using System.Net;
using System.Text.RegularExpressions;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Notices;

/// <summary>
/// Notices written with the workflow's changes, the daily passes, the digest received by a real SMTP server,
/// and an unreachable server retried. Ba Đình's officer leads the tasks; the city's leader assigned them.
/// </summary>
public abstract partial class NoticeTests(MailApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private string _officer = "";
    private string _leader = "";

    public async Task InitializeAsync()
    {
        _admin = app.AdminClient();
        (await app.ClientAsync(Roles.UnitOfficer, app.Units.BaDinh)).Dispose();
        (await app.ClientAsync(Roles.Leader, app.Units.Root)).Dispose();
        _officer = TestApp.UserNameFor(Roles.UnitOfficer, app.Units.BaDinh);
        _leader = TestApp.UserNameFor(Roles.Leader, app.Units.Root);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        app.Clock.SetLocal(TestApp.FirstDay);
        return Task.CompletedTask;
    }

    [DbFact]
    public async Task Each_workflow_event_tells_its_people_in_the_same_save_and_a_refusal_tells_no_one()
    {
        (await app.ClientAsync(Roles.UnitOfficer, app.Units.HoanKiem)).Dispose();
        var coordinator = TestApp.UserNameFor(Roles.UnitOfficer, app.Units.HoanKiem);
        var officerBefore = (await app.NoticesOfAsync(_officer)).Count;
        var leaderBefore = (await app.NoticesOfAsync(_leader)).Count;

        var task = await _admin.PostAsync("/api/tasks", new
        {
            Title = "Sơ kết 5 năm thực hiện Chỉ thị 35-CT/TW",
            LeadUnitId = app.Units.BaDinh.Id,
            CoordinatorUnitIds = new[] { app.Units.HoanKiem.Id },
            AssignedByUnitId = app.Units.Root.Id,
            DueDate = app.Clock.Today.AddDays(40),
        }).OkAsync<TaskDetail>();
        var assigned = (await app.NoticesOfAsync(_officer)).Skip(officerBefore).ToList();
        var notice = Assert.Single(assigned);
        Assert.Equal((NoticeKind.Assigned, task.Id), (notice.Kind, notice.TaskId));
        Assert.Contains("chủ trì “Sơ kết 5 năm thực hiện Chỉ thị 35-CT/TW”", notice.Text);
        Assert.Contains("phối hợp", Assert.Single(await app.NoticesOfAsync(coordinator), n => n.TaskId == task.Id).Text);

        await _admin.ActAsync(task.Id, "accept");
        await _admin.SubmitAsync(task.Id);
        Assert.Equal(NoticeKind.AwaitingDecision, Assert.Single((await app.NoticesOfAsync(_leader)).Skip(leaderBefore)).Kind);

        // Refused (no reason): nothing is written, the notice neither.
        await _admin.PostAsync($"/api/tasks/{task.Id}/return", new { Reason = " " }).ProblemAsync("reason");
        Assert.Single((await app.NoticesOfAsync(_officer)).Skip(officerBefore));

        await _admin.ActAsync(task.Id, "return", new { Reason = "Bổ sung số liệu quý III" });
        var returned = (await app.NoticesOfAsync(_officer)).Last();
        Assert.Equal(NoticeKind.Returned, returned.Kind);
        Assert.Contains("Bổ sung số liệu quý III", returned.Text);

        var request = await _admin.PostAsync($"/api/tasks/{task.Id}/extension",
            new { RequestedDueDate = app.Clock.Today.AddDays(70), Reason = "Chờ số liệu của các sở" }).OkAsync<System.Text.Json.JsonElement>();
        Assert.Contains("Chờ số liệu của các sở", (await app.NoticesOfAsync(_leader)).Last().Text);
        await _admin.PostAsync($"/api/tasks/{task.Id}/extension/{request.GetProperty("id").GetInt32()}/decision", new { Approve = true })
            .OkAsync<System.Text.Json.JsonElement>();
        var decided = (await app.NoticesOfAsync(_officer)).Last();
        Assert.Equal(NoticeKind.ExtensionDecided, decided.Kind);
        Assert.Contains($"hạn mới {app.Clock.Today.AddDays(70):dd/MM/yyyy}", decided.Text);
    }

    [DbFact]
    public async Task A_task_given_to_another_lead_unit_before_acceptance_tells_the_new_unit()
    {
        (await app.ClientAsync(Roles.UnitOfficer, app.Units.TayHo)).Dispose();
        var newLead = TestApp.UserNameFor(Roles.UnitOfficer, app.Units.TayHo);
        var id = await CreateTaskAsync("Khảo sát chất lượng sinh hoạt chi bộ", 25);
        using (var edited = await _admin.PutAsync($"/api/tasks/{id}", System.Net.Http.Json.JsonContent.Create(
                   new { Title = "Khảo sát chất lượng sinh hoạt chi bộ", LeadUnitId = app.Units.TayHo.Id }, options: Api.Json)))
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var told = Assert.Single(await app.NoticesOfAsync(newLead), n => n.TaskId == id);
        Assert.Equal(NoticeKind.Assigned, told.Kind);

        // A correction that keeps the lead unit tells no one again.
        using (var kept = await _admin.PutAsync($"/api/tasks/{id}", System.Net.Http.Json.JsonContent.Create(
                   new { Title = "Khảo sát chất lượng sinh hoạt chi bộ năm 2026", LeadUnitId = app.Units.TayHo.Id }, options: Api.Json)))
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Single(await app.NoticesOfAsync(newLead), n => n.TaskId == id);
    }

    [DbFact]
    public async Task The_bell_counts_unread_notices_each_opens_its_task_and_all_can_be_read_at_once()
    {
        app.Clock.SetLocal(TestApp.FirstDay.AddDays(5));
        var first = await CreateTaskAsync("Kiểm tra việc lập hồ sơ đảng viên", 30);
        var second = await CreateTaskAsync("Rà soát quy chế làm việc", 30);
        using var officer = await app.ClientAsync(Roles.UnitOfficer, app.Units.BaDinh, followRedirects: false);
        await _admin.ActAsync(first, "accept");
        await _admin.SubmitAsync(first);
        var unread = await UnreadAsync(officer);
        Assert.True(unread >= 2, $"{unread} chưa đọc");

        var page = await officer.GetStringAsync("/Notices");
        var noticeId = (await app.NoticesOfAsync(_officer)).Single(n => n.TaskId == second).Id;
        Assert.Contains($"href=\"/Notices/Open/{noticeId}\"", page);
        Assert.Contains("Rà soát quy chế làm việc", page);
        using (var open = await officer.GetAsync($"/Notices/Open/{noticeId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
            Assert.Equal($"/Tasks/Details/{second}", open.Headers.Location?.ToString());
        }
        Assert.Equal(unread - 1, await UnreadAsync(officer));
        Assert.NotNull((await app.NoticesOfAsync(_officer)).Single(n => n.Id == noticeId).ReadAtUtc);

        // Another person's notice does not exist for this one.
        var leaderNotice = await app.WithDbAsync(db => db.Set<Notice>().Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName != _officer))
            .Select(n => n.Id).FirstAsync());
        using (var others = await officer.GetAsync($"/Notices/Open/{leaderNotice}"))
            Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);

        var form = PageForm.Of(await PageForm.ParseAsync(await officer.GetAsync("/Notices")), "form-read-all");
        using (var readAll = await form.PostAsync(officer))
            Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        Assert.Equal(0, await UnreadAsync(officer));
        Assert.DoesNotContain("form-read-all", await officer.GetStringAsync("/Notices"));
    }

    [DbFact]
    public async Task Due_overdue_and_escalation_notices_are_written_once_per_person_and_day()
    {
        var day = TestApp.FirstDay.AddDays(10);
        app.Clock.SetLocal(day);
        var in7 = await CreateTaskAsync("Tổng kết Nghị quyết về phát triển văn hóa", 7);
        var in3 = await CreateTaskAsync("Báo cáo công tác dân vận", 3);
        var in1 = await CreateTaskAsync("Kiện toàn Ban Chỉ đạo phòng, chống tham nhũng", 1);
        var in2 = await CreateTaskAsync("Hướng dẫn đại hội chi bộ", 2);
        var before = (await app.NoticesOfAsync(_officer)).Count;

        await app.RemindAsync(r => r.DueNoticesAsync(CancellationToken.None));
        await app.RemindAsync(r => r.DueNoticesAsync(CancellationToken.None));
        var due = (await app.NoticesOfAsync(_officer)).Skip(before).Where(n => new[] { in7, in3, in1, in2 }.Contains(n.TaskId)).ToList();
        Assert.Equal(new[] { in7, in3, in1 }.Order(), due.Select(n => n.TaskId).Order());
        Assert.All(due, n => Assert.Equal(NoticeKind.DueSoon, n.Kind));
        Assert.Contains("còn 3 ngày đến hạn", due.Single(n => n.TaskId == in3).Text);

        // Two days on: the one due yesterday is overdue; its assigning unit escalates after one day.
        app.Clock.SetLocal(day.AddDays(2));
        using var office = await app.ClientAsync(Roles.OfficeStaff, app.Units.Root, followRedirects: false);
        var settings = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Notices/Escalation")), $"form-escalation-{app.Units.Root.Id}");
        settings["days"] = "1";
        using (var saved = await settings.PostAsync(office))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var leaderBefore = (await app.NoticesOfAsync(_leader)).Count;

        await Task.WhenAll(app.RemindAsync(r => r.RunAsync(CancellationToken.None)), app.RemindAsync(r => r.RunAsync(CancellationToken.None)));
        var overdue = Assert.Single(await app.NoticesOfAsync(_officer), n => n.TaskId == in1 && n.Kind == NoticeKind.Overdue);
        Assert.Contains("đã quá hạn", overdue.Text);
        var escalation = Assert.Single((await app.NoticesOfAsync(_leader)).Skip(leaderBefore));
        Assert.Equal((NoticeKind.Escalation, in1), (escalation.Kind, escalation.TaskId));
        Assert.Contains("quá hạn 1 ngày", escalation.Text);
        Assert.Contains("công văn đôn đốc", escalation.Text);

        // The next day the task is still overdue, and the leader already knows.
        app.Clock.SetLocal(day.AddDays(3));
        await app.RemindAsync(r => r.EscalateAsync(CancellationToken.None));
        Assert.Single(await app.NoticesOfAsync(_leader), n => n.Kind == NoticeKind.Escalation && n.TaskId == in1);
    }

    [DbFact]
    public async Task The_digest_reaches_the_SMTP_server_once_at_the_chosen_hour_grouped_with_links_and_none_when_nothing_is_new()
    {
        var day = TestApp.FirstDay.AddDays(20);
        app.Clock.SetLocal(day, hour: 6);
        (await app.ClientAsync(Roles.UnitOfficer, app.Units.TayHo)).Dispose();
        var quiet = TestApp.UserNameFor(Roles.UnitOfficer, app.Units.TayHo);
        await app.SetEmailAsync(quiet, "tayho@example.vn", hour: 8);
        using var officer = await app.ClientAsync(Roles.UnitOfficer, app.Units.BaDinh, followRedirects: false);
        var form = PageForm.Of(await PageForm.ParseAsync(await officer.GetAsync("/Notices/Preferences")), "form-preferences");
        form["Input.Email"] = "khong-hop-le";
        form["Input.DigestHour"] = "8";
        var refused = await PageForm.ParseAsync(await form.PostAsync(officer));
        Assert.Contains(PageForm.Problems(refused), p => p.Contains("“khong-hop-le” không hợp lệ"));
        form["Input.Email"] = "badinh@example.vn";
        using (var saved = await form.PostAsync(officer))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var first = await CreateTaskAsync("Xây dựng kế hoạch kiểm tra, giám sát năm 2027", 3);
        var second = await CreateTaskAsync("Báo cáo kết quả học tập Nghị quyết", 30);
        await app.WithDbAsync(db => db.Set<Notice>().Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == _officer) && n.TaskId != first && n.TaskId != second)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow)));
        await app.RemindAsync(r => r.DueNoticesAsync(CancellationToken.None));
        var mailBefore = app.Mail.Received.Count;

        app.Clock.SetLocal(day, hour: 7, minute: 30);
        await app.RemindAsync(r => r.DigestsAsync(CancellationToken.None));
        await app.SendMailAsync();
        Assert.Equal(mailBefore, app.Mail.Received.Count);

        app.Clock.SetLocal(day, hour: 8, minute: 5);
        await app.RemindAsync(r => r.DigestsAsync(CancellationToken.None));
        await app.RemindAsync(r => r.DigestsAsync(CancellationToken.None));
        Assert.Equal(1, await app.SendMailAsync());
        Assert.Equal(0, await app.SendMailAsync());
        var mail = Assert.Single(app.Mail.Received.Skip(mailBefore));
        Assert.Equal("badinh@example.vn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("dondoc@example.vn", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal($"DonDoc: 3 thông báo ngày {day:dd/MM/yyyy}", mail.Subject);
        var body = mail.TextBody ?? "";
        // Grouped, the pressing first: due soon before newly assigned.
        var soon = body.IndexOf("Sắp đến hạn (1)", StringComparison.Ordinal);
        Assert.True(soon >= 0 && body.IndexOf("Được giao (2)", StringComparison.Ordinal) > soon, body);
        var links = Links().Matches(body).Select(m => m.Value).ToList();
        Assert.Contains($"{MailApp.BaseUrl}/Tasks/Details/{first}", links);
        Assert.Contains($"{MailApp.BaseUrl}/Tasks/Details/{second}", links);
        Assert.Contains($"{MailApp.BaseUrl}/Notices/Preferences", links);
        // Tây Hồ's officer had nothing unread: no mail.
        Assert.DoesNotContain(app.Mail.Received, m => m.To.Mailboxes.Any(a => a.Address == "tayho@example.vn"));
    }

    [DbFact]
    public async Task An_unreachable_SMTP_server_is_retried_with_back_off_and_shown_to_the_operator_until_it_takes_the_mail()
    {
        var day = TestApp.FirstDay.AddDays(30);
        app.Clock.SetLocal(day, hour: 6);
        (await app.ClientAsync(Roles.UnitOfficer, app.Units.UbndParty)).Dispose();
        var officer = TestApp.UserNameFor(Roles.UnitOfficer, app.Units.UbndParty);
        await app.SetEmailAsync(officer, "ubnd@example.vn", hour: 6);
        await _admin.PostAsync("/api/tasks", new { Title = "Đề án chuyển đổi số của Thành phố", LeadUnitId = app.Units.UbndParty.Id, DueDate = day.AddDays(60) })
            .OkAsync<TaskDetail>();
        var mailBefore = app.Mail.Received.Count;
        await app.Mail.StopAsync();
        try
        {
            app.Clock.SetLocal(day, hour: 6, minute: 10);
            await app.RemindAsync(r => r.DigestsAsync(CancellationToken.None));
            Assert.Equal(0, await app.SendMailAsync());
            var waiting = await app.WithDbAsync(db => db.Set<OutgoingMail>().SingleAsync(m => m.To == "ubnd@example.vn"));
            Assert.Equal(1, waiting.Attempts);
            Assert.Null(waiting.SentAtUtc);
            Assert.NotNull(waiting.LastError);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + MailOutbox.Backoff(1), waiting.NextTryAtUtc, TimeSpan.FromSeconds(1));

            using var office = await app.ClientAsync(Roles.OfficeStaff, app.Units.Root, followRedirects: false);
            var page = await PageForm.ParseAsync(await office.GetAsync("/Operations/Mail"));
            var row = page.QuerySelectorAll("#waiting-mail tbody tr").Single(r => r.TextContent.Contains("ubnd@example.vn"));
            Assert.Contains(waiting.LastError!, row.TextContent);

            // Before its next try nothing is attempted; after it, again refused, it waits twice as long.
            Assert.Equal(0, await app.SendMailAsync());
            Assert.Equal(1, (await app.WithDbAsync(db => db.Set<OutgoingMail>().SingleAsync(m => m.Id == waiting.Id))).Attempts);
            app.Clock.Advance(MailOutbox.Backoff(1));
            Assert.Equal(0, await app.SendMailAsync());
            var again = await app.WithDbAsync(db => db.Set<OutgoingMail>().SingleAsync(m => m.Id == waiting.Id));
            Assert.Equal(2, again.Attempts);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + MailOutbox.Backoff(2), again.NextTryAtUtc, TimeSpan.FromSeconds(1));
        }
        finally
        {
            app.Mail.Start();
        }
        app.Clock.Advance(MailOutbox.Backoff(2));
        Assert.Equal(1, await app.SendMailAsync());
        Assert.Single(app.Mail.Received.Skip(mailBefore), m => m.To.Mailboxes.Any(a => a.Address == "ubnd@example.vn"));
        var sent = await app.WithDbAsync(db => db.Set<OutgoingMail>().SingleAsync(m => m.To == "ubnd@example.vn"));
        Assert.Equal(3, sent.Attempts);
        Assert.NotNull(sent.SentAtUtc);
    }

    private async Task<int> CreateTaskAsync(string title, int dueInDays) =>
        (await _admin.PostAsync("/api/tasks", new
        {
            Title = title,
            LeadUnitId = app.Units.BaDinh.Id,
            AssignedByUnitId = app.Units.Root.Id,
            DueDate = app.Clock.Today.AddDays(dueInDays),
        }).OkAsync<TaskDetail>()).Id;

    private static async Task<int> UnreadAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Inbox");
        return UnreadCount().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
    }

    [GeneratedRegex("id=\"notices-unread\">(\\d+)<")]
    private static partial Regex UnreadCount();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

public sealed class NoticesOnSqlite(SqliteMailApp app) : NoticeTests(app), IClassFixture<SqliteMailApp>;

[OnPostgres]
public sealed class NoticesOnPostgres(PostgresMailApp app) : NoticeTests(app), IClassFixture<PostgresMailApp>;
