using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// Links what a text holds to what the office already knows, and stores the confirmed review in one
/// transaction: the conference and its source text, cited documents not yet in the registry (through
/// <see cref="DocumentRegistry"/>, as cited), people and the positions they were seen in, figures, lists.
/// </summary>
/// <param name="scope">The importing user: their unit is recorded on the documents the import enters,
/// and documents outside their scope are matched but not shown.</param>
public sealed class ConferenceImport(AppDb db, DocumentRegistry registry, Clock clock, UserScope scope)
{
    public const int MaxTitle = 500;
    public const int MaxName = 100;
    public const int MaxPosition = 300;
    public const int MaxFigureText = 300;
    public const int MaxItem = 2000;

    /// <summary>A document cited without its symbol ("Nghị quyết số 09 của Ban Thường vụ Thành ủy") gets one where kind and issuer are known.</summary>
    public async Task CompleteSymbolsAsync(ImportReview review, CancellationToken ct)
    {
        if (!review.Documents.Any(d => string.IsNullOrWhiteSpace(d.Symbol) && d.Issuer is not null))
            return;
        var catalog = await Catalog.LoadAsync(db, ct);
        foreach (var row in review.Documents.Where(d => string.IsNullOrWhiteSpace(d.Symbol) && d.Issuer is not null))
        {
            if (!catalog.Issuers.TryGetValue(row.Issuer!, out var issuer))
                continue;
            var code = catalog.Types.Where(t => t.Form == issuer.Form && t.Name == row.Kind).Select(t => t.Code).Order(StringComparer.Ordinal).FirstOrDefault();
            if (code is not null)
                row.Symbol = issuer.Form == SymbolForm.Party ? $"{row.Number}-{code}/{issuer.Code}" : $"{row.Number}/{code}-{issuer.Code}";
        }
    }

    public async Task<IReadOnlyList<DocumentMatch>> MatchDocumentsAsync(ImportReview review, CancellationToken ct)
    {
        var catalog = await Catalog.LoadAsync(db, ct);
        var register = await RegisterLookup.LoadAsync(db, scope, review.Documents, ct);
        return review.Documents.Select(row => Match(row, review.HeldOn, catalog, register)).ToList();
    }

    /// <summary>The people already known by each row's name; a row not yet matched is set to the first of them.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<KnownPerson>>> MatchPeopleAsync(ImportReview review, CancellationToken ct)
    {
        var result = new List<IReadOnlyList<KnownPerson>>();
        var byKey = await KnownAsync(review.People.Select(p => Person.KeyFor(p.Name)), ct);
        foreach (var row in review.People)
        {
            var known = byKey.GetValueOrDefault(Person.KeyFor(row.Name)) ?? [];
            if (!SameName(row.CheckedName, row.Name))
            {
                row.PersonId = known.Count > 0 ? known[0].Id : 0;
                row.CheckedName = row.Name;
            }
            result.Add(known);
        }
        return result;
    }

    /// <summary>Checks everything first, then writes everything or nothing; the id of the new conference.</summary>
    public async Task<Outcome<int>> ConfirmAsync(ImportReview review, CancellationToken ct)
    {
        var problems = Check(review);
        var catalog = await Catalog.LoadAsync(db, ct);
        var register = await RegisterLookup.LoadAsync(db, scope, review.Documents.Where(d => d.Include), ct);
        var documents = new List<(DocumentRow Row, int Index, DocumentMatch Match)>();
        for (var i = 0; i < review.Documents.Count; i++)
        {
            var row = review.Documents[i];
            if (!row.Include)
                continue;
            var match = Match(row, review.HeldOn, catalog, register);
            if (match.Problem is { } problem)
                problems.Add($"Documents[{i}].{match.Field}", $"{row.Label}: {problem}");
            documents.Add((row, i, match));
        }
        if (problems.Any)
            return problems;

        var heldOn = review.HeldOn!.Value;
        var now = clock.UtcNow;
        // The conference belongs to the importing user's unit, so it is seen where they work.
        var unitId = await scope.HomeUnitAsync(clock.Today, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var conference = new Conference
        {
            Title = VnText.Normalize(review.Title),
            HeldOn = heldOn,
            UnitId = unitId,
            Source = new ImportSource
            {
                FileName = review.FileName is { Length: > 0 } file ? Truncate(VnText.Normalize(Path.GetFileName(file)), 260) : null,
                Content = VnText.Normalize(review.Text),
                PublishedOn = review.PublishedOn,
                ImportedAtUtc = now,
            },
            CreatedAtUtc = now,
        };
        db.Conferences.Add(conference);
        await db.SaveChangesAsync(ct);

        var linked = new HashSet<int>();
        foreach (var (row, i, match) in documents)
        {
            // Read again inside the transaction: an earlier row of this import may have just entered the same document.
            var id = match.ExistingId ?? Match(row, heldOn, catalog, await RegisterLookup.LoadAsync(db, scope, [row], ct)).ExistingId;
            if (id is null)
            {
                var registered = await registry.RegisterAsync(new NewDocument
                {
                    Symbol = row.Symbol!,
                    IssuedOn = row.IssuedOn,
                    Title = row.Title!,
                    TypeName = row.Kind,
                }, DocumentStatus.CitedNotRegistered, scope.UnitId, ct);
                if (registered.Problems is { } refused)
                {
                    foreach (var (field, messages) in refused.ToDictionary())
                        foreach (var message in messages)
                            problems.Add($"Documents[{i}].{field}", $"{row.Label}: {message}");
                    continue;
                }
                id = registered.Value!.Id;
            }
            if (linked.Add(id.Value))
                db.ConferenceDocuments.Add(new ConferenceDocument { ConferenceId = conference.Id, DocumentId = id.Value, Citation = Truncate(VnText.Normalize(row.Citation), 500) });
        }
        if (problems.Any)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return problems;
        }

        await AddPeopleAsync(review, conference, now, ct);
        var position = 0;
        foreach (var row in review.Figures.Where(f => f.Include))
        {
            NumberText.TryParse(row.Value, out var value);
            decimal? total = NumberText.TryParse(row.Total, out var t) ? t : null;
            db.ConferenceFigures.Add(new ConferenceFigure
            {
                ConferenceId = conference.Id, Position = position++, Text = VnText.Normalize(row.Text), Value = value, Total = total, IsPercent = row.Percent,
            });
        }
        position = 0;
        foreach (var row in review.Lists.Where(l => l.Include))
        {
            var list = new ConferenceList { ConferenceId = conference.Id, Position = position++, Title = VnText.Normalize(row.Title) };
            var items = ImportReview.Lines(row.Items);
            list.Items.AddRange(items.Select((text, k) => new ConferenceListItem { Position = k, Text = text }));
            db.ConferenceLists.Add(list);
            if (Lesson.KindOfList(list.Title) is { } kind)
                db.Lessons.AddRange(items.Select((text, k) => new Lesson
                {
                    Kind = kind, Text = text, Position = k, ConferenceId = conference.Id, UnitId = unitId, Year = heldOn.Year, CreatedAtUtc = now,
                }));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return conference.Id;
    }

    private async Task AddPeopleAsync(ImportReview review, Conference conference, DateTime now, CancellationToken ct)
    {
        // Who each ticked row is, found in two queries and with one save for all new people, however many rows.
        var rows = review.People.Where(p => p.Include)
            .Select(row =>
            {
                var name = VnText.Normalize(row.Name);
                // A choice made among the people named like an earlier spelling does not hold for a corrected name.
                return (Row: row, Name: name, Key: Person.KeyFor(name), Chosen: SameName(row.CheckedName, name) ? row.PersonId : null);
            }).ToList();
        var chosenIds = rows.Where(r => r.Chosen > 0).Select(r => r.Chosen!.Value).Distinct().ToList();
        var chosen = await db.People.Where(p => chosenIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        var firstByKey = (await db.People.Where(p => keys.Contains(p.NameKey)).OrderBy(p => p.Id).ToListAsync(ct))
            .GroupBy(p => p.NameKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = new Dictionary<string, Person>(StringComparer.Ordinal);
        var people = new List<Person>();
        foreach (var (_, name, key, choice) in rows)
        {
            var person = choice is > 0 ? chosen.GetValueOrDefault(choice.Value) : null;
            // 0 is "a new person"; no choice (or a choice gone meanwhile) takes the first of that name.
            if (person is null && choice is not 0)
                person = firstByKey.GetValueOrDefault(key);
            if (person is null && !added.TryGetValue(key, out person))
            {
                person = new Person { Name = name, NameKey = key, CreatedAtUtc = now };
                db.People.Add(person);
                added[key] = person;
            }
            people.Add(person);
        }
        if (added.Count > 0)
            await db.SaveChangesAsync(ct);

        var seen = new Dictionary<int, HashSet<string>>();
        foreach (var (row, person) in rows.Select(r => r.Row).Zip(people))
        {
            // Each conference keeps the titles its report gives, even those an earlier report gave too.
            if (!seen.TryGetValue(person.Id, out var titles))
            {
                db.ConferencePeople.Add(new ConferencePerson { ConferenceId = conference.Id, PersonId = person.Id });
                seen[person.Id] = titles = new HashSet<string>(StringComparer.Ordinal);
            }
            foreach (var title in ImportReview.Lines(row.Positions))
            {
                if (titles.Add(VnText.Fold(title)))
                    db.PersonPositions.Add(new PersonPosition { PersonId = person.Id, Title = title, SeenOn = conference.HeldOn, ConferenceId = conference.Id });
            }
        }
    }

    /// <summary>What can be said of the form without the database.</summary>
    private static Problems Check(ImportReview review)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(review.Text))
            problems.Add("", "Không còn nội dung văn bản gốc; hãy đọc lại tệp hoặc dán lại nội dung.");
        if (string.IsNullOrWhiteSpace(review.Title))
            problems.Add(nameof(review.Title), "Nhập tên hội nghị, sự kiện.");
        else if (VnText.Normalize(review.Title).Length > MaxTitle)
            problems.Add(nameof(review.Title), $"Tên hội nghị, sự kiện dài quá {VnFormat.Number(MaxTitle)} ký tự.");
        if (review.HeldOn is null)
            problems.Add(nameof(review.HeldOn), review.WrittenDate is { } written
                ? $"Văn bản chỉ ghi ngày {written[5..]}/{written[2..4]}, không rõ năm: nhập ngày diễn ra đầy đủ."
                : "Nhập ngày diễn ra hội nghị, sự kiện.");

        for (var i = 0; i < review.Documents.Count; i++)
        {
            var row = review.Documents[i];
            if (row.Include && row.Title is { } title && VnText.Normalize(title).Length > MaxTitle)
                problems.Add($"Documents[{i}].Title", $"{row.Label}: trích yếu dài quá {VnFormat.Number(MaxTitle)} ký tự.");
        }
        for (var i = 0; i < review.People.Count; i++)
        {
            var row = review.People[i];
            if (!row.Include)
                continue;
            var name = VnText.Normalize(row.Name);
            if (name.Length == 0)
                problems.Add($"People[{i}].Name", $"Người thứ {i + 1}: nhập họ tên hoặc bỏ chọn.");
            else if (name.Length > MaxName)
                problems.Add($"People[{i}].Name", $"Họ tên “{Truncate(name, 40)}…” dài quá {VnFormat.Number(MaxName)} ký tự.");
            if (ImportReview.Lines(row.Positions).FirstOrDefault(p => p.Length > MaxPosition) is { } longTitle)
                problems.Add($"People[{i}].Positions", $"{name}: chức vụ “{Truncate(longTitle, 40)}…” dài quá {VnFormat.Number(MaxPosition)} ký tự.");
        }
        for (var i = 0; i < review.Figures.Count; i++)
        {
            var row = review.Figures[i];
            if (!row.Include)
                continue;
            var label = $"Số liệu thứ {i + 1}";
            if (string.IsNullOrWhiteSpace(row.Text))
                problems.Add($"Figures[{i}].Text", $"{label}: nhập nội dung hoặc bỏ chọn.");
            else if (VnText.Normalize(row.Text).Length > MaxFigureText)
                problems.Add($"Figures[{i}].Text", $"{label}: nội dung dài quá {VnFormat.Number(MaxFigureText)} ký tự.");
            if (!NumberText.TryParse(row.Value, out _))
                problems.Add($"Figures[{i}].Value", $"{label}: giá trị “{row.Value}” không phải số viết kiểu Việt Nam (ví dụ 10.027 hoặc 102,9).");
            if (!string.IsNullOrWhiteSpace(row.Total) && (!NumberText.TryParse(row.Total, out var total) || total <= 0))
                problems.Add($"Figures[{i}].Total", $"{label}: tổng “{row.Total}” phải là số dương viết kiểu Việt Nam (ví dụ 34).");
        }
        for (var i = 0; i < review.Lists.Count; i++)
        {
            var row = review.Lists[i];
            if (!row.Include)
                continue;
            var label = $"Danh sách thứ {i + 1}";
            if (string.IsNullOrWhiteSpace(row.Title))
                problems.Add($"Lists[{i}].Title", $"{label}: nhập tiêu đề hoặc bỏ chọn.");
            else if (VnText.Normalize(row.Title).Length > MaxTitle)
                problems.Add($"Lists[{i}].Title", $"{label}: tiêu đề dài quá {VnFormat.Number(MaxTitle)} ký tự.");
            var items = ImportReview.Lines(row.Items);
            if (items.Count == 0)
                problems.Add($"Lists[{i}].Items", $"{label}: cần ít nhất một mục, mỗi mục một dòng.");
            else if (items.Any(item => item.Length > MaxItem))
                problems.Add($"Lists[{i}].Items", $"{label}: có mục dài quá {VnFormat.Number(MaxItem)} ký tự.");
        }
        return problems;
    }

    private const string Symbol = nameof(DocumentRow.Symbol);
    private const string IssuedOn = nameof(DocumentRow.IssuedOn);

    private static DocumentMatch Match(DocumentRow row, DateOnly? heldOn, Catalog catalog, RegisterLookup register)
    {
        if (string.IsNullOrWhiteSpace(row.Symbol))
            return new(null, "chưa đủ số, ký hiệu (văn bản không nêu cơ quan ban hành): nhập đầy đủ, ví dụ 04-NQ/TU, hoặc bỏ chọn.", Symbol);
        var parsed = DocumentSymbol.Parse(row.Symbol);
        if (parsed.Symbol is not { } symbol)
            return new(null, parsed.Error, Symbol);

        var candidates = register.Candidates.GetValueOrDefault(symbol.Canonical) ?? [];
        Candidate? pick;
        if (row.IssuedOn is { } date)
            // The same symbol in another term is another document.
            pick = candidates.FirstOrDefault(c => c.IssuedOn == date)
                ?? candidates.FirstOrDefault(c => (c.TermStart <= date && date <= c.TermEnd) || c.Year == date.Year);
        else if (candidates.Count > 1)
            pick = heldOn is { } held ? candidates.Where(c => c.IssuedOn <= held).MaxBy(c => c.IssuedOn) : null;
        else
            pick = candidates.FirstOrDefault();
        if (pick is not null)
            return register.Seen.TryGetValue(pick.Id, out var seen) ? new(seen, null, null) : new(null, null, null, pick.Id);
        if (candidates.Count > 1 && row.IssuedOn is null)
            return new(null, $"sổ có {VnFormat.Number(candidates.Count)} văn bản {symbol.Canonical} ở các nhiệm kỳ khác nhau: nhập ngày ban hành để chọn đúng văn bản.", IssuedOn);

        var formName = symbol.Form == SymbolForm.Party ? "văn bản của Đảng" : "văn bản nhà nước";
        if (!catalog.Types.Any(t => t.Form == symbol.Form && t.Code == symbol.TypeCode))
            return new(null, $"loại văn bản “{symbol.TypeCode}” không có trong danh mục {formName}: sửa ký hiệu hoặc bỏ chọn.", Symbol);
        if (!catalog.Issuers.TryGetValue(symbol.IssuerCode, out var issuer))
            return new(null, $"cơ quan ban hành “{symbol.IssuerCode}” không có trong danh mục: sửa ký hiệu hoặc bỏ chọn.", Symbol);
        if (issuer.Form != symbol.Form)
            return new(null, $"“{symbol.IssuerCode}” không ban hành {formName}: kiểm tra cách viết số, ký hiệu.", Symbol);
        if (row.IssuedOn is null)
            return new(null, "chưa có trong sổ và văn bản không nêu ngày ban hành: nhập ngày hoặc bỏ chọn.", IssuedOn);
        if (string.IsNullOrWhiteSpace(row.Title))
            return new(null, "nhập trích yếu để ghi văn bản vào sổ.", nameof(DocumentRow.Title));
        return new(null, null, null);
    }

    /// <summary>The people known by each of the name keys, with their positions: two queries for any number of names.</summary>
    private async Task<Dictionary<string, IReadOnlyList<KnownPerson>>> KnownAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => wanted.Contains(p.NameKey)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.NameKey }).ToListAsync(ct);
        if (people.Count == 0)
            return [];
        var ids = people.Select(p => p.Id).ToList();
        var positions = (await db.PersonPositions.AsNoTracking().Where(p => ids.Contains(p.PersonId))
            .Select(p => new { p.PersonId, p.Title, p.SeenOn }).ToListAsync(ct)).ToLookup(p => p.PersonId);
        return people.GroupBy(p => p.NameKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<KnownPerson>)g
            .Select(p => new KnownPerson(p.Id, p.Name, positions[p.Id]
                .GroupBy(x => VnText.Fold(x.Title))
                .Select(t => t.OrderByDescending(x => x.SeenOn).First())
                .OrderByDescending(x => x.SeenOn).ThenBy(x => x.Title, StringComparer.Ordinal)
                .Select(x => new KnownPosition(x.Title, x.SeenOn)).ToList())).ToList(), StringComparer.Ordinal);
    }

    private static bool SameName(string? a, string? b) =>
        a is not null && b is not null && Person.KeyFor(a) == Person.KeyFor(b);

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    private sealed record Candidate(int Id, DateOnly IssuedOn, int? Year, DateOnly? TermStart, DateOnly? TermEnd);

    /// <summary>
    /// What the register holds under the rows' symbols, read in two queries for any number of rows:
    /// every document of each symbol, and those of them the user may see.
    /// </summary>
    private sealed record RegisterLookup(IReadOnlyDictionary<string, List<Candidate>> Candidates, IReadOnlyDictionary<int, DocumentDto> Seen)
    {
        public static async Task<RegisterLookup> LoadAsync(AppDb db, UserScope scope, IEnumerable<DocumentRow> rows, CancellationToken ct)
        {
            var symbols = rows.Select(r => string.IsNullOrWhiteSpace(r.Symbol) ? null : DocumentSymbol.Parse(r.Symbol).Symbol?.Canonical)
                .OfType<string>().Distinct().ToList();
            if (symbols.Count == 0)
                return new(new Dictionary<string, List<Candidate>>(), new Dictionary<int, DocumentDto>());
            var found = await db.Documents.AsNoTracking().Where(d => symbols.Contains(d.Symbol)).OrderBy(d => d.Id)
                .Select(d => new { d.Symbol, Candidate = new Candidate(d.Id, d.IssuedOn, d.Year, d.Term == null ? null : d.Term.StartsOn, d.Term == null ? null : d.Term.EndsOn) })
                .ToListAsync(ct);
            var ids = found.Select(f => f.Candidate.Id).ToList();
            var seen = await scope.Visible(db.Documents.AsNoTracking()).Where(d => ids.Contains(d.Id)).ToDto().ToDictionaryAsync(d => d.Id, ct);
            return new(found.GroupBy(f => f.Symbol, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Candidate).ToList(), StringComparer.Ordinal), seen);
        }
    }

    private sealed record Catalog(IReadOnlyList<DocumentType> Types, IReadOnlyDictionary<string, Issuer> Issuers)
    {
        public static async Task<Catalog> LoadAsync(AppDb db, CancellationToken ct) => new(
            await db.DocumentTypes.AsNoTracking().ToListAsync(ct),
            await db.Issuers.AsNoTracking().ToDictionaryAsync(i => i.Code, ct));
    }
}
