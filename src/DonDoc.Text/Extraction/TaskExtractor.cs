using System.Text;
using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>
/// Reads a conclusion or direction (Thông báo kết luận, Kết luận, Kế hoạch, Party or State Công văn) into draft
/// tasks: one per directive given to a named body, in a sentence, a list item or a table row.
/// </summary>
public static partial class TaskExtractor
{
    private const int HeaderLines = 30;

    /// <param name="issued">The document's date when its place-and-date line gives none.</param>
    public static TaskExtraction Extract(string text, DateOnly? issued = null)
    {
        var raw = text.Replace("\r\n", "\n").Split('\n', '\r');
        var lines = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
            lines[i] = VnText.Normalize(raw[i]);
        var document = ReadDocument(lines, issued);
        var tasks = new BodyReader(raw, lines, document.Date).Read();
        return new TaskExtraction(document, tasks);
    }

    private static readonly Dictionary<string, string> KindByCode = new(StringComparer.Ordinal)
    {
        ["TB"] = "Thông báo", ["KL"] = "Kết luận", ["KH"] = "Kế hoạch", ["CV"] = "Công văn", ["CTr"] = "Chương trình",
        ["HD"] = "Hướng dẫn", ["NQ"] = "Nghị quyết", ["CT"] = "Chỉ thị", ["QĐ"] = "Quyết định", ["BC"] = "Báo cáo",
        ["CĐ"] = "Công điện", ["TTr"] = "Tờ trình", ["QC"] = "Quy chế", ["ĐA"] = "Đề án", ["TT"] = "Thông tri",
    };

    private static TaskDocument ReadDocument(string[] lines, DateOnly? issued)
    {
        var head = string.Join('\n', lines.Take(HeaderLines));
        DateOnly? date = DocumentHeader.Read(head)?.Date;
        for (var i = 0; date is null && i < Math.Min(lines.Length, HeaderLines); i++)
        {
            if (PlaceDate().Match(lines[i]) is { Success: true } m
                && VnDates.TryReadAfterDayWord(lines[i], m.Index + m.Length, out var written, out _))
                date = written.ToDate();
        }

        string? kind = null, number = null, symbol = null, issuer = null;
        if (OwnSymbol().Match(head) is { Success: true } own && DocumentSymbol.Parse(own.Groups["s"].Value).Symbol is { } parsed)
        {
            (symbol, number) = (parsed.Canonical, parsed.Number);
            if (parsed.Form == SymbolForm.Party)
                (kind, issuer) = (KindByCode.GetValueOrDefault(parsed.TypeCode), parsed.IssuerCode);
            else if (KindByCode.TryGetValue(parsed.TypeCode, out var stateKind))
                (kind, issuer) = (stateKind, parsed.IssuerCode);
            else // A State letter is numbered by its issuer and the drafting office: 1846/UBND-VX.
                (kind, issuer) = ("Công văn", parsed.TypeCode);
        }
        if (kind is null && TypeLine().Match(head) is { Success: true } type)
            kind = char.ToUpperInvariant(type.Value[0]) + type.Value[1..].ToLowerInvariant();
        if (kind is null && head.Contains("V/v", StringComparison.OrdinalIgnoreCase))
            kind = "Công văn";
        return new TaskDocument(kind, number, symbol, issuer, date ?? issued);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])Số\s*:?\s*(?<s>\d{1,5}\s?[-–/]\s?[\p{L}\d]+(?:\s?[-–/]\s?[\p{L}\d]+)*)")]
    private static partial Regex OwnSymbol();

    [GeneratedRegex(@"(?m)^(?:THÔNG BÁO|KẾT LUẬN|KẾ HOẠCH|CÔNG VĂN|CHƯƠNG TRÌNH|CHỈ THỊ|NGHỊ QUYẾT|HƯỚNG DẪN|CÔNG ĐIỆN)(?=\s|$)")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}\s*,\s*(?=ngày\s+\d)")]
    private static partial Regex PlaceDate();

    /// <summary>A task while it is read; its lead may come after its work, on a line of its own.</summary>
    private sealed class Draft
    {
        public string? Lead;
        public List<string> Coordinators = [];
        public string Work = "";
        public readonly StringBuilder Text = new();
        public string? DueCell;
        public string? ResultCell;

        public int FirstLength = -1;

        public void Append(string sentence)
        {
            if (Text.Length > 0)
                Text.Append(' ');
            Text.Append(sentence);
            if (FirstLength < 0)
                FirstLength = Text.Length;
        }
    }

    private sealed record Scope(int Rank, string? Lead, List<string> Coordinators, bool Skip);

    private readonly record struct Cell(int Start, string Text);

    private enum Role { Number, Content, Lead, Coordinators, Due, Result, Other }

    private sealed class BodyReader(string[] raw, string[] lines, DateOnly? issued)
    {
        private readonly List<Draft> _drafts = [];
        private readonly List<Scope> _scopes = [];
        private Draft? _pending;
        private Draft? _current;

        public List<DraftTask> Read()
        {
            var recipients = false;
            for (var i = HeaderEnd(); i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                    continue;
                if (Stop().IsMatch(line))
                    break;
                if (TableHeader(raw[i]) is { } table)
                {
                    i = ReadTable(i, table);
                    continue;
                }
                var (rank, content) = Marker(line);
                // A paragraph wrapped over several lines.
                while (content.Length >= WrappedLine && !EndsSentence(content) && i + 1 < lines.Length && lines[i + 1].Length > 0
                       && Marker(lines[i + 1]).Rank == Unmarked && !Label().IsMatch(lines[i + 1]) && TableHeader(raw[i + 1]) is null)
                    content += " " + lines[++i];

                if (recipients && (rank != Unmarked || content.EndsWith(';') || content.EndsWith(',')))
                    continue;
                recipients = false;
                if (content.StartsWith("Kính gửi", StringComparison.OrdinalIgnoreCase))
                {
                    recipients = true;
                    continue;
                }
                if (Label().IsMatch(content))
                {
                    FillAll(content);
                    continue;
                }

                if (rank == Unmarked && _scopes.FindLastIndex(s => s.Rank == Prose) is >= 0 and var prose)
                    _scopes.RemoveRange(prose, _scopes.Count - prose);
                while (rank != Unmarked && _scopes.Count > 0 && _scopes[^1].Rank != Prose && _scopes[^1].Rank >= rank)
                    _scopes.RemoveAt(_scopes.Count - 1);
                var skip = _scopes.Any(s => s.Skip);
                if (IsHeading(rank, content))
                {
                    _scopes.Add(new Scope(rank == Unmarked ? Prose : rank, null, [], skip || SkippedSection().IsMatch(VnText.Fold(content))));
                    _pending = _current = null;
                    continue;
                }
                if (!skip)
                    ReadParagraph(rank, content);
                if (line.EndsWith("./.", StringComparison.Ordinal))
                    break;
            }
            return _drafts.Where(d => d.Lead is not null).Select(Finish).Where(t => t is not null).Select(t => t!).ToList();
        }

        // Hard-wrapped paragraphs have long lines; short ones without a full stop are the header's and the headings'.
        private const int WrappedLine = 50;

        // The body starts after the number, the place and date and the type name, where the header has them.
        private int HeaderEnd()
        {
            var end = 0;
            for (var i = 0; i < Math.Min(lines.Length, HeaderLines); i++)
            {
                if (OwnSymbol().IsMatch(lines[i]) || (PlaceDate().IsMatch(lines[i]) && lines[i].Length < 120) || TypeLine().IsMatch(lines[i]))
                    end = i + 1;
            }
            return end;
        }

        private void ReadParagraph(int rank, string content)
        {
            _pending = _current = null;
            var inherited = _scopes.LastOrDefault(s => s.Lead is not null);
            var sentences = Sentences(content);
            for (var k = 0; k < sentences.Count; k++)
            {
                var s = sentences[k];
                if (NotADirective().IsMatch(s) || (s.EndsWith(':') && s.Contains("như sau", StringComparison.OrdinalIgnoreCase)))
                    continue;
                if (Label().IsMatch(s))
                {
                    FillAll(s);
                    continue;
                }
                var words = Directives.Words(s);
                if (words.Length == 0)
                    continue;
                var found = FindLead(s, words, out var conditional);
                if (conditional)
                    continue;
                if (found is { } f)
                {
                    var work = Directives.Trim(f.Work);
                    // "Xây dựng đề án … . Giao Ban Tổ chức Thành ủy chủ trì thực hiện.": the lead of the work just read.
                    if (_pending is { Lead: null } previous && k > 0 && !s.EndsWith(':') && (work.Length == 0 || Generic().IsMatch(Title(work))))
                    {
                        previous.Lead = f.Roles.Lead;
                        previous.Coordinators.AddRange(f.Roles.Coordinators);
                        previous.Append(s);
                        continue;
                    }
                    if (s.EndsWith(':') || work.Length == 0)
                    {
                        // "Đề nghị Ban cán sự đảng UBND thành phố chỉ đạo:" or "1. Ban Tuyên giáo Tỉnh ủy": the items below are its work.
                        if (k == sentences.Count - 1)
                            _scopes.Add(new Scope(rank == Unmarked ? Prose : rank, f.Roles.Lead, f.Roles.Coordinators, false));
                        continue;
                    }
                    Add(f.Roles.Lead, f.Roles.Coordinators, work, s);
                    continue;
                }
                if (k == 0 && inherited is not null && !s.EndsWith(':'))
                {
                    var (coordinators, workStart) = Directives.RolesAfter(s, words, 0);
                    Add(inherited.Lead, [.. inherited.Coordinators, .. coordinators], s[workStart..], s);
                    continue;
                }
                if (k == 0 || !Attached().IsMatch(s))
                {
                    _pending = new Draft { Work = s };
                    _pending.Append(s);
                    _drafts.Add(_pending);
                    continue;
                }
                if (Attached().IsMatch(s))
                    (_current ?? _pending)?.Append(s);
            }
        }

        private void Add(string? lead, List<string> coordinators, string work, string sentence)
        {
            _current = new Draft { Lead = lead, Coordinators = coordinators, Work = work };
            _current.Append(sentence);
            _drafts.Add(_current);
            _pending = null;
        }

        private readonly record struct Found(Directives.Roles Roles, string Work);

        // The lead named first (after an opening clause such as "Định kỳ hằng quý,"), else after the work.
        private static Found? FindLead(string s, Token[] words, out bool conditional)
        {
            conditional = false;
            if (Directives.LeadFirst(s, words, 0) is { } first)
                return new Found(first, WorkAfter(s, first));
            foreach (Match m in Bracket().Matches(s))
            {
                if (Directives.Named(m.Groups["in"].Value.Split(';')[0]) is { } named)
                    return new Found(named, s[..m.Index]);
            }
            // A sentence opened by a body that gives no work ("Thường trực Thành ủy ghi nhận …") is an assessment.
            var opensWithBody = Directives.IsHead(s, words, Directives.SkipPrefixes(s, words, 0) is var h && h < words.Length ? h : 0);
            for (var i = 1; !opensWithBody && i < Math.Min(words.Length, 40); i++)
            {
                if (!Directives.Separator(s, words, i - 1, i).Contains(',') || InBrackets(s, words[i].Start) || Directives.LeadFirst(s, words, i) is not { } roles)
                    continue;
                if (Narration().IsMatch(s))
                    return null;
                if (Conditional().IsMatch(s.AsSpan(0, words[i].Start)))
                {
                    conditional = true;
                    return null;
                }
                // "Tổ chức hội nghị …, giao Ban Dân vận Thành ủy chủ trì.": the work came first.
                var after = WorkAfter(s, roles);
                return new Found(roles, Directives.Trim(after).Length > 0 ? after : s[..words[i - 1].End]);
            }
            if (Conditional().IsMatch(s))
            {
                conditional = true;
                return null;
            }
            for (var i = 1; i < words.Length; i++)
            {
                var gap = Directives.Separator(s, words, i - 1, i);
                var w = words[i].In(s);
                if (gap.Contains(':') || gap.Contains('–') || gap.Contains(" - ", StringComparison.Ordinal))
                {
                    var tail = s[words[i].Start..].Split(';')[0];
                    if (Directives.Named(tail) is { } named)
                        return new Found(named, s[..words[i - 1].End]);
                }
                else if ((gap.Contains(',') || gap.Contains('.')) && (w.Equals("giao", StringComparison.OrdinalIgnoreCase) || w.Equals("đề nghị", StringComparison.OrdinalIgnoreCase)))
                {
                    if (Directives.LeadFirst(s, words, i) is { } given)
                        return new Found(given, s[..words[i - 1].End]);
                }
                else if (gap.Contains(',') && s.AsSpan(words[i].Start).Contains("chủ trì", StringComparison.OrdinalIgnoreCase)
                         && Directives.Named(s[words[i].Start..].Split(';')[0]) is { } after)
                {
                    return new Found(after, s[..words[i - 1].End]);
                }
            }
            return null;
        }

        private static bool InBrackets(string s, int at) => s.LastIndexOf('(', at) > s.LastIndexOf(')', at);

        private static string WorkAfter(string s, Directives.Roles roles) =>
            roles.WorkStart < s.Length ? s[roles.WorkStart..] : "";

        // "Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian hoàn thành: Quý II/2025."
        private void FillAll(string labels)
        {
            foreach (var part in labels.Split("; "))
            {
                if (Label().Match(part) is { Success: true } label)
                    Fill(_pending ?? _current, label, part);
            }
        }

        private void Fill(Draft? draft, Match label, string line)
        {
            if (draft is null)
                return;
            var value = line[(label.Index + label.Length)..].Trim().TrimEnd('.', ';');
            var name = label.Groups["name"].Value.ToLowerInvariant();
            if (name.Contains("phối hợp"))
                draft.Coordinators.AddRange(Directives.Split(value));
            else if (name.Contains("chủ trì") || name.Contains("thực hiện") || name.Contains("trách nhiệm"))
            {
                if (Directives.Named(value) is { } roles)
                {
                    draft.Lead = roles.Lead;
                    draft.Coordinators.AddRange(roles.Coordinators);
                }
                else
                {
                    draft.Lead = Directives.Trim(value);
                }
            }
            else if (name.StartsWith("sản phẩm") || name.StartsWith("kết quả"))
                draft.ResultCell = value;
            else
                draft.DueCell = value;
            draft.Append(line);
        }

        private DraftTask? Finish(Draft d)
        {
            var title = Title(d.Work);
            if (title.Length == 0 || Generic().IsMatch(title))
                return null;
            var text = d.Text.ToString();
            var deadline = Deadlines.Read(text, issued);
            if (d.DueCell is { Length: > 0 } cell)
            {
                var stated = Deadlines.Read(cell, issued, cell: true);
                deadline = new Deadline(stated.Due ?? deadline.Due, stated.Recurrence ?? deadline.Recurrence, stated.Ongoing || deadline.Ongoing);
            }
            var coordinators = d.Coordinators.Distinct().ToList();
            return new DraftTask(title, Directives.Trim(d.Lead!), coordinators, deadline.Due, deadline.Recurrence, deadline.Ongoing,
                d.ResultCell is { Length: > 0 } r ? r : Result(d.Work, title) ?? Result(text[d.FirstLength..], ""), text);
        }

        private static string Title(string work)
        {
            var cut = TitleEnd().Match(work);
            var title = cut.Success ? work[..cut.Index] : work;
            title = Directives.Trim(TitleStart().Replace(Directives.Trim(title), ""));
            return title;
        }

        private static string? Result(string work, string title)
        {
            if (ReportVerb().Match(work) is not { Success: true } m)
                return null;
            var result = work[m.Groups["r"].Index..];
            var end = ResultEnd().Match(result);
            result = Directives.Trim(end.Success ? result[..end.Index] : result);
            return result.Length > 0 ? result : title.StartsWith("báo cáo", StringComparison.OrdinalIgnoreCase) ? title : null;
        }

        // Tables rendered as text: cells separated by tabs, "|" or runs of spaces, under a header naming the columns.
        private sealed record Table(char Mode, List<(int Start, Role Role)> Columns);

        private static Table? TableHeader(string line)
        {
            var mode = line.Contains('\t') ? '\t' : line.AsSpan().Count('|') >= 2 ? '|' : ' ';
            if (mode == ' ' && !line.Contains("  ", StringComparison.Ordinal))
                return null;
            var cells = Cells(line, mode);
            if (cells.Count < 3)
                return null;
            var columns = cells.Select(c => (c.Start, RoleOf(VnText.Fold(c.Text)))).ToList();
            return columns.Any(c => c.Item2 == Role.Content) && columns.Any(c => c.Item2 == Role.Lead) ? new Table(mode, columns) : null;
        }

        private static Role RoleOf(string folded) => folded switch
        {
            "stt" or "tt" or "so tt" or "so thu tu" => Role.Number,
            _ when folded.Contains("phoi hop") => Role.Coordinators,
            // "Thời gian thực hiện" is a deadline, "Cơ quan thực hiện" a lead.
            _ when folded.Contains("thoi gian") || folded.Contains("thoi han") || folded.Contains("tien do") || folded.Contains("hoan thanh") => Role.Due,
            _ when folded.Contains("chu tri") || folded.Contains("thuc hien") || folded.Contains("trach nhiem") || folded.StartsWith("co quan") || folded.StartsWith("don vi") => Role.Lead,
            _ when folded.Contains("san pham") || folded.Contains("ket qua") || folded.Contains("hinh thuc") => Role.Result,
            _ when folded.Contains("noi dung") || folded.Contains("nhiem vu") || folded.Contains("cong viec") || folded.StartsWith("ten ") => Role.Content,
            _ => Role.Other,
        };

        private static List<Cell> Cells(string line, char mode)
        {
            var cells = new List<Cell>();
            if (mode is '\t' or '|')
            {
                var parts = line.Split(mode);
                var at = 0;
                for (var p = 0; p < parts.Length; p++)
                {
                    var edge = mode == '|' && (p == 0 || p == parts.Length - 1) && parts[p].Trim().Length == 0;
                    if (!edge)
                        cells.Add(new Cell(at, parts[p].Trim()));
                    at += parts[p].Length + 1;
                }
                return cells;
            }
            foreach (Match m in SpacedCell().Matches(line))
                cells.Add(new Cell(m.Index, m.Value.Trim()));
            return cells;
        }

        private int ReadTable(int i, Table table)
        {
            string[]? row = null;
            string? previousLead = null;
            void Flush()
            {
                if (row is null)
                    return;
                previousLead = AddRow(row, previousLead);
                row = null;
            }

            var j = i + 1;
            for (; j < raw.Length; j++)
            {
                var line = raw[j];
                if (line.Trim().Length == 0)
                    continue;
                if (RuleLine().IsMatch(line))
                    continue;
                var cells = Cells(line, table.Mode);
                if (table.Mode == ' ' ? cells.Count < 2 && !char.IsWhiteSpace(line[0]) : !line.Contains(table.Mode))
                    break;
                var values = new string[table.Columns.Count];
                for (var c = 0; c < cells.Count; c++)
                {
                    var column = table.Mode == ' ' ? table.Columns.FindLastIndex(col => col.Start <= cells[c].Start + 2) : c;
                    if (column >= 0 && column < values.Length && cells[c].Text.Length > 0)
                        values[column] = values[column] is null ? VnText.Normalize(cells[c].Text) : values[column] + " " + VnText.Normalize(cells[c].Text);
                }
                var number = Value(table, values, Role.Number);
                var lead = Value(table, values, Role.Lead);
                var hasNumberColumn = table.Columns.Any(c => c.Role == Role.Number);
                var starts = hasNumberColumn ? number.Length > 0 : lead.Length > 0 || row is null;
                if (starts)
                {
                    Flush();
                    if (RomanOrLetter().IsMatch(number) && lead.Length == 0)
                        continue;
                    row = values;
                }
                else if (row is not null)
                {
                    for (var c = 0; c < values.Length; c++)
                        if (values[c] is { Length: > 0 } more)
                            row[c] = row[c] is null ? more : row[c] + " " + more;
                }
            }
            Flush();
            return j - 1;

            string? AddRow(string[] values, string? inheritedLead)
            {
                var content = Value(table, values, Role.Content);
                var leadCell = Value(table, values, Role.Lead);
                var coordinatorCell = Value(table, values, Role.Coordinators);
                var due = Value(table, values, Role.Due);
                if (content.Length == 0)
                    return inheritedLead;
                // A lead cell merged over several rows is printed once.
                if (leadCell.Length == 0 && (due.Length > 0 || coordinatorCell.Length > 0))
                    leadCell = inheritedLead ?? "";
                if (leadCell.Length == 0)
                    return inheritedLead;
                var draft = new Draft { Work = content, DueCell = due.Length > 0 ? due : null, ResultCell = Value(table, values, Role.Result) };
                // "Ban Tuyên giáo Quận ủy (chủ trì); Văn phòng Quận ủy": one column for both roles.
                if (MarkedLead().Match(leadCell) is { Success: true } marked)
                {
                    draft.Lead = Directives.Trim(marked.Groups["lead"].Value);
                    draft.Coordinators.AddRange(Directives.Split(PhoiHop().Replace(marked.Groups["rest"].Value, "")));
                }
                else if (Directives.Named(leadCell) is { } roles)
                {
                    draft.Lead = roles.Lead;
                    draft.Coordinators.AddRange(roles.Coordinators);
                }
                else
                {
                    draft.Lead = Directives.Trim(ChuTri().Replace(leadCell, ""));
                }
                draft.Coordinators.AddRange(Directives.Split(coordinatorCell));
                draft.Append(string.Join(" | ", values.Where((v, c) => v is { Length: > 0 } && table.Columns[c].Role != Role.Number)));
                _drafts.Add(draft);
                return leadCell;
            }
        }

        private static string Value(Table table, string[] values, Role role)
        {
            var c = table.Columns.FindIndex(col => col.Role == role);
            return c >= 0 && c < values.Length ? values[c] ?? "" : "";
        }

        private static bool IsHeading(int rank, string content) =>
            rank == 0 || (rank != Unmarked && !EndsSentence(content) && content.StartsWith("Về ", StringComparison.Ordinal))
            || (content.Length > 3 && content == content.ToUpperInvariant() && content.Any(char.IsLetter));

        private static bool EndsSentence(string content) => content.Length > 0 && content[^1] is '.' or ';' or ':' or '!' or '?';

        private const int Unmarked = int.MaxValue;

        // A scope opened by a paragraph without a marker ("Đề nghị … chỉ đạo:") holds every item under it.
        private const int Prose = -1;

        private static (int Rank, string Content) Marker(string line)
        {
            var m = ItemMarker().Match(line);
            if (!m.Success)
                return (Unmarked, line);
            var content = line[m.Length..];
            var rank = m.Groups["roman"].Success ? 0
                : m.Groups["num"].Success ? 1 + m.Groups["num"].Value.Count(c => c == '.')
                : m.Groups["letter"].Success ? 10
                : m.Groups["dash"].Success ? 20 : 30;
            return (rank, content);
        }

        private static List<string> Sentences(string content)
        {
            var list = new List<string>();
            var start = 0;
            foreach (Match m in SentenceBreak().Matches(content))
            {
                var piece = content[start..m.Index].Trim();
                if (piece.Length > 0)
                    list.Add(piece);
                start = m.Index + m.Length;
            }
            if (start < content.Length && content[start..].Trim() is { Length: > 0 } last)
                list.Add(last);
            return list.SelectMany(Clauses).ToList();
        }

        // "Giao Ban Tuyên giáo …; Ban Tổ chức Thành ủy theo dõi …": a clause after ";" that names a body and its work is a directive of its own.
        private static IEnumerable<string> Clauses(string sentence)
        {
            var start = 0;
            for (var at = sentence.IndexOf("; ", StringComparison.Ordinal); at >= 0; at = sentence.IndexOf("; ", at + 2, StringComparison.Ordinal))
            {
                var clause = sentence[(at + 2)..];
                var words = Directives.Words(clause);
                if (words.Length == 0 || !char.IsUpper(clause[words[0].Start]) || Directives.LeadFirst(clause, words, 0) is not { } roles
                    || Directives.Trim(WorkAfter(clause, roles)).Length == 0)
                    continue;
                yield return sentence[start..(at + 1)];
                start = at + 2;
            }
            yield return sentence[start..];
        }
    }

    [GeneratedRegex(@"^(?:(?<roman>[IVX]{1,4})[.)]|(?<num>\d{1,2}(?:\.\d{1,2}){0,3})[.)]|\((?<num>\d{1,2})\)|(?<letter>[a-zđ])[).]|(?<dash>[-–—•*])|(?<plus>\+))\s*(?=\S)")]
    private static partial Regex ItemMarker();

    // A sentence ends at ".", "!" or "?" before a capital (not "TP. Hồ Chí Minh"); a ";" ends a clause that hands work to another body.
    [GeneratedRegex(@"(?<![\s.](?:TP|Tp|TS|ThS|PGS|GS|St|v\.v))[.!?]\s+(?=[\p{Lu}""“(])|;\s+(?=(?:giao|đề nghị|yêu cầu)\s+\p{L})", RegexOptions.None)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^(?:Nơi nhận|T/M|TM\.|K/T|KT\.|T/L|TL\.|Q\.\s?CHỦ TỊCH)", RegexOptions.IgnoreCase)]
    private static partial Regex Stop();

    // "Cơ quan chủ trì: …", "Phối hợp: …", "Thời gian hoàn thành: …", "Sản phẩm: …" on a line or in a sentence of their own.
    [GeneratedRegex(@"^(?:[-–+•]\s*)?(?<name>(?:(?:cơ quan|đơn vị)(?:,\s*đơn vị)?\s+)?(?:chủ trì|thực hiện|phối hợp|chịu trách nhiệm)(?:\s+thực hiện)?|trách nhiệm(?:\s+(?:thực hiện|chủ trì))?|thời gian[\p{L} ]{0,20}|thời hạn[\p{L} ]{0,12}|tiến độ[\p{L} ]{0,12}|sản phẩm[\p{L} ]{0,12}|kết quả[\p{L} ]{0,12})\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    // Closings ("… biết, thực hiện"), work given earlier, and the preamble's "như sau".
    [GeneratedRegex(@"biết,? (?:và )?(?:thực hiện|triển khai)|để biết|(?:đã|đã được) giao(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex NotADirective();

    [GeneratedRegex(@"(?<![\p{L}])(?:nếu|trường hợp|khi có|khi phát sinh)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();

    // A sentence that adds to the task before it: its report, deadline or product.
    [GeneratedRegex(@"^(?:kết quả|báo cáo|hoàn thành|thời gian|thời hạn|chậm nhất|trước ngày|định kỳ|hằng|hàng|sản phẩm|xong|trình)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Attached();

    // "Ngày 08/5/2024, Thường trực Huyện ủy làm việc với …": the meeting told, not work given.
    [GeneratedRegex(@"^(?:Ngày|Sáng|Chiều|Tối)\s+(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}")]
    private static partial Regex Narration();

    [GeneratedRegex(@"\((?<in>[^()]{3,300})\)")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"^(?:muc dich|yeu cau|tinh hinh|ket qua|danh gia|han che|nguyen nhan|quan diem|bai hoc)", RegexOptions.None)]
    private static partial Regex SkippedSection();

    [GeneratedRegex(@"[;(]|,\s*(?:hoàn thành|báo cáo|trình|gửi|định kỳ|xong|chậm nhất|kết quả|thời gian|bảo đảm tiến độ)(?![\p{L}])|(?:^|\s)(?:hoàn thành\s+(?:trước|trong|xong|chậm)|trong\s+(?:quý|tháng\s+\d|năm\s+\d|\d+\s+tháng|vòng|thời hạn|\d+\s+ngày)|trước\s+(?:ngày|\d|quý|tháng)|chậm nhất|xong trước)(?![\p{L}])|\.$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleEnd();

    [GeneratedRegex(@"^(?:(?:thường xuyên|liên tục|khẩn trương|tập trung|tiếp tục|cần|phải|sớm|kịp thời|chủ động|tích cực|nghiêm túc|trực tiếp)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^(?:(?:triển khai|thực hiện|tổ chức|quan tâm|nghiêm túc|chỉ đạo|tốt|kịp thời|có hiệu quả|hiệu quả|các|nội dung|trên|nêu|này|và|,|\s)+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Generic();

    // "…, báo cáo X", "định kỳ hằng quý báo cáo X", but not the "trình" of "toàn trình".
    [GeneratedRegex(@"(?:^|[,;]\s*|(?<=(?:quý|tháng|năm|kỳ|và|để|thời|tuần|đó|quả|xuyên|tục|\d))\s)(?<r>(?:báo cáo|trình|gửi)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ReportVerb();

    [GeneratedRegex(@"[;.()]|\s(?:trước\s+(?:ngày|\d|quý|tháng)|chậm nhất|trong\s+(?:quý|tháng|năm|\d)|hoàn thành|định kỳ|hằng|hàng)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ResultEnd();

    [GeneratedRegex(@"\S+(?:\s\S+)*")]
    private static partial Regex SpacedCell();

    [GeneratedRegex(@"^[\s|+=:_\-–—]+$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^(?:[IVX]{1,4}|[a-zđ])\.?$")]
    private static partial Regex RomanOrLetter();

    [GeneratedRegex(@"^(?<lead>.+?)\s*\(\s*chủ trì\s*\)\s*[;,]?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkedLead();

    [GeneratedRegex(@"\(?\s*phối hợp\s*\)?", RegexOptions.IgnoreCase)]
    private static partial Regex PhoiHop();

    [GeneratedRegex(@"\(?\s*chủ trì\s*\)?", RegexOptions.IgnoreCase)]
    private static partial Regex ChuTri();
}
