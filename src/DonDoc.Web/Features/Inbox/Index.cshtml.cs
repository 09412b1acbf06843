using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Features.Inbox;

public enum BulkDecision
{
    Complete,
    Return,
}

/// <summary>"Việc của tôi": what waits for the signed-in person, and a leader's decision on several submitted tasks at once.</summary>
public sealed class IndexModel(AppDb db, UserScope scope, Inbox inbox, TaskWorkflow workflow, Infrastructure.Clock clock) : PageModel
{
    public DateOnly Today => clock.Today;

    public IReadOnlyList<InboxSection> Sections { get; private set; } = [];
    public IReadOnlyDictionary<InboxSection, int> Counts { get; private set; } = new Dictionary<InboxSection, int>();
    public IReadOnlyDictionary<InboxSection, IReadOnlyList<InboxTask>> Tasks { get; private set; } = new Dictionary<InboxSection, IReadOnlyList<InboxTask>>();
    public IReadOnlyList<InboxExtension> Extensions { get; private set; } = [];
    public IReadOnlyList<InboxDraftDocument> DraftDocuments { get; private set; } = [];

    // The tasks ticked for a decision, each with the version the leader saw.
    [BindProperty]
    public List<int> Picked { get; set; } = [];

    [BindProperty]
    public Dictionary<int, int> Versions { get; set; } = [];

    [BindProperty]
    public BulkDecision Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Flash { get; set; }

    // One line per task the decision was refused for, with the rule's own words.
    [TempData]
    public string? Refusals { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var picked = Picked.Distinct().ToList();
        if (picked.Count == 0)
            ModelState.AddModelError(nameof(Picked), "Chọn ít nhất một nhiệm vụ.");
        if (picked.Count > Inbox.Shown)
            ModelState.AddModelError(nameof(Picked), $"Mỗi lần chỉ quyết định được tối đa {Inbox.Shown} nhiệm vụ.");
        if (Decision == BulkDecision.Return && string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), "Trả lại nhiệm vụ phải nêu lý do.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        // Each task is judged on its own, by the same rights and rules as on its page: one refused does not stop the others.
        var done = 0;
        var refusals = new List<string>();
        foreach (var id in picked)
        {
            int? version = Versions.TryGetValue(id, out var v) ? v : null;
            var result = Decision == BulkDecision.Complete
                ? await scope.OnTaskAsync(id, TaskRight.Complete, () => workflow.CompleteAsync(id, version, ct), ct)
                : await scope.OnTaskAsync(id, TaskRight.Return, () => workflow.ReturnAsync(id, new ReasonInput { Reason = Reason! }, version, ct), ct);
            db.ChangeTracker.Clear();
            if (result.IsDone)
                done++;
            else
                refusals.Add(result.Kind is Shared.OutcomeKind.Conflict or Shared.OutcomeKind.NotFound
                    ? RefusalText(result) : $"Nhiệm vụ số {id}: {RefusalText(result)}");
        }
        var verb = Decision == BulkDecision.Complete ? "công nhận hoàn thành" : "trả lại";
        Flash = refusals.Count == 0 ? $"Đã {verb} {done} nhiệm vụ." : $"Đã {verb} {done}/{picked.Count} nhiệm vụ; {refusals.Count} nhiệm vụ không thực hiện được.";
        Refusals = refusals.Count == 0 ? null : string.Join('\n', refusals);
        return RedirectToPage();
    }

    private static string RefusalText(Shared.Outcome<TaskItem> result) => result.Kind switch
    {
        Shared.OutcomeKind.Invalid => string.Join(" ", result.Problems!.ToDictionary().SelectMany(p => p.Value)),
        Shared.OutcomeKind.Conflict => result.Conflict!.Message,
        _ => result.Message ?? "",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Sections = inbox.SectionsFor();
        Counts = await inbox.CountsAsync(ct);
        var tasks = new Dictionary<InboxSection, IReadOnlyList<InboxTask>>();
        foreach (var section in Sections.Where(s => s is not (InboxSection.Extensions or InboxSection.Drafts)))
            tasks[section] = await inbox.TasksAsync(section, ct);
        Tasks = tasks;
        if (Sections.Contains(InboxSection.Extensions))
            Extensions = await inbox.ExtensionsAsync(ct);
        if (Sections.Contains(InboxSection.Drafts))
            DraftDocuments = await inbox.DraftDocumentsAsync(ct);
    }

    public static string Title(InboxSection section) => section switch
    {
        InboxSection.ToAccept => "Chờ tiếp nhận",
        InboxSection.ToReport => "Sắp đến hạn, quá hạn cần báo cáo",
        InboxSection.Returned => "Bị trả lại",
        InboxSection.ToDecide => "Chờ công nhận kết quả",
        InboxSection.Extensions => "Đề nghị gia hạn chờ quyết định",
        InboxSection.Monitoring => "Khắc phục hạn chế đang theo dõi",
        _ => "Dự thảo nhiệm vụ chờ xác nhận",
    };
}
