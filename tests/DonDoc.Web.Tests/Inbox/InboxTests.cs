using System.Net;
using AngleSharp.Html.Dom;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Inbox;

/// <summary>
/// "Việc của tôi" as each role meets it: a unit officer's work of their own unit, a leader's decisions
/// on what their unit assigned (several at once, each judged by the rules), and the menu's count.
/// </summary>
public abstract class InboxTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task A_unit_officer_sees_what_their_own_unit_must_accept_report_on_or_redo()
    {
        var today = app.Clock.Today;
        var toAccept = await CreateAsync("Tiếp nhận: rà soát đảng viên", Units.TayHo, Units.Root, today.AddDays(30));
        var dueSoon = await CreateAsync("Báo cáo: hội nghị đối thoại", Units.TayHo, Units.Root, today.AddDays(3));
        var later = await CreateAsync("Chưa đến hạn: số hóa hồ sơ", Units.TayHo, Units.Root, today.AddDays(60));
        var returned = await CreateAsync("Làm lại: báo cáo sơ kết", Units.TayHo, Units.Root, today.AddDays(40));
        var elsewhere = await CreateAsync("Của phường khác", Units.HoanKiem, Units.Root, today.AddDays(3));
        foreach (var id in new[] { dueSoon, later, returned })
            await _admin.ActAsync(id, "accept");
        await _admin.SubmitAsync(returned);
        await _admin.ActAsync(returned, "return", new { Reason = "Bổ sung số liệu của các chi bộ" });

        using var officer = await app.ClientAsync(Roles.UnitOfficer, Units.TayHo);
        var page = await InboxAsync(officer);
        Assert.Equal([toAccept], Links(page, "inbox-toaccept"));
        Assert.Equal([dueSoon], Links(page, "inbox-toreport"));
        Assert.Equal([returned], Links(page, "inbox-returned"));
        Assert.Contains("Bổ sung số liệu của các chi bộ", page.GetElementById("inbox-returned")!.TextContent);
        Assert.DoesNotContain($"/Tasks/Details/{elsewhere}\"", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain($"/Tasks/Details/{later}\"", page.DocumentElement.OuterHtml);
        // A leader has no such sections: they judge, they do not carry out.
        Assert.Null(page.GetElementById("inbox-todecide"));
        Assert.Equal("3", page.QuerySelector("#nav-inbox .nav-count")!.TextContent.Trim());

        // Past its deadline, the task says by how many days.
        var start = app.Clock.GetUtcNow();
        try
        {
            app.Clock.SetLocal(today.AddDays(5));
            page = await InboxAsync(officer);
            Assert.Contains("quá hạn 2 ngày", page.GetElementById("inbox-toreport")!.TextContent);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task A_leader_completes_several_submitted_tasks_at_once_and_sees_each_refusal()
    {
        var today = app.Clock.Today;
        var first = await SubmittedAsync("Kiện toàn chi bộ khu dân cư số 1", today.AddDays(20));
        var second = await SubmittedAsync("Kiện toàn chi bộ khu dân cư số 2", today.AddDays(20));
        var changed = await SubmittedAsync("Kiện toàn chi bộ khu dân cư số 3", today.AddDays(20));
        var cityTask = await CreateAsync("Của Thành ủy giao", Units.BaDinhCell, Units.Root, today.AddDays(20));
        await _admin.ActAsync(cityTask, "accept");
        await _admin.SubmitAsync(cityTask);

        using var leader = await app.ClientAsync(Roles.Leader, Units.BaDinh, followRedirects: false);
        var page = await InboxAsync(leader);
        Assert.Equal([first, second, changed], Links(page, "inbox-todecide").Order());
        var form = PageForm.Of(page, "form-decide");
        form["Picked"] = first.ToString();
        form.Add("Picked", second.ToString());
        form.Add("Picked", changed.ToString());
        // Meanwhile the lead unit takes the third one back to rework it.
        await _admin.ActAsync(changed, "return", new { Reason = "Đơn vị xin rút lại để bổ sung" });
        var response = await form.PostAsync(leader);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        page = await InboxAsync(leader);
        Assert.Equal("Đã công nhận hoàn thành 2/3 nhiệm vụ; 1 nhiệm vụ không thực hiện được.", page.GetElementById("flash")!.TextContent.Trim());
        var refusal = Assert.Single(page.QuerySelectorAll("#refusals li"));
        Assert.Contains($"Nhiệm vụ số {changed}", refusal.TextContent);
        var states = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => new[] { first, second, changed }.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Status));
        Assert.Equal(TaskState.Completed, states[first]);
        Assert.Equal(TaskState.Completed, states[second]);
        Assert.Equal(TaskState.Returned, states[changed]);
        Assert.True(Links(page, "inbox-todecide").Count == 0, page.GetElementById("inbox-todecide")!.OuterHtml);
    }

    [DbFact]
    public async Task Returning_several_needs_a_reason_and_writes_nothing_without_one()
    {
        var task = await SubmittedAsync("Báo cáo công tác dân vận quý IV", app.Clock.Today.AddDays(15));
        using var leader = await app.ClientAsync(Roles.Leader, Units.BaDinh, followRedirects: false);
        var form = PageForm.Of(await InboxAsync(leader), "form-decide");
        form["Picked"] = task.ToString();
        form["Decision"] = "Return";
        form["Reason"] = " ";
        var before = await app.FootprintAsync();
        var refused = await PageForm.ParseAsync(await form.PostAsync(leader));
        Assert.Equal(["Trả lại nhiệm vụ phải nêu lý do."], PageForm.Problems(refused));
        Assert.Equal(before, await app.FootprintAsync());

        form["Picked"] = null;
        refused = await PageForm.ParseAsync(await form.PostAsync(leader));
        Assert.Contains("Chọn ít nhất một nhiệm vụ.", PageForm.Problems(refused));

        form["Picked"] = task.ToString();
        form["Reason"] = "Thiếu số liệu của hai chi bộ";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(leader)).StatusCode);
        var detail = await _admin.TaskAsync(task);
        Assert.Equal(TaskState.Returned, detail.Status);
        Assert.Equal("Thiếu số liệu của hai chi bộ", detail.ReturnReason);
    }

    [DbFact]
    public async Task A_leader_sees_pending_extension_requests_of_what_their_unit_assigned()
    {
        var task = await CreateAsync("Tổng kết mô hình dân vận khéo", Units.BaDinhCell, Units.BaDinh, app.Clock.Today.AddDays(10));
        await _admin.ActAsync(task, "accept");
        await _admin.PostAsync($"/api/tasks/{task}/extension", new { RequestedDueDate = app.Clock.Today.AddDays(40), Reason = "Chờ số liệu cuối năm" })
            .OkAsync<object>();
        using var leader = await app.ClientAsync(Roles.Leader, Units.BaDinh);
        var page = await InboxAsync(leader);
        Assert.Equal([task], Links(page, "inbox-extensions"));
        Assert.Contains("Chờ số liệu cuối năm", page.GetElementById("inbox-extensions")!.TextContent);
        using var cityLeader = await app.ClientAsync(Roles.Leader, Units.Root);
        Assert.DoesNotContain($"/Tasks/Details/{task}", (await InboxAsync(cityLeader)).GetElementById("inbox-extensions")!.OuterHtml);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private async Task<int> CreateAsync(string title, Unit lead, Unit assignedBy, DateOnly due) =>
        (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = lead.Id, AssignedByUnitId = assignedBy.Id, DeadlineKind = "Date", DueDate = due })
            .OkAsync<TaskDetail>()).Id;

    // A task the ward assigned to its cell, reported done by the cell.
    private async Task<int> SubmittedAsync(string title, DateOnly due)
    {
        var id = await CreateAsync(title, Units.BaDinhCell, Units.BaDinh, due);
        await _admin.ActAsync(id, "accept");
        await _admin.ActAsync(id, "progress", new { Percent = 90, Text = "Đã hoàn thành, gửi kèm báo cáo." });
        await _admin.SubmitAsync(id);
        return id;
    }

    private static async Task<IHtmlDocument> InboxAsync(HttpClient client) => await PageForm.ParseAsync(await client.GetAsync("/Inbox"));

    private static List<int> Links(IHtmlDocument page, string section) =>
        page.GetElementById(section)?.QuerySelectorAll("a[href^='/Tasks/Details/']")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1].Split('#')[0])).Distinct().ToList() ?? [];
}

public sealed class InboxOnSqlite(SqliteApp app) : InboxTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class InboxOnPostgres(PostgresApp app) : InboxTests(app), IClassFixture<PostgresApp>;
