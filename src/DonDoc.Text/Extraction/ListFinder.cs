using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>
/// Enumerations and the words that announce them: ordinals ("Một là …", "Thứ nhất …"), items after an
/// announcing colon separated by semicolons ("… 10 nhóm nhiệm vụ, giải pháp, đó là: A; B; …"), numbered
/// items in a sentence ("(1) …; (2) …") and bulleted or numbered paragraphs under an announcing paragraph.
/// The title is the announcing noun phrase when its count matches ("5 bài học kinh nghiệm"), otherwise the
/// announcing sentence.
/// </summary>
internal static partial class ListFinder
{
    private static readonly string[] CountWords = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];

    // Ordinals start a clause: "Một là, …", "hai là …", "Thứ nhất, …", "Thứ nhất là …" (the comma or "là" keeps "Thứ hai" the weekday out).
    [GeneratedRegex(@"(?<=(?:^|[\n.;:!?,])[ ""“(]*)(?:(?<la>một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là(?:\s*[,:])?|thứ\s+(?<thu>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?:\s*[,:]|\s+là(?:\s*[,:])?)(?!\s*(?:ngày\s+)?\d)|(?<first>trước\s+hết|trước\s+tiên)\s*[,:]|(?<last>cuối\s+cùng)\s*[,:])\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    // Words that close a sentence announcing a list, or a plural noun phrase that names what follows ("những bài học quý:").
    [GeneratedRegex(@"(?:đó là|đấy là|gồm có|gồm|bao gồm|như sau|sau đây|cụ thể là|cụ thể|là|sau|như|(?<![\p{L}])(?:các|những)\s+(?!(?:đồng chí|vị|đại biểu|ông|bà|anh|chị)(?![\p{L}]))[\p{L}\s,]{1,60})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Announcement();

    // Nouns that name what a list holds: a colon after a sentence naming one, with items after it separated by semicolons, starts a list
    // ("Từ thực tiễn, một số bài học kinh nghiệm được rút ra: A; B; C").
    [GeneratedRegex(@"(?<![\p{L}])(?:bài học|nhiệm vụ|giải pháp|nội dung|kết quả|hạn chế|tồn tại|khuyết điểm|nguyên nhân|kiến nghị|đề xuất|mục tiêu|chỉ tiêu|yêu cầu|định hướng|biện pháp|vấn đề|phương hướng|đột phá|nhóm|lĩnh vực|chương trình|đề án|tiêu chí|ưu điểm|thành tựu|kinh nghiệm)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ListNoun();

    // "một" (also "a") is left out: no list has one item. "năm" is also "year": "những năm tới" is no count.
    [GeneratedRegex(@"(?<![\p{L}\d.,/])(?<n>\d{1,2}|(?i:hai|ba|bốn|năm(?!\s+(?:\d|nay|tới|qua|sau|trước|học|đầu|cuối|tiếp|liền|gần|vừa|trở|kế|ấy|đó|này|thứ|tài|nữa|rồi|mươi|trăm|nghìn|ngàn|triệu|cũ|mới|những|và|chiến)(?![\p{L}]))|sáu|bảy|tám|chín|mười))\s+(?=\p{Ll})[^,;:.!?\n]*")]
    private static partial Regex CountPhrase();

    [GeneratedRegex(@"^(?:(?<sym>[-–+•*▪●■])|(?<num>\d{1,2})[.)]|\((?<num>\d{1,2})\)|(?<let>[a-zđ])[.)])\s*")]
    private static partial Regex Bullet();

    // "(1) …; (2) …" or "1) …, 2) …" inside a sentence.
    [GeneratedRegex(@"(?<=^|[\s:;,])(?:\((?<n>\d{1,2})\)|(?<n>\d{1,2})\))\s*")]
    private static partial Regex InlineNumber();

    // Words that hand over to the items a count announced, without a colon: "3 khâu đột phá, gồm …", "2 nhiệm vụ là …".
    [GeneratedRegex(@"(?:,\s*)?(?<![\p{L}])(?:gồm có|bao gồm|gồm|đó là|là)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex HandsOver();

    [GeneratedRegex(@",\s*|\s+và\s+")]
    private static partial Regex CommaOrVa();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceBreak();

    // The recipients of a formal document and its addressees are not what it enumerates.
    [GeneratedRegex(@"^(?:Nơi nhận|Kính gửi|Đồng kính gửi)", RegexOptions.IgnoreCase)]
    private static partial Regex Addressing();

    public static IReadOnlyList<EnumeratedList> Find(string text)
    {
        var lists = new List<EnumeratedList>();
        void Add(EnumeratedList? list)
        {
            if (list is not null && !Addressing().IsMatch(list.Title) && !lists.Any(l => l.Items.SequenceEqual(list.Items)))
                lists.Add(list);
        }
        foreach (var list in FromOrdinals(text))
            Add(list);
        var paragraphs = Paragraphs(text);
        foreach (var list in FromColons(text, paragraphs))
            Add(list);
        foreach (var list in FromInlineNumbers(text, paragraphs))
            Add(list);
        foreach (var list in FromBullets(text, paragraphs))
            Add(list);
        foreach (var list in FromSemicolonParagraphs(text, paragraphs))
            Add(list);
        foreach (var list in FromCountedSentences(text, paragraphs))
            Add(list);
        return lists;
    }

    private static IEnumerable<EnumeratedList> FromOrdinals(string text)
    {
        var markers = Ordinal().Matches(text).Select(m => (Match: m, Family: m.Groups["la"].Success ? "là" : "thứ", Rank: Rank(m))).ToList();
        var i = 0;
        while (i < markers.Count)
        {
            if (markers[i].Rank != 1)
            {
                i++;
                continue;
            }
            var run = new List<Match> { markers[i].Match };
            var j = i + 1;
            while (j < markers.Count && markers[j].Family == markers[i].Family && markers[j].Rank == run.Count + 1)
                run.Add(markers[j++].Match);
            // "Trước hết, … Thứ hai, … Cuối cùng, …": the last item of a run opened the same way; after "Thứ nhất"
            // a "Cuối cùng" more often closes the speech than the list.
            if (run.Count >= 2 && run[0].Groups["first"].Success && j < markers.Count && markers[j].Match.Groups["last"].Success)
                run.Add(markers[j++].Match);
            i = j;
            if (run.Count < 2)
                continue;

            var byParagraph = run.All(m => StartsParagraph(text, m.Index));
            var items = new List<string>();
            for (var k = 0; k < run.Count; k++)
            {
                var from = run[k].Index + run[k].Length;
                var to = k + 1 < run.Count ? run[k + 1].Index : EndOfLastItem(text, from, byParagraph);
                items.Add(CleanItem(text[from..to]));
            }
            var announcement = StartsParagraph(text, run[0].Index) ? PreviousParagraph(text, run[0].Index) : SentenceBefore(text, run[0].Index);
            yield return new EnumeratedList(Title(announcement, items.Count), items);
        }
    }

    // Paragraphs as places in the text: only those that may hold a list are copied out.
    private static List<Range> Paragraphs(string text)
    {
        var paragraphs = new List<Range>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            paragraphs.Add(start..end);
            start = end + 1;
        }
        return paragraphs;
    }

    private static IEnumerable<EnumeratedList> FromColons(string text, List<Range> paragraphs)
    {
        foreach (var range in paragraphs)
        {
            var (start, end) = (range.Start.Value, range.End.Value);
            var colon = text.IndexOf(':', start, end - start);
            while (colon >= 0)
            {
                var announcement = text.AsSpan(SentenceStart(text, start, colon), colon - SentenceStart(text, start, colon));
                var bodyEnd = SentenceEnd(text, colon + 1, end);
                var body = text.AsSpan(colon + 1, bodyEnd - colon - 1);
                if (!Ordinal().IsMatch(body) && !InlineNumber().IsMatch(body) && AnnouncedItems(announcement, body) is { } items)
                    yield return new EnumeratedList(Title(announcement.ToString(), items.Count), items);
                colon = colon + 1 < end ? text.IndexOf(':', colon + 1, end - colon - 1) : -1;
            }
        }
    }

    private static IEnumerable<EnumeratedList> FromInlineNumbers(string text, List<Range> paragraphs)
    {
        foreach (var range in paragraphs)
        {
            var span = text.AsSpan(range);
            if (!span.Contains("1)", StringComparison.Ordinal) || !span.Contains("2)", StringComparison.Ordinal))
                continue;
            var paragraph = text[range];
            var markers = InlineNumber().Matches(paragraph);
            var i = 0;
            while (i < markers.Count)
            {
                if (markers[i].Groups["n"].Value != "1")
                {
                    i++;
                    continue;
                }
                var run = new List<Match> { markers[i] };
                var j = i + 1;
                while (j < markers.Count && markers[j].Groups["n"].Value == (run.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                    run.Add(markers[j++]);
                i = j;
                if (run.Count < 2)
                    continue;
                var items = new List<string>();
                for (var k = 0; k < run.Count; k++)
                {
                    var from = run[k].Index + run[k].Length;
                    var to = k + 1 < run.Count ? run[k + 1].Index : EndOfLastItem(paragraph, from, byParagraph: false);
                    items.Add(CleanItem(paragraph[from..to]));
                }
                yield return new EnumeratedList(Title(SentenceBefore(paragraph, run[0].Index).TrimEnd().TrimEnd(':'), items.Count), items);
            }
        }
    }

    // Paragraphs that each start with a bullet or the next number, under a paragraph that announces them:
    // one ending with a colon, giving their count, or a short heading.
    private static IEnumerable<EnumeratedList> FromBullets(string text, List<Range> paragraphs)
    {
        for (var p = 0; p + 1 < paragraphs.Count; p++)
        {
            var next = p + 1;
            while (next < paragraphs.Count && text.AsSpan(paragraphs[next]).IsEmpty)
                next++;
            if (next == paragraphs.Count || !Bullet().IsMatch(text.AsSpan(paragraphs[next])))
                continue;
            var announcement = text[paragraphs[p]].Trim();
            // A numbered heading ending with a colon announces the dashes under it: "2. Một số hạn chế cần khắc phục:".
            if (announcement.Length == 0 || (Bullet().IsMatch(announcement) && !announcement.EndsWith(':')))
                continue;
            var items = new List<string>();
            string? kind = null;
            var nested = false;
            var q = next;
            for (; q < paragraphs.Count; q++)
            {
                var paragraph = text.AsSpan(paragraphs[q]);
                if (paragraph.IsEmpty)
                    continue;
                var bullet = Bullet().Match(text, paragraphs[q].Start.Value, paragraph.Length);
                if (!bullet.Success)
                    break;
                if (!Continues(bullet, items.Count, ref kind))
                {
                    // Dashes under a numbered item are its own sub-items: the numbering goes on after them.
                    if (kind is "num" or "let" && bullet.Groups["sym"].Success && items.Count > 0)
                    {
                        nested = true;
                        continue;
                    }
                    break;
                }
                items.Add(CleanItem(paragraph[bullet.Length..].ToString()));
            }
            if (items.Count < 2)
                continue;
            var heading = Bullet().Replace(announcement.TrimEnd(':').Trim(), "", 1);
            if (announcement.EndsWith(':') || AnnouncedCount(heading) == items.Count || (!announcement.EndsWith('.') && heading.Count(' ') < 15))
                yield return new EnumeratedList(Title(heading, items.Count), items);
            // Sub-items were passed over and may form lists of their own under their item.
            if (!nested)
                p = q - 1;
        }
    }

    // Paragraphs without bullets under an announcing colon, each but the last ending with a semicolon, as a web page's list
    // items or a typed report's lines read: "… đó là:" / "Đổi mới …;" / "Nâng cao …;" / "Củng cố …."
    private static IEnumerable<EnumeratedList> FromSemicolonParagraphs(string text, List<Range> paragraphs)
    {
        for (var p = 0; p + 1 < paragraphs.Count; p++)
        {
            var announcement = text.AsSpan(paragraphs[p]).Trim();
            if (!announcement.EndsWith(':') || Bullet().IsMatch(announcement))
                continue;
            var heading = announcement.TrimEnd(':').Trim();
            if (!(Announcement().IsMatch(heading) || ListNoun().IsMatch(heading) || AnnouncedCount(heading) is > 1))
                continue;
            var items = new List<string>();
            var q = p + 1;
            for (; q < paragraphs.Count; q++)
            {
                var paragraph = text.AsSpan(paragraphs[q]).Trim();
                if (paragraph.IsEmpty)
                    continue;
                if (Bullet().IsMatch(paragraph) || Ordinal().IsMatch(paragraph.ToString()))
                    break;
                items.Add(CleanItem(paragraph.ToString()));
                if (!paragraph.EndsWith(';'))
                    break;
            }
            if (items.Count < 2 || (AnnouncedCount(heading) is { } count && count != items.Count))
                continue;
            yield return new EnumeratedList(Title(heading.ToString(), items.Count), items);
            p = q;
        }
    }

    private const int AnnouncementReach = 200;
    private const int ItemsReach = 1500;

    // "Tỉnh xác định 3 khâu đột phá, gồm: …" without its colon: the items must be as many as the count says.
    private static IEnumerable<EnumeratedList> FromCountedSentences(string text, List<Range> paragraphs)
    {
        foreach (var range in paragraphs)
        {
            var (start, end) = (range.Start.Value, range.End.Value);
            var found = new List<(int Announcing, int HandOver, int Body)>();
            var taken = start;
            foreach (var m in HandsOver().EnumerateMatches(text.AsSpan(start, end - start)))
            {
                // The count stands close before the words that hand over, and one sentence holds one such list:
                // each look stays short, so a long paragraph full of "là" costs no more than its length.
                var at = start + m.Index;
                if (at < taken)
                    continue;
                var sentence = SentenceStart(text, Math.Max(start, at - AnnouncementReach), at);
                if (AnnouncedCount(text.AsSpan(sentence, at - sentence)) is > 1)
                {
                    found.Add((sentence, at, at + m.Length));
                    taken = SentenceEnd(text, at, Math.Min(end, at + ItemsReach));
                }
            }
            foreach (var (sentence, at, bodyStart) in found)
            {
                var reach = Math.Min(end, bodyStart + ItemsReach);
                var bodyEnd = SentenceEnd(text, bodyStart, reach);
                if (bodyEnd == reach && reach < end)
                    continue;
                var body = text[bodyStart..bodyEnd];
                if (body.Contains(':') || Ordinal().IsMatch(body) || InlineNumber().IsMatch(body))
                    continue;
                var announcement = text[sentence..at];
                var count = AnnouncedCount(announcement)!.Value;
                if (AnnouncedItems(announcement, body) is { } items && items.Count == count)
                    yield return new EnumeratedList(Title(announcement, count), items);
            }
        }
    }

    // Bullets of one kind; numbers and letters must count up from the first.
    private static bool Continues(Match bullet, int index, ref string? kind)
    {
        var (thisKind, rank) = bullet.Groups["num"].Success ? ("num", int.Parse(bullet.Groups["num"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
            : bullet.Groups["let"].Success ? ("let", bullet.Groups["let"].Value[0] - 'a' + 1)
            : ("sym:" + bullet.Groups["sym"].Value, index + 1);
        if (bullet.Groups["let"].Success && bullet.Groups["let"].Value == "đ")
            rank = 5;
        kind ??= thisKind;
        return kind == thisKind && rank == index + 1;
    }

    // Items after a colon count as a list when the words before it announce one or give the matching count;
    // the many colons that announce no list cost no copies.
    private static List<string>? AnnouncedItems(ReadOnlySpan<char> announcement, ReadOnlySpan<char> body)
    {
        var parts = 0;
        foreach (var part in body.Split(';'))
            parts += body[part].Trim().TrimEnd(";., …").IsEmpty ? 0 : 1;
        var count = AnnouncedCount(announcement);
        if (parts < 2 && count is > 1)
        {
            var byComma = CommaOrVa().Split(body.ToString()).Select(CleanItem).Where(s => s.Length > 0).ToList();
            return byComma.Count == count ? byComma : null;
        }
        if (parts < 2 || !(count == parts || Announcement().IsMatch(announcement) || ListNoun().IsMatch(announcement)))
            return null;
        var items = new List<string>(parts);
        foreach (var part in body.Split(';'))
        {
            if (CleanItem(body[part].ToString()) is { Length: > 0 } item)
                items.Add(item);
        }
        return items;
    }

    private static int? AnnouncedCount(ReadOnlySpan<char> announcement)
    {
        int? count = null;
        foreach (var m in CountPhrase().EnumerateMatches(announcement))
        {
            var phrase = announcement.Slice(m.Index, m.Length);
            var space = phrase.IndexOfAny(' ', '\u00A0');
            count = CountOf(space < 0 ? phrase.ToString() : phrase[..space].ToString());
        }
        return count;
    }

    // Where the sentence holding index begins: after the last ".", "!" or "?" that a space and a capital follow.
    private static int SentenceStart(string text, int from, int index)
    {
        for (var j = index - 1; j > from; j--)
        {
            if (!char.IsUpper(text[j]) || !char.IsWhiteSpace(text[j - 1]))
                continue;
            var k = j - 1;
            while (k > from && char.IsWhiteSpace(text[k]))
                k--;
            if (text[k] is '.' or '!' or '?' && k < j - 1)
                return j;
        }
        return from;
    }

    private static int SentenceEnd(string text, int from, int end)
    {
        var m = SentenceBreak().Match(text, from, end - from);
        return m.Success ? m.Index : end;
    }

    private static string Title(string announcement, int count)
    {
        foreach (Match m in CountPhrase().Matches(announcement))
        {
            if (CountOf(m.Groups["n"].Value) == count)
                return m.Value.Trim();
        }
        var sentences = SentenceBreak().Split(announcement.Trim().TrimEnd(':', ',').Trim());
        var last = sentences[^1];
        // "Cụ thể:" alone says nothing; the sentence before it names the list.
        if (last.Split(' ').Length <= 3 && sentences.Length > 1)
            last = sentences[^2] + " " + last;
        return last.Trim();
    }

    private static int? CountOf(string n) =>
        int.TryParse(n, out var digits) ? digits : Array.FindIndex(CountWords, w => string.Equals(w, n, StringComparison.OrdinalIgnoreCase)) is > 0 and var i ? i : null;

    private static int Rank(Match m)
    {
        if (m.Groups["first"].Success)
            return 1;
        if (m.Groups["last"].Success)
            return 0;
        var word = (m.Groups["la"].Success ? m.Groups["la"].Value : m.Groups["thu"].Value).ToLowerInvariant();
        return word switch { "nhất" => 1, "tư" => 4, _ => Array.IndexOf(CountWords, word) };
    }

    private static int EndOfLastItem(string text, int from, bool byParagraph)
    {
        var lineEnd = text.IndexOf('\n', from);
        if (lineEnd < 0)
            lineEnd = text.Length;
        if (byParagraph)
            return lineEnd;
        var sentence = SentenceBreak().Match(text, from);
        return sentence.Success && sentence.Index < lineEnd ? sentence.Index : lineEnd;
    }

    private static bool StartsParagraph(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" \"“(");
        return before.Length == 0 || before[^1] == '\n';
    }

    private static string PreviousParagraph(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        return before[(before.LastIndexOf('\n') + 1)..].Trim().ToString();
    }

    private static string SentenceBefore(string text, int index)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var sentences = SentenceBreak().Split(text[start..index]);
        return sentences[^1];
    }

    private static string CleanItem(string item) => item.Trim().TrimEnd(';', '.', ',', ':', ' ', '…').Trim();
}
