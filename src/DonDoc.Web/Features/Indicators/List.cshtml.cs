using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

public sealed record IndicatorListRow(IndicatorRef Indicator, string OwnerName, string? DocumentSymbol, string? TaskTitle);

/// <summary>The indicators the user sees, and for the office the form that defines a new one.</summary>
public sealed class ListModel(AppDb db, UserScope scope, IndicatorBook book, Clock clock) : PageModel
{
    public sealed class NewIndicatorForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Measure { get; set; }
        public IndicatorKind Kind { get; set; }
        public IndicatorDirection Direction { get; set; }
        public PeriodKind ReportEvery { get; set; } = PeriodKind.Quarter;
        public int? FromYear { get; set; }
        public int? ToYear { get; set; }
        public int? OwnerUnitId { get; set; }
        public int? ReportWithinDays { get; set; } = 10;
        public string? NumeratorLabel { get; set; }
        public string? DenominatorLabel { get; set; }
        public int? TaskId { get; set; }
        public bool IsBasicTarget { get; set; }
    }

    [BindProperty]
    public NewIndicatorForm Input { get; set; } = new();

    public IReadOnlyList<IndicatorListRow> Rows { get; private set; } = [];
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public int Year => clock.Today.Year;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.FromYear = clock.Today.Year;
        Input.ToYear = clock.Today.Year + 4;
        Input.OwnerUnitId = scope.UnitId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!scope.Roles.Overlaps(Roles.Office))
            return Forbid();
        var problems = new Problems();
        if (Input.FromYear is null) problems.Add("FromYear", "Cần năm bắt đầu.");
        if (Input.ToYear is null) problems.Add("ToYear", "Cần năm kết thúc.");
        if (Input.OwnerUnitId is null) problems.Add("OwnerUnitId", "Cần đơn vị đặt chỉ tiêu.");
        if (string.IsNullOrWhiteSpace(Input.Code)) problems.Add("Code", "Cần mã chỉ tiêu.");
        if (string.IsNullOrWhiteSpace(Input.Name)) problems.Add("Name", "Cần tên chỉ tiêu.");
        if (string.IsNullOrWhiteSpace(Input.Measure)) problems.Add("Measure", "Cần đơn vị tính.");
        if (!problems.Any)
        {
            var result = await book.DefineAsync(new NewIndicator(Input.Code!, Input.Name!, Input.Measure!, Input.Kind, Input.Direction, Input.ReportEvery,
                Input.FromYear!.Value, Input.ToYear!.Value, Input.OwnerUnitId!.Value, Input.ReportWithinDays, null, Input.TaskId,
                Input.NumeratorLabel, Input.DenominatorLabel, Input.IsBasicTarget), ct);
            if (result.IsDone)
            {
                Flash = $"Đã đặt chỉ tiêu “{Input.Name}”.";
                return Redirect($"/Indicators/Details/{result.Value}?unit={Input.OwnerUnitId}&period={Input.FromYear}");
            }
            if (await this.ShowRefusalAsync(result, db, nameof(Input), ct) is { } refused)
                return refused;
        }
        else
            problems.CopyTo(ModelState, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await IndicatorBoard.Visible(db, scope).OrderBy(i => i.OwnerUnit!.Path).ThenBy(i => i.Code).Take(500)
            .Select(i => new IndicatorListRow(new IndicatorRef(i.Id, i.Code, i.Name, i.Measure, i.Kind, i.Direction, i.ReportEvery, i.ReportWithinDays,
                i.FromYear, i.ToYear, i.IsBasicTarget, i.OwnerUnitId, i.TaskId), i.OwnerUnit!.Name, i.Document!.Symbol, i.Task!.Title))
            .ToListAsync(ct);
        if (scope.Roles.Overlaps(Roles.Office))
            Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.OwnerUnitId], ct: ct);
    }
}
