using System.ComponentModel.DataAnnotations;
using DonDoc.Web.Features.Units;

namespace DonDoc.Web.Features.Tasks;

// Shared by the pages and the API, so both refuse the same input with the same words.

public sealed class NewTask
{
    [Required(ErrorMessage = "Nhập tên nhiệm vụ.")]
    [StringLength(500, ErrorMessage = "Tên nhiệm vụ dài quá 500 ký tự.")]
    public string Title { get; set; } = "";

    [StringLength(8000, ErrorMessage = "Nội dung dài quá 8.000 ký tự.")]
    public string? Content { get; set; }

    [Required(ErrorMessage = "Chọn đơn vị chủ trì.")]
    public int? LeadUnitId { get; set; }

    // JSON null means none, as an absent field does.
    public List<int> CoordinatorUnitIds { get; set => field = value ?? []; } = [];

    // The unit that assigns the task and approves its extensions; by default the parent's lead unit,
    // or for a top-level task the creator's own unit.
    public int? AssignedByUnitId { get; set; }

    public int? AccountableUnitId { get; set; }

    [StringLength(200, ErrorMessage = "Tên người chịu trách nhiệm dài quá 200 ký tự.")]
    public string? ResponsiblePerson { get; set; }

    public DeadlineKind DeadlineKind { get; set; } = DeadlineKind.Date;

    public DateOnly? DueDate { get; set; }

    public Recurrence? Recurrence { get; set; }

    // Periodic tasks: periods run from today until this day.
    public DateOnly? EndsOn { get; set; }

    [StringLength(2000, ErrorMessage = "Kết quả dự kiến dài quá 2.000 ký tự.")]
    public string? ExpectedResult { get; set; }

    public int? SourceDocumentId { get; set; }

    [StringLength(1000, ErrorMessage = "Nguồn chỉ đạo dài quá 1.000 ký tự.")]
    public string? SourceNote { get; set; }

    public int? ParentId { get; set; }

    public TaskKind Kind { get; set; } = TaskKind.Task;

    // Set by the spreadsheet import only (see TaskImport): neither the API nor a form gives it.
    [System.Text.Json.Serialization.JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? ImportCode { get; set; }
}

/// <summary>What the assigning side may correct on a task it gave (see <see cref="TaskWorkflow.EditAsync"/>).</summary>
public sealed class TaskEdit
{
    [Required(ErrorMessage = "Nhập tên nhiệm vụ.")]
    [StringLength(500, ErrorMessage = "Tên nhiệm vụ dài quá 500 ký tự.")]
    public string Title { get; set; } = "";

    [StringLength(8000, ErrorMessage = "Nội dung dài quá 8.000 ký tự.")]
    public string? Content { get; set; }

    [StringLength(2000, ErrorMessage = "Kết quả dự kiến dài quá 2.000 ký tự.")]
    public string? ExpectedResult { get; set; }

    [Required(ErrorMessage = "Chọn đơn vị chủ trì.")]
    public int? LeadUnitId { get; set; }

    public List<int> CoordinatorUnitIds { get; set => field = value ?? []; } = [];

    public int? AccountableUnitId { get; set; }

    [StringLength(200, ErrorMessage = "Tên người chịu trách nhiệm dài quá 200 ký tự.")]
    public string? ResponsiblePerson { get; set; }

    // Empty: unchanged. Only a dated task not yet accepted: afterwards the deadline moves through an extension.
    public DateOnly? DueDate { get; set; }
}

public sealed class FanOutRequest
{
    // The unit whose children (or whose subtree's units of a type) receive the task; by default the parent's lead unit.
    public int? UnitId { get; set; }

    // Null: the unit's direct children; otherwise every unit of this type in its subtree.
    public UnitType? UnitType { get; set; }

    // The units ticked in the preview; null: every unit the choice above reaches.
    public List<int>? UnitIds { get; set; }
}

/// <summary>A unit that a fan-out would reach.</summary>
public sealed record FanOutTarget(int Id, string Code, string Name, string? ParentName);

public sealed class WithdrawRequest
{
    // The copies to withdraw; null: every copy that may still be withdrawn.
    public List<int>? TaskIds { get; set; }
}

public sealed class ProgressInput
{
    [Range(TaskRules.MinPercent, TaskRules.MaxPercent, ErrorMessage = TaskRules.PercentRange)]
    public int? Percent { get; set; }

    [Required(ErrorMessage = "Nhập nội dung báo cáo tiến độ.")]
    [StringLength(8000, ErrorMessage = "Nội dung báo cáo dài quá 8.000 ký tự.")]
    public string Text { get; set; } = "";

    // Defaults to today.
    public DateOnly? ReportedOn { get; set; }

    // Required when the percent is lower than the task's last one.
    [StringLength(2000, ErrorMessage = "Lý do giảm tỷ lệ dài quá 2.000 ký tự.")]
    public string? DropReason { get; set; }
}

public sealed class SubmitInput
{
    // Required, but checked by the workflow after the task's state: "already submitted" says more than "no result".
    [StringLength(8000, ErrorMessage = "Kết quả thực hiện dài quá 8.000 ký tự.")]
    public string? Result { get; set; }

    // Defaults to 100.
    [Range(TaskRules.MinPercent, TaskRules.MaxPercent, ErrorMessage = TaskRules.PercentRange)]
    public int? Percent { get; set; }

    // A result below 100% is submitted only when the sender says so: the page asks, the API caller sets it.
    public bool ConfirmIncomplete { get; set; }
}

public sealed class ReasonInput
{
    [Required(ErrorMessage = "Nhập lý do.")]
    [StringLength(2000, ErrorMessage = "Lý do dài quá 2.000 ký tự.")]
    public string Reason { get; set; } = "";
}

public sealed class ExtensionInput
{
    [Required(ErrorMessage = "Chọn hạn mới đề nghị.")]
    public DateOnly? RequestedDueDate { get; set; }

    [Required(ErrorMessage = "Nhập lý do đề nghị gia hạn.")]
    [StringLength(2000, ErrorMessage = "Lý do dài quá 2.000 ký tự.")]
    public string Reason { get; set; } = "";
}

public sealed class ExtensionDecision
{
    public bool? Approve { get; set; }

    [StringLength(2000, ErrorMessage = "Ý kiến dài quá 2.000 ký tự.")]
    public string? Note { get; set; }
}

public sealed record EvidenceFile(string FileName, string ContentType, long Length, Func<Stream> Open);
