using System.Runtime.InteropServices;
using static DonDoc.Text.PersonWords;

namespace DonDoc.Text;

/// <summary>
/// People named with their titles, in the shapes news reports use: titles before the name ("Ủy viên Bộ
/// Chính trị, Bí thư Thành ủy Đinh Tiến Dũng"), the name before its titles ("đồng chí Trương Thị Mai, Ủy
/// viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương dự", "Nguyễn Văn A (Bí thư Thành ủy)"), and a title
/// shared by a list ("các Ủy viên Trung ương Đảng: Phó Trưởng ban … Phạm Tất Thắng, …"). Titles are
/// separated by commas, dashes or "kiêm". A name is only taken next to a title or after "đồng chí", "ông",
/// "bà", so bylines and photo credits are not people.
/// </summary>
internal static class PersonFinder
{
    private const int MaxTitleWords = 16;

    // A line's words, kept from call to call on each thread: an import reads many reports in a row.
    [ThreadStatic]
    private static List<Token>? _reusedTokens;

    /// <param name="text">Normalised text; each line is read on its own.</param>
    /// <param name="signed">A formal document: its signer is named under a title in capitals at its end.</param>
    public static IReadOnlyList<NamedPerson> Find(string text, bool signed = false)
    {
        var people = new People();
        var scan = new Scan(text, people, _reusedTokens ??= new List<Token>(256));
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            if (end > start)
                scan.Run(start, end);
            start = end + 1;
        }
        if (signed)
            AddSigner(text, people);
        return people.ToList();
    }

    private const int SignatureLines = 20;
    private const int LinesAboveSigner = 4;

    // "PHÓ BÍ THƯ THƯỜNG TRỰC", "(Đã ký)", "Nguyễn Thị Tuyến": the last name alone on a line, under the nearest title in capitals.
    private static void AddSigner(string text, People people)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(SignatureLines).ToList();
        for (var i = lines.Count - 1; i > 0; i--)
        {
            if (!IsBareName(lines[i]))
                continue;
            for (var j = i - 1; j >= Math.Max(0, i - LinesAboveSigner); j--)
            {
                if (CapitalTitle(lines[j]) is { } title)
                {
                    people.Add(people.Intern(lines[i]), [title]);
                    return;
                }
            }
        }
    }

    private static bool IsBareName(string line)
    {
        var words = line.Split(' ');
        return words.Length is >= 2 and <= 4 && words.All(w => w.Length > 0 && IsCap(w)) && Surnames.Contains(words[0])
            && Places.MatchLength(line, Words(line), 0) == 0;
    }

    // The title re-cased as running text writes it: "PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư thường trực".
    private static string? CapitalTitle(string line)
    {
        // A table flattened into lines puts "Nơi nhận" and the signer's title side by side: the title is the capitals at the end.
        var all = Words(line);
        var first = all.Length;
        while (first > 0 && !line.AsSpan(all[first - 1].Start, all[first - 1].Length).ContainsAnyExcept(UpperTitleChars))
            first--;
        if (first == all.Length)
            return null;
        line = line[all[first].Start..];
        var words = Words(line);
        var at = words.Length > 1 && line.AsSpan(words[0].Start, words[0].Length).SequenceEqual("PHÓ") ? 1 : 0;
        if (TitleHeads.MatchLength(line, words, at) == 0)
            return null;
        var lower = line.ToLowerInvariant().ToCharArray();
        lower[words[0].Start] = char.ToUpperInvariant(lower[words[0].Start]);
        lower[words[at].Start] = char.ToUpperInvariant(lower[words[at].Start]);
        return new string(lower);
    }

    private static readonly System.Buffers.SearchValues<char> UpperTitleChars =
        System.Buffers.SearchValues.Create("AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆFGHIÌÍỈĨỊJKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVWXYỲÝỶỸỴZ-–");

    private static Token[] Words(string line)
    {
        var words = new List<Token>();
        var start = 0;
        foreach (var part in line.Split(' '))
        {
            if (part.Length > 0)
                words.Add(new Token(start, part.Length));
            start += part.Length + 1;
        }
        return [.. words];
    }

    /// <summary>Reads one line at a time; its word list is reused from line to line.</summary>
    private sealed class Scan(string text, People people, List<Token> tokens)
    {
        private readonly List<Token> _tokens = tokens;
        private readonly List<string> _pending = [];
        private readonly List<string> _shared = [];
        private readonly List<string> _plural = [];
        // The names of one list ("A, B và C"), and those of them a verb of election gives the next title to.
        private readonly List<string> _group = [];
        private readonly List<string> _appointees = [];
        private string? _attached;
        private int _lastNameEnd = -1;

        private ReadOnlySpan<Token> Words => CollectionsMarshal.AsSpan(_tokens);

        private int Count => _tokens.Count;

        private ReadOnlySpan<char> W(int k) => _tokens[k].In(text);

        private bool Is(int k, string word) => k >= 0 && k < Count && W(k).SequenceEqual(word);

        private bool IsPlural(int k) => k >= 0 && k < Count && (W(k).Equals("các", StringComparison.OrdinalIgnoreCase) || W(k).Equals("những", StringComparison.OrdinalIgnoreCase));

        private bool IsMark(int k, char c) => k >= 0 && k < Count && _tokens[k].Length == 1 && text[_tokens[k].Start] == c;

        public void Run(int from, int to)
        {
            Tokenize(from, to);
            _pending.Clear();
            _shared.Clear();
            _attached = null;
            _lastNameEnd = -1;

            var i = 0;
            while (i < Count)
            {
                if (IsMark(i, '.') || IsMark(i, '!') || IsMark(i, '?'))
                {
                    _shared.Clear();
                    _plural.Clear();
                    Reset();
                    i++;
                }
                else if (HeadLength(i) > 0)
                {
                    i = ReadTitle(i);
                }
                else if (MarkerLength(i) is > 0 and var marker && NameAfterMarker(i + marker, lenient: marker >= 2) is var (start, length) && length > 0)
                {
                    i = AddName(start, length);
                }
                else if (NameAfterDegree(i) is > 0 and var degree)
                {
                    i = AddName(i + degree, StrictNameLength(i + degree));
                }
                else if (StrictNameLength(i) is > 0 and var nameLength && NameFitsContext(i, nameLength))
                {
                    i = AddName(i, nameLength);
                }
                else if (IsSeparator(i) && (_attached is not null || _pending.Count > 0) && StartsTitleOrName(i + 1))
                {
                    i++;
                }
                else if (_attached is not null && i == _lastNameEnd && Appointments.MatchLength(text, Words, i) is > 0 and var appointed
                    && HeadLength(i + appointed) > 0)
                {
                    // "Đồng chí Nguyễn Thị Lan được bầu làm Phó Bí thư Tỉnh ủy": the title that follows is hers.
                    i += appointed;
                    _lastNameEnd = i;
                    _appointees.Clear();
                    _appointees.AddRange(_group);
                }
                else if (IsMark(i, '(') && _attached is not null && i == _lastNameEnd && HeadLength(i + 1) > 0)
                {
                    // "Nguyễn Văn A (Bí thư Thành ủy)": the titles in brackets belong to the name before them.
                    i++;
                }
                else
                {
                    if (!IsMark(i, ',') && !Is(i, "và"))
                        _plural.Clear();
                    Reset();
                    i++;
                }
            }
        }

        // Words are runs of letters, runs of digits, or any other single non-space character.
        private void Tokenize(int from, int to)
        {
            _tokens.Clear();
            var i = from;
            while (i < to)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                var start = i++;
                if (char.IsLetter(c))
                {
                    while (i < to && char.IsLetter(text[i]))
                        i++;
                }
                else if (char.IsDigit(c))
                {
                    while (i < to && char.IsDigit(text[i]))
                        i++;
                }
                _tokens.Add(new Token(start, i - start));
            }
        }

        private void Reset()
        {
            _appointees.Clear();
            _pending.Clear();
            _attached = null;
        }

        private int ReadTitle(int start)
        {
            _plural.Clear();
            var plural = IsPlural(start - 1);
            var k = start + HeadLength(start);
            while (k < Count && k - start < MaxTitleWords)
            {
                var w = W(k);
                if (IsMark(k, '(') && Closing(k) is > 0 and var close)
                {
                    k = close + 1;
                }
                else if (PunctuatedBodies.MatchLength(text, Words, k) is > 0 and var body)
                {
                    k += body;
                }
                else if (Places.MatchLength(text, Words, k) is > 0 and var place)
                {
                    k += place;
                }
                else if (k > 0 && PlaceKinds.Contains(W(k - 1)) && PlaceBeforeName(k) is > 0 and var placeWords)
                {
                    // "phường Hồng Hà Nguyễn Văn An", "ấp Chợ Lê Văn Út": the place's name, then the person's.
                    k += placeWords;
                }
                else if (StrictNameLength(k) is > 0 and var nameLength)
                {
                    _pending.Add(Span(start, k));
                    if (plural)
                    {
                        // "các Phó Bí thư Tỉnh ủy A và B": the title is each listed name's.
                        _plural.AddRange(_pending);
                        _pending.Clear();
                    }
                    return AddName(k, nameLength);
                }
                else if (NameAfterDegree(k) > 0)
                {
                    break;
                }
                else if (IsCap(w) || IsAcronym(w) || char.IsDigit(w[0]) || (char.IsLower(w[0]) && !EndsTitle(k)))
                {
                    k++;
                }
                else
                {
                    break;
                }
            }

            var title = Span(start, k);
            if (MarkerLength(k) > 0 || NameAfterDegree(k) > 0 || (IsSeparator(k) && StartsTitleOrName(k + 1)))
            {
                _pending.Add(title);
                return IsSeparator(k) ? k + 1 : k;
            }
            if (IsMark(k, ':'))
            {
                _shared.AddRange(_pending);
                _shared.Add(title);
                _pending.Clear();
                return k + 1;
            }
            if (_attached is not null)
            {
                _pending.Add(title);
                // "các đồng chí A và B được bầu làm Phó Bí thư": the title is each one's.
                foreach (var name in _appointees.Count > 1 ? _appointees : [_attached])
                    people.Add(name, _pending);
            }
            Reset();
            return k;
        }

        private int AddName(int start, int length)
        {
            var name = Span(start, start + length);
            var listed = _lastNameEnd >= 0 && start - _lastNameEnd is 1 or 2 && (IsMark(_lastNameEnd, ',') || Is(_lastNameEnd, "và"));
            if (!listed)
                _group.Clear();
            _group.Add(name);
            people.Add(name, _shared, _pending);
            if (_plural.Count > 0)
                people.Add(name, _plural);
            _pending.Clear();
            _attached = name;
            _lastNameEnd = start + length;
            return start + length;
        }

        // A bare name counts in a list of names, after a shared title's colon, or just before its own titles.
        private bool NameFitsContext(int i, int length)
        {
            var between = i - _lastNameEnd;
            if (_lastNameEnd >= 0 && between is 1 or 2 && (IsMark(_lastNameEnd, ',') || Is(_lastNameEnd, "và")) && (IsMark(i - 1, ',') || Is(i - 1, "và")))
                return true;
            if (IsMark(i - 1, ':') && _shared.Count > 0)
                return true;
            var after = i + length;
            return (IsSeparator(after) && HeadLength(after + 1) > 0) || (IsMark(after, '(') && HeadLength(after + 1) > 0);
        }

        // "đồng chí" vouches for a name without a known surname; "ông" and "bà" do not.
        private (int Start, int Length) NameAfterMarker(int k, bool lenient)
        {
            if (IsMark(k, ':'))
                k++;
            return (k, lenient ? LenientNameLength(k) : StrictNameLength(k));
        }

        /// <summary>The length of "GS.TS " and the like when a name follows it; 0 otherwise.</summary>
        private int NameAfterDegree(int k)
        {
            var j = k;
            while (j < Count && Degrees.Contains(W(j)))
            {
                j++;
                if (IsMark(j, '.'))
                    j++;
            }
            return j > k && StrictNameLength(j) > 0 ? j - k : 0;
        }

        private int HeadLength(int k)
        {
            if (k >= Count)
                return 0;
            // "Ban Bí thư" and "Bộ Tư lệnh" are bodies, not a person's title.
            if (Is(k - 1, "Ban") || Is(k - 1, "Bộ"))
                return 0;
            // Titles are capitalised; "nguyên" (former) and "quyền" (acting) may stand before one in lower case.
            var at = k;
            var first = W(at);
            if (first.Equals("nguyên", StringComparison.OrdinalIgnoreCase) || first.Equals("quyền", StringComparison.OrdinalIgnoreCase))
                at++;
            // "các bí thư chi bộ" speaks of an office, not of a person.
            if (at < Count && LowerCaseHeads.MatchLength(text, Words, at) is > 0 and var lower && char.IsLower(text[_tokens[at].Start])
                && !IsPlural(k - 1))
                return at - k + lower;
            if (at >= Count || !char.IsUpper(text[_tokens[at].Start]))
                return 0;
            if (Is(at, "Phó"))
                at++;
            var head = TitleHeads.MatchLength(text, Words, at);
            return head > 0 ? at - k + head : 0;
        }

        private int MarkerLength(int k)
        {
            if (k >= Count)
                return 0;
            var w = W(k);
            if (k + 1 < Count && w.Equals("đồng", StringComparison.OrdinalIgnoreCase) && Is(k + 1, "chí"))
                return 2;
            // "đ/c", the way notes and minutes write "đồng chí".
            if (k + 2 < Count && w.Equals("đ", StringComparison.OrdinalIgnoreCase) && IsMark(k + 1, '/') && (Is(k + 2, "c") || Is(k + 2, "C")))
                return 3;
            return w is "ông" or "Ông" or "bà" or "Bà" ? 1 : 0;
        }

        private int StrictNameLength(int k)
        {
            var length = CapRun(k);
            if (length < 2 || length > LongestName(k) || !Surnames.Contains(W(k)) || Places.MatchLength(text, Words, k) > 0)
                return 0;
            for (var j = k + 1; j < k + length; j++)
            {
                if (BodyWords.Contains(W(j)))
                    return 0;
            }
            return length;
        }

        private int LenientNameLength(int k)
        {
            if (StrictNameLength(k) is > 0 and var strict)
                return strict;
            var length = CapRun(k);
            if (length < 2 || length > LongestName(k) || HeadLength(k) > 0 || Places.MatchLength(text, Words, k) > 0)
                return 0;
            for (var j = k; j < k + length; j++)
            {
                if (BodyWords.Contains(W(j)))
                    return 0;
            }
            return length;
        }

        /// <summary>
        /// In capitalised words after "phường", "xã", "ấp" …, how many name the place before a person's name that runs
        /// to their end; 0 when they are all one name ("tỉnh Trịnh Thị Minh Thanh") or none can be told.
        /// A name is most surely where "Thị" or "Văn" stands second, else where a common surname starts it.
        /// </summary>
        private int PlaceBeforeName(int k)
        {
            var run = CapRun(k);
            if (run < 3)
                return 0;
            int Fits(Func<int, bool> sign)
            {
                for (var skip = 0; skip <= run - 2; skip++)
                {
                    if (StrictNameLength(k + skip) == run - skip && sign(k + skip))
                        return skip;
                }
                return -1;
            }
            var byMiddle = Fits(at => Is(at + 1, "Thị") || Is(at + 1, "Văn"));
            return byMiddle >= 0 ? byMiddle : Math.Max(0, Fits(at => CommonSurnames.Contains(W(at))));
        }

        // Ê Đê and Gia Rai names start with "Y" (men) and run to five words: "Y Thanh Hà Niê Kđăm".
        private int LongestName(int k) => Is(k, "Y") ? 5 : 4;

        // A name ends where a title starts: "đồng chí Nguyễn Văn An Bí thư Chi bộ".
        private int CapRun(int k)
        {
            var n = 0;
            while (k + n < Count && IsCap(W(k + n)) && (n < 2 || HeadLength(k + n) == 0))
                n++;
            return n;
        }

        private bool EndsTitle(int k)
        {
            if (!Verbs.Contains(W(k)) || BodyCompounds.MatchLength(text, Words, k) == 2 || (k > 0 && BodyCompounds.MatchLength(text, Words, k - 1) == 2))
                return false;
            // "và" joins the words of a body's name: "Ban Tuyên giáo và Dân vận".
            return !(Is(k, "và") && k + 1 < Count && IsCap(W(k + 1)) && HeadLength(k + 1) == 0 && StrictNameLength(k + 1) == 0);
        }

        private bool StartsTitleOrName(int k) => HeadLength(k) > 0 || MarkerLength(k) > 0 || NameAfterDegree(k) > 0;

        private bool IsSeparator(int k) => IsMark(k, ',') || IsMark(k, '-') || IsMark(k, '–') || IsMark(k, '—') || Is(k, "kiêm");

        private int Closing(int open)
        {
            for (var k = open + 1; k < Count && k < open + 12; k++)
            {
                if (IsMark(k, ')'))
                    return k;
            }
            return 0;
        }

        private string Span(int from, int to) => people.Intern(text.AsSpan(_tokens[from].Start, _tokens[to - 1].End - _tokens[from].Start));
    }

    private static bool IsCap(ReadOnlySpan<char> w)
    {
        if (!char.IsUpper(w[0]))
            return false;
        foreach (var c in w[1..])
        {
            if (!char.IsLower(c))
                return false;
        }
        return true;
    }

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length < 2)
            return false;
        foreach (var c in w)
        {
            if (!char.IsUpper(c))
                return false;
        }
        return true;
    }

    /// <summary>Each person once, in order of first mention, with every title; a title that starts a longer one is dropped.</summary>
    private sealed class People
    {
        private readonly Dictionary<string, (string Name, List<string> Positions)> _byKey = [];
        private readonly List<string> _order = [];
        private readonly Dictionary<string, string> _folded = [];
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _foldedBySpan;

        public People() => _foldedBySpan = _folded.GetAlternateLookup<ReadOnlySpan<char>>();

        private static readonly List<string> None = [];

        public void Add(string name, List<string> positions) => Add(name, None, positions);

        public void Add(string name, List<string> shared, List<string> own)
        {
            var key = Fold(name);
            if (!_byKey.TryGetValue(key, out var person))
            {
                person = (name, []);
                _byKey[key] = person;
                _order.Add(key);
            }
            foreach (var position in shared)
                Merge(person.Positions, position);
            foreach (var position in own)
                Merge(person.Positions, position);
        }

        public IReadOnlyList<NamedPerson> ToList() =>
            _order.Select(k => new NamedPerson(_byKey[k].Name, _byKey[k].Positions)).ToList();

        /// <summary>The one string for a name or title: they recur in every paragraph of a report and are copied and folded once.</summary>
        public string Intern(ReadOnlySpan<char> s)
        {
            if (_foldedBySpan.TryGetValue(s, out var known, out _))
                return known;
            var text = s.ToString();
            _folded[text] = VnText.Fold(text);
            return text;
        }

        private string Fold(string s)
        {
            if (!_folded.TryGetValue(s, out var folded))
                _folded[s] = folded = VnText.Fold(s);
            return folded;
        }

        private void Merge(List<string> positions, string position)
        {
            var folded = Fold(position);
            var shorter = -1;
            for (var i = 0; i < positions.Count; i++)
            {
                var known = Fold(positions[i]);
                if (StartsWithWords(known, folded))
                    return;
                if (StartsWithWords(folded, known))
                {
                    if (shorter < 0)
                    {
                        positions[i] = position;
                        shorter = i;
                    }
                    else
                    {
                        positions.RemoveAt(i--);
                    }
                }
            }
            if (shorter < 0)
                positions.Add(position);
        }

        private static bool StartsWithWords(string longer, string shorter) =>
            longer.StartsWith(shorter, StringComparison.Ordinal) && (longer.Length == shorter.Length || longer[shorter.Length] == ' ');
    }
}
