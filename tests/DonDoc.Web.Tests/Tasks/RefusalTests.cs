using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Tasks;

/// <summary>
/// Every way the API refuses input: a 400 in problem+json naming the wrong field in Vietnamese,
/// and not one row (nor one evidence file) written.
/// </summary>
public abstract class RefusalTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();
    private TestUnits Units => app.Units;
    private DateOnly Today => app.Clock.Today;

    [DbFact]
    public Task Missing_title() =>
        RefusedAsync(() => CreateTaskAsync(new { LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = Today.AddDays(30) }),
            "Title", "tên nhiệm vụ");

    [DbFact]
    public Task Blank_title() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = Today.AddDays(30) }),
            "Title", "tên nhiệm vụ");

    [DbFact]
    public Task Missing_lead_unit() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ không có đơn vị chủ trì", DeadlineKind = "Date", DueDate = Today.AddDays(30) }),
            "LeadUnitId", "đơn vị chủ trì");

    [DbFact]
    public Task Unknown_lead_unit() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = 987654, DeadlineKind = "Date", DueDate = Today.AddDays(30) }),
            "LeadUnitId", "987654");

    [DbFact]
    public Task Closed_lead_unit() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.Closed.Id, DeadlineKind = "Date", DueDate = Today.AddDays(30) }),
            "LeadUnitId", "ngừng hoạt động");

    [DbFact]
    public Task Date_task_without_due_date() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date" }),
            "DueDate", "hạn hoàn thành");

    [DbFact]
    public Task Due_date_in_the_past() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = Today.AddDays(-1) }),
            "DueDate", "trước ngày giao");

    [DbFact]
    public async Task Yesterday_is_judged_in_Ha_Noi_not_in_UTC()
    {
        var today = app.Clock.Today;
        try
        {
            // 00:30 on the 2nd in Hà Nội is 17:30 on the 1st in UTC: the 1st is already past.
            app.Clock.SetLocal(new DateOnly(2026, 3, 2), 0, 30);
            Assert.Equal(new DateOnly(2026, 3, 1), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
            await RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = new DateOnly(2026, 3, 1) }),
                "DueDate", "01/03/2026");
            var created = await CreateTaskAsync(new { Title = "Nhiệm vụ hạn hôm nay", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = new DateOnly(2026, 3, 2) })
                .OkAsync<TaskDetail>();
            Assert.Equal(new DateOnly(2026, 3, 2), created.AssignedOn);
            Assert.Equal(Overlay.DueSoon, created.Overlay);
        }
        finally
        {
            app.Clock.SetLocal(today);
        }
    }

    [DbFact]
    public Task Periodic_task_without_recurrence() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Báo cáo định kỳ", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Periodic" }),
            "Recurrence", "chu kỳ");

    [DbFact]
    public Task Periodic_task_ending_centuries_away() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Báo cáo tháng", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Periodic", Recurrence = "Monthly", EndsOn = new DateOnly(2099, 12, 31) }),
            "EndsOn", "120 kỳ");

    [DbFact]
    public async Task A_null_list_of_coordinating_units_means_none()
    {
        var created = await CreateTaskAsync(new { Title = "Nhiệm vụ không có đơn vị phối hợp", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = Today.AddDays(30), CoordinatorUnitIds = (int[]?)null })
            .OkAsync<TaskDetail>();
        Assert.Empty(created.Coordinators);
    }

    [DbFact]
    public Task Ongoing_task_with_a_due_date() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ thường xuyên", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Ongoing", DueDate = Today.AddDays(30) }),
            "DueDate", "thường xuyên");

    [DbTheory]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task Percent_out_of_range(int percent)
    {
        var id = await TaskInAsync(TaskState.Accepted);
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/progress", new { Percent = percent, Text = "Đã triển khai." }),
            "Percent", "0 đến 100");
    }

    [DbTheory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_progress_text(string text)
    {
        var id = await TaskInAsync(TaskState.Accepted);
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/progress", new { Percent = 40, Text = text }),
            "Text", "nội dung báo cáo");
    }

    [DbTheory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Return_without_reason(string reason)
    {
        var id = await TaskInAsync(TaskState.Submitted);
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/return", new { Reason = reason }), "Reason", "lý do");
        Assert.Equal(TaskState.Submitted, (await TaskAsync(id)).Status);
    }

    [DbTheory]
    [InlineData(TaskState.Assigned, "complete")]
    [InlineData(TaskState.Assigned, "submit")]
    [InlineData(TaskState.Accepted, "accept")]
    [InlineData(TaskState.Submitted, "progress")]
    public async Task Transition_not_allowed_from_the_current_state(TaskState state, string action)
    {
        var id = await TaskInAsync(state);
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/{action}", new { Percent = 10, Text = "Tiến độ." }),
            "status", "trạng thái");
        Assert.Equal(state, (await TaskAsync(id)).Status);
    }

    [DbTheory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task Extension_date_not_after_the_current_due_date(int daysAfterDue)
    {
        var id = await TaskInAsync(TaskState.InProgress);
        var due = (await TaskAsync(id)).DueDate!.Value;
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = due.AddDays(daysAfterDue), Reason = "Cần thêm thời gian." }),
            "RequestedDueDate", "sau hạn hiện tại");
    }

    [DbTheory]
    [InlineData("35CT/TW", "chữ số")]
    [InlineData("35-CT", "Thiếu dấu “/”")]
    [InlineData("-CT/TW", "Thiếu số văn bản")]
    [InlineData("Số: /QĐ-UBND", "Thiếu số văn bản")]
    public Task Malformed_document_symbol(string symbol, string fragment) =>
        RefusedAsync(() => RegisterAsync(symbol, new DateOnly(2025, 12, 1)), "Symbol", fragment);

    [DbFact]
    public Task Unknown_document_type_code() =>
        RefusedAsync(() => RegisterAsync("12-XYZ/TU", new DateOnly(2025, 12, 1)), "Symbol", "XYZ");

    [DbFact]
    public Task Document_type_name_too_long() =>
        RefusedAsync(() => _client.PostAsync("/api/documents", new { Symbol = "15/QĐ-UBND", IssuedOn = new DateOnly(2024, 1, 1), Title = "Quyết định", TypeName = new string('x', 61) }),
            "TypeName", "60 ký tự");

    [DbFact]
    public Task Unknown_issuer() =>
        RefusedAsync(() => RegisterAsync("12-KH/ABC", new DateOnly(2025, 12, 1)), "Symbol", "ABC");

    [DbFact]
    public async Task The_same_symbol_is_refused_within_a_term_and_accepted_in_the_next()
    {
        var first = await RegisterAsync("06-CTr/TU", new DateOnly(2021, 3, 17)).OkAsync<DocumentDto>();
        var next = await RegisterAsync("06-CTr/TU", new DateOnly(2026, 1, 20)).OkAsync<DocumentDto>();
        Assert.Equal("06-CTr/TU", first.Symbol);
        Assert.Equal("06-CTr/TU", next.Symbol);
        Assert.NotEqual(first.Term, next.Term);
        await RefusedAsync(() => RegisterAsync("06-CTr/TU", new DateOnly(2022, 5, 10)), "Symbol", "đã có trong sổ");
        await RefusedAsync(() => RegisterAsync("Số 06-CTr/TU", new DateOnly(2026, 2, 2)), "Symbol", "đã có trong sổ");
        var listed = await _client.GetOkAsync<Features.Shared.Page<DocumentDto>>("/api/documents?symbol=06-CTr/TU");
        Assert.Equal(2, listed.Total);
    }

    [DbFact]
    public async Task The_same_document_registered_at_the_same_moment_is_refused_for_all_but_one()
    {
        var before = await app.FootprintAsync();
        using var start = new SemaphoreSlim(0);
        var clients = Enumerable.Range(0, 8).Select(_ => app.AdminClient()).ToList();
        var sending = clients.Select(async client =>
        {
            await start.WaitAsync();
            return await client.PostAsync("/api/documents", new { Symbol = "77-KH/TU", IssuedOn = new DateOnly(2026, 1, 5), Title = "Kế hoạch đăng ký cùng lúc" });
        }).ToList();
        start.Release(clients.Count);
        var answers = await Task.WhenAll(sending);
        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.True(answers.Count(a => a.StatusCode == System.Net.HttpStatusCode.Created) == 1, string.Join("\n", texts));
        var winner = System.Text.Json.JsonSerializer.Deserialize<DocumentDto>(texts[Array.FindIndex(answers, a => a.StatusCode == System.Net.HttpStatusCode.Created)], Api.Json)!;
        foreach (var (answer, text) in answers.Zip(texts).Where(a => a.First.StatusCode != System.Net.HttpStatusCode.Created))
        {
            Assert.True(answer.StatusCode == System.Net.HttpStatusCode.BadRequest, text);
            // The administrator sees the copy that won, and is told which it is.
            Assert.Contains("đã có trong sổ", text);
            Assert.Contains($"văn bản số {winner.Id}", text);
        }
        Assert.NotEqual(before, await app.FootprintAsync());
        foreach (var client in clients)
            client.Dispose();
    }

    [DbTheory]
    [InlineData("2026-13-01", "không đúng dạng")]
    [InlineData("hôm qua", "không đúng dạng")]
    [InlineData("tomorrow", "không đúng dạng")]
    public Task Malformed_as_of_day(string asOf, string fragment) =>
        RefusedAsync(() => _client.GetAsync($"/api/units/{Units.Root.Id}/dashboard?asOf={Uri.EscapeDataString(asOf)}"), "asOf", fragment);

    [DbFact]
    public Task As_of_a_future_day() =>
        RefusedAsync(() => _client.GetAsync($"/api/units/{Units.Root.Id}/dashboard?asOf={Today.AddDays(1):yyyy-MM-dd}"), "asOf", "sau hôm nay");

    [DbTheory]
    [InlineData("/api/tasks?page=0", "page")]
    [InlineData("/api/tasks?pageSize=1000", "pageSize")]
    [InlineData("/api/tasks?pageSize=0", "pageSize")]
    [InlineData("/api/units?page=0", "page")]
    [InlineData("/api/units?pageSize=1000", "pageSize")]
    [InlineData("/api/documents?page=0", "page")]
    [InlineData("/api/documents?pageSize=1000", "pageSize")]
    public Task Bad_paging(string url, string field) => RefusedAsync(() => _client.GetAsync(url), field, "trang");

    [DbTheory]
    [InlineData("late")]
    [InlineData("3")]
    [InlineData("Accepted,Submitted")]
    public Task Unknown_status_filter(string status) =>
        RefusedAsync(() => _client.GetAsync($"/api/tasks?unit={Units.Root.Id}&status={status}"), "status", status);

    [DbTheory]
    [InlineData("/api/tasks?unit=mot", "unit", "không hợp lệ")]
    [InlineData("/api/tasks?dueFrom=2026-02-31", "dueFrom", "không hợp lệ")]
    [InlineData("/api/units/1/dashboard?asOf=2026-13-01", "asOf", "không đúng dạng")]
    public Task A_query_value_of_the_wrong_kind(string url, string field, string fragment) =>
        RefusedAsync(() => _client.GetAsync(url), field, fragment);

    [DbFact]
    public Task A_date_that_is_not_a_date() =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = "31/02/2026" }),
            "DueDate", "không hợp lệ");

    [DbFact]
    public async Task A_body_that_is_not_json()
    {
        var before = await app.FootprintAsync();
        using var content = new StringContent("{\"Title\": \"Nhiệm vụ\",", System.Text.Encoding.UTF8, "application/json");
        var errors = await _client.PostAsync("/api/tasks", content).ProblemAsync("body");
        Assert.Contains("JSON", errors["body"][0]);
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbTheory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData("1")]
    [InlineData("Date, Periodic")]
    [InlineData("Hàng tháng")]
    public Task A_kind_of_deadline_that_is_not_one_of_the_named_ones(object kind) =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.TayHo.Id, DeadlineKind = kind, DueDate = Today.AddDays(30) }),
            "DeadlineKind", "dùng một trong: Date, Periodic, Ongoing");

    [DbTheory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("0001-01-01")]
    public Task A_due_date_outside_the_sane_window(string due) =>
        RefusedAsync(() => CreateTaskAsync(new { Title = "Nhiệm vụ", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = due }),
            "dueDate", "01/01/1945");

    [DbFact]
    public async Task An_extension_outside_the_sane_window()
    {
        var id = await TaskInAsync(TaskState.InProgress);
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = "9999-12-31", Reason = "Cần thêm thời gian." }),
            "requestedDueDate", "31/12/2100");
    }

    [DbFact]
    public async Task An_extension_asked_before_the_window_was_enforced_is_not_approved()
    {
        var id = await TaskInAsync(TaskState.InProgress);
        var asked = await _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = Today.AddDays(90), Reason = "Cần thêm thời gian." })
            .OkAsync<System.Text.Json.JsonElement>();
        var requestId = asked.GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var request = await db.ExtensionRequests.FindAsync(requestId);
            request!.RequestedDueDate = new DateOnly(9999, 12, 31);
            await db.SaveChangesAsync();
        });
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/extension/{requestId}/decision", new { Approve = true }),
            "approve", "31/12/2100");
    }

    [DbFact]
    public async Task The_task_page_shows_a_due_date_at_the_edge_of_time()
    {
        var id = await TaskInAsync(TaskState.InProgress);
        await app.WithDbAsync(async db =>
        {
            var task = await db.Tasks.FindAsync(id);
            task!.DueDate = DateOnly.MaxValue;
            await new TaskLedger(new Clock(app.Clock)).SaveAsync(db, null);
        });
        var page = await _client.GetAsync($"/Tasks/Details/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [DbTheory]
    [InlineData("/api/tasks?dueFrom=9999-12-31", "dueFrom")]
    [InlineData("/api/tasks?dueTo=1900-01-01", "dueTo")]
    [InlineData("/api/units/1/dashboard?asOf=1900-01-01", "asOf")]
    public Task A_query_date_outside_the_sane_window(string url, string field) =>
        RefusedAsync(() => _client.GetAsync(url), field, "1945");

    [DbTheory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2147483647")]
    public async Task A_year_outside_the_sane_window(string year)
    {
        await RefusedAsync(() => _client.GetAsync($"/api/documents?year={year}"), "year", "1945");
        var page = await _client.GetAsync($"/Documents?year={year}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("1945", await page.Content.ReadAsStringAsync());
        var tasks = await _client.GetAsync("/Tasks?dueFrom=9999-12-31");
        Assert.Contains("31/12/2100", System.Net.WebUtility.HtmlDecode(await tasks.Content.ReadAsStringAsync()));
    }

    [DbTheory]
    [InlineData("application/json; charset=foo")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_of_an_unsupported_media_type_is_a_415_problem(string contentType)
    {
        var before = await app.FootprintAsync();
        using var content = new StringContent("{\"Title\": \"Nhiệm vụ\"}");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await _client.PostAsync("/api/tasks", content);
        await AssertProblemAsync(response, 415);
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task Errors_without_a_body_of_their_own_get_a_vietnamese_problem()
    {
        await AssertProblemAsync(await _client.GetAsync("/api/tasks/987654"), 404);
        await AssertProblemAsync(await _client.GetAsync("/api/khong-co"), 404);
        await AssertProblemAsync(await _client.GetAsync($"/api/tasks/{await TaskInAsync(TaskState.Assigned)}/accept"), 405);
        // The pages keep their own error page.
        var page = await _client.GetAsync("/Tasks/Details/987654");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [DbFact]
    public async Task Field_names_in_problems_are_camel_case_as_the_json_is()
    {
        using var response = await CreateTaskAsync(new { Title = "", LeadUnitId = 987654, DeadlineKind = "Date", DueDate = Today.AddDays(-1) });
        var errors = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .EnumerateObject().Select(p => p.Name).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, name => Assert.True(char.IsLower(name[0]), $"“{name}” in {string.Join(", ", errors)}"));
        using var document = await RegisterAsync("12-XYZ/TU", new DateOnly(2025, 12, 1));
        var documentErrors = System.Text.Json.JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(documentErrors.TryGetProperty("symbol", out _), documentErrors.ToString());
    }

    [DbFact]
    public async Task An_empty_body_names_the_missing_fields()
    {
        var before = await app.FootprintAsync();
        using var content = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        var errors = await _client.PostAsync("/api/tasks", content).ProblemAsync("title", "leadUnitId");
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task A_decision_without_approve_is_refused_not_taken_as_no()
    {
        var id = await TaskInAsync(TaskState.InProgress);
        var asked = await _client.PostAsync($"/api/tasks/{id}/extension", new { RequestedDueDate = Today.AddDays(90), Reason = "Cần thêm thời gian." })
            .OkAsync<System.Text.Json.JsonElement>();
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/extension/{asked.GetProperty("id").GetInt32()}/decision", new { Note = "Xem lại." }),
            "approve", "đồng ý");
    }

    [DbFact]
    public async Task A_progress_report_without_percent_is_refused_not_taken_as_zero()
    {
        var id = await TaskInAsync(TaskState.Accepted);
        await RefusedAsync(() => _client.PostAsync($"/api/tasks/{id}/progress", new { Text = "Đã triển khai." }), "percent", "tỷ lệ");
    }

    [DbFact]
    public async Task Control_characters_are_stripped_from_text_the_same_way_on_both_databases()
    {
        var created = await CreateTaskAsync(new
        {
            Title = "Nhiệm vụ\u0000 có\u001b ký tự\u0007 điều khiển",
            Content = "Dòng một\u0000\nDòng hai\tcó tab",
            LeadUnitId = Units.TayHo.Id,
            DeadlineKind = "Date",
            DueDate = Today.AddDays(30),
        }).OkAsync<TaskDetail>();
        Assert.Equal("Nhiệm vụ có ký tự điều khiển", created.Title);
        var read = await TaskAsync(created.Id);
        Assert.Equal("Nhiệm vụ có ký tự điều khiển", read.Title);
        Assert.DoesNotContain('\0', read.Content!);
        Assert.Contains("Dòng một\nDòng hai", read.Content);
        await _client.PostAsync($"/api/tasks/{created.Id}/accept").OkAsync<object>();
        await _client.PostAsync($"/api/tasks/{created.Id}/progress", new { Percent = 10, Text = "Báo cáo\u0000 có ký tự rỗng" }).OkAsync<object>();
        Assert.Equal("Báo cáo có ký tự rỗng", (await TaskAsync(created.Id)).Progress.Single().Text);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var title = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("title").GetString();
        Assert.Matches("[ăâđêôơưạảãàáặẳẵằắậẩẫầấẹẻẽèéệểễềếịỉĩìíọỏõòóộổỗồốợởỡờớụủũùúựửữừứỵỷỹỳý]", title);
    }

    private async Task RefusedAsync(Func<Task<HttpResponseMessage>> send, string field, string fragment)
    {
        var before = await app.FootprintAsync();
        var errors = await send().ProblemAsync(field);
        var messages = errors[field];
        Assert.True(messages.Any(m => m.Contains(fragment, StringComparison.OrdinalIgnoreCase)),
            $"No message for “{field}” mentions “{fragment}”: {string.Join(" | ", messages)}");
        Assert.Equal(before, await app.FootprintAsync());
    }

    private Task<HttpResponseMessage> CreateTaskAsync(object body) => _client.PostAsync("/api/tasks", body);

    private Task<HttpResponseMessage> RegisterAsync(string symbol, DateOnly issuedOn) =>
        _client.PostAsync("/api/documents", new { Symbol = symbol, IssuedOn = issuedOn, Title = "Chương trình công tác toàn khóa" });

    private Task<TaskDetail> TaskAsync(int id) => _client.GetOkAsync<TaskDetail>($"/api/tasks/{id}");

    /// <summary>A fresh task led by a ward committee, brought to the state through the API.</summary>
    private async Task<int> TaskInAsync(TaskState state)
    {
        var task = await CreateTaskAsync(new { Title = "Rà soát, củng cố tổ chức cơ sở đảng", LeadUnitId = Units.TayHo.Id, DeadlineKind = "Date", DueDate = Today.AddDays(30) })
            .OkAsync<TaskDetail>();
        TaskAction[] path = state switch
        {
            TaskState.Assigned => [],
            TaskState.Accepted => [TaskAction.Accept],
            TaskState.InProgress => [TaskAction.Accept, TaskAction.Progress],
            TaskState.Submitted => [TaskAction.Accept, TaskAction.Progress, TaskAction.Submit],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var action in path)
            await _client.PostAsync($"/api/tasks/{task.Id}/{action.ToString().ToLowerInvariant()}",
                    action == TaskAction.Submit ? Api.Done : new { Percent = 20, Text = "Đã triển khai bước đầu." })
                .OkAsync<object>();
        Assert.Equal(state, (await TaskAsync(task.Id)).Status);
        return task.Id;
    }
}

public sealed class RefusalsOnSqlite(SqliteApp app) : RefusalTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class RefusalsOnPostgres(PostgresApp app) : RefusalTests(app), IClassFixture<PostgresApp>;
