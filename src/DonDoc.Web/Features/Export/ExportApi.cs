using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Features.Export;

/// <summary>
/// The lists, dashboards and programs as .xlsx: each at its JSON address with "/export.xlsx", taking the same filters and
/// reading through the same query, so a download holds exactly what the page and the API show the same reader.
/// The pages' "Tải Excel" buttons link here.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks/export.xlsx", async Task<Results<XlsxResult, ValidationProblem>> (AppDb db, UserScope scope, Clock clock,
            [AsParameters] TaskFilter filter, CancellationToken ct) =>
        {
            // Every row the filter selects, or a refusal: a page of a download would be taken for the whole.
            if (filter.Page is not null || filter.PageSize is not null)
                return Problems.Of(filter.Page is not null ? "page" : "pageSize", "Tệp Excel gồm mọi nhiệm vụ khớp bộ lọc, không chia trang: bỏ page và pageSize.")
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

        return app;
    }

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
