using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

/// <summary>The conference form: lists are one entry a line, as the import's review page writes them.</summary>
public sealed class ConferenceInput
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public DateOnly? HeldOn { get; set; }
    public int? UnitId { get; set; }
    public ConferenceFormat Format { get; set; }
    public string? Bridges { get; set; }
    public string? Chairs { get; set; }
    public string? Participants { get; set; }
    public string? Replaces { get; set; }
    public string? Presented { get; set; }
    public string? Conclusion { get; set; }
    // The version the form was read at; a save from an older read is refused.
    public int Version { get; set; }
}

/// <summary>Creates (no id) or edits a conference; everything is checked before anything is written, in one transaction.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(AppDb db, UserScope scope, Clock clock) : PageModel
{
    public const int MaxTitle = 500;
    public const int MaxKind = 200;
    public const int MaxBridge = 300;

    public static readonly string[] Kinds =
    [
        "Hội nghị tổng kết", "Hội nghị sơ kết", "Hội nghị chuyên đề", "Hội nghị Ban Chấp hành", "Hội nghị Ban Thường vụ",
        "Đoàn công tác, khảo sát",
    ];

    [BindProperty]
    public ConferenceInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await scope.Visible(db.Conferences.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == existing, ct) is not { } c)
                return NotFound();
            Input = await ReadAsync(c, ct);
        }
        else
        {
            Input = new ConferenceInput { UnitId = await scope.HomeUnitAsync(clock.Today, ct), HeldOn = clock.Today };
        }
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.UnitId], ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Conference? conference = null;
        if (id is { } existing && (conference = await scope.Visible(db.Conferences).FirstOrDefaultAsync(c => c.Id == existing, ct)) is null)
            return NotFound();
        Units = await UnitChoices.AroundAsync(db, scope, clock.Today, [Input.UnitId], ct: ct);

        var problems = new Problems();
        var title = VnText.Normalize(Input.Title ?? "");
        var kind = VnText.Normalize(Input.Kind ?? "");
        var replaces = VnText.Normalize(Input.Replaces ?? "");
        if (title.Length == 0)
            problems.Add(nameof(Input.Title), "Nhập tên hội nghị.");
        else if (title.Length > MaxTitle)
            problems.Add(nameof(Input.Title), $"Tên hội nghị dài quá {VnFormat.Number(MaxTitle)} ký tự.");
        if (kind.Length == 0)
            problems.Add(nameof(Input.Kind), "Nhập loại hội nghị (tổng kết, sơ kết, chuyên đề, Hội nghị Ban Chấp hành lần thứ …).");
        else if (kind.Length > MaxKind)
            problems.Add(nameof(Input.Kind), $"Loại hội nghị dài quá {VnFormat.Number(MaxKind)} ký tự.");
        if (Input.HeldOn is null)
            problems.Add(nameof(Input.HeldOn), "Nhập ngày diễn ra hội nghị.");
        if (!Enum.IsDefined(Input.Format))
            problems.Add(nameof(Input.Format), "Chọn hình thức: trực tiếp, trực tuyến hoặc kết hợp.");
        if (replaces.Length > MaxTitle)
            problems.Add(nameof(Input.Replaces), $"Phần “thay thế cho” dài quá {VnFormat.Number(MaxTitle)} ký tự.");

        if (Input.UnitId is not { } unitId)
            problems.Add(nameof(Input.UnitId), "Chọn đơn vị tổ chức hội nghị.");
        else if (!await scope.Visible(db.Units.AsNoTracking()).AnyAsync(u => u.Id == unitId, ct))
            problems.Add(nameof(Input.UnitId), "Đơn vị tổ chức không có trong phạm vi của bạn.");

        var bridges = ImportReview.Lines(Input.Bridges);
        if (bridges.FirstOrDefault(b => b.Length > MaxBridge) is { } longBridge)
            problems.Add(nameof(Input.Bridges), $"Điểm cầu “{longBridge[..40]}…” dài quá {VnFormat.Number(MaxBridge)} ký tự.");
        if (Input.Format != ConferenceFormat.InPerson && bridges.Count == 0)
            problems.Add(nameof(Input.Bridges), "Hội nghị trực tuyến hoặc kết hợp cần ít nhất một điểm cầu, mỗi điểm cầu một dòng.");
        if (Input.Format == ConferenceFormat.InPerson && bridges.Count > 0)
            problems.Add(nameof(Input.Bridges), "Hội nghị trực tiếp không có điểm cầu: chọn hình thức trực tuyến hoặc kết hợp, hoặc xóa các điểm cầu.");

        var chairs = ImportReview.Lines(Input.Chairs);
        var participants = ImportReview.Lines(Input.Participants);
        foreach (var (field, names) in new[] { (nameof(Input.Chairs), chairs), (nameof(Input.Participants), participants) })
            if (names.FirstOrDefault(n => n.Length > ConferenceImport.MaxName) is { } longName)
                problems.Add(field, $"Họ tên “{longName[..40]}…” dài quá {VnFormat.Number(ConferenceImport.MaxName)} ký tự.");

        var visibleDocuments = scope.Visible(db.Documents.AsNoTracking());
        async Task<int?> FindAsync(string field, string written)
        {
            var parsed = DocumentSymbol.Parse(written);
            if (parsed.Symbol is not { } symbol)
            {
                problems.Add(field, $"“{written}”: {parsed.Error}");
                return null;
            }
            var found = await visibleDocuments.Where(d => d.Symbol == symbol.Canonical)
                .OrderByDescending(d => d.IssuedOn).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (found is null)
                problems.Add(field, $"Văn bản {symbol.Canonical} chưa có trong sổ văn bản trong phạm vi của bạn: đăng ký văn bản trước.");
            return found;
        }
        var presented = new List<(int Id, string Written)>();
        foreach (var line in ImportReview.Lines(Input.Presented))
            if (await FindAsync(nameof(Input.Presented), line) is { } documentId)
                presented.Add((documentId, line));
        int? conclusionId = null;
        if (!string.IsNullOrWhiteSpace(Input.Conclusion))
            conclusionId = await FindAsync(nameof(Input.Conclusion), VnText.Normalize(Input.Conclusion));

        if (problems.Any || !ModelState.IsValid)
        {
            problems.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (conference is null)
        {
            conference = new Conference { Title = title, CreatedAtUtc = now };
            db.Conferences.Add(conference);
        }
        else
        {
            // The check EF makes in the UPDATE: the row must still be at the version the form was read at.
            db.Entry(conference).Property(c => c.Version).OriginalValue = Input.Version;
            Versions.Touch(db, conference);
        }
        conference.Title = title;
        conference.Kind = kind;
        conference.HeldOn = Input.HeldOn!.Value;
        conference.UnitId = Input.UnitId;
        conference.Format = Input.Format;
        conference.Replaces = replaces.Length > 0 ? replaces : null;
        // A conclusion registered outside the scope is not shown on the form, so the empty field keeps it.
        if (conclusionId is null && conference.ConclusionId is { } current && !await visibleDocuments.AnyAsync(d => d.Id == current, ct))
            conclusionId = current;
        conference.ConclusionId = conclusionId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Hội nghị vừa được người khác sửa. Hãy mở lại trang để xem bản mới nhất rồi sửa tiếp.");
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        // Bridges and people are written afresh from the form, which showed all of them.
        var id0 = conference.Id;
        db.ConferenceBridges.RemoveRange(await db.ConferenceBridges.Where(b => b.ConferenceId == id0).ToListAsync(ct));
        // A bridge point named exactly as one unit the user sees is that unit's.
        var bridgeUnits = (await scope.Visible(db.Units.AsNoTracking()).Where(u => bridges.Contains(u.Name) && u.ValidTo == null)
                .Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .GroupBy(u => u.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().Id);
        for (var i = 0; i < bridges.Count; i++)
            db.ConferenceBridges.Add(new ConferenceBridge { ConferenceId = id0, Position = i, Name = bridges[i], UnitId = bridgeUnits.TryGetValue(bridges[i], out var u) ? u : null });

        db.ConferencePeople.RemoveRange(await db.ConferencePeople.Where(p => p.ConferenceId == id0).ToListAsync(ct));
        var keys = chairs.Concat(participants).Select(Person.KeyFor).Distinct().ToList();
        var known = (await db.People.Where(p => keys.Contains(p.NameKey)).OrderBy(p => p.Id).ToListAsync(ct))
            .GroupBy(p => p.NameKey).ToDictionary(g => g.Key, g => g.First());
        var roles = new Dictionary<string, ConferenceRole>();
        foreach (var name in participants)
            roles[Person.KeyFor(name)] = ConferenceRole.Participant;
        foreach (var name in chairs)
            roles[Person.KeyFor(name)] = ConferenceRole.Chair;
        foreach (var name in chairs.Concat(participants).DistinctBy(Person.KeyFor))
        {
            var key = Person.KeyFor(name);
            if (!known.TryGetValue(key, out var person))
            {
                known[key] = person = new Person { Name = name, NameKey = key, CreatedAtUtc = now };
                db.People.Add(person);
            }
            db.ConferencePeople.Add(new ConferencePerson { ConferenceId = id0, Person = person, Role = roles[key] });
        }

        // Lessons are listed by their own unit and year, which are the conference's.
        foreach (var lesson in await db.Lessons.Where(l => l.ConferenceId == id0).ToListAsync(ct))
            (lesson.UnitId, lesson.Year) = (conference.UnitId, conference.HeldOn.Year);

        // A cited document the form no longer lists is no longer linked; a new one is cited as written. The form
        // lists only documents the user sees: those registered outside the scope stay linked as they were.
        var linked = await db.ConferenceDocuments.Where(d => d.ConferenceId == id0 && visibleDocuments.Any(v => v.Id == d.DocumentId)).ToListAsync(ct);
        var wanted = presented.Select(p => p.Id).ToHashSet();
        db.ConferenceDocuments.RemoveRange(linked.Where(d => !wanted.Contains(d.DocumentId)));
        foreach (var (documentId, written) in presented.DistinctBy(p => p.Id).Where(p => linked.All(d => d.DocumentId != p.Id)))
            db.ConferenceDocuments.Add(new ConferenceDocument { ConferenceId = id0, DocumentId = documentId, Citation = written });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Flash = id is null ? $"Đã ghi hội nghị “{title}”." : $"Đã lưu hội nghị “{title}”.";
        return RedirectToPage("Details", new { id = id0 });
    }

    private async Task<ConferenceInput> ReadAsync(Conference c, CancellationToken ct)
    {
        var people = await db.ConferencePeople.AsNoTracking().Where(p => p.ConferenceId == c.Id).OrderBy(p => p.PersonId)
            .Select(p => new { p.Person!.Name, p.Role }).ToListAsync(ct);
        var bridges = await db.ConferenceBridges.AsNoTracking().Where(b => b.ConferenceId == c.Id).OrderBy(b => b.Position).Select(b => b.Name).ToListAsync(ct);
        var visible = scope.Visible(db.Documents.AsNoTracking());
        var presented = await db.ConferenceDocuments.AsNoTracking().Where(d => d.ConferenceId == c.Id && visible.Any(v => v.Id == d.DocumentId))
            .OrderBy(d => d.Document!.IssuedOn)
            .Select(d => d.Document!.Symbol).ToListAsync(ct);
        var conclusion = c.ConclusionId is { } conclusionId
            ? await visible.Where(d => d.Id == conclusionId).Select(d => d.Symbol).FirstOrDefaultAsync(ct)
            : null;
        return new ConferenceInput
        {
            Title = c.Title,
            Kind = c.Kind,
            HeldOn = c.HeldOn,
            UnitId = c.UnitId,
            Format = c.Format,
            Bridges = string.Join("\n", bridges),
            Chairs = string.Join("\n", people.Where(p => p.Role == ConferenceRole.Chair).Select(p => p.Name)),
            Participants = string.Join("\n", people.Where(p => p.Role == ConferenceRole.Participant).Select(p => p.Name)),
            Replaces = c.Replaces,
            Presented = string.Join("\n", presented),
            Conclusion = conclusion,
            Version = c.Version,
        };
    }
}
