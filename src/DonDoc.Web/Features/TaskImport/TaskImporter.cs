using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.TaskImport;

public enum RowAction
{
    Add,
    Change,
    Same,
    Refused,
}

public sealed record FieldChange(string Column, string? Old, string? New);

/// <param name="Message">Names the line and the column: "Dòng 7, cột Đơn vị chủ trì: …".</param>
public sealed record RowProblem(string Column, string Message);

/// <param name="Version">The existing task's version as previewed: a change saved since then makes the confirmation a conflict.</param>
public sealed record RowOutcome(int Line, string Code, string Title, RowAction Action, int? TaskId, int? Version,
    IReadOnlyList<FieldChange> Changes, IReadOnlyList<RowProblem> Problems);

public sealed record ImportPreview(Guid Token, string FileName, int Added, int Changed, int Unchanged, int Refused, DateTime ExpiresAtUtc,
    IReadOnlyList<RowOutcome> Rows);

public enum ConfirmKind
{
    Done,
    NotFound,
    Refused,
    Conflict,
}

public sealed record ConfirmOutcome(ConfirmKind Kind, string Message, int Added = 0, int Changed = 0);

/// <summary>
/// An uploaded sheet between its preview and its confirmation: the rows as read, who uploaded them for which unit,
/// and a fingerprint of the preview shown. Kept in the database, so that any instance can confirm it, until it is
/// confirmed, abandoned or expired.
/// </summary>
public sealed class TaskImportPreview
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public int UnitId { get; set; }
    public required string FileName { get; set; }
    public required string Rows { get; set; }
    public required string Fingerprint { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}

internal sealed class TaskImportPreviewConfiguration : IEntityTypeConfiguration<TaskImportPreview>
{
    public void Configure(EntityTypeBuilder<TaskImportPreview> b)
    {
        b.ToTable("TaskImportPreviews");
        b.Property(p => p.FileName).HasMaxLength(260);
        b.Property(p => p.Fingerprint).HasMaxLength(64);
        b.HasIndex(p => p.ExpiresAtUtc);
    }
}

/// <summary>
/// The import of tasks from a sheet: a preview that writes nothing but the uploaded rows, then a confirmation that
/// plans the same rows again against the data as it then is and, if nothing changed, writes every row in one
/// transaction through <see cref="TaskWorkflow"/> (so history, rollups, notices and audit are what a task entered
/// by hand gets). Every row is assigned by the importer's unit, and its code is unique among that unit's tasks.
/// </summary>
public sealed class TaskImporter(AppDb db, TaskWorkflow workflow, UserScope scope, Clock clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The unit the user imports for: their own, or for the administrator the top of the tree.</summary>
    public Task<int?> UnitAsync(CancellationToken ct) => scope.HomeUnitAsync(clock.Today, ct);

    public async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var unitId = await UnitAsync(ct);
        var own = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var today = clock.Today;
        var child = await db.Units.AsNoTracking().Where(u => u.ParentId == unitId && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .OrderBy(u => u.Code).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return TaskSheet.Template(today, own, child);
    }

    /// <summary>Reads the file and plans its rows; stores them for the confirmation. A file that cannot be read is refused whole.</summary>
    public async Task<Outcome<ImportPreview>> PreviewAsync(byte[] file, string fileName, CancellationToken ct)
    {
        if (await UnitAsync(ct) is not { } unitId || scope.UserId is not { } userId)
            return Outcome<ImportPreview>.Forbidden("Tài khoản không thuộc đơn vị nào, không nhập nhiệm vụ được.");
        List<SheetRow> rows;
        try
        {
            rows = TaskSheet.Read(file);
        }
        catch (SheetFileException e)
        {
            return Problems.Of("file", $"Tệp “{fileName}”: {e.Message}");
        }
        var plan = await PlanAsync(rows, unitId, ct);
        var now = clock.UtcNow;
        var stored = new TaskImportPreview
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            UnitId = unitId,
            FileName = Path.GetFileName(fileName),
            Rows = JsonSerializer.Serialize(rows, Json),
            Fingerprint = Fingerprint(plan),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + KeepFor,
        };
        // Previews nobody confirmed nor abandoned go with the next upload.
        await db.Set<TaskImportPreview>().Where(p => p.ExpiresAtUtc < now).ExecuteDeleteAsync(ct);
        db.Add(stored);
        await db.SaveChangesAsync(ct);
        return Summarize(stored, plan);
    }

    /// <summary>A stored preview of this user, planned again as the data now is (the page shows it after a refused confirmation).</summary>
    public async Task<ImportPreview?> ShowAsync(Guid token, CancellationToken ct)
    {
        var stored = await FindAsync(token, ct);
        return stored is null ? null : Summarize(stored, await PlanAsync(RowsOf(stored), stored.UnitId, ct));
    }

    public async Task<bool> AbandonAsync(Guid token, CancellationToken ct) =>
        await db.Set<TaskImportPreview>().Where(p => p.Id == token && p.UserId == scope.UserId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>
    /// Writes every row of the preview, all or nothing. Refused while a row is refused; a conflict when the preview was
    /// confirmed already, or when the plan made now differs from the one previewed (a task changed, a code imported
    /// meanwhile), or when another import adds the same code at the same moment.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(Guid token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } stored)
            return new(ConfirmKind.NotFound, "Không có bản xem trước này (đã xác nhận, đã bỏ hoặc quá 24 giờ). Hãy tải tệp lên lại.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The claim is the first write: on SQLite it takes the write lock, so the plan below sees what others committed.
            if (await db.Set<TaskImportPreview>().Where(p => p.Id == token).ExecuteDeleteAsync(ct) == 0)
                return new(ConfirmKind.Conflict, "Bản xem trước này vừa được xác nhận hoặc bỏ ở nơi khác; không ghi thêm gì.");
            var plan = await PlanAsync(RowsOf(stored), stored.UnitId, ct);
            if (plan.Count(p => p.Outcome.Action == RowAction.Refused) is > 0 and var refused)
                return await AbortAsync(transaction, new(ConfirmKind.Refused,
                    $"Còn {VnFormat.Number(refused)} dòng bị từ chối nên chưa ghi dòng nào. Sửa các dòng đó trong tệp rồi tải lên lại."), ct);
            if (Fingerprint(plan) != stored.Fingerprint)
                return await AbortAsync(transaction, new(ConfirmKind.Conflict,
                    "Dữ liệu đã thay đổi kể từ khi xem trước (có nhiệm vụ vừa được sửa hoặc vừa được nhập); chưa ghi dòng nào. Hãy xem trước lại."), ct);
            var created = new Dictionary<int, int>();
            var (added, changed) = (0, 0);
            foreach (var step in plan)
            {
                if (step.New is { } input)
                {
                    if (step.ParentRow is { } p)
                        input.ParentId = created[p];
                    var done = await workflow.CreateAsync(input, scope, ct);
                    if (!done.IsDone)
                        return await AbortAsync(transaction, Raced(step, done.Problems), ct);
                    created[step.Index] = done.Value!.Id;
                    added++;
                }
                else if (step.Edit is { } edit)
                {
                    var id = step.Outcome.TaskId!.Value;
                    var done = await scope.OnTaskAsync(id, TaskRight.Edit, () => workflow.EditAsync(id, edit, step.Outcome.Version, scope, ct), ct);
                    if (!done.IsDone)
                        return await AbortAsync(transaction, Raced(step, done.Problems), ct);
                    changed++;
                }
            }
            await transaction.CommitAsync(ct);
            return new(ConfirmKind.Done, $"Đã nhập {VnFormat.Number(added)} nhiệm vụ mới, cập nhật {VnFormat.Number(changed)} nhiệm vụ.", added, changed);
        }
        catch (DbUpdateException e) when (Database.IsDuplicate(e))
        {
            // The unique code per assigning unit: another import added one of these codes between our plan and our write.
            return await AbortAsync(transaction, new(ConfirmKind.Conflict,
                "Một nhiệm vụ cùng mã vừa được nhập ở nơi khác; chưa ghi dòng nào. Hãy xem trước lại."), ct);
        }
    }

    private static ConfirmOutcome Raced(Step step, Problems? problems) => new(ConfirmKind.Conflict,
        $"Dòng {step.Outcome.Line} (mã {step.Outcome.Code}) không ghi được vì dữ liệu vừa thay đổi"
        + (problems is null ? "" : ": " + string.Join(" ", problems.ToDictionary().SelectMany(p => p.Value)))
        + "; chưa ghi dòng nào. Hãy xem trước lại.");

    private async Task<ConfirmOutcome> AbortAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ConfirmOutcome outcome,
        CancellationToken ct)
    {
        await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return outcome;
    }

    private async Task<TaskImportPreview?> FindAsync(Guid token, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return await db.Set<TaskImportPreview>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == token && p.UserId == scope.UserId && p.ExpiresAtUtc > now, ct);
    }

    private static List<SheetRow> RowsOf(TaskImportPreview stored) => JsonSerializer.Deserialize<List<SheetRow>>(stored.Rows, Json)!;

    private static ImportPreview Summarize(TaskImportPreview stored, IReadOnlyList<Step> plan)
    {
        var rows = plan.Select(p => p.Outcome).OrderBy(o => o.Line).ToList();
        int Count(RowAction a) => rows.Count(r => r.Action == a);
        return new(stored.Id, stored.FileName, Count(RowAction.Add), Count(RowAction.Change), Count(RowAction.Same), Count(RowAction.Refused),
            stored.ExpiresAtUtc, rows);
    }

    // What the preview showed, and the versions it read: equal fingerprints mean the confirmation would write what was shown.
    private static string Fingerprint(IReadOnlyList<Step> plan) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(plan.Select(p => p.Outcome).OrderBy(o => o.Line), Json))));

    /// <summary>One row as planned: what it becomes, and the input the workflow takes for it.</summary>
    private sealed class Step(int index, RowOutcome outcome)
    {
        public int Index { get; } = index;
        public RowOutcome Outcome { get; set; } = outcome;
        public NewTask? New { get; set; }
        public TaskEdit? Edit { get; set; }
        // A parent added by this same sheet, by row index.
        public int? ParentRow { get; set; }
    }

    /// <summary>
    /// Each row as it would be written now, parents before children: added, changed (each field old → new), unchanged,
    /// or refused with each reason. The rules are the workflow's own checks, the request's length limits and the
    /// importer's scope; only what a sheet adds (codes, parents by code, units and documents by name) is checked here.
    /// </summary>
    private async Task<List<Step>> PlanAsync(IReadOnlyList<SheetRow> sheet, int unitId, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = sheet.Select(r => r with { Code = CodeOf(r.Code), ParentCode = CodeOf(r.ParentCode) }).ToList();
        var codes = rows.Select(r => r.Code).Where(c => c.Length > 0).Concat(rows.Select(r => r.ParentCode).Where(c => c.Length > 0)).Distinct().ToList();
        var existing = await db.Tasks.AsNoTracking().Include(t => t.Coordinators)
            .Where(t => t.AssignedByUnitId == unitId && t.ImportCode != null && codes.Contains(t.ImportCode))
            .ToDictionaryAsync(t => t.ImportCode!, ct);
        var parentIds = existing.Values.Where(t => t.ParentId != null).Select(t => t.ParentId!.Value).Distinct().ToList();
        var parentCodes = await db.Tasks.AsNoTracking().Where(t => parentIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.ImportCode ?? $"số {t.Id}", ct);
        var units = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo > today))
            .Select(u => new KnownUnit(u.Id, u.Code, u.Name)).ToListAsync(ct);
        var matcher = new UnitMatcher(units);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var documents = await DocumentsAsync(rows, ct);
        var (parentRow, parentProblem) = Hierarchy.Resolve(rows.Select(r => r.Code).ToList(), rows.Select(r => r.ParentCode).ToList(),
            existing.Keys.ToHashSet());
        var firstLine = new Dictionary<string, int>();
        foreach (var r in rows.Where(r => r.Code.Length > 0))
            firstLine.TryAdd(r.Code, r.Line);

        var steps = new List<Step>();
        var planned = new Dictionary<int, Step>();
        // Rows on a loop of parents, and their descendants, come last: their parents are never planned before them.
        var order = Hierarchy.ParentsFirst(parentRow);
        order.AddRange(Enumerable.Range(0, rows.Count).Except(order));
        foreach (var i in order)
        {
            var row = rows[i];
            var problems = new List<RowProblem>();
            void Refuse(string column, string message) => problems.Add(new(column, $"Dòng {row.Line}, cột {column}: {message}"));

            if (row.Code.Length == 0)
                Refuse(TaskSheet.Code, "nhập mã nhiệm vụ.");
            else if (row.Code.Length > 40)
                Refuse(TaskSheet.Code, "mã dài quá 40 ký tự.");
            else if (firstLine[row.Code] != row.Line)
                Refuse(TaskSheet.Code, $"mã “{row.Code}” trùng với dòng {firstLine[row.Code]}.");
            if (parentProblem[i] is { } wrongParent)
                Refuse(TaskSheet.ParentCode, wrongParent);
            else if (parentRow[i] is { } p && (!planned.TryGetValue(p, out var parentStep) || parentStep.Outcome.Action == RowAction.Refused))
                Refuse(TaskSheet.ParentCode, $"nhiệm vụ cấp trên ở dòng {rows[p].Line} (mã {rows[p].Code}) bị từ chối.");
            foreach (var (property, text) in new[] { (nameof(NewTask.Title), row.Title), (nameof(NewTask.Content), row.Content),
                         (nameof(NewTask.ExpectedResult), row.ExpectedResult) })
                Annotations(property, text, Refuse);
            var kind = KindOf(row.Kind);
            if (kind is null)
                Refuse(TaskSheet.Kind, $"“{row.Kind}” không phải một loại nhiệm vụ; ghi một trong: {string.Join(", ", TaskSheet.Kinds.Select(k => k.Label()))}.");
            DateOnly? due = null;
            var ongoing = row.Due.Length == 0 || VnText.Fold(row.Due) == VnText.Fold(TaskSheet.Ongoing);
            if (!ongoing)
            {
                if (!VnFormat.TryParseDate(row.Due, out var day))
                    Refuse(TaskSheet.Due, $"“{row.Due}” không phải ngày dạng dd/MM/yyyy (ví dụ 31/12/{today.Year}); để trống nếu là nhiệm vụ thường xuyên.");
                else if (!InputRules.InWindow(day))
                    Refuse(TaskSheet.Due, InputRules.OutOfWindow(day));
                else
                    due = day;
            }
            int? lead = null;
            if (row.Lead.Length == 0)
                Refuse(TaskSheet.Lead, "nhập đơn vị chủ trì.");
            else if (matcher.Match(row.Lead) is { Problem: { } noLead })
                Refuse(TaskSheet.Lead, noLead);
            else
                lead = matcher.Match(row.Lead).Unit!.Id;
            var coordinators = new List<int>();
            foreach (var name in UnitMatcher.Split(row.Coordinators))
            {
                var (unit, noUnit) = matcher.Match(name);
                if (noUnit is not null)
                    Refuse(TaskSheet.Coordinators, noUnit);
                else if (!coordinators.Contains(unit!.Id))
                    coordinators.Add(unit.Id);
            }
            int? documentId = null;
            if (row.Document.Length > 0)
            {
                if (documents.TryGetValue(row.Document, out var found) && found.Id is { } docId)
                    documentId = docId;
                else
                    Refuse(TaskSheet.Document, found.Problem ?? $"không có văn bản “{row.Document}” trong sổ văn bản.");
            }

            // A parent already imported is named by its id; one this sheet adds, by its row until it is created.
            int? existingParent = row.ParentCode.Length > 0 && existing.TryGetValue(row.ParentCode, out var parentTask) ? parentTask.Id : null;
            var step = new Step(i, null!) { ParentRow = existingParent is null ? parentRow[i] : null };
            existing.TryGetValue(row.Code, out var task);
            var changes = new List<FieldChange>();
            if (problems.Count == 0 && task is null)
            {
                var input = new NewTask
                {
                    Title = row.Title,
                    Content = NullIfEmpty(row.Content),
                    ExpectedResult = NullIfEmpty(row.ExpectedResult),
                    LeadUnitId = lead,
                    CoordinatorUnitIds = coordinators,
                    AssignedByUnitId = unitId,
                    DeadlineKind = ongoing ? DeadlineKind.Ongoing : DeadlineKind.Date,
                    DueDate = due,
                    SourceDocumentId = documentId,
                    ParentId = existingParent,
                    Kind = kind!.Value,
                    ImportCode = row.Code,
                };
                if (problems.Count == 0)
                {
                    var outside = await scope.CheckNewTaskAsync(input, ct);
                    var (refused, _, _) = await workflow.CheckNewAsync(input, ct);
                    foreach (var (field, messages) in (outside?.ToDictionary() ?? []).Concat(refused.ToDictionary()))
                        foreach (var message in messages)
                            Refuse(ColumnOf(field), message);
                }
                step.New = input;
                changes.AddRange(new FieldChange[]
                {
                    new(TaskSheet.ParentCode, null, row.ParentCode), new(TaskSheet.Kind, null, kind?.Label()), new(TaskSheet.Title, null, row.Title),
                    new(TaskSheet.Content, null, row.Content), new(TaskSheet.ExpectedResult, null, row.ExpectedResult),
                    new(TaskSheet.Lead, null, Name(lead)), new(TaskSheet.Coordinators, null, Names(coordinators)),
                    new(TaskSheet.Due, null, ongoing ? TaskSheet.Ongoing : VnFormat.Date(due)), new(TaskSheet.Document, null, row.Document),
                }.Where(c => !string.IsNullOrEmpty(c.New)));
            }
            else if (problems.Count == 0 && task is not null)
            {
                if ((step.ParentRow is null ? existingParent : -1) != task.ParentId)
                    Refuse(TaskSheet.ParentCode, $"nhiệm vụ mã {row.Code} đã có cấp trên “{(task.ParentId is { } pid ? parentCodes[pid] : "không có")}”; không đổi cấp trên qua nhập lại.");
                if (kind != task.Kind)
                    Refuse(TaskSheet.Kind, $"nhiệm vụ mã {row.Code} là “{task.Kind.Label()}”; không đổi loại qua nhập lại.");
                if (documentId != task.SourceDocumentId && row.Document.Length > 0)
                    Refuse(TaskSheet.Document, $"nhiệm vụ mã {row.Code} đã gắn với văn bản khác; không đổi văn bản qua nhập lại.");
                if (ongoing != (task.DeadlineKind != DeadlineKind.Date))
                    Refuse(TaskSheet.Due, $"nhiệm vụ mã {row.Code} là nhiệm vụ {task.DeadlineKind.Label().ToLowerInvariant()}; không đổi loại thời hạn qua nhập lại.");
                var edit = new TaskEdit
                {
                    Title = row.Title,
                    Content = NullIfEmpty(row.Content),
                    ExpectedResult = NullIfEmpty(row.ExpectedResult),
                    LeadUnitId = lead,
                    CoordinatorUnitIds = coordinators,
                    AccountableUnitId = task.AccountableUnitId,
                    ResponsiblePerson = task.ResponsiblePerson,
                    DueDate = due,
                };
                void Compare(string column, string? old, string? now)
                {
                    if ((old ?? "") != (now ?? ""))
                        changes.Add(new(column, old, now));
                }
                Compare(TaskSheet.Title, task.Title, VnText.Normalize(row.Title));
                Compare(TaskSheet.Content, task.Content, NullIfEmpty(row.Content) is { } c ? VnText.Normalize(c) : null);
                Compare(TaskSheet.ExpectedResult, task.ExpectedResult, NullIfEmpty(row.ExpectedResult) is { } r ? VnText.Normalize(r) : null);
                Compare(TaskSheet.Lead, Name(task.LeadUnitId), Name(lead));
                Compare(TaskSheet.Coordinators, Names(task.Coordinators.Select(c => c.UnitId).Order().ToList()), Names(coordinators.Order().ToList()));
                if (!ongoing)
                    Compare(TaskSheet.Due, VnFormat.Date(task.DueDate), VnFormat.Date(due));
                if (problems.Count == 0 && changes.Count > 0)
                    foreach (var (field, messages) in (await workflow.CheckEditAsync(task, edit, ct)).ToDictionary())
                        foreach (var message in messages)
                            Refuse(ColumnOf(field), message);
                step.Edit = changes.Count > 0 ? edit : null;
            }
            var action = problems.Count > 0 ? RowAction.Refused : task is null ? RowAction.Add : changes.Count > 0 ? RowAction.Change : RowAction.Same;
            if (action == RowAction.Refused)
                (step.New, step.Edit) = (null, null);
            step.Outcome = new RowOutcome(row.Line, row.Code, row.Title, action, task?.Id, task?.Version, changes, problems);
            steps.Add(step);
            planned[i] = step;
        }
        return steps;

        string? Name(int? id) => id is { } u ? unitNames.GetValueOrDefault(u) ?? $"đơn vị số {u}" : null;
        string Names(IReadOnlyList<int> ids) => string.Join("; ", ids.Select(id => Name(id)));
    }

    /// <summary>The documents the rows name by symbol: the one visible document with that symbol, or why none.</summary>
    private async Task<Dictionary<string, (int? Id, string? Problem)>> DocumentsAsync(IReadOnlyList<SheetRow> rows, CancellationToken ct)
    {
        var result = new Dictionary<string, (int? Id, string? Problem)>();
        foreach (var text in rows.Select(r => r.Document).Where(d => d.Length > 0).Distinct())
        {
            var parsed = DocumentSymbol.Parse(text);
            if (parsed.Symbol is not { } symbol)
            {
                result[text] = (null, $"“{text}”: {parsed.Error}");
                continue;
            }
            var ids = await scope.Visible(db.Documents.AsNoTracking()).Where(d => d.Symbol == symbol.Canonical).Select(d => d.Id).Take(2).ToListAsync(ct);
            result[text] = ids.Count switch
            {
                1 => (ids[0], null),
                0 => (null, $"không có văn bản “{symbol.Canonical}” trong sổ văn bản; hãy đăng ký văn bản trước."),
                _ => (null, $"có nhiều văn bản số “{symbol.Canonical}” (ở các nhiệm kỳ, năm khác nhau); để trống và gắn văn bản trên trang nhiệm vụ."),
            };
        }
        return result;
    }

    /// <summary>A text's limits as the request type states them (required, length), the same the API and the forms apply.</summary>
    private static void Annotations(string property, string text, Action<string, string> refuse)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateProperty(text.Length == 0 ? null : text, new ValidationContext(new NewTask()) { MemberName = property }, results);
        foreach (var result in results)
            refuse(ColumnOf(property), result.ErrorMessage ?? "");
    }

    private static string ColumnOf(string field) => field.ToLowerInvariant() switch
    {
        "title" => TaskSheet.Title,
        "content" => TaskSheet.Content,
        "expectedresult" => TaskSheet.ExpectedResult,
        "leadunitid" => TaskSheet.Lead,
        "coordinatorunitids" => TaskSheet.Coordinators,
        "duedate" or "endson" => TaskSheet.Due,
        "parentid" => TaskSheet.ParentCode,
        "sourcedocumentid" => TaskSheet.Document,
        _ => TaskSheet.Code,
    };

    private static TaskKind? KindOf(string text) => text.Length == 0
        ? TaskKind.Task
        : TaskSheet.Kinds.Cast<TaskKind?>().FirstOrDefault(k => VnText.Fold(k!.Value.Label()) == VnText.Fold(text) || string.Equals(k.ToString(), text, StringComparison.OrdinalIgnoreCase));

    private static string CodeOf(string text) => VnText.Normalize(text).ToUpperInvariant();

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
