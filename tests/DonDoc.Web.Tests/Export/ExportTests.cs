using System.Net;
using System.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Export;

/// <summary>
/// The exports downloaded as a reader would, and opened again with the Open XML SDK: Vietnamese headers, days that are
/// dates formatted dd/MM/yyyy, numbers that are numbers, exactly the rows the same filter gives the list, nothing
/// outside the reader's scope, and the dashboard's figures as its JSON gives them.
/// </summary>
public abstract class ExportTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    private static readonly string[] TaskHeaders =
    [
        "Số hiệu", "Nhiệm vụ", "Loại", "Đơn vị chủ trì", "Loại thời hạn", "Thời hạn", "Hạn ban đầu", "Trạng thái", "Tình hình thời hạn",
        "Số ngày quá hạn", "Tiến độ", "Nhiệm vụ con hoàn thành", "Tổng số nhiệm vụ con", "Ngày giao", "Ngày hoàn thành",
    ];

    [DbFact]
    public async Task The_task_list_downloads_with_its_filters_as_dates_numbers_and_Vietnamese_headers()
    {
        var today = app.Clock.Today;
        var word = "Bảng tính " + app.Provider;
        var first = await CreateAsync($"{word}: rà soát hồ sơ", Units.BaDinh, today.AddDays(20));
        // Typed with combining marks, as some keyboards send it; the sheet holds the composed (NFC) text.
        var second = await CreateAsync($"{word}: tổng kết nghị quyết".Normalize(NormalizationForm.FormD), Units.BaDinh, today.AddDays(9));
        var third = await CreateAsync($"{word}: đối thoại", Units.BaDinhCell, today.AddDays(40));
        var elsewhere = await CreateAsync($"{word}: của phường khác", Units.HoanKiem, today.AddDays(5));
        await _admin.ActAsync(second, "accept");
        await _admin.ActAsync(second, "progress", new { Percent = 45, Text = "Đã triển khai" });

        var query = $"unit={Units.BaDinh.Id}&q={Uri.EscapeDataString(word)}";
        var (book, response) = await DownloadAsync(_admin, $"/api/tasks/export.xlsx?{query}");
        Assert.Equal($"nhiem-vu-{today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal($"nhiem-vu-{today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["Nhiệm vụ"], book.SheetNames);
        Assert.Equal(TaskHeaders, book.Headers("Nhiệm vụ"));
        var rows = book.Rows("Nhiệm vụ");
        // The list's rows in the list's order: the most urgent first.
        var list = await _admin.GetOkAsync<Page<TaskRow>>($"/api/tasks?{query}&pageSize=100");
        Assert.Equal([second, first, third], list.Items.Select(r => r.Id));
        Assert.Equal(list.Items.Select(r => r.Id.ToString()), rows.Select(r => r["Số hiệu"].Text));
        Assert.DoesNotContain(rows, r => r["Số hiệu"].Text == elsewhere.ToString());

        var row = rows[0];
        Assert.Equal($"{word}: tổng kết nghị quyết".Normalize(NormalizationForm.FormC), row["Nhiệm vụ"].Text);
        Assert.Equal(Units.BaDinh.Name, row["Đơn vị chủ trì"].Text);
        Assert.Equal("Đang thực hiện", row["Trạng thái"].Text);
        // A day is a date: a serial number shown dd/MM/yyyy, not text.
        Assert.True(row["Thời hạn"].IsNumber);
        Assert.Equal("dd/MM/yyyy", row["Thời hạn"].Format);
        Assert.Equal(today.AddDays(9), row["Thời hạn"].Date);
        Assert.Equal(today, row["Ngày giao"].Date);
        Assert.Equal("", row["Hạn ban đầu"].Text);
        // A percent is a fraction formatted as a percent.
        Assert.True(row["Tiến độ"].IsNumber);
        Assert.Equal(0.45, row["Tiến độ"].Number, 6);
        Assert.Equal("0%", row["Tiến độ"].Format);

        // A narrower filter: exactly its rows.
        var (accepted, _) = await DownloadAsync(_admin, $"/api/tasks/export.xlsx?{query}&status=InProgress");
        Assert.Equal([second.ToString()], accepted.Rows("Nhiệm vụ").Select(r => r["Số hiệu"].Text));
        var (due, _) = await DownloadAsync(_admin, $"/api/tasks/export.xlsx?{query}&dueFrom={today.AddDays(10):yyyy-MM-dd}&sort=-due");
        Assert.Equal([third.ToString(), first.ToString()], due.Rows("Nhiệm vụ").Select(r => r["Số hiệu"].Text));
        var (own, _) = await DownloadAsync(_admin, $"/api/tasks/export.xlsx?{query}&scope=own");
        Assert.Equal(2, own.Rows("Nhiệm vụ").Count);

        // The page's button carries the page's filters, its days as the API reads them, and no paging.
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.BaDinh);
        var page = await PageForm.ParseAsync(await office.GetAsync(
            $"/Tasks?{query}&dueFrom={today.AddDays(10):dd'/'MM'/'yyyy}&sort=-due&page=1&pageSize=1"));
        var href = page.GetElementById("export-tasks")!.GetAttribute("href")!;
        Assert.Equal($"/api/tasks/export.xlsx?unit={Units.BaDinh.Id}&dueFrom={today.AddDays(10):yyyy-MM-dd}&q={Uri.EscapeDataString(word)}&sort=-due", href);
        var (fromPage, _) = await DownloadAsync(office, href);
        Assert.Equal([third.ToString(), first.ToString()], fromPage.Rows("Nhiệm vụ").Select(r => r["Số hiệu"].Text));

        // A download is never one page of the list.
        await _admin.GetAsync($"/api/tasks/export.xlsx?{query}&page=2").ProblemAsync("page");
        // A bad filter is refused as the list refuses it, before any file is sent.
        var problems = await _admin.GetAsync($"/api/tasks/export.xlsx?{query}&status=khong-co").ProblemAsync("status");
        Assert.Contains("không có", problems["status"][0]);
    }

    [DbFact]
    public async Task A_reader_exports_only_what_their_scope_holds()
    {
        var today = app.Clock.Today;
        var word = "Phạm vi xuất " + app.Provider;
        var inside = await CreateAsync($"{word}: của Hoàn Kiếm", Units.HoanKiem, today.AddDays(10));
        var outside = await CreateAsync($"{word}: của Ba Đình", Units.BaDinh, today.AddDays(10));
        using var viewer = await app.ClientAsync(Roles.Viewer, Units.HoanKiem);

        var (book, _) = await DownloadAsync(viewer, $"/api/tasks/export.xlsx?q={Uri.EscapeDataString(word)}");
        Assert.Equal([inside.ToString()], book.Rows("Nhiệm vụ").Select(r => r["Số hiệu"].Text));
        await viewer.GetAsync($"/api/tasks/export.xlsx?unit={Units.BaDinh.Id}").ProblemAsync("unit");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/tasks/{outside}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/units/{Units.BaDinh.Id}/dashboard/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/units/{Units.Root.Id}/dashboard/export.xlsx")).StatusCode);
    }

    [DbFact]
    public async Task A_program_downloads_with_its_x_of_y_and_its_sub_tasks()
    {
        var today = app.Clock.Today;
        var program = (await _admin.PostAsync("/api/tasks", new
        {
            Title = "Chương trình xuất bảng tính " + app.Provider, Kind = "Program", LeadUnitId = Units.BaDinh.Id, AssignedByUnitId = Units.Root.Id,
            DeadlineKind = "Date", DueDate = today.AddDays(90),
        }).OkAsync<TaskDetail>()).Id;
        var projects = new List<int>();
        foreach (var (title, lead) in new[] { ("Đề án chuyển đổi số", Units.BaDinhCell), ("Đề án cải cách hành chính", Units.BaDinh) })
            projects.Add((await _admin.PostAsync("/api/tasks", new
            {
                Title = title, Kind = "Project", ParentId = program, LeadUnitId = lead.Id, AssignedByUnitId = Units.BaDinh.Id,
                DeadlineKind = "Date", DueDate = today.AddDays(60),
            }).OkAsync<TaskDetail>()).Id);
        await _admin.ActAsync(projects[1], "accept");
        await _admin.SubmitAsync(projects[1]);
        await _admin.ActAsync(projects[1], "complete");

        var (book, response) = await DownloadAsync(_admin, $"/api/tasks/{program}/export.xlsx");
        Assert.Equal($"nhiem-vu-{program}-{today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["Chương trình", "Nhiệm vụ con"], book.SheetNames);
        var own = Assert.Single(book.Rows("Chương trình"));
        Assert.Equal((1.0, 2.0), (own["Nhiệm vụ con hoàn thành"].Number, own["Tổng số nhiệm vụ con"].Number));
        var children = book.Rows("Nhiệm vụ con");
        Assert.Equal(TaskHeaders, book.Headers("Nhiệm vụ con"));
        Assert.Equal(projects.Select(p => p.ToString()).Order(), children.Select(r => r["Số hiệu"].Text).Order());
        var done = Assert.Single(children, r => r["Trạng thái"].Text == "Hoàn thành");
        Assert.Equal(today, done["Ngày hoàn thành"].Date);
        Assert.Equal("dd/MM/yyyy", done["Ngày hoàn thành"].Format);
        Assert.Equal("Đúng hạn", done["Tình hình thời hạn"].Text);
    }

    [DbFact]
    public async Task The_dashboard_downloads_with_the_figures_of_its_JSON_today_and_as_of_a_day()
    {
        var today = app.Clock.Today;
        var overdue = await CreateAsync("Bảng theo dõi: quá hạn " + app.Provider, Units.TayHo, today.AddDays(2));
        await CreateAsync("Bảng theo dõi: còn hạn " + app.Provider, Units.BaDinh, today.AddDays(30));
        var start = app.Clock.GetUtcNow();
        try
        {
            app.Clock.SetLocal(today.AddDays(5));
            foreach (var asOf in new DateOnly?[] { null, today.AddDays(1) })
            {
                var suffix = asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : "";
                var view = await _admin.GetOkAsync<DashboardView>($"/api/units/{Units.Root.Id}/dashboard{suffix}");
                var (book, response) = await DownloadAsync(_admin, $"/api/units/{Units.Root.Id}/dashboard/export.xlsx{suffix}");
                Assert.Equal($"bang-theo-doi-don-vi-{Units.Root.Id}-{view.AsOf:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
                Assert.Equal(["Tổng hợp", "Đơn vị cấp dưới", "Chương trình", "Chỉ đạo đã giao"], book.SheetNames);
                AssertCounts(view.Unit, null, view.AsOf, Assert.Single(book.Rows("Tổng hợp")));
                var children = book.Rows("Đơn vị cấp dưới");
                Assert.Equal(view.Children.Select(c => c.Code), children.Select(r => r["Mã đơn vị"].Text));
                var ranks = Ranking.Ranks(view.Children);
                foreach (var (unit, row) in view.Children.Zip(children))
                    AssertCounts(unit, ranks.TryGetValue(unit.Id, out var rank) ? rank : null, view.AsOf, row);
                Assert.Equal(view.Programs.Select(p => (p.Id.ToString(), (double)p.Completed, (double)p.Total)),
                    book.Rows("Chương trình").Select(r => (r["Số hiệu"].Text, r["Đã hoàn thành"].Number, r["Tổng số"].Number)));
                Assert.Equal(view.Directions.Count, book.Rows("Chỉ đạo đã giao").Count);
            }
            var overdueToday = await _admin.GetOkAsync<DashboardView>($"/api/units/{Units.TayHo.Id}/dashboard");
            Assert.True(overdueToday.Unit.Counts.Overdue >= 1, $"Nhiệm vụ {overdue} quá hạn");
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task The_OpenAPI_document_describes_each_download_as_a_spreadsheet()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _admin.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, refusals) in new[]
        {
            ("/api/tasks/export.xlsx", new[] { "400" }),
            ("/api/tasks/{id}/export.xlsx", new[] { "404" }),
            ("/api/units/{id}/dashboard/export.xlsx", new[] { "400", "404" }),
            ("/api/documents/export.xlsx", new[] { "400" }),
            ("/api/conferences/export.xlsx", new[] { "400" }),
            ("/api/lessons/export.xlsx", new[] { "400" }),
            ("/api/reviews/export.xlsx", Array.Empty<string>()),
            ("/api/units/export.xlsx", Array.Empty<string>()),
        })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out _), path);
            Assert.All(refusals, code => Assert.True(responses.TryGetProperty(code, out _), $"{path} {code}"));
        }
    }

    private static void AssertCounts(UnitCounts unit, int? rank, DateOnly asOf, IReadOnlyDictionary<string, XlsxCell> row)
    {
        var c = unit.Counts;
        Assert.Equal(unit.Name, row["Đơn vị"].Text);
        Assert.Equal(rank?.ToString() ?? "", row["Xếp hạng"].Text);
        Assert.Equal(asOf, row["Số liệu đến ngày"].Date);
        Assert.Equal("dd/MM/yyyy", row["Số liệu đến ngày"].Format);
        Assert.Equal(
            new double[] { c.Total, c.CompletedOnTime, c.CompletedLate, c.InProgress, c.Submitted, c.Overdue, c.DueSoon, c.NotAccepted, c.Cancelled },
            new[] { "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Đang thực hiện", "Chờ công nhận", "Quá hạn", "Sắp đến hạn", "Chưa tiếp nhận", "Đã hủy" }
                .Select(h => Assert.IsType<XlsxCell>(row[h]) is { IsNumber: true } cell ? cell.Number : double.NaN));
        var rate = row["Tỷ lệ hoàn thành"];
        if (c.CompletionRate is { } r)
        {
            Assert.True(rate.IsNumber);
            Assert.Equal((double)(r / 100m), rate.Number, 6);
            Assert.Equal("0.0%", rate.Format);
        }
        else
            Assert.Equal("", rate.Text);
    }

    private async Task<int> CreateAsync(string title, Unit lead, DateOnly due) =>
        (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = lead.Id, AssignedByUnitId = Units.Root.Id, DeadlineKind = "Date", DueDate = due })
            .OkAsync<TaskDetail>()).Id;

    internal static async Task<(Workbook Book, HttpResponseMessage Response)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return (Workbook.Open(bytes), response);
    }
}

public sealed class ExportOnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ExportOnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
