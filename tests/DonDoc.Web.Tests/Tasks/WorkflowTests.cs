using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>The paths off the straight line: rework, extensions, cancellation, periodic and ongoing deadlines.</summary>
public abstract class WorkflowTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();
    private TestUnits Units => app.Units;

    [DbFact]
    public async Task Returned_work_is_judged_by_the_submission_finally_accepted()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            var due = app.Clock.Today.AddDays(3);
            var id = await CreateAsync("Hoàn thiện đề án sắp xếp tổ chức bộ máy", Units.TayHo.Id, due);
            await _client.ActAsync(id, "accept");
            var submitted = await _client.SubmitAsync(id);
            Assert.Equal(app.Clock.Today, submitted.SubmittedOn);

            var returned = await _client.ActAsync(id, "return", new { Reason = "Thiếu số liệu so sánh cùng kỳ." });
            Assert.Equal(TaskState.Returned, returned.Status);
            Assert.Equal("Thiếu số liệu so sánh cùng kỳ.", returned.ReturnReason);
            Assert.Null(returned.SubmittedOn);
            Assert.Contains(returned.History, h => h.Status == TaskState.Returned && h.Note!.Contains("Thiếu số liệu"));

            app.Clock.SetLocal(due.AddDays(2));
            Assert.Equal(Overlay.Overdue, (await _client.TaskAsync(id)).Overlay);
            await _client.ActAsync(id, "progress", new { Percent = 100, Text = "Đã bổ sung số liệu." });
            await _client.SubmitAsync(id);
            var completed = await _client.ActAsync(id, "complete");
            Assert.Equal(TaskState.Completed, completed.Status);
            Assert.Equal(Overlay.CompletedLate, completed.Overlay);
            Assert.Equal(100, completed.Percent);
            Assert.Equal(
                [TaskState.Assigned, TaskState.Accepted, TaskState.Submitted, TaskState.Returned, TaskState.InProgress, TaskState.Submitted, TaskState.Completed],
                completed.History.Select(h => h.Status));
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task An_approved_extension_moves_the_due_date_and_keeps_the_original()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            var due = app.Clock.Today.AddDays(2);
            var id = await CreateAsync("Tổng kết 10 năm thực hiện Chỉ thị", Units.UbndParty.Id, due);
            await _client.ActAsync(id, "accept");
            app.Clock.SetLocal(due.AddDays(3));
            var overdueBefore = (await DashboardAsync(Units.UbndParty.Id)).Overdue;

            var wanted = due.AddDays(30);
            var request = await _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = wanted, Reason = "Chờ số liệu của các sở, ngành." })
                .OkAsync<ExtensionResult>();
            Assert.Equal(ExtensionState.Pending, request.State);
            await _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = wanted.AddDays(1), Reason = "Đề nghị thêm." })
                .ProblemAsync("status");
            await _client.PostAsync($"/api/tasks/{id}/extension/{request.Id}/decision", new { Approve = false })
                .ProblemAsync("Note");

            var decided = await _client.PostAsync($"/api/tasks/{id}/extension/{request.Id}/decision", new { Approve = true, Note = "Đồng ý." })
                .OkAsync<ExtensionResult>();
            Assert.Equal(ExtensionState.Approved, decided.State);
            var task = await _client.TaskAsync(id);
            Assert.Equal(wanted, task.DueDate);
            Assert.Equal(due, task.OriginalDueDate);
            Assert.Equal(Overlay.None, task.Overlay);
            Assert.Equal(overdueBefore - 1, (await DashboardAsync(Units.UbndParty.Id)).Overdue);
            await _client.PostAsync($"/api/tasks/{id}/extension/{request.Id}/decision", new { Approve = true })
                .ProblemAsync("requestId");
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task Cancelled_children_leave_the_parent_count_and_fanning_out_twice_reaches_only_new_units()
    {
        var parent = await CreateAsync("Rà soát quy chế làm việc", Units.Root.Id, app.Clock.Today.AddDays(40));
        var first = await _client.PostAsync($"/api/tasks/{parent}/fanout").OkAsync<FanOutResult>();
        Assert.Equal(Units.ActiveChildren.Count, first.Created);
        await _client.PostAsync($"/api/tasks/{parent}/fanout").ProblemAsync("UnitId");

        // Every cell below the city committee, whatever its depth.
        var cells = await _client.PostAsync($"/api/tasks/{parent}/fanout", new { UnitId = Units.Root.Id, UnitType = "ChiBo" }).OkAsync<FanOutResult>();
        Assert.Equal(1, cells.Created);
        var total = Units.ActiveChildren.Count + 1;
        var children = (await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?parent={parent}")).Items;
        Assert.Contains(children, c => c.LeadUnitId == Units.BaDinhCell.Id);
        Assert.Equal($"0/{total}", ChildCount(await _client.TaskAsync(parent)));

        await _client.PostAsync($"/api/tasks/{children[0].Id}/cancel", new { Reason = "" }).ProblemAsync("Reason");
        var cancelled = await _client.ActAsync(children[0].Id, "cancel", new { Reason = "Đơn vị đã sáp nhập." });
        Assert.Equal(TaskState.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Actions);
        Assert.Equal($"0/{total - 1}", ChildCount(await _client.TaskAsync(parent)));

        await _client.ActAsync(children[1].Id, "accept");
        await _client.SubmitAsync(children[1].Id);
        await _client.ActAsync(children[1].Id, "complete");
        Assert.Equal($"1/{total - 1}", ChildCount(await _client.TaskAsync(parent)));
    }

    [DbFact]
    public async Task A_periodic_task_is_due_at_the_end_of_each_period_it_has_not_reported()
    {
        var today = app.Clock.Today;
        var task = await CreateMonthlyAsync("Báo cáo tình hình thực hiện hằng tháng", Units.HoanKiem.Id, months: 4);
        Assert.Equal(4, task.Periods.Count);
        var endOfMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        Assert.Equal(endOfMonth, task.DueDate);

        await _client.ActAsync(task.Id, "accept");
        var reported = await _client.ActAsync(task.Id, "progress", new { Percent = 25, Text = "Báo cáo tháng này." });
        Assert.Equal(endOfMonth.AddDays(1).AddMonths(1).AddDays(-1), reported.DueDate);
        Assert.Equal(today, reported.Periods.OrderBy(p => p.DueDate).First().ReportedOn);
        Assert.Equal(reported.Periods.OrderBy(p => p.DueDate).First().Label, Assert.Single(reported.Progress).Period);

        // Handed down after the parent reported this month: the unit below still owes this month first.
        await _client.PostAsync($"/api/tasks/{task.Id}/fanout", new { UnitId = Units.BaDinh.Id }).OkAsync<System.Text.Json.JsonElement>();
        var child = await _client.TaskAsync(Assert.Single(
            (await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?parent={task.Id}")).Items).Id);
        Assert.Equal(Units.BaDinhCell.Id, child.LeadUnit.Id);
        Assert.Equal(4, child.Periods.Count);
        Assert.All(child.Periods, p => Assert.Null(p.ReportedOn));
        Assert.Equal(endOfMonth, child.DueDate);
        Assert.Equal(endOfMonth, child.OriginalDueDate);
    }

    [DbFact]
    public async Task An_ongoing_task_has_no_due_date_and_is_never_overdue()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            var task = await _client.PostAsync("/api/tasks", new
            {
                Title = "Theo dõi, nắm tình hình tư tưởng trong Đảng",
                LeadUnitId = Units.BaDinhCell.Id,
                DeadlineKind = "Ongoing",
            }).OkAsync<TaskDetail>();
            Assert.Null(task.DueDate);
            app.Clock.SetLocal(app.Clock.Today.AddYears(1));
            Assert.Equal(Overlay.None, (await _client.TaskAsync(task.Id)).Overlay);
            Assert.DoesNotContain((await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?unit={Units.BaDinhCell.Id}&status=overdue")).Items,
                r => r.Id == task.Id);
            await _client.PostAsync($"/api/tasks/{task.Id}/extension", new { RequestedDueDate = app.Clock.Today.AddDays(10), Reason = "Gia hạn." })
                .ProblemAsync("status");
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task Overdue_and_due_soon_lists_page_through_the_rows_an_unpaged_query_finds()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            var today = app.Clock.Today;
            var leads = new[] { Units.HoanKiem, Units.BaDinhCell, Units.BaDinh, Units.TayHo, Units.Root };
            var mine = new List<int>();
            for (var i = 0; i < 9; i++)
                mine.Add(await CreateAsync($"Nhiệm vụ kiểm đếm số {i + 1}", leads[i % leads.Length].Id, today.AddDays(1 + i % 4)));
            await _client.ActAsync(mine[0], "accept");
            await _client.SubmitAsync(mine[0]); // waits on the assigning unit: never overdue

            // The whole tree, read in order from an index, and a subtree, whose days are read whole and ordered in memory.
            foreach (var (view, day, unit) in new[] { ("overdue", today.AddDays(12), Units.Root), ("duesoon", today.AddDays(2), Units.Root),
                ("overdue", today.AddDays(12), Units.BaDinh), ("duesoon", today.AddDays(2), Units.BaDinh) })
            {
                app.Clock.SetLocal(day);
                var query = $"unit={unit.Id}&scope=subtree&status={view}";
                // A due-date bound takes the list off its rollup-driven path onto the plain query.
                var reference = await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?{query}&dueFrom=2000-01-01&pageSize=500");
                var paged = new List<TaskRow>();
                for (var page = 1; page <= reference.Total / 2 + 1; page++)
                {
                    var part = await _client.GetOkAsync<Features.Shared.Page<TaskRow>>($"/api/tasks?{query}&page={page}&pageSize=2");
                    Assert.Equal(reference.Total, part.Total);
                    paged.AddRange(part.Items);
                }
                Assert.Equal(reference.Items.Select(r => r.Id), paged.Select(r => r.Id));
                Assert.DoesNotContain(mine[0], paged.Select(r => r.Id));
                Assert.All(paged, r => Assert.Equal(view == "overdue" ? Overlay.Overdue : Overlay.DueSoon, r.Overlay));
                Assert.True(reference.Total >= 3, $"{reference.Total} rows in {query}");
                Assert.Equal(reference.Total, view == "overdue"
                    ? (await DashboardAsync(unit.Id)).Overdue
                    : (await DashboardAsync(unit.Id)).DueSoon);
            }
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task An_extension_overtaken_by_events_can_only_be_declined()
    {
        var today = app.Clock.Today;
        var id = await CreateAsync("Rà soát quy hoạch cán bộ", Units.UbndParty.Id, today.AddDays(10));
        await _client.ActAsync(id, "accept");
        var request = await _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = today.AddDays(40), Reason = "Chờ hướng dẫn." })
            .OkAsync<ExtensionResult>();
        await _client.ActAsync(id, "cancel", new { Reason = "Không còn phù hợp" });
        var closed = await _client.PostAsync($"/api/tasks/{id}/extension/{request.Id}/decision", new { Approve = true }).ProblemAsync("status");
        Assert.Contains("đã kết thúc", closed["status"][0]);
        var declined = await _client.PostAsync($"/api/tasks/{id}/extension/{request.Id}/decision", new { Approve = false, Note = "Nhiệm vụ đã hủy." })
            .OkAsync<ExtensionResult>();
        Assert.Equal(ExtensionState.Refused, declined.State);

        // A monthly report: an extension moves this month's deadline, never into the next month's.
        var periodic = await CreateMonthlyAsync("Báo cáo công tác cán bộ hằng tháng", Units.UbndParty.Id, months: 3);
        var dues = periodic.Periods.Select(p => p.DueDate).Order().ToList();
        await _client.ActAsync(periodic.Id, "accept");
        var tooFar = await _client.PostAsync($"/api/tasks/{periodic.Id}/extension", new { RequestedDueDate = dues[1], Reason = "Chờ số liệu." })
            .ProblemAsync("RequestedDueDate");
        Assert.Contains("kỳ sau", tooFar["RequestedDueDate"][0]);

        var wanted = dues[0].AddDays(5);
        var first = await _client.PostAsync($"/api/tasks/{periodic.Id}/extension", new { RequestedDueDate = wanted, Reason = "Chờ số liệu." })
            .OkAsync<ExtensionResult>();
        await _client.PostAsync($"/api/tasks/{periodic.Id}/extension/{first.Id}/decision", new { Approve = true }).OkAsync<ExtensionResult>();
        var extended = await _client.TaskAsync(periodic.Id);
        Assert.Equal(wanted, extended.DueDate);
        Assert.Equal([wanted, dues[1], dues[2]], extended.Periods.OrderBy(p => p.Id).Select(p => p.DueDate));

        // Asked for this month, overtaken by this month's report: the new due date is next month's.
        var second = await _client.PostAsync($"/api/tasks/{periodic.Id}/extension", new { RequestedDueDate = wanted.AddDays(3), Reason = "Thêm thời gian." })
            .OkAsync<ExtensionResult>();
        var reported = await _client.ActAsync(periodic.Id, "progress", new { Percent = 30, Text = "Báo cáo tháng này." });
        Assert.Equal(dues[1], reported.DueDate);
        var overtaken = await _client.PostAsync($"/api/tasks/{periodic.Id}/extension/{second.Id}/decision", new { Approve = true }).ProblemAsync("Approve");
        Assert.Contains("phải sau hạn hiện tại", overtaken["Approve"][0]);
        Assert.Equal(dues[1], (await _client.TaskAsync(periodic.Id)).DueDate);
    }

    [DbFact]
    public async Task The_page_offers_only_a_refusal_for_an_overtaken_extension()
    {
        var task = await CreateMonthlyAsync("Báo cáo kết quả tiếp công dân hằng tháng", Units.UbndParty.Id, months: 2);
        var dues = task.Periods.Select(p => p.DueDate).Order().ToList();
        await _client.ActAsync(task.Id, "accept");
        var stalePage = await Import.PageForm.ParseAsync(await _client.GetAsync($"/Tasks/Details/{task.Id}"));
        Assert.Null(stalePage.GetElementById("form-decide-extension"));
        await _client.PostAsync($"/api/tasks/{task.Id}/extension", new { RequestedDueDate = dues[0].AddDays(4), Reason = "Chờ số liệu." })
            .OkAsync<ExtensionResult>();
        var open = await Import.PageForm.ParseAsync(await _client.GetAsync($"/Tasks/Details/{task.Id}"));
        Assert.NotNull(open.QuerySelector("#form-decide-extension button[value=true]"));
        var decision = Import.PageForm.Of(open, "form-decide-extension");

        // This month is reported before anyone decides: the due date is next month's now.
        await _client.ActAsync(task.Id, "progress", new { Percent = 50, Text = "Báo cáo tháng này." });
        var now = await Import.PageForm.ParseAsync(await _client.GetAsync($"/Tasks/Details/{task.Id}"));
        var form = now.GetElementById("form-decide-extension")!;
        Assert.Null(form.QuerySelector("button[value=true]"));
        Assert.Contains("chỉ có thể không đồng ý", form.TextContent);

        // Approving from the page read before: refused on the page, with the reason, and nothing changed.
        decision["Decision.Approve"] = "true";
        decision["version"] = Import.PageForm.Of(now, "form-decide-extension")["version"];
        var refused = await Import.PageForm.ParseAsync(await decision.PostAsync(_client));
        Assert.Contains("phải sau hạn hiện tại", refused.GetElementById("form-decide-extension")!.TextContent);
        var after = await _client.TaskAsync(task.Id);
        Assert.Equal(dues[1], after.DueDate);
        Assert.Equal(ExtensionState.Pending, Assert.Single(after.Extensions).State);
    }

    /// <summary>A monthly report from this month to the end of the month <paramref name="months"/> - 1 later.</summary>
    private Task<TaskDetail> CreateMonthlyAsync(string title, int leadUnitId, int months)
    {
        var today = app.Clock.Today;
        return _client.PostAsync("/api/tasks", new
        {
            Title = title,
            LeadUnitId = leadUnitId,
            DeadlineKind = "Periodic",
            Recurrence = "Monthly",
            EndsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(months).AddDays(-1),
        }).OkAsync<TaskDetail>();
    }

    private async Task<int> CreateAsync(string title, int leadUnitId, DateOnly due) =>
        (await _client.PostAsync("/api/tasks", new { Title = title, LeadUnitId = leadUnitId, DeadlineKind = "Date", DueDate = due })
            .OkAsync<TaskDetail>()).Id;

    private async Task<Counts> DashboardAsync(int unitId) =>
        (await _client.GetOkAsync<DashboardView>($"/api/units/{unitId}/dashboard")).Unit.Counts;

    private static string ChildCount(TaskDetail task) => $"{task.ChildCompleted}/{task.ChildTotal}";

    private sealed record FanOutResult(int Created);

    private sealed record ExtensionResult(int Id, ExtensionState State, DateOnly RequestedDueDate);
}

public sealed class WorkflowOnSqlite(SqliteApp app) : WorkflowTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class WorkflowOnPostgres(PostgresApp app) : WorkflowTests(app), IClassFixture<PostgresApp>;
