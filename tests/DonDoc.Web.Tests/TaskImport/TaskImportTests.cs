using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.TaskImport;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.TaskImport;

/// <summary>
/// The office imports its Excel list of tasks: real .xlsx files built with the libraries (and the template itself)
/// are previewed, confirmed, imported again with changes; bad files and refused rows write nothing; two imports of
/// the same codes, or a change made since the preview, end in a clean 409.
/// </summary>
public abstract class TaskImportTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private DateOnly Today => app.Clock.Today;

    private Task<HttpClient> OfficeAsync(DonDoc.Web.Features.Units.Unit? unit = null) => app.ClientAsync(Roles.OfficeStaff, unit ?? Units.Root);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name = "nhiem-vu.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(TaskImportApi.Xlsx);
        form.Add(content, "file", name);
        return await client.PostAsync("/api/task-import/preview", form);
    }

    private static Task<ImportPreview> PreviewAsync(HttpClient client, byte[] file) => UploadAsync(client, file).OkAsync<ImportPreview>();

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, Guid token) => client.PostAsync($"/api/task-import/{token}/confirm");

    private Task<List<TaskItem>> ImportedAsync(string prefix) => app.WithDbAsync(db => db.Tasks.AsNoTracking().Include(t => t.Coordinators)
        .Where(t => t.ImportCode != null && t.ImportCode.StartsWith(prefix)).OrderBy(t => t.ImportCode).ToListAsync());

    private static RowOutcome Line(ImportPreview preview, int line) => preview.Rows.Single(r => r.Line == line);

    [DbFact]
    public async Task The_template_as_downloaded_imports_its_examples_and_a_row_added_to_it()
    {
        using var office = await OfficeAsync();
        using var response = await office.GetAsync("/api/task-import/template");
        Assert.Equal(TaskImportApi.Xlsx, response.Content.Headers.ContentType?.MediaType);
        var template = await response.Content.ReadAsByteArrayAsync();
        // The template reads back: its headings, its two examples (of the importer's own unit), a real date cell.
        var rows = TaskSheet.Read(template);
        Assert.Equal(["CT01", "CT01-DA01"], rows.Select(r => r.Code));
        Assert.Equal((Units.Root.Name, $"31/12/{Today.Year}"), (rows[0].Lead, rows[0].Due));
        Assert.Equal(["Nội dung", "Hướng dẫn"], [TaskSheet.Content, MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(template))[1]]);

        var filled = Sheets.Append(template, ["CT01-DA02", "CT01", "Đề án", "Đề án tập huấn cán bộ", "", "Tập huấn 200 cán bộ", "DB02", "Ban Đình; DB03", "30/06/" + (Today.Year + 1), ""]);
        var preview = await PreviewAsync(office, filled);
        Assert.Equal((2, 0, 1), (preview.Added, preview.Changed, preview.Refused));
        Assert.Equal("Dòng 4, cột Đơn vị phối hợp: không tìm thấy đơn vị “Ban Đình” trong các đơn vị anh/chị quản lý.", Assert.Single(Line(preview, 4).Problems).Message);
        // Refused rows keep the whole file back, with the reason.
        var refused = await ConfirmAsync(office, preview.Token).ProblemAsync("token");
        Assert.Contains("Còn 1 dòng bị từ chối", refused["token"][0]);
        Assert.Empty(await ImportedAsync("CT01"));

        filled = Sheets.Append(template, ["CT01-DA02", "CT01", "Đề án", "Đề án tập huấn cán bộ", "", "Tập huấn 200 cán bộ", "DB02", "Đảng bộ phường Ba Đình; DB03", "30/06/" + (Today.Year + 1), ""]);
        preview = await PreviewAsync(office, filled);
        Assert.Equal((3, 0, 0), (preview.Added, preview.Changed, preview.Refused));
        Assert.Contains(new FieldChange(TaskSheet.Due, null, "30/06/" + (Today.Year + 1)), Line(preview, 4).Changes);
        await ConfirmAsync(office, preview.Token).OkAsync<TaskImportApi.Confirmed>();

        var tasks = await ImportedAsync("CT01");
        Assert.Equal(["CT01", "CT01-DA01", "CT01-DA02"], tasks.Select(t => t.ImportCode));
        var (program, project) = (tasks[0], tasks[2]);
        Assert.Equal((TaskKind.Program, (int?)null, Units.Root.Id), (program.Kind, program.ParentId, program.LeadUnitId));
        Assert.Equal((TaskKind.Project, (int?)program.Id, Units.HoanKiem.Id, new DateOnly(Today.Year + 1, 6, 30), Units.Root.Id),
            (project.Kind, project.ParentId, project.LeadUnitId, project.DueDate, project.AssignedByUnitId));
        Assert.Equal([Units.BaDinh.Id, Units.TayHo.Id], project.Coordinators.Select(c => c.UnitId).Order());
        Assert.Equal(2, (await office.TaskAsync(program.Id)).ChildTotal);
        // Audited as every task created: the entry names who imported it.
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Tasks" && e.EntityId == project.Id.ToString()).Select(e => e.UserName).ToListAsync());
        Assert.Contains(TestApp.UserNameFor(Roles.OfficeStaff, Units.Root), audited);
    }

    [DbFact]
    public async Task Importing_again_updates_the_rows_whose_code_exists_adds_the_others_and_never_duplicates()
    {
        using var office = await OfficeAsync();
        var due = Today.AddDays(60);
        // The children come before their parent in the sheet.
        var first = Sheets.Of(
            Sheets.Row("LAI-2", "Hạng mục khảo sát", "DB02", due, parent: "LAI-1", kind: "Hạng mục"),
            Sheets.Row("LAI-1", "Đề án cải cách hành chính", "Đảng bộ phường Ba Đình", due, kind: "Đề án", coordinators: "DB03"),
            Sheets.Row("LAI-3", "Rà soát thủ tục", "dang bo phuong tay ho", "Thường xuyên", parent: "LAI-1"));
        var preview = await PreviewAsync(await OfficeAsync(), first);
        Assert.Equal((3, 0, 0, 0), (preview.Added, preview.Changed, preview.Unchanged, preview.Refused));
        await ConfirmAsync(office, preview.Token).OkAsync<TaskImportApi.Confirmed>();
        var before = await ImportedAsync("LAI-");
        Assert.Equal(before[0].Id, before[1].ParentId);
        Assert.Equal(before[0].Id, before[2].ParentId);
        Assert.Equal((DeadlineKind.Ongoing, (DateOnly?)null), (before[2].DeadlineKind, before[2].DueDate));

        // The same file again: nothing to do.
        preview = await PreviewAsync(office, first);
        Assert.Equal((0, 0, 3), (preview.Added, preview.Changed, preview.Unchanged));

        var second = Sheets.Of(
            Sheets.Row("lai-1", "Đề án cải cách hành chính giai đoạn 2", "DB01", due.AddDays(10), kind: "Đề án", coordinators: "DB04"),
            Sheets.Row("LAI-2", "Hạng mục khảo sát", "DB02", due, parent: "LAI-1", kind: "Hạng mục"),
            Sheets.Row("LAI-4", "Hạng mục tổng kết", "DB03", due, parent: "LAI-1", kind: "Hạng mục"));
        preview = await PreviewAsync(office, second);
        Assert.Equal((1, 1, 1, 0), (preview.Added, preview.Changed, preview.Unchanged, preview.Refused));
        var changed = Line(preview, 2);
        Assert.Equal((RowAction.Change, before[0].Id), (changed.Action, changed.TaskId));
        Assert.Equal(
        [
            new FieldChange(TaskSheet.Title, "Đề án cải cách hành chính", "Đề án cải cách hành chính giai đoạn 2"),
            new FieldChange(TaskSheet.Coordinators, Units.TayHo.Name, Units.UbndParty.Name),
            new FieldChange(TaskSheet.Due, TestDay(due), TestDay(due.AddDays(10))),
        ], changed.Changes);
        await ConfirmAsync(office, preview.Token).OkAsync<TaskImportApi.Confirmed>();

        var after = await ImportedAsync("LAI-");
        Assert.Equal(["LAI-1", "LAI-2", "LAI-3", "LAI-4"], after.Select(t => t.ImportCode));
        Assert.Equal(before.Select(t => t.Id), after.Take(3).Select(t => t.Id));
        Assert.Equal(("Đề án cải cách hành chính giai đoạn 2", due.AddDays(10)), (after[0].Title, after[0].DueDate));
        Assert.Equal([Units.UbndParty.Id], after[0].Coordinators.Select(c => c.UnitId));
        Assert.Equal(after[0].Id, after[3].ParentId);
        Assert.Equal(3, (await office.TaskAsync(after[0].Id)).ChildTotal);

        // Once the lead unit has accepted, the deadline moves only by an extension: the workflow's rule, shown per row.
        using var ward = await app.ClientAsync(Roles.UnitOfficer, Units.BaDinh);
        await ward.ActAsync(after[0].Id, "accept");
        preview = await PreviewAsync(office, Sheets.Of(
            Sheets.Row("LAI-1", "Đề án cải cách hành chính giai đoạn 2", "DB01", due.AddDays(20), kind: "Đề án", coordinators: "DB04")));
        Assert.Equal("Dòng 2, cột Thời hạn: Nhiệm vụ đã được tiếp nhận: đổi thời hạn phải qua đề nghị gia hạn.", Assert.Single(Line(preview, 2).Problems).Message);
    }

    private static string TestDay(DateOnly d) => d.ToString("dd/MM/yyyy");

    [DbFact]
    public async Task Unknown_parents_loops_duplicate_codes_and_wrong_cells_are_refused_per_row_naming_the_cell()
    {
        using var office = await OfficeAsync();
        var before = await app.FootprintAsync();
        var preview = await PreviewAsync(office, Sheets.Of(
            Sheets.Row("ERR-1", "Vòng lặp một", "DB01", Today.AddDays(5), parent: "ERR-2"),
            Sheets.Row("ERR-2", "Vòng lặp hai", "DB01", Today.AddDays(5), parent: "ERR-1"),
            Sheets.Row("ERR-3", "Con của vòng lặp", "DB01", Today.AddDays(5), parent: "ERR-1"),
            Sheets.Row("ERR-4", "Cha không có", "DB01", Today.AddDays(5), parent: "KHONG-CO"),
            Sheets.Row("ERR-5", "Ngày sai", "DB01", "31/02/2027"),
            Sheets.Row("ERR-5", "Mã trùng", "DB01", Today.AddDays(5)),
            Sheets.Row("ERR-7", "Loại sai", "Quận Ba Đình", Today.AddDays(5), kind: "Dự án"),
            Sheets.Row("ERR-8", "Đơn vị đã giải thể", "DB99", Today.AddDays(-3)),
            Sheets.Row("ERR-9", "", "DB01", Today.AddDays(5), document: "35-CT/TW")));
        Assert.Equal((0, 9), (preview.Added, preview.Refused));
        string Problems(int line) => string.Join(" | ", Line(preview, line).Problems.Select(p => p.Message));
        Assert.Equal("Dòng 2, cột Mã cha: mã cha tạo thành vòng lặp: ERR-1 → ERR-2 → ERR-1.", Problems(2));
        Assert.Equal("Dòng 4, cột Mã cha: nhiệm vụ cấp trên ở dòng 2 (mã ERR-1) bị từ chối.", Problems(4));
        Assert.Equal("Dòng 5, cột Mã cha: không có nhiệm vụ mã “KHONG-CO” trong tệp này hay trong các nhiệm vụ đã nhập.", Problems(5));
        Assert.Equal("Dòng 6, cột Thời hạn: “31/02/2027” không phải ngày dạng dd/MM/yyyy (ví dụ 31/12/2026); để trống nếu là nhiệm vụ thường xuyên.", Problems(6));
        Assert.Equal("Dòng 7, cột Mã: mã “ERR-5” trùng với dòng 6.", Problems(7));
        Assert.Equal("Dòng 8, cột Loại: “Dự án” không phải một loại nhiệm vụ; ghi một trong: Chương trình, Đề án, Hạng mục, Nhiệm vụ."
            + " | Dòng 8, cột Đơn vị chủ trì: không tìm thấy đơn vị “Quận Ba Đình” trong các đơn vị anh/chị quản lý.", Problems(8));
        Assert.Contains("Dòng 9, cột Đơn vị chủ trì: không tìm thấy đơn vị “DB99”", Problems(9));
        Assert.Contains("Dòng 10, cột Văn bản: không có văn bản “35-CT/TW” trong sổ văn bản", Problems(10));
        Assert.Contains("Dòng 10, cột Tiêu đề: Nhập tên nhiệm vụ.", Problems(10));
        await ConfirmAsync(office, preview.Token).ProblemAsync("token");
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task A_unit_outside_the_importers_subtree_is_not_found_and_a_past_deadline_is_the_workflows_refusal()
    {
        using var ward = await OfficeAsync(Units.BaDinh);
        var preview = await PreviewAsync(ward, Sheets.Of(
            Sheets.Row("OUT-1", "Giao cho phường khác", "Đảng bộ phường Hoàn Kiếm", Today.AddDays(5)),
            Sheets.Row("OUT-2", "Giao cho chi bộ", "DB01-CB1", Today.AddDays(-1)),
            Sheets.Row("OUT-3", "Giao cho chi bộ", "Chi bộ khu dân cư số 1", Today.AddDays(9), coordinators: "TU")));
        Assert.Equal("Dòng 2, cột Đơn vị chủ trì: không tìm thấy đơn vị “Đảng bộ phường Hoàn Kiếm” trong các đơn vị anh/chị quản lý.",
            Assert.Single(Line(preview, 2).Problems).Message);
        Assert.Equal($"Dòng 3, cột Thời hạn: Hạn hoàn thành {TestDay(Today.AddDays(-1))} ở trước ngày giao {TestDay(Today)}.",
            Assert.Single(Line(preview, 3).Problems).Message);
        Assert.Contains("không tìm thấy đơn vị “TU”", Assert.Single(Line(preview, 4).Problems).Message);
        Assert.Equal(3, preview.Refused);
    }

    [DbFact]
    public async Task Bad_files_are_refused_whole_with_a_Vietnamese_message_and_nothing_is_written()
    {
        using var office = await OfficeAsync();
        var good = Sheets.Of(Sheets.Row("BAD-1", "Nhiệm vụ hợp lệ", "DB01", Today.AddDays(5)));
        var before = await app.FootprintAsync();
        var previews = await app.WithDbAsync(db => db.Set<TaskImportPreview>().CountAsync());
        async Task<string> RefusedAsync(byte[] file, string name = "nhiem-vu.xlsx") =>
            Assert.Single((await UploadAsync(office, file, name).ProblemAsync("file"))["file"]);

        Assert.Equal("Tệp “danh-sach.xlsx”: Tệp là văn bản Word (.docx), không phải bảng tính Excel (.xlsx).", await RefusedAsync(Sheets.Docx(), "danh-sach.xlsx"));
        Assert.Contains("không phải bảng tính Excel (.xlsx)", await RefusedAsync(Encoding.UTF8.GetBytes("Mã;Tiêu đề\nA1;Nhiệm vụ\n")));
        Assert.Contains("được đặt mật khẩu", await RefusedAsync(Sheets.Encrypted()));
        Assert.Contains("khi giải nén lớn quá 100 MB", await RefusedAsync(Sheets.Bomb(good, 120)));
        Assert.Contains("bị hỏng", await RefusedAsync(good[..(good.Length / 2)]));
        Assert.Contains("Tệp trống", await RefusedAsync([]));

        // A million rows: refused at the first row past the limit, without reading the rest.
        static IEnumerable<Dictionary<string, object?>> Million()
        {
            for (var i = 1; i <= 1_000_000; i++)
                yield return new() { [TaskSheet.Code] = i };
        }
        using (var million = new MemoryStream())
        {
            MiniExcelLibs.MiniExcel.SaveAs(million, Million());
            Assert.Equal("Tệp “nhiem-vu.xlsx”: Bảng tính có dữ liệu đến dòng 5.002: mỗi lần nhập nhiều nhất 5.000 dòng (không kể dòng tiêu đề). Hãy chia thành nhiều tệp.",
                await RefusedAsync(million.ToArray()));
        }

        Assert.Equal("Tệp “nhiem-vu.xlsx”: Dòng tiêu đề có ô gộp (A1:B1): bỏ gộp ô, mỗi cột một tiêu đề như trong mẫu.", await RefusedAsync(Sheets.Merged(good, "A1:B1")));
        Assert.Contains("Bảng có ô gộp (C2:C3)", await RefusedAsync(Sheets.Merged(good, "C2:C3")));

        using (var other = new MemoryStream())
        {
            MiniExcelLibs.MiniExcel.SaveAs(other, new[] { new Dictionary<string, object?> { ["Mã"] = "X", ["Tên việc"] = "Nhiệm vụ", ["Đơn vị chủ trì"] = "DB01" } });
            var message = await RefusedAsync(other.ToArray());
            Assert.Contains("thiếu cột “Mã cha”", message);
            Assert.Contains("có cột không thuộc mẫu: “Tên việc” (cột B)", message);
        }

        Assert.Equal(before, await app.FootprintAsync());
        Assert.Equal(previews, await app.WithDbAsync(db => db.Set<TaskImportPreview>().CountAsync()));
    }

    [DbFact]
    public async Task The_same_codes_confirmed_twice_at_once_are_written_once_and_the_other_gets_409()
    {
        using var office = await OfficeAsync();
        var file = Sheets.Of(
            Sheets.Row("RACE-1", "Chương trình thi đua", "DB01", Today.AddDays(30), kind: "Chương trình"),
            Sheets.Row("RACE-2", "Đề án thi đua", "DB02", Today.AddDays(30), parent: "RACE-1", kind: "Đề án"));
        var (a, b) = (await PreviewAsync(office, file), await PreviewAsync(office, file));
        using var other = await OfficeAsync();
        var answers = await Task.WhenAll(ConfirmAsync(office, a.Token), ConfirmAsync(other, b.Token));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        var conflict = answers.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chưa ghi dòng nào", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(["RACE-1", "RACE-2"], (await ImportedAsync("RACE-")).Select(t => t.ImportCode));

        // A preview confirmed is gone; confirming it again finds nothing.
        var used = answers[0].StatusCode == HttpStatusCode.OK ? a.Token : b.Token;
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(office, used)).StatusCode);
    }

    [DbFact]
    public async Task A_task_changed_after_the_preview_makes_the_confirmation_a_409_and_nothing_is_written()
    {
        using var office = await OfficeAsync();
        var file = Sheets.Of(Sheets.Row("SINCE-1", "Nhiệm vụ ban đầu", "DB01", Today.AddDays(30)));
        await ConfirmAsync(office, (await PreviewAsync(office, file)).Token).OkAsync<TaskImportApi.Confirmed>();
        var task = Assert.Single(await ImportedAsync("SINCE-"));

        var preview = await PreviewAsync(office, Sheets.Of(
            Sheets.Row("SINCE-1", "Nhiệm vụ đã sửa trong Excel", "DB01", Today.AddDays(30)),
            Sheets.Row("SINCE-2", "Nhiệm vụ mới", "DB02", Today.AddDays(30))));
        Assert.Equal((1, 1), (preview.Added, preview.Changed));
        await office.PutAsync($"/api/tasks/{task.Id}", System.Net.Http.Json.JsonContent.Create(
            new { Title = "Nhiệm vụ sửa trên trang", LeadUnitId = Units.BaDinh.Id }, options: Api.Json)).OkAsync<JsonElement>();
        var before = await app.FootprintAsync();

        using var refused = await ConfirmAsync(office, preview.Token);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Dữ liệu đã thay đổi kể từ khi xem trước", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.FootprintAsync());
        Assert.Equal("Nhiệm vụ sửa trên trang", (await office.TaskAsync(task.Id)).Title);

        // Abandoned: the preview is gone.
        var again = await PreviewAsync(office, file);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/task-import/{again.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(office, again.Token)).StatusCode);
    }
}

public sealed class TaskImportOnSqlite(SqliteApp app) : TaskImportTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class TaskImportOnPostgres(PostgresApp app) : TaskImportTests(app), IClassFixture<PostgresApp>;
