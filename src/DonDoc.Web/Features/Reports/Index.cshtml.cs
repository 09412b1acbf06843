using System.ComponentModel.DataAnnotations;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

public enum ReportChoice
{
    Progress,
    Reminder,
    ReminderPerUnit,
}

public sealed class NewReport
{
    [Required(ErrorMessage = "Chọn đơn vị cần báo cáo.")]
    public int? UnitId { get; set; }

    // Empty: today.
    public DateOnly? AsOf { get; set; }

    public ReportChoice Choice { get; set; }
}

public sealed record ReportRow(int Id, ReportKind Kind, string Symbol, string Unit, string? Recipient, DateOnly AsOf, DateOnly IssuedOn,
    string CreatedBy, DateTime CreatedAtUtc, string Sha256);

/// <summary>The office makes reports and reminder letters here, and finds every one made in its subtree.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDb db, UserScope scope, Clock clock, ReportMaker maker) : PageModel
{
    public const int Shown = 200;

    [BindProperty]
    public NewReport Input { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public IReadOnlySet<int> Made { get; private set; } = new HashSet<int>();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(int? unit, DateOnly? asOf, string? made, CancellationToken ct)
    {
        Input.UnitId = unit ?? await scope.HomeUnitAsync(clock.Today, ct);
        Input.AsOf = asOf;
        Made = (made ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var id) ? id : 0).ToHashSet();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostMakeAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var kind = Input.Choice == ReportChoice.Progress ? ReportKind.Progress : ReportKind.Reminder;
            Outcome<List<IssuedReport>> result;
            try
            {
                result = await maker.MakeAsync(kind, Input.Choice == ReportChoice.ReminderPerUnit, Input.UnitId!.Value, Input.AsOf, scope,
                    User.Identity?.Name ?? "", ct);
            }
            catch (DbUpdateException e) when (Database.IsDuplicate(e))
            {
                // Another report took the same number between our read and our write: nothing was kept.
                ModelState.AddModelError("", "Số văn bản vừa được cấp cho một văn bản khác lập cùng lúc; chưa có gì được lưu, hãy lập lại.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync(ct);
                return Page();
            }
            if (result.IsDone)
            {
                var made = result.Value!;
                Flash = made.Count == 1
                    ? $"Đã lập {made[0].Kind.Label().ToLower(Text.VnFormat.Culture)} số {made[0].Symbol}."
                    : $"Đã lập {made.Count} công văn đôn đốc, số {made[0].Symbol} đến {made[^1].Symbol}.";
                return RedirectToPage("Index", new { unit = Input.UnitId, made = string.Join(",", made.Select(r => r.Id)) });
            }
            if (await this.ShowRefusalAsync(result, db, nameof(Input), ct) is { } refused)
                return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The kept file of an issued report, as it was issued.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var file = await db.IssuedReports.AsNoTracking().Where(r => r.Id == id)
            .Join(scope.Visible(db.Units.AsNoTracking()), r => r.UnitId, u => u.Id, (r, u) => new { r.FileName, r.File!.Content })
            .FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, DocxType, file.FileName);
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.UnitId], ct: ct);
        var visible = scope.Visible(db.Units.AsNoTracking());
        Reports = await db.IssuedReports.AsNoTracking()
            .Join(visible, r => r.UnitId, u => u.Id, (r, u) => new { r, u.Name })
            .OrderByDescending(x => x.r.Id).Take(Shown)
            .Select(x => new ReportRow(x.r.Id, x.r.Kind, x.r.Symbol, x.Name,
                db.Units.Where(u => u.Id == x.r.RecipientUnitId).Select(u => u.Name).FirstOrDefault(),
                x.r.AsOf, x.r.IssuedOn, x.r.CreatedBy, x.r.CreatedAtUtc, x.r.Sha256))
            .ToListAsync(ct);
    }

    public static string At(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Clock.Zone)
        .ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
