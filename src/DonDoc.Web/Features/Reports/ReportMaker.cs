using System.Security.Cryptography;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reports;

/// <summary>What a document is made from; the same inputs make the same file.</summary>
public sealed record ReportInputs(ReportKind Kind, int UnitId, int IssuerUnitId, int? RecipientUnitId, DateOnly AsOf, DateOnly IssuedOn, string Symbol)
{
    public static ReportInputs Of(IssuedReport r) => new(r.Kind, r.UnitId, r.IssuerUnitId, r.RecipientUnitId, r.AsOf, r.IssuedOn, r.Symbol);
}

public sealed record Comparison(bool Same, string KeptHash, string NewHash, IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

/// <summary>
/// Makes the progress report and the reminder letter of a unit's subtree, numbers them in the issuer's register,
/// keeps them, and makes a kept one again to compare. The figures are the dashboard's own
/// (<see cref="DashboardQuery"/>), so the report and the dashboard cannot disagree.
/// </summary>
public sealed class ReportMaker(AppDb db, DashboardQuery dashboard, Clock clock, IConfiguration configuration)
{
    // Tasks listed per unit shown before "… và N nhiệm vụ khác": a city has thousands overdue on a bad day.
    public const int MaxTasksPerUnit = 20;

    // Programs drawn over their milestones; a unit leading more lists the rest by x/y alone.
    public const int MaxProgramCharts = 5;

    private string Place => configuration["Reports:Place"] is { Length: > 0 } place ? place : "Hà Nội";

    /// <summary>
    /// Makes, numbers and keeps a progress report, one reminder letter to every unit behind, or one letter per unit.
    /// The numbers are taken in one transaction with the records; two makers racing for a number get a unique-key refusal.
    /// </summary>
    public async Task<Outcome<List<IssuedReport>>> MakeAsync(ReportKind kind, bool perUnit, int unitId, DateOnly? asOf, UserScope scope,
        string userName, CancellationToken ct)
    {
        var today = clock.Today;
        var day = asOf ?? today;
        var unit = await scope.Visible(db.Units.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
            return Problems.Of("UnitId", "Không tìm thấy đơn vị này trong phạm vi của bạn.");
        if (day > today)
            return Problems.Of("AsOf", $"Ngày {VnFormat.Date(day)} ở sau hôm nay ({VnFormat.Date(today)}).");
        if (kind == ReportKind.Reminder && day != today)
            return Problems.Of("AsOf", "Công văn đôn đốc nêu các nhiệm vụ quá hạn, sắp đến hạn tính đến hôm nay: để trống ngày hoặc chọn hôm nay.");
        // The office of the maker's own unit issues it; the administrator, who has none, issues as the unit reported on.
        var issuer = scope.UnitId is { } own && Unit.Ancestors(unit.Path).Contains(own)
            ? await db.Units.AsNoTracking().SingleAsync(u => u.Id == own, ct)
            : unit;
        var term = await db.Terms.AsNoTracking()
            .Where(t => t.IssuerCode == null && t.StartsOn <= today && t.EndsOn >= today).OrderByDescending(t => t.StartsOn).FirstOrDefaultAsync(ct);
        if (term is null)
            return Problems.Of("", $"Chưa có nhiệm kỳ nào chứa ngày {VnFormat.Date(today)}: số văn bản được cấp theo nhiệm kỳ, hãy thêm nhiệm kỳ trước.");

        List<int?> recipients = [null];
        if (kind == ReportKind.Reminder)
        {
            var behind = await BehindAsync(unit, day, ct);
            if (behind.Count == 0)
                return Problems.Of("UnitId", $"{unit.Name} không có nhiệm vụ nào quá hạn hoặc sắp đến hạn: không cần công văn đôn đốc.");
            if (perUnit)
                recipients = behind.Select(b => (int?)b.UnitId).Distinct().ToList();
        }

        return await IssueAsync(kind, unit, issuer, term.Id, day, recipients, scope.UserId, userName, ct);
    }

    /// <summary>Numbers, makes and keeps the documents of checked inputs: one per recipient (null: every unit behind).</summary>
    public async Task<List<IssuedReport>> IssueAsync(ReportKind kind, Unit unit, Unit issuer, int termId, DateOnly day, IReadOnlyList<int?> recipients,
        int? userId, string userName, CancellationToken ct)
    {
        var today = clock.Today;
        var register = $"{kind.TypeCode()}/{RegisterOf(issuer)}";
        // A page form's create already runs in the transaction of its Idempotency-Key; otherwise open one.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Makers in one register take their numbers one after the other (SQLite's writer lock already does this).
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Units\" WHERE \"Id\" = {issuer.Id} FOR UPDATE", ct);
        var last = await db.IssuedReports.Where(r => r.IssuerUnitId == issuer.Id && r.Register == register && r.TermId == termId)
            .MaxAsync(r => (int?)r.Number, ct) ?? 0;
        var made = new List<IssuedReport>();
        foreach (var recipient in recipients)
        {
            var number = last + made.Count + 1;
            var inputs = new ReportInputs(kind, unit.Id, issuer.Id, recipient, day, today, $"{number:00}-{register}");
            var file = await BuildAsync(inputs, ct);
            var report = new IssuedReport
            {
                Kind = kind, UnitId = unit.Id, IssuerUnitId = issuer.Id, RecipientUnitId = recipient, AsOf = day, IssuedOn = today,
                TermId = termId, Register = register, Number = number, Symbol = inputs.Symbol,
                CreatedByUserId = userId, CreatedBy = userName, CreatedAtUtc = clock.UtcNow,
                Sha256 = Hash(file), FileName = FileName(inputs), File = new IssuedReportFile { Content = file },
            };
            made.Add(report);
            db.IssuedReports.Add(report);
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return made;
    }

    /// <summary>Makes the kept report again from today's data and says whether it is the same file, or what changed.</summary>
    public async Task<Comparison> CompareAsync(IssuedReport kept, byte[] keptFile, CancellationToken ct)
    {
        var again = await BuildAsync(ReportInputs.Of(kept), ct);
        var newHash = Hash(again);
        if (newHash == kept.Sha256)
            return new Comparison(true, kept.Sha256, newHash, [], []);
        var (removed, added) = TextDiff.Lines(DocxText.Lines(keptFile), DocxText.Lines(again));
        return new Comparison(false, kept.Sha256, newHash, removed, added);
    }

    public static string Hash(byte[] file) => Convert.ToHexStringLower(SHA256.HashData(file));

    public static string FileName(ReportInputs inputs) =>
        $"{(inputs.Kind == ReportKind.Progress ? "bao-cao" : "cong-van")}-{inputs.Symbol.Replace('/', '-')}-{inputs.AsOf:yyyy-MM-dd}.docx"
            .Replace("Đ", "D", StringComparison.Ordinal);

    /// <summary>
    /// The register an issuer numbers in, as the symbol's last part: the office of a city or provincial committee
    /// "VPTU", of the Central Committee "VPTW", of a Party committee "VPĐU"; a cell has no office and issues as "CB".
    /// </summary>
    public static string RegisterOf(Unit issuer) => issuer.Type switch
    {
        UnitType.TrungUong => "VPTW",
        UnitType.TinhUy => "VPTU",
        UnitType.DangBoTrucThuoc or UnitType.DangBoCoSo => "VPĐU",
        UnitType.ChiBo => "CB",
        _ => "VP",
    };

    public async Task<byte[]> BuildAsync(ReportInputs inputs, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == inputs.UnitId, ct);
        var issuer = await db.Units.AsNoTracking().SingleAsync(u => u.Id == inputs.IssuerUnitId, ct);
        var superior = issuer.ParentId is { } parentId ? await db.Units.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).SingleAsync(ct) : null;
        var behind = await BehindAsync(unit, inputs.AsOf, ct);
        var doc = new PartyDocx();
        Letterhead head;
        if (inputs.Kind == ReportKind.Progress)
        {
            var view = (await dashboard.GetAsync(unit.Id, inputs.AsOf, ct))!;
            var progress = new Dictionary<int, List<Milestone>>();
            foreach (var p in view.Programs.Where(p => p.Total > 0).Take(MaxProgramCharts))
                progress[p.Id] = await ProgramProgress.MilestonesAsync(db, p.Id, inputs.AsOf, ct);
            var year = Indicators.Period.OfYear(inputs.AsOf.Year);
            var defined = await Indicators.IndicatorBoard.ToRef(Indicators.IndicatorBoard.Of(db, unit.Path, year.Year, year.Year).OrderBy(i => i.Code)).ToListAsync(ct);
            var cells = await Indicators.IndicatorBoard.CellsAsync(db, defined, [unit.Id], year, year.Year - 1, inputs.AsOf, ct);
            WriteProgress(doc, view, progress, behind, defined.Where(i => cells.ContainsKey((i.Id, unit.Id))).Select(i => (i, cells[(i.Id, unit.Id)])).ToList());
            head = Head(issuer, superior, inputs, subject: null,
                [$"- Thường trực {issuer.Name} (để báo cáo);", .. issuer.Id != unit.Id ? new[] { $"- {unit.Name};" } : [], Archive(issuer)]);
        }
        else
        {
            var addressed = behind.Where(b => inputs.RecipientUnitId is not { } r || b.UnitId == r).ToList();
            var to = addressed.Select(b => b.Unit).Distinct().Order(StringComparer.Ordinal).ToList();
            WriteReminder(doc, issuer, inputs.AsOf, addressed, to);
            head = Head(issuer, superior, inputs, "V/v đôn đốc thực hiện các nhiệm vụ quá hạn, sắp đến hạn",
                ["- Như Kính gửi;", $"- Thường trực {issuer.Name} (để báo cáo);", Archive(issuer)]);
        }
        return doc.ToBytes(head, inputs.IssuedOn);
    }

    /// <summary>A task overdue or due soon, under the unit shown that answers for it (and its own lead unit when deeper).</summary>
    public sealed record Behind(TaskDue Task, int UnitId, string Unit, string? Lead);

    /// <summary>
    /// The tasks behind in a subtree, each under the unit the dashboard shows for it: the unit reported on for its own
    /// tasks, or the child whose subtree leads it. A city's report and letters so go to its committees, which chase
    /// their own cells, and their length follows the units shown rather than every cell of the tree.
    /// </summary>
    private async Task<List<Behind>> BehindAsync(Unit unit, DateOnly day, CancellationToken ct)
    {
        var due = await dashboard.DueAsync(unit, day, ct);
        var leadIds = due.Select(d => d.LeadUnitId).Distinct().ToList();
        var leads = await db.Units.AsNoTracking().Where(u => leadIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Name, u.Path), ct);
        var answering = leads.ToDictionary(l => l.Key, l => Unit.Ancestors(l.Value.Path).SkipWhile(id => id != unit.Id).Skip(1).DefaultIfEmpty(unit.Id).First());
        var shownIds = answering.Values.Distinct().ToList();
        var shown = await db.Units.AsNoTracking().Where(u => shownIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return due.Select(d =>
        {
            var answer = answering[d.LeadUnitId];
            return new Behind(d, answer, shown[answer], answer == d.LeadUnitId ? null : leads[d.LeadUnitId].Name);
        }).ToList();
    }

    private Letterhead Head(Unit issuer, string? superior, ReportInputs inputs, string? subject, IReadOnlyList<string> recipients) =>
        issuer.Type == UnitType.ChiBo
            ? new Letterhead(Upper(superior ?? ""), Upper(issuer.Name), inputs.Symbol, VnFormat.LongDate(Place, inputs.IssuedOn), subject,
                ["T/M CHI BỘ", "BÍ THƯ"], recipients)
            : new Letterhead(Upper(issuer.Name), "VĂN PHÒNG", inputs.Symbol, VnFormat.LongDate(Place, inputs.IssuedOn), subject,
                ["CHÁNH VĂN PHÒNG"], recipients);

    private static string Archive(Unit issuer) => issuer.Type == UnitType.ChiBo ? "- Lưu Chi bộ." : "- Lưu Văn phòng.";

    private static string Upper(string name) => name.ToUpper(VnFormat.Culture);

    private static void WriteProgress(PartyDocx doc, DashboardView view, IReadOnlyDictionary<int, List<Milestone>> progress, IReadOnlyList<Behind> behind,
        IReadOnlyList<(Indicators.IndicatorRef Indicator, Indicators.IndicatorCell Cell)> indicators)
    {
        var c = view.Unit.Counts;
        doc.Title("BÁO CÁO", "tình hình thực hiện, kết quả theo dõi, đôn đốc các nhiệm vụ", $"của {view.Unit.Name}",
            $"(số liệu tính đến ngày {VnFormat.Date(view.AsOf)})");

        doc.Heading("Tổng số nhiệm vụ và tỷ lệ hoàn thành");
        doc.Text($"Tổng số nhiệm vụ do {view.Unit.Name} và các đơn vị trực thuộc chủ trì: {N(c.Total)} nhiệm vụ (không tính {N(c.Cancelled)} nhiệm vụ đã hủy).");
        doc.Text($"Đã hoàn thành {N(c.Completed)}/{N(c.Total)} nhiệm vụ ({N(c.CompletedOnTime)} đúng hạn, {N(c.CompletedLate)} trễ hạn); "
            + $"tỷ lệ hoàn thành nhiệm vụ đến hạn {Rate(c)} ({N(c.Completed)}/{N(c.Due)}, nhiệm vụ chưa đến hạn chưa tính).");
        doc.Text($"Đang thực hiện {N(c.InProgress)}; chờ công nhận {N(c.Submitted)}; chưa tiếp nhận {N(c.NotAccepted)}; quá hạn {N(c.Overdue)}; sắp đến hạn (trong {TaskRules.DueSoonDays} ngày) {N(c.DueSoon)}.");

        doc.Heading("Chương trình, đề án");
        if (view.Programs.Count == 0)
            doc.Text("Đơn vị không chủ trì chương trình, đề án nào vào ngày này.");
        foreach (var p in view.Programs)
        {
            doc.Text($"- {p.Title}: hoàn thành {N(p.Completed)}/{N(p.Total)} hạng mục" + (p.Total > 0 ? $", đạt {VnFormat.Percent(100m * p.Completed / p.Total)}." : "."));
            if (progress.TryGetValue(p.Id, out var milestones) && milestones.Count > 1)
            {
                var chart = ReportCharts.ProgramProgress(milestones);
                doc.Image(chart.Png(), ChartSpec.Width, chart.Height, $"{chart.Title}: {p.Title}");
            }
        }

        // Only where the unit works to indicators: most cells have none.
        if (indicators.Count > 0)
        {
            doc.Heading($"Chỉ tiêu so với kế hoạch năm {view.AsOf.Year}");
            static string F(decimal? v) => v is { } x ? VnFormat.Figure(x) : "–";
            static string P(decimal? v) => v is { } x ? VnFormat.Percent(x) : "–";
            doc.Table(["TT", "Chỉ tiêu", "Thực hiện", "Kế hoạch", "% kế hoạch", "So với cùng kỳ"],
                indicators.Select((r, i) => (IReadOnlyList<string>)[N(i + 1), $"{r.Indicator.Name} ({r.Indicator.Measure})",
                    F(r.Cell.Actual) + (r.Cell.Estimates > 0 ? " (ước)" : ""), F(r.Cell.Plan?.Target), P(r.Cell.Plan?.Percent),
                    r.Cell.Growth is { } g ? (g >= 0 ? "tăng " : "giảm ") + VnFormat.Percent(Math.Abs(g)) : "–"]),
                [6, 40, 13, 13, 13, 15], numericFrom: 2);
        }

        doc.Heading("Kết quả theo đơn vị trực thuộc");
        if (view.Children.Count == 0)
            doc.Text("Đơn vị không có đơn vị trực thuộc nào đang hoạt động vào ngày này.");
        else
        {
            doc.Table(["TT", "Đơn vị", "Được giao", "Đúng hạn", "Trễ hạn", "Quá hạn", "Tỷ lệ"],
                view.Children.Select((u, i) => (IReadOnlyList<string>)[N(i + 1), u.Name, N(u.Counts.Total), N(u.Counts.CompletedOnTime),
                    N(u.Counts.CompletedLate), N(u.Counts.Overdue), Rate(u.Counts)]),
                [7, 38, 11, 11, 11, 11, 11], numericFrom: 2);
            var chart = ReportCharts.CompletionByChild(view);
            if (chart.Bars.Count > 0)
                doc.Image(chart.Png(), ChartSpec.Width, chart.Height, chart.Title);
        }

        doc.Heading("Nhiệm vụ quá hạn theo đơn vị chủ trì");
        var overdue = behind.Where(b => b.Task.Overlay == Overlay.Overdue).ToList();
        if (overdue.Count == 0)
            doc.Text("Không có nhiệm vụ quá hạn.");
        else
        {
            var age = ReportCharts.OverdueByAge(overdue.Select(b => b.Task), view.AsOf);
            doc.Image(age.Png(), ChartSpec.Width, age.Height, age.Title);
            foreach (var group in overdue.GroupBy(b => b.UnitId).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Unit, StringComparer.Ordinal))
            {
                doc.Text($"{group.First().Unit}: {N(group.Count())} nhiệm vụ quá hạn", bold: true);
                TaskTable(doc, group.ToList(), view.AsOf);
            }
        }
    }

    private void WriteReminder(PartyDocx doc, Unit issuer, DateOnly day, IReadOnlyList<Behind> behind, IReadOnlyList<string> to)
    {
        doc.Addressees(to);
        var office = issuer.Type == UnitType.ChiBo ? issuer.Name : $"Văn phòng {issuer.Name}";
        doc.Text($"Qua theo dõi, đến ngày {VnFormat.Date(day)} {(to.Count == 1 ? "đơn vị" : "các đơn vị")} còn {N(behind.Count(b => b.Task.Overlay == Overlay.Overdue))} nhiệm vụ quá hạn và {N(behind.Count(b => b.Task.Overlay == Overlay.DueSoon))} nhiệm vụ sắp đến hạn (trong {TaskRules.DueSoonDays} ngày), cụ thể như sau:");
        foreach (var group in behind.GroupBy(b => b.UnitId).OrderBy(g => g.First().Unit, StringComparer.Ordinal))
        {
            doc.Heading(group.First().Unit);
            TaskTable(doc, group.ToList(), day);
        }
        doc.Text($"{office} đề nghị {(to.Count == 1 ? "đơn vị" : "các đơn vị")} khẩn trương chỉ đạo hoàn thành các nhiệm vụ trên, cập nhật kết quả trên phần mềm theo dõi, đôn đốc; nhiệm vụ không thể hoàn thành đúng hạn thì báo cáo rõ lý do và đề nghị gia hạn.");
    }

    private static void TaskTable(PartyDocx doc, IReadOnlyList<Behind> tasks, DateOnly day)
    {
        var shown = tasks.Take(MaxTasksPerUnit).ToList();
        doc.Table(["TT", "Nhiệm vụ", "Thời hạn", "Tình trạng"],
            shown.Select((b, i) => (IReadOnlyList<string>)[N(i + 1), b.Lead is { } lead ? $"{b.Task.Title} ({lead})" : b.Task.Title,
                VnFormat.Date(b.Task.DueDate), State(b.Task, day)]),
            [6, 56, 16, 22], numericFrom: 4);
        if (tasks.Count > shown.Count)
            doc.Text($"… và {N(tasks.Count - shown.Count)} nhiệm vụ khác.", italic: true);
    }

    public static string State(TaskDue t, DateOnly day)
    {
        var days = day.DayNumber - t.DueDate.DayNumber;
        return days > 0 ? $"Quá hạn {N(days)} ngày" : days == 0 ? "Đến hạn hôm nay" : $"Còn {N(-days)} ngày";
    }

    private static string N(int value) => VnFormat.Number(value);

    private static string Rate(Counts c) => c.CompletionRate is { } r ? VnFormat.Percent(r) : "–";
}
