using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Export;

/// <summary>
/// The lists, registers, dashboards and programs as .xlsx: each at its JSON address with "/export.xlsx" (a register with a
/// page only, at "/api/{register}/export.xlsx"), taking the same filters and reading through the same query, so a download
/// holds exactly what the page and the API show the same reader. The pages' "Tải Excel" buttons link here.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks/export.xlsx", async Task<Results<XlsxResult, ValidationProblem>> (AppDb db, UserScope scope, Clock clock,
            [AsParameters] TaskFilter filter, CancellationToken ct) =>
        {
            // Every row the filter selects, or a refusal: a page of a download would be taken for the whole.
            if (filter.Page is not null || filter.PageSize is not null || filter.Cursor is not null)
                return Problems.Of(filter.Page is not null ? "page" : filter.PageSize is not null ? "pageSize" : "cursor",
                    "Tệp Excel gồm mọi nhiệm vụ khớp bộ lọc, không chia trang: bỏ page, pageSize và cursor.")
                    .ToResult();
            var today = clock.Today;
            var rows = await TaskList.AllAsync(db, scope, filter, today, ct);
            if (rows.Problems is { } problems)
                return problems.ToResult();
            return new XlsxResult(XlsxResult.FileName("nhiem-vu", today),
                new Dictionary<string, object> { ["Nhiệm vụ"] = TaskSheetRow.FromAll(rows.Value!, today) }, db);
        }).WithTags("Nhiệm vụ").WithSummary("Danh sách nhiệm vụ (.xlsx), cùng bộ lọc và thứ tự với GET /api/tasks, không chia trang");

        app.MapGet("/api/tasks/{id:int}/export.xlsx", async Task<Results<XlsxResult, NotFound>> (AppDb db, UserScope scope, Clock clock, int id,
            CancellationToken ct) =>
        {
            var today = clock.Today;
            if (await TaskDetail.LoadAsync(db, scope, id, today, ct) is not { } t)
                return TypedResults.NotFound();
            var children = await TaskList.AllAsync(db, scope, new TaskFilter { Parent = id }, today, ct);
            var own = new TaskRow(t.Id, null, t.Kind, t.Title, t.LeadUnit.Id, t.LeadUnit.Name, t.Status, t.DeadlineKind, t.DueDate,
                t.OriginalDueDate, t.SubmittedOn, t.Percent, t.ChildCompleted, t.ChildTotal, t.AssignedOn, t.CompletedOn) { Overlay = t.Overlay };
            return new XlsxResult(XlsxResult.FileName($"nhiem-vu-{id}", today), new Dictionary<string, object>
            {
                [t.Kind.Label()] = new List<TaskSheetRow> { TaskSheetRow.From(own, today) },
                ["Nhiệm vụ con"] = TaskSheetRow.FromAll(children.Value!, today),
            }, db);
        }).WithTags("Nhiệm vụ").WithSummary("Một nhiệm vụ (chương trình) với x/y và các nhiệm vụ con của nó (.xlsx)");

        app.MapGet("/api/units/{id:int}/dashboard/export.xlsx", async Task<Results<XlsxResult, NotFound, ValidationProblem>> (AppDb db,
            DashboardQuery query, UserScope scope, Clock clock, int id, string? asOf, CancellationToken ct) =>
        {
            // A unit's counts cover its whole subtree, so a unit the user sees holds nothing outside their scope.
            if (!await scope.SeesUnitAsync(id, ct))
                return TypedResults.NotFound();
            var day = DashboardArgs.ParseAsOf(asOf, clock.Today);
            if (day.Problems is { } problems)
                return problems.ToResult();
            if (await query.GetAsync(id, day.Value, ct) is not { } view)
                return TypedResults.NotFound();
            return new XlsxResult(XlsxResult.FileName($"bang-theo-doi-don-vi-{id}", view.AsOf), new Dictionary<string, object>
            {
                ["Tổng hợp"] = new List<UnitCountsSheetRow> { UnitCountsSheetRow.From(view.Unit, view.AsOf, null) },
                ["Đơn vị cấp dưới"] = view.Children.Select(c => UnitCountsSheetRow.From(c, view.AsOf, view.Ranks.TryGetValue(c.Id, out var r) ? r : null)).ToList(),
                ["Chương trình"] = view.Programs.Select(ProgramSheetRow.From).ToList(),
                ["Chỉ đạo đã giao"] = view.Directions.Select(ProgramSheetRow.From).ToList(),
            }, db);
        }).WithTags("Đơn vị").WithSummary("Bảng theo dõi của đơn vị (.xlsx): tổng hợp, xếp hạng đơn vị cấp dưới, chương trình, chỉ đạo đã giao");

        MapRegisters(app);
        return app;
    }

    private static void MapRegisters(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents/export.xlsx", async Task<Results<XlsxResult, ValidationProblem>> (AppDb db, UserScope scope, Clock clock,
            [AsParameters] DocumentFilter filter, CancellationToken ct) =>
        {
            if (filter.Page is not null || filter.PageSize is not null)
                return Problems.Of(filter.Page is not null ? "page" : "pageSize", "Tệp Excel gồm mọi văn bản khớp bộ lọc, không chia trang: bỏ page và pageSize.")
                    .ToResult();
            var query = DocumentsApi.Filter(db, scope, filter);
            if (query.Problems is { } problems)
                return problems.ToResult();
            // The issuers' names, a short table, as the page reads them.
            var issuers = await db.Issuers.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Name, ct);
            return new XlsxResult(XlsxResult.FileName("so-van-ban", clock.Today),
                new Dictionary<string, object> { ["Văn bản"] = Stream(query.Value!.ToDto(), d => DocumentSheetRow.From(d, issuers), ct) }, db);
        }).WithTags("Văn bản").WithSummary("Sổ văn bản (.xlsx), cùng bộ lọc và thứ tự với GET /api/documents, không chia trang");

        app.MapGet("/api/conferences/export.xlsx", async Task<Results<XlsxResult, ValidationProblem>> (AppDb db, UserScope scope, Clock clock,
            [AsParameters] ConferenceFilter filter, CancellationToken ct) =>
        {
            var rows = await ConferenceLists.ConferencesAsync(db, scope, filter, ct);
            if (rows.Problems is { } problems)
                return problems.ToResult();
            return new XlsxResult(XlsxResult.FileName("hoi-nghi", clock.Today),
                new Dictionary<string, object> { ["Hội nghị"] = Stream(rows.Value!, ConferenceSheetRow.From, ct) }, db);
        }).WithTags("Hội nghị").WithSummary("Danh sách hội nghị (.xlsx), cùng bộ lọc với trang Hội nghị (unit, year)");

        app.MapGet("/api/lessons/export.xlsx", async Task<Results<XlsxResult, ValidationProblem>> (AppDb db, UserScope scope, Clock clock,
            [AsParameters] LessonFilter filter, CancellationToken ct) =>
        {
            var rows = await ConferenceLists.LessonsAsync(db, scope, filter, ct);
            if (rows.Problems is { } problems)
                return problems.ToResult();
            return new XlsxResult(XlsxResult.FileName("bai-hoc-mo-hinh", clock.Today),
                new Dictionary<string, object> { ["Bài học, mô hình"] = Stream(rows.Value!, LessonSheetRow.From, ct) }, db);
        }).WithTags("Hội nghị").WithSummary("Bài học kinh nghiệm, mô hình hay (.xlsx), cùng bộ lọc với trang của chúng (unit, year, kind, q)");

        app.MapGet("/api/reviews/export.xlsx", async (AppDb db, UserScope scope, Clock clock, CancellationToken ct) =>
        {
            var today = clock.Today;
            var reviews = scope.Visible(db.Reviews);
            return new XlsxResult(XlsxResult.FileName("kiem-diem-khac-phuc", today), new Dictionary<string, object>
            {
                ["Kỳ kiểm điểm"] = (await ReviewRows.AllAsync(db, reviews, today, ct)).Select(ReviewSheetRow.From).ToList(),
                ["Biện pháp khắc phục"] = Stream(ReviewRows.Items(db, reviews), i => RemediationItemSheetRow.From(i, today), ct),
            }, db);
        }).WithTags("Kiểm điểm").WithSummary("Các kỳ kiểm điểm trong phạm vi (.xlsx), với các biện pháp khắc phục hạn chế và tiến độ của chúng");

        app.MapGet("/api/units/export.xlsx", (AppDb db, UserScope scope, Clock clock, [AsParameters] UnitFilter filter, CancellationToken ct) =>
        {
            var today = clock.Today;
            var visible = scope.Visible(db.Units.AsNoTracking());
            var rows = UnitsApi.Listed(scope, db.Units.AsNoTracking(), filter, today).OrderBy(u => u.Path)
                .Select(u => new UnitExportRow(u.Code, u.Name, u.Type,
                    visible.Where(p => p.Id == u.ParentId).Select(p => p.Code).FirstOrDefault(),
                    visible.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault(),
                    u.ValidFrom, u.ValidTo, u.Depth));
            return new XlsxResult(XlsxResult.FileName("don-vi", today),
                new Dictionary<string, object> { ["Đơn vị"] = Stream(rows, UnitSheetRow.From, ct) }, db);
        }).WithTags("Đơn vị").WithSummary("Các đơn vị trong phạm vi (.xlsx), cùng bộ lọc với trang Đơn vị (q, closed), cấp trên trước cấp dưới");
    }

    /// <summary>A query's rows as they come from the database, each written as its sheet row.</summary>
    private static async IAsyncEnumerable<TRow> Stream<T, TRow>(IQueryable<T> query, Func<T, TRow> row,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
            yield return row(r);
    }

    /// <summary>The address of a register's export with the page's filters (left out when empty).</summary>
    public static string Href(string path, params (string Key, object? Value)[] filters) =>
        path + QueryString.Create(filters
            .Select(f => KeyValuePair.Create(f.Key, f.Value switch
            {
                null => null,
                IFormattable v => v.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var v => v.ToString(),
            }))
            .Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>The address of the export of a list filtered as <paramref name="f"/> (its days written yyyy-MM-dd, as the API reads them).</summary>
    public static string TaskListHref(TaskFilter f)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var query = new Dictionary<string, string?>
        {
            ["unit"] = f.Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scope"] = f.Scope,
            ["status"] = f.Status,
            ["dueFrom"] = Day(f.DueFrom),
            ["dueTo"] = Day(f.DueTo),
            ["parent"] = f.Parent?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = f.Q,
            ["sort"] = f.Sort,
        }.Where(p => !string.IsNullOrEmpty(p.Value));
        return "/api/tasks/export.xlsx" + QueryString.Create(query);
    }
}
