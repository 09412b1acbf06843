using System.Data.Common;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using static DonDoc.Web.Features.AuditTrail.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Audit;

/// <summary>
/// Every change leaves who, when, from where and each field's old and new value, in the same
/// transaction as the change, in one hash chain that concurrent writers extend without forking;
/// the entries cannot be changed through the application, and each record's page shows its own.
/// </summary>
public abstract class AuditTrailTests(TestApp app)
{
    private readonly HttpClient _client = app.AdminClient();

    [DbFact]
    public async Task Every_change_is_written_with_who_when_and_each_field_from_what_to_what()
    {
        var id = await CreateTaskAsync("Rà soát quy chế làm việc của cấp ủy");
        var acceptedAt = app.Clock.GetUtcNow().UtcDateTime;
        await _client.PostAsync($"/api/tasks/{id}/accept").OkAsync<JsonElement>();

        var entries = await EntriesAsync("Tasks", id);
        var added = Assert.Single(entries, e => e is { Action: AuditAction.Added, EntityType: "Tasks" });
        Assert.Equal(id.ToString(), added.EntityId);
        Assert.Equal(AccountSeed.AdminUserName, added.UserName);
        Assert.Contains(ParseChanges(added.Changes), c => c is { Field: "Title", Old: null, New: "Rà soát quy chế làm việc của cấp ủy" });
        // The key the database generated is in the entry, and so is the path set after the insert.
        Assert.Contains(ParseChanges(added.Changes), c => c.Field == "Id" && c.New == id.ToString());
        Assert.Contains(ParseChanges(added.Changes), c => c.Field == "Path" && c.New!.EndsWith($"/{id}/"));

        var accepted = Assert.Single(entries, e => e is { Action: AuditAction.Modified, EntityType: "Tasks" });
        var changes = ParseChanges(accepted.Changes);
        Assert.Contains(changes, c => c is { Field: "Status", Old: "Assigned", New: "Accepted" });
        Assert.Contains(changes, c => c is { Field: "Version", Old: "1", New: "2" });
        Assert.DoesNotContain(changes, c => c.Field == "Title");
        Assert.Equal(AccountSeed.AdminUserName, accepted.UserName);
        Assert.Equal("Tiếp nhận nhiệm vụ", accepted.Detail);
        Assert.Equal(acceptedAt.AddTicks(-(acceptedAt.Ticks % TimeSpan.TicksPerMillisecond)), DateTime.SpecifyKind(accepted.AtUtc, DateTimeKind.Utc));
        // Rows that belong to the task (its history) are filed under it.
        Assert.Contains(entries, e => e is { Action: AuditAction.Added, EntityType: "TaskEvents" });

        await AssertIntactAsync();
    }

    [DbFact]
    public async Task Rows_that_belong_to_a_task_are_filed_under_it_with_the_note_of_the_action()
    {
        var id = await CreateTaskAsync("Báo cáo kết quả kiểm tra chuyên đề");
        await _client.PostAsync($"/api/tasks/{id}/accept").OkAsync<JsonElement>();
        var file = new ByteArrayContent("Biên bản kiểm tra"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("40"), "Percent" },
            { new StringContent("Đã kiểm tra 3 chi bộ."), "Text" },
            { file, "files", "bien-ban.txt" },
        };
        await _client.PostAsync($"/api/tasks/{id}/evidence", form).OkAsync<JsonElement>();

        var entries = await EntriesAsync("Tasks", id);
        var report = Assert.Single(entries, e => e.EntityType == "ProgressReports");
        Assert.Contains(ParseChanges(report.Changes), c => c is { Field: "Text", New: "Đã kiểm tra 3 chi bộ." });
        Assert.Equal("Báo cáo tiến độ 40%", report.Detail);
        // An evidence file belongs to the report, which belongs to the task.
        var evidence = Assert.Single(entries, e => e.EntityType == "Evidence");
        Assert.Contains(ParseChanges(evidence.Changes), c => c is { Field: "FileName", New: "bien-ban.txt" });
        var task = Assert.Single(entries, e => e is { EntityType: "Tasks", Action: AuditAction.Modified } && e.Detail == "Báo cáo tiến độ 40%");
        Assert.Contains(ParseChanges(task.Changes), c => c is { Field: "Percent", Old: "0", New: "40" });
    }

    [DbFact]
    public async Task A_refused_or_failed_save_writes_no_audit()
    {
        var before = await CountAsync();
        await _client.PostAsync("/api/tasks", new { Title = "", LeadUnitId = app.Units.TayHo.Id, DeadlineKind = "Date" }).ProblemAsync("Title");
        Assert.Equal(before, await CountAsync());

        // The database refuses the row (a unit code already used): nothing of the save remains.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Units.Add(new Unit { Code = app.Units.TayHo.Code, Name = "Trùng mã", Type = UnitType.ChiBo, ParentId = app.Units.TayHo.Id, ValidFrom = TestApp.FirstDay });
            await UnitPaths.SaveAsync(db);
        }));
        Assert.Equal(before, await CountAsync());
    }

    [DbFact]
    public async Task The_audit_entries_are_written_in_the_transaction_of_the_change()
    {
        var before = await CountAsync();
        var name = await app.WithDbAsync(db => db.Units.Where(u => u.Id == app.Units.HoanKiem.Id).Select(u => u.Name).SingleAsync());
        await using (var db = Context(new FailingAuditInsert()))
        {
            var unit = await db.Units.SingleAsync(u => u.Id == app.Units.HoanKiem.Id);
            unit.Name = "Tên không được lưu";
            var error = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
            Assert.Contains(FailingAuditInsert.Message, error.ToString());
        }
        // The audit insert failed, so the change it records was rolled back with it.
        Assert.Equal(name, await app.WithDbAsync(db => db.Units.Where(u => u.Id == app.Units.HoanKiem.Id).Select(u => u.Name).SingleAsync()));
        Assert.Equal(before, await CountAsync());
        await AssertIntactAsync();
    }

    [DbFact]
    public async Task Concurrent_writers_extend_one_chain_without_forking_it()
    {
        var before = await CountAsync();
        const int writers = 8;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() => app.WithDbAsync(async db =>
        {
            db.Units.Add(new Unit
            {
                Code = $"CB-{i}-{Guid.NewGuid():N}"[..20],
                Name = $"Chi bộ song song {i}",
                Type = UnitType.ChiBo,
                ParentId = app.Units.UbndParty.Id,
                ValidFrom = TestApp.FirstDay,
            });
            await UnitPaths.SaveAsync(db);
        }))));
        var result = await AssertIntactAsync();
        Assert.Equal(before + writers, result.Count);
        var ids = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
    }

    [DbFact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_through_the_application()
    {
        await CreateTaskAsync("Kiểm tra việc ghi nhật ký");
        await app.WithDbAsync(async db =>
        {
            var first = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
            first.UserName = "ke.gian";
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("chỉ được ghi thêm", changed.Message);
            db.ChangeTracker.Clear();

            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(e => e.Id).FirstAsync());
            var deleted = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("chỉ được ghi thêm", deleted.Message);
            db.ChangeTracker.Clear();

            // Bulk statements bypass SaveChanges: the database itself refuses them.
            var updated = await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, "ke.gian")));
            Assert.Contains("chỉ được ghi thêm", updated.Message);
            var removed = await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id > 0).ExecuteDeleteAsync());
            Assert.Contains("chỉ được ghi thêm", removed.Message);
        });

        // Nothing in the application offers to write the audit: no endpoint but reads mentions it.
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        Assert.DoesNotContain(endpoints, e => (e.RoutePattern.RawText ?? "").Contains("audit", StringComparison.OrdinalIgnoreCase)
            && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Any(m => m is not ("GET" or "HEAD")));
        await AssertIntactAsync();
    }

    [DbFact]
    public async Task Sign_in_events_are_written_into_the_same_chain()
    {
        await app.WithDbAsync(db => RecordEventAsync(db, AuditAction.SignInFailed, "nguoi.la", "203.0.113.7", "Sai mật khẩu"));
        var last = await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal((AuditAction.SignInFailed, "nguoi.la", "203.0.113.7", "Sai mật khẩu"), (last.Action, last.UserName, last.IpAddress, last.Detail));
        Assert.Null(last.EntityType);
        // Outside a request, and without a name, the event is the system's.
        await app.WithDbAsync(db => RecordEventAsync(db, AuditAction.SignOut, null, null, null));
        Assert.Equal(Actor.System, await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.UserName).FirstAsync()));
        await Assert.ThrowsAsync<ArgumentException>(() => app.WithDbAsync(db => RecordEventAsync(db, AuditAction.Modified, "x", null, null)));
        await AssertIntactAsync();
    }

    [DbFact]
    public async Task The_task_document_and_unit_pages_show_their_change_log()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            app.Clock.SetLocal(app.Clock.Today, 14, 35);
            var id = await CreateTaskAsync("Tổng kết công tác dân vận năm 2025");
            await _client.PostAsync($"/api/tasks/{id}/accept").OkAsync<JsonElement>();
            var log = await LogAsync($"/Tasks/Details/{id}");
            var newest = log[0];
            Assert.Contains($"{VnFormat.Date(app.Clock.Today)} 14:35", newest);
            Assert.Contains(AccountSeed.AdminUserName, newest);
            Assert.Contains("Trạng thái: Đã giao → Đã tiếp nhận", Collapse(newest));
            Assert.Contains(log, e => e.Contains("Thêm mới") && e.Contains("Tổng kết công tác dân vận năm 2025"));

            var document = await _client.PostAsync("/api/documents", new { Symbol = "41-CT/TU", IssuedOn = new DateOnly(2026, 1, 20), Title = "Chỉ thị về công tác dân vận" })
                .OkAsync<DocumentDto>();
            Assert.Contains(await LogAsync($"/Documents/Details/{document.Id}"), e => e.Contains("Thêm mới") && e.Contains("41-CT/TU"));

            var unit = app.Units.BaDinhCell;
            await app.WithDbAsync(async db =>
            {
                (await db.Units.SingleAsync(u => u.Id == unit.Id)).Name = "Chi bộ tổ dân phố số 1";
                await db.SaveChangesAsync();
            });
            var unitLog = await LogAsync($"/Units/Details/{unit.Id}");
            Assert.Contains($"Tên: {unit.Name} → Chi bộ tổ dân phố số 1", Collapse(unitLog[0]));
            Assert.Contains(Actor.System, unitLog[0]);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task The_change_log_names_what_values_stand_for()
    {
        var document = await _client.PostAsync("/api/documents", new { Symbol = "17-KL/TU", IssuedOn = new DateOnly(2026, 1, 22), Title = "Kết luận về công tác cán bộ" })
            .OkAsync<DocumentDto>();
        var term = await app.WithDbAsync(db => db.Terms.SingleAsync(t => t.Id == db.Documents.Single(d => d.Id == document.Id).TermId));
        var documentLog = Collapse(Assert.Single(await LogAsync($"/Documents/Details/{document.Id}")));
        Assert.Contains("Khối văn bản: văn bản Đảng", documentLog);
        Assert.Contains($"Nhiệm kỳ: {term.Name}", documentLog);
        Assert.DoesNotContain("Party", documentLog);
        Assert.DoesNotContain("Khóa nhận diện", documentLog);
        Assert.DoesNotContain("|KL|", documentLog);

        var task = (await _client.PostAsync("/api/tasks", new
        {
            Title = "Triển khai Kết luận về công tác cán bộ",
            LeadUnitId = app.Units.TayHo.Id,
            DeadlineKind = "Date",
            DueDate = app.Clock.Today.AddDays(30),
            SourceDocumentId = document.Id,
        }).OkAsync<TaskDetail>()).Id;
        var taskLog = Collapse((await LogAsync($"/Tasks/Details/{task}")).Last());
        Assert.Contains("Văn bản nguồn: 17-KL/TU", taskLog);
        Assert.DoesNotContain("văn bản số", taskLog);
    }

    private async Task<int> CreateTaskAsync(string title) =>
        (await _client.PostAsync("/api/tasks", new { Title = title, LeadUnitId = app.Units.TayHo.Id, DeadlineKind = "Date", DueDate = app.Clock.Today.AddDays(30) })
            .OkAsync<TaskDetail>()).Id;

    private async Task<IReadOnlyList<string>> LogAsync(string page)
    {
        var html = await _client.GetStringAsync(page);
        var log = new HtmlParser().ParseDocument(html).GetElementById("audit-log");
        Assert.NotNull(log);
        Assert.Contains("Nhật ký thay đổi", log.TextContent);
        // As read on screen: the words for screen readers only are left out.
        foreach (var hidden in log.QuerySelectorAll(".visually-hidden").ToList())
            hidden.Remove();
        return log.QuerySelectorAll(".audit-entry").Select(e => e.TextContent).ToList();
    }

    private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" :", ":");

    private Task<List<AuditEntry>> EntriesAsync(string recordType, int id) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == id.ToString()).OrderBy(e => e.Id).ToListAsync());

    private Task<int> CountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync());

    private async Task<AuditVerification> AssertIntactAsync()
    {
        var result = await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(result.Intact, result.Message);
        return result;
    }

    private AppDb Context(params IInterceptor[] interceptors) =>
        global::DonDoc.Web.Infrastructure.Database.CreateContext(app.ConnectionString, app.Clock, interceptors);

    /// <summary>Fails the insert of the audit rows, after the change itself was written.</summary>
    private sealed class FailingAuditInsert : DbCommandInterceptor
    {
        public const string Message = "Ghi nhật ký thất bại (thử nghiệm).";

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken ct = default) =>
            command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Message)
                : base.NonQueryExecutingAsync(command, eventData, result, ct);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
            command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Message)
                : base.ReaderExecutingAsync(command, eventData, result, ct);
    }
}

public sealed class AuditTrailOnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class AuditTrailOnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
