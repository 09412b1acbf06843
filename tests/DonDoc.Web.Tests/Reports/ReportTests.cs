using System.Net;
using System.Security.Cryptography;
using System.Net.Http.Json;
using DonDoc.Text;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Reports;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Reports;

/// <summary>
/// The office makes the progress report and the reminder letters of its subtree; each file is opened by LibreOffice
/// and its text read back: the Party letterhead, the number from the register, and every figure and table row equal
/// to the dashboard's for the same unit and day. Kept records are made again and compared.
/// </summary>
public abstract class ReportTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task The_progress_report_reads_as_the_dashboard_and_is_made_again_identically()
    {
        var start = app.Clock.Today;
        var tasks = await ScenarioAsync(start, "Báo cáo");
        var today = app.Clock.Today;
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);

        var number = await NextNumberAsync("BC/VPTU");
        var report = Assert.Single(await MakeAsync(office, tasks.Parent, null, ReportChoice.Progress));
        Assert.Equal(($"{number:00}-BC/VPTU", number, today, today, TestApp.UserNameFor(Roles.OfficeStaff, Units.Root), Units.Root.Id),
            (report.Symbol, report.Number, report.AsOf, report.IssuedOn, report.CreatedBy, report.IssuerUnitId));
        var file = await DownloadAsync(office, report.Id);
        Assert.Equal(report.Sha256, Convert.ToHexStringLower(SHA256.HashData(file)));

        var text = await OfficeFiles.PdfTextAsync(file, $"bao-cao-{app.Provider}".ToLowerInvariant());
        AssertLetterhead(text, report.Symbol, today);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("CHÁNH VĂN PHÒNG", text);
        Assert.Contains("Nơi nhận:", text);
        await AssertFiguresAsync(text, tasks.Parent, today);
        Assert.Contains($"{tasks.OverdueTitle} {VnFormat.Date(start.AddDays(8))} Quá hạn 12 ngày", text);

        // The dashboard draws the same charts as SVG.
        using var chart = await office.GetAsync($"/api/units/{tasks.Parent.Id}/charts/completion");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        var svg = await chart.Content.ReadAsStringAsync();
        Assert.Contains("<svg", svg);
        Assert.All(new[] { tasks.First, tasks.Second }, u => Assert.Contains(u.Name, svg));
        Assert.Contains("1–30 ngày", await office.GetStringAsync($"/api/units/{tasks.Parent.Id}/charts/overdue"));

        // A second report takes the next number of the register.
        var later = Assert.Single(await MakeAsync(office, tasks.Parent, start.AddDays(10), ReportChoice.Progress));
        Assert.Equal($"{number + 1:00}-BC/VPTU", later.Symbol);
        var laterText = await OfficeFiles.PdfTextAsync(await DownloadAsync(office, later.Id), $"bao-cao-qua-khu-{app.Provider}".ToLowerInvariant());
        Assert.Contains("(số liệu tính đến ngày " + VnFormat.Date(start.AddDays(10)) + ")", laterText);
        await AssertFiguresAsync(laterText, tasks.Parent, start.AddDays(10));

        // Made again today, and tomorrow from the history of that day: the same bytes.
        Assert.Contains("Trùng khớp", await CompareAsync(office, report.Id));
        app.Clock.SetLocal(today.AddDays(1), 9);
        Assert.Contains("Trùng khớp", await CompareAsync(office, report.Id));
        Assert.Contains("Trùng khớp", await CompareAsync(office, later.Id));

        // A title corrected since: the comparison names the line that changed.
        await _admin.PutAsJsonAsync($"/api/tasks/{tasks.Overdue}", new { Title = "Rà soát, bổ sung quy hoạch cán bộ", LeadUnitId = tasks.Second.Id,
            DeadlineKind = "Date", DueDate = start.AddDays(8) }, Api.Json).OkAsync<TaskDetail>();
        var compared = await PageForm.ParseAsync(await office.GetAsync($"/Reports/Compare/{report.Id}"));
        Assert.Contains("Khác với tệp đã lưu", compared.GetElementById("compare-result")!.TextContent);
        Assert.Contains(compared.QuerySelectorAll("#removed li"), li => li.TextContent.Contains(tasks.OverdueTitle));
        Assert.Contains(compared.QuerySelectorAll("#added li"), li => li.TextContent.Contains("Rà soát, bổ sung quy hoạch cán bộ"));

        var list = await PageForm.ParseAsync(await office.GetAsync("/Reports"));
        Assert.Contains(list.QuerySelectorAll("#reports tbody tr"), tr => tr.GetAttribute("data-report") == later.Id.ToString());
    }

    [DbFact]
    public async Task Reminder_letters_go_to_each_unit_behind_with_its_own_number()
    {
        var start = app.Clock.Today;
        var tasks = await ScenarioAsync(start, "Đôn đốc");
        var today = app.Clock.Today;
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);

        var number = await NextNumberAsync("CV/VPTU");
        var letters = await MakeAsync(office, tasks.Parent, null, ReportChoice.ReminderPerUnit);
        Assert.Equal([($"{number:00}-CV/VPTU", tasks.First.Id), ($"{number + 1:00}-CV/VPTU", tasks.Second.Id)],
            letters.Select(l => (l.Symbol, l.RecipientUnitId!.Value)).OrderBy(l => l.Symbol).ToList());
        var toHoanKiem = letters.Single(l => l.RecipientUnitId == tasks.Second.Id);
        var text = await OfficeFiles.PdfTextAsync(await DownloadAsync(office, toHoanKiem.Id), $"cong-van-{app.Provider}".ToLowerInvariant());
        AssertLetterhead(text, toHoanKiem.Symbol, today);
        Assert.Contains("V/v đôn đốc thực hiện các nhiệm vụ quá hạn, sắp đến hạn", text);
        Assert.Contains($"Kính gửi: {tasks.Second.Name}", text);
        Assert.Contains("còn 1 nhiệm vụ quá hạn và 1 nhiệm vụ sắp đến hạn", text);
        Assert.Contains($"1 {tasks.OverdueTitle} {VnFormat.Date(start.AddDays(8))} Quá hạn 12 ngày", text);
        Assert.Contains($"2 {tasks.DueSoonTitle} {VnFormat.Date(start.AddDays(24))} Còn 4 ngày", text);
        Assert.DoesNotContain(tasks.First.Name, text);

        var one = Assert.Single(await MakeAsync(office, tasks.Parent, null, ReportChoice.Reminder));
        Assert.Equal($"{number + 2:00}-CV/VPTU", one.Symbol);
        var all = await OfficeFiles.PdfTextAsync(await DownloadAsync(office, one.Id), $"cong-van-chung-{app.Provider}".ToLowerInvariant());
        Assert.Contains($"- {tasks.First.Name},", all);
        Assert.Contains($"- {tasks.Second.Name},", all);
        Assert.Contains("còn 2 nhiệm vụ quá hạn và 1 nhiệm vụ sắp đến hạn", all);
    }

    [DbFact]
    public async Task A_refused_request_names_what_is_wrong_and_keeps_nothing()
    {
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.BaDinh, followRedirects: false);
        var before = await app.WithDbAsync(db => db.IssuedReports.CountAsync());

        var page = await PostAsync(office, Units.BaDinh.Id, app.Clock.Today.AddDays(1), ReportChoice.Progress);
        Assert.Contains($"Ngày {VnFormat.Date(app.Clock.Today.AddDays(1))} ở sau hôm nay ({VnFormat.Date(app.Clock.Today)}).", PageForm.Problems(page));
        page = await PostAsync(office, Units.HoanKiem.Id, null, ReportChoice.Progress);
        Assert.Contains("Không tìm thấy đơn vị này trong phạm vi của bạn.", PageForm.Problems(page));
        page = await PostAsync(office, Units.BaDinhCell.Id, null, ReportChoice.Reminder);
        Assert.Contains("Chi bộ khu dân cư số 1 không có nhiệm vụ nào quá hạn hoặc sắp đến hạn: không cần công văn đôn đốc.", PageForm.Problems(page));

        Assert.Equal(before, await app.WithDbAsync(db => db.IssuedReports.CountAsync()));
        // A ward's office numbers in its own register.
        var own = Assert.Single(await MakeAsync(office, Units.BaDinhCell, null, ReportChoice.Progress));
        Assert.Equal(("01-BC/VPĐU", Units.BaDinh.Id), (own.Symbol, own.IssuerUnitId));
        using var other = await app.ClientAsync(Roles.OfficeStaff, Units.HoanKiem, followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Reports?handler=Download&id={own.Id}")).StatusCode);
    }

    [DbFact]
    public async Task The_API_makes_the_same_report_and_names_what_is_wrong()
    {
        var tasks = await ScenarioAsync(app.Clock.Today, "Giao diện lập trình");
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);
        var number = await NextNumberAsync("BC/VPTU");

        using var created = await office.PostAsJsonAsync("/api/reports", new { UnitId = tasks.Parent.Id, Kind = "Progress" }, Api.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var info = Assert.Single((await created.Content.ReadFromJsonAsync<List<IssuedReportInfo>>(Api.Json))!);
        Assert.Equal(($"{number:00}-BC/VPTU", tasks.Parent.Id, app.Clock.Today), (info.Symbol, info.UnitId, info.AsOf));
        Assert.Equal($"/api/reports/{info.Id}/file", created.Headers.Location!.ToString());
        var file = await office.GetByteArrayAsync(created.Headers.Location);
        Assert.Equal(info.Sha256, Convert.ToHexStringLower(SHA256.HashData(file)));
        await AssertFiguresAsync(await OfficeFiles.PdfTextAsync(file, $"bao-cao-api-{app.Provider}".ToLowerInvariant()), tasks.Parent, app.Clock.Today);

        var letters = await office.PostAsJsonAsync("/api/reports", new { UnitId = tasks.Parent.Id, Kind = "Reminder", PerUnit = true }, Api.Json)
            .OkAsync<List<IssuedReportInfo>>();
        Assert.Equal([tasks.First.Id, tasks.Second.Id], letters.Select(l => l.RecipientUnitId!.Value).Order());

        var before = await app.WithDbAsync(db => db.IssuedReports.CountAsync());
        var problems = await office.PostAsJsonAsync("/api/reports", new { Kind = "Progress" }, Api.Json).ProblemAsync("unitId");
        Assert.Equal("Chọn đơn vị cần báo cáo.", Assert.Single(problems["unitId"]));
        problems = await office.PostAsJsonAsync("/api/reports", new { UnitId = tasks.Parent.Id, AsOf = app.Clock.Today.AddDays(1) }, Api.Json)
            .ProblemAsync("asOf");
        Assert.Contains("ở sau hôm nay", Assert.Single(problems["asOf"]));
        Assert.Equal(before, await app.WithDbAsync(db => db.IssuedReports.CountAsync()));
    }

    [DbFact]
    public async Task A_cells_tasks_are_chased_through_the_committee_above_it()
    {
        var (committee, ward, cell) = await app.WithDbAsync(async db =>
        {
            var top = new Unit { Code = "K-Chuyen", Name = "Đảng bộ Khối Chuyển tiếp", Type = UnitType.DangBoTrucThuoc, ParentId = Units.Root.Id, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(top);
            await UnitPaths.SaveAsync(db);
            var middle = new Unit { Code = "K-Chuyen-P", Name = "Đảng bộ phường Chuyển tiếp", Type = UnitType.DangBoCoSo, ParentId = top.Id, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(middle);
            await UnitPaths.SaveAsync(db);
            var leaf = new Unit { Code = "K-Chuyen-P-1", Name = "Chi bộ số 9", Type = UnitType.ChiBo, ParentId = middle.Id, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(leaf);
            await UnitPaths.SaveAsync(db);
            return (top, middle, leaf);
        });
        var start = app.Clock.Today;
        await CreateAsync("Cập nhật sổ đảng viên", cell, start.AddDays(3));
        app.Clock.SetLocal(start.AddDays(10), 9);
        using var office = await app.ClientAsync(Roles.OfficeStaff, Units.Root, followRedirects: false);

        var letter = Assert.Single(await MakeAsync(office, committee, null, ReportChoice.ReminderPerUnit));
        Assert.Equal(ward.Id, letter.RecipientUnitId);
        var text = await OfficeFiles.PdfTextAsync(await DownloadAsync(office, letter.Id), $"cong-van-cap-duoi-{app.Provider}".ToLowerInvariant());
        Assert.Contains($"Kính gửi: {ward.Name}", text);
        Assert.Contains($"1 Cập nhật sổ đảng viên ({cell.Name})", text);
        var report = Assert.Single(await MakeAsync(office, committee, null, ReportChoice.Progress));
        var reportText = await OfficeFiles.PdfTextAsync(await DownloadAsync(office, report.Id), $"bao-cao-cap-duoi-{app.Provider}".ToLowerInvariant());
        Assert.Contains($"{ward.Name}: 1 nhiệm vụ quá hạn", reportText);
    }

    private sealed record Scenario(Unit Parent, Unit First, Unit Second, int Overdue, string OverdueTitle, string DueSoonTitle);

    // A subtree of its own for each test (the class shares one database): under it, the first unit has one task done
    // on time, one done late and one overdue; the second one overdue and one due soon; the third one not yet due.
    private async Task<Scenario> ScenarioAsync(DateOnly start, string name)
    {
        var (parent, first, second, third) = await app.WithDbAsync(async db =>
        {
            Unit New(string code, string title, Unit? under) => new()
            {
                Code = code, Name = title, Type = UnitType.DangBoTrucThuoc, ParentId = under?.Id ?? Units.Root.Id, ValidFrom = new DateOnly(2025, 7, 1),
            };
            var top = New($"K-{name}", $"Đảng bộ Khối {name}", null);
            db.Units.Add(top);
            await UnitPaths.SaveAsync(db);
            var units = new[] { New($"K-{name}-1", $"Đảng bộ {name} Một", top), New($"K-{name}-2", $"Đảng bộ {name} Hai", top), New($"K-{name}-3", $"Đảng bộ {name} Ba", top) };
            db.Units.AddRange(units);
            await UnitPaths.SaveAsync(db);
            return (top, units[0], units[1], units[2]);
        });
        app.Clock.SetLocal(start, 9);
        var onTime = await CreateAsync("Kiện toàn chi ủy khu dân cư", first, start.AddDays(10));
        var late = await CreateAsync("Sơ kết công tác dân vận", first, start.AddDays(5));
        var behind = await CreateAsync("Báo cáo kết quả thu hồi nợ đảng phí", first, start.AddDays(8));
        var overdueTitle = "Rà soát quy hoạch cán bộ";
        var overdue = await CreateAsync(overdueTitle, second, start.AddDays(8));
        var dueSoonTitle = "Tổ chức hội nghị đối thoại";
        await CreateAsync(dueSoonTitle, second, start.AddDays(24));
        await CreateAsync("Số hóa hồ sơ đảng viên", third, start.AddDays(100));
        foreach (var id in new[] { onTime, late, behind })
            await _admin.ActAsync(id, "accept");
        app.Clock.SetLocal(start.AddDays(1), 9);
        await _admin.SubmitAsync(onTime);
        await _admin.ActAsync(onTime, "complete");
        app.Clock.SetLocal(start.AddDays(20), 9);
        await _admin.SubmitAsync(late);
        await _admin.ActAsync(late, "complete");
        return new Scenario(parent, first, second, overdue, overdueTitle, dueSoonTitle);
    }

    private async Task<int> CreateAsync(string title, Unit lead, DateOnly due) =>
        (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = lead.Id, AssignedByUnitId = Units.Root.Id, DeadlineKind = "Date", DueDate = due })
            .OkAsync<TaskDetail>()).Id;

    private static void AssertLetterhead(string text, string symbol, DateOnly issued)
    {
        Assert.Contains("THÀNH ỦY HÀ NỘI", text);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("VĂN PHÒNG", text);
        Assert.Contains("Số " + symbol, text);
        Assert.Contains(VnFormat.LongDate("Hà Nội", issued), text);
    }

    // Every figure of the dashboard's view of the city on that day, as the report writes it.
    private async Task AssertFiguresAsync(string text, Unit unit, DateOnly day)
    {
        var view = await _admin.GetOkAsync<DashboardView>($"/api/units/{unit.Id}/dashboard?asOf={day:yyyy-MM-dd}");
        var c = view.Unit.Counts;
        // The tasks the report lists are those the dashboard counts.
        var due = await app.WithServicesAsync(s => s.GetRequiredService<DashboardQuery>().DueAsync(unit, day));
        Assert.Equal((c.Overdue, c.DueSoon), (due.Count(d => d.Overlay == Overlay.Overdue), due.Count(d => d.Overlay == Overlay.DueSoon)));
        string N(int n) => VnFormat.Number(n);
        string Rate(Counts k) => k.CompletionRate is { } r ? VnFormat.Percent(r) : "–";
        Assert.True(c.Total > 0);
        Assert.Contains($"chủ trì: {N(c.Total)} nhiệm vụ (không tính {N(c.Cancelled)} nhiệm vụ đã hủy)", text);
        Assert.Contains($"Đã hoàn thành {N(c.Completed)}/{N(c.Total)} nhiệm vụ ({N(c.CompletedOnTime)} đúng hạn, {N(c.CompletedLate)} trễ hạn); "
            + $"tỷ lệ hoàn thành nhiệm vụ đến hạn {Rate(c)} ({N(c.Completed)}/{N(c.Due)}", text);
        Assert.Contains($"quá hạn {N(c.Overdue)}; sắp đến hạn (trong 7 ngày) {N(c.DueSoon)}", text);
        Assert.Equal(3, view.Children.Count);
        foreach (var (child, i) in view.Children.Select((ch, i) => (ch, i)))
        {
            var k = child.Counts;
            Assert.Contains($"{i + 1} {child.Name} {N(k.Total)} {N(k.CompletedOnTime)} {N(k.CompletedLate)} {N(k.Overdue)} {Rate(k)}", text);
        }
    }

    private Task<int> NextNumberAsync(string register) => app.WithDbAsync(async db =>
        (await db.IssuedReports.Where(r => r.IssuerUnitId == Units.Root.Id && r.Register == register).MaxAsync(r => (int?)r.Number) ?? 0) + 1);

    private async Task<List<IssuedReport>> MakeAsync(HttpClient office, Unit unit, DateOnly? asOf, ReportChoice choice)
    {
        var before = await app.WithDbAsync(db => db.IssuedReports.MaxAsync(r => (int?)r.Id)) ?? 0;
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Reports")), "form-make-report");
        form["Input.UnitId"] = unit.Id.ToString();
        form["Input.AsOf"] = asOf is { } d ? VnFormat.Date(d) : "";
        form["Input.Choice"] = choice.ToString();
        using var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await PageForm.ParseAsync(await office.GetAsync(response.Headers.Location!.ToString()));
        Assert.StartsWith("Đã lập", page.GetElementById("flash")!.TextContent.Trim());
        return await app.WithDbAsync(db => db.IssuedReports.AsNoTracking().Where(r => r.Id > before).OrderBy(r => r.Id).ToListAsync());
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(HttpClient office, int unitId, DateOnly? asOf, ReportChoice choice)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Reports")), "form-make-report");
        form["Input.UnitId"] = unitId.ToString();
        form["Input.AsOf"] = asOf is { } d ? VnFormat.Date(d) : "";
        form["Input.Choice"] = choice.ToString();
        return await PageForm.ParseAsync(await form.PostAsync(office));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/Reports?handler=Download&id={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> CompareAsync(HttpClient client, int id) =>
        (await PageForm.ParseAsync(await client.GetAsync($"/Reports/Compare/{id}"))).GetElementById("compare-result")!.TextContent;
}

public sealed class ReportsOnSqlite(SqliteApp app) : ReportTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ReportsOnPostgres(PostgresApp app) : ReportTests(app), IClassFixture<PostgresApp>;
