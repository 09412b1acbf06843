using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Tasks;

public sealed record WithdrawableCopy(int TaskId, string LeadUnit);

/// <summary>
/// One task and every action on it. Each action form posts to its own handler; a refusal re-renders
/// the page with the messages beside that form's fields, a success redirects back with a flash.
/// </summary>
// Its body and form limit is EvidenceOptions.RequestLimit, as for the API (EvidenceLimits in Program.cs).
public sealed class DetailsModel(AppDb db, UserScope scope, Clock clock, TaskWorkflow workflow, IOptions<EvidenceOptions> evidenceOptions)
    : PageModel
{
    private const int ChildrenPageSize = 20;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public TaskDetail Detail { get; private set; } = null!;
    public Page<TaskRow> Children { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public DateOnly Today { get; } = clock.Today;

    // The inputs of the action forms; each form's fields are named after its property ("Progress.Percent").
    public ProgressInput Progress { get; private set; } = new();
    public SubmitInput Submit { get; private set; } = new();
    public ReasonInput Return { get; private set; } = new();
    public ReasonInput Cancel { get; private set; } = new();
    public ExtensionInput Extension { get; private set; } = new();
    public ExtensionDecision Decision { get; private set; } = new();
    public FanOutRequest FanOut { get; private set; } = new();
    public WithdrawRequest Withdraw { get; private set; } = new();

    // The units the chosen fan-out reaches, shown for ticking before it is confirmed.
    public IReadOnlyList<FanOutTarget>? Preview { get; private set; }

    // Today's copies no unit has accepted yet, which the assigning side may still take back.
    public IReadOnlyList<WithdrawableCopy> Withdrawable { get; private set; } = [];

    // The form whose refusal is being shown, so a folded form opens again.
    public string? FailedForm { get; private set; }

    public AuditLogView AuditLog { get; private set; } = AuditLogView.Empty;

    [TempData]
    public string? Flash { get; set; }

    public string AcceptedFiles => string.Join(",", evidenceOptions.Value.AllowedExtensions);
    public long MaxFileMegabytes => evidenceOptions.Value.MaxBytes / 1024 / 1024;

    public ExtensionDto? PendingExtension => Detail.Extensions.FirstOrDefault(x => x.State == ExtensionState.Pending);
    public bool CanDecideExtension => PendingExtension is not null && Detail.Access.Can(TaskRight.DecideExtension);
    public bool CanRequestExtension => TaskRules.IsOpen(Detail.Status) && Detail.DueDate is not null && PendingExtension is null
        && Detail.Access.Can(TaskRight.RequestExtension);
    public bool CanEdit => TaskRules.IsOpen(Detail.Status) && Detail.Access.Can(TaskRight.Edit);
    public bool CanFanOut => TaskRules.IsOpen(Detail.Status) && Detail.Access.Can(TaskRight.FanOut);
    public bool CanAddChild => TaskRules.IsOpen(Detail.Status) && Detail.Access.Can(TaskRight.AddChild);

    // The units of this page the user may open; the others are named without a link.
    public IReadOnlySet<int> LinkedUnits { get; private set; } = new HashSet<int>();

    // "page" alone would also bind the route value that names the Razor page.
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? page, CancellationToken ct) =>
        await LoadAsync(id, page, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (await scope.TaskAsync(id, ct) is null)
            return NotFound();
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && db.ProgressReports.Any(r => r.Id == e.ProgressReportId && r.TaskId == id))
            .FirstOrDefaultAsync(ct);
        if (evidence is null)
            return NotFound();
        var path = Path.GetFullPath(workflow.EvidencePath(evidence));
        if (!System.IO.File.Exists(path))
            return NotFound();
        // The uploader chose the declared type; the extension, already checked against the allowed list, is safer.
        var contentType = ContentTypes.TryGetContentType(evidence.FileName, out var known) ? known : "application/octet-stream";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, contentType, evidence.FileName);
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, int? version, CancellationToken ct) =>
        ActAsync(id, "Accept", TaskRight.Accept, () => workflow.AcceptAsync(id, version, ct), _ => "Đã tiếp nhận nhiệm vụ.", ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, [Bind(Prefix = nameof(Submit))] SubmitInput input, int? version, CancellationToken ct)
    {
        Submit = input;
        return ActAsync(id, nameof(Submit), TaskRight.Submit, () => workflow.SubmitAsync(id, input, version, ct),
            t => $"Đã báo cáo hoàn thành nhiệm vụ ({VnFormat.Percent(t.Percent, 0)}).", ct);
    }

    public Task<IActionResult> OnPostCompleteAsync(int id, int? version, CancellationToken ct) =>
        ActAsync(id, "Complete", TaskRight.Complete, () => workflow.CompleteAsync(id, version, ct), _ => "Đã công nhận hoàn thành nhiệm vụ.", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, [Bind(Prefix = nameof(Return))] ReasonInput input, int? version, CancellationToken ct)
    {
        Return = input;
        return ActAsync(id, nameof(Return), TaskRight.Return, () => workflow.ReturnAsync(id, input, version, ct), _ => "Đã trả lại nhiệm vụ để làm lại.", ct);
    }

    public Task<IActionResult> OnPostCancelAsync(int id, [Bind(Prefix = nameof(Cancel))] ReasonInput input, int? version, CancellationToken ct)
    {
        Cancel = input;
        return ActAsync(id, nameof(Cancel), TaskRight.Cancel, () => workflow.CancelAsync(id, input, version, ct), _ => "Đã hủy nhiệm vụ.", ct);
    }

    public Task<IActionResult> OnPostProgressAsync(int id, [Bind(Prefix = nameof(Progress))] ProgressInput input,
        List<IFormFile> files, int? version, CancellationToken ct)
    {
        Progress = input;
        var evidence = files.Select(EvidenceFiles.Of).ToList();
        return ActAsync(id, nameof(Progress), TaskRight.Progress, () => workflow.ReportProgressAsync(id, input, evidence, version, ct),
            r => r.Evidence.Count > 0
                ? $"Đã ghi báo cáo tiến độ {VnFormat.Percent(r.Percent, 0)} kèm {VnFormat.Number(r.Evidence.Count)} tệp minh chứng."
                : $"Đã ghi báo cáo tiến độ {VnFormat.Percent(r.Percent, 0)}.", ct);
    }

    public Task<IActionResult> OnPostExtensionAsync(int id, [Bind(Prefix = nameof(Extension))] ExtensionInput input, int? version, CancellationToken ct)
    {
        Extension = input;
        return ActAsync(id, nameof(Extension), TaskRight.RequestExtension, () => workflow.RequestExtensionAsync(id, input, version, ct),
            x => $"Đã gửi đề nghị gia hạn đến {VnFormat.Date(x.RequestedDueDate)}.", ct);
    }

    public Task<IActionResult> OnPostDecideExtensionAsync(int id, int requestId, [Bind(Prefix = nameof(Decision))] ExtensionDecision input,
        int? version, CancellationToken ct)
    {
        Decision = input;
        return ActAsync(id, nameof(Decision), TaskRight.DecideExtension, () => workflow.DecideExtensionAsync(id, requestId, input, version, ct),
            x => x.State == ExtensionState.Approved
                ? $"Đã đồng ý gia hạn đến {VnFormat.Date(x.RequestedDueDate)}."
                : "Đã không đồng ý gia hạn.", ct);
    }

    public Task<IActionResult> OnPostFanOutAsync(int id, [Bind(Prefix = nameof(FanOut))] FanOutRequest input, int? version, CancellationToken ct)
    {
        FanOut = input;
        // The confirmation lists the units; none ticked sends no field, which must not mean "all".
        input.UnitIds ??= [];
        return ActAsync(id, nameof(FanOut), TaskRight.FanOut, () => workflow.FanOutAsync(id, input, version, scope, ct),
            created => $"Đã giao nhiệm vụ cho {VnFormat.Number(created)} đơn vị.", ct);
    }

    public async Task<IActionResult> OnGetFanOutPreviewAsync(int id, [Bind(Prefix = nameof(FanOut))] FanOutRequest input, CancellationToken ct)
    {
        FanOut = input;
        var result = await scope.OnTaskAsync(id, TaskRight.FanOut, () => workflow.FanOutTargetsAsync(id, input, scope, ct), ct);
        if (result.IsDone)
            Preview = result.Value;
        else if (await this.ShowRefusalAsync(result, db, nameof(FanOut), ct) is { } refused)
            return refused;
        FailedForm = nameof(FanOut);
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, [Bind(Prefix = nameof(Withdraw))] WithdrawRequest input, int? version, CancellationToken ct)
    {
        Withdraw = input;
        // No box ticked sends no field: that is an empty choice, not "all".
        input.TaskIds ??= [];
        return ActAsync(id, nameof(Withdraw), TaskRight.FanOut, () => workflow.WithdrawAsync(id, input, version, ct),
            withdrawn => $"Đã thu hồi {VnFormat.Number(withdrawn)} bản giao.", ct);
    }

    // Validation tags show one message per field; a refusal can carry several (one per rejected file).
    public IEnumerable<string> ErrorsFor(string form, params string[] keys) =>
        keys.SelectMany(k => ModelState.TryGetValue($"{form}.{k}", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : []);

    public static string LocalTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Clock.Zone);
        return $"{VnFormat.Date(DateOnly.FromDateTime(local))} {local.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public static string FileSize(long bytes) => bytes < 1024 * 1024
        ? $"{VnFormat.Number(Math.Max(1, (bytes + 1023) / 1024))} KB"
        : $"{VnFormat.Number(bytes / 1024m / 1024m, 1)} MB";

    private async Task<IActionResult> ActAsync<T>(int id, string form, TaskRight right, Func<Task<Outcome<T>>> work, Func<T, string> done,
        CancellationToken ct)
    {
        // Input the binding refused is not acted on; its messages are in ModelState already.
        var result = await scope.OnTaskAsync(id, right, () => ModelState.IsValid ? work() : Task.FromResult<Outcome<T>>(new Problems()), ct);
        if (result.IsDone)
        {
            Flash = done(result.Value!);
            return RedirectToPage(new { id });
        }
        if (await this.ShowRefusalAsync(result, db, form, ct) is { } refused)
            return refused;
        FailedForm = form;
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int? page, CancellationToken ct)
    {
        if (await TaskDetail.LoadAsync(db, scope, id, Today, ct) is not { } detail)
            return false;
        Detail = detail;
        LinkedUnits = await scope.VisibleUnitIdsAsync(
            detail.Coordinators.Select(c => c.Id).Concat([detail.LeadUnit.Id, detail.AssignedBy.Id, detail.Accountable?.Id ?? 0]), ct);
        // A program is read whole: "30/34 đề án" with all 34 on one page.
        var (childPage, childSize) = Paging.For(Request, Math.Max(page ?? 1, 1), detail.Kind == TaskKind.Program ? Paging.MaxSize : ChildrenPageSize);
        var children = await TaskList.QueryAsync(db, scope, new TaskFilter { Parent = id, Page = childPage, PageSize = childSize }, Today, ct);
        Children = children.Value ?? Children;
        if (CanFanOut)
        {
            FanOut.UnitId ??= detail.LeadUnit.Id;
            Units = await UnitChoices.AroundAsync(db, scope, Today, [FanOut.UnitId], ct: ct);
            if (FailedForm == nameof(FanOut) && Preview is null && FanOut.UnitIds is not null
                && (await workflow.FanOutTargetsAsync(id, FanOut, scope, ct)).Value is { } targets)
                Preview = targets;
            Withdrawable = await workflow.Withdrawable(id).OrderBy(t => t.LeadUnit!.Code)
                .Select(t => new WithdrawableCopy(t.Id, t.LeadUnit!.Name)).ToListAsync(ct);
        }
        if (FailedForm != nameof(Progress))
            Progress.Percent = detail.Percent;
        if (FailedForm != nameof(Submit))
            Submit.Percent = TaskRules.MaxPercent;
        // The status history above already shows the task's history rows.
        AuditLog = await AuditTrail.AuditLog.ForRecordAsync(db, scope, "Tasks", id, ct, "TaskEvents");
        Indicators = await Features.Indicators.IndicatorBoard.ForTaskAsync(db, scope, id, Today, ct);
        return true;
    }

    /// <summary>The indicators of this program or project, each over its term for the unit that set it.</summary>
    public IReadOnlyList<Features.Indicators.IndicatorRow> Indicators { get; private set; } = [];
}
