using System.Text.RegularExpressions;

namespace DonDoc.Text;

/// <summary>
/// Who is told to do what in one clause: the lead ("Giao Ban Tổ chức Thành ủy chủ trì"), the bodies after
/// "phối hợp (với)", and where the work begins. A lead is a body's name up to the first verb of the work.
/// </summary>
internal static partial class Directives
{
    /// <param name="WorkStart">Where the work begins in the clause; the clause's length when none follows.</param>
    public sealed record Roles(string Lead, List<string> Coordinators, int LeadStart, int WorkStart, bool Colon);

    private const int MaxLeadWords = 25;

    // Words that begin a body's name ("Ban", "Sở", "Ủy ban") when capitalised, or lower-case after "Đề nghị" ("các quận ủy").
    private static readonly PhraseSet Heads = new(
        "Ban", "Văn phòng", "Ủy ban", "UBND", "HĐND", "UBMTTQ", "MTTQ", "Sở", "Phòng", "Đảng ủy", "Đảng đoàn", "Đảng bộ",
        "Thường trực", "Thường vụ", "Quận ủy", "Huyện ủy", "Thành ủy", "Tỉnh ủy", "Thị ủy", "Chi bộ", "Chi ủy", "Cấp ủy",
        "Công an", "Bộ", "Cục", "Chi cục", "Tổng cục", "Trung tâm", "Trường", "Báo", "Đài", "Hội", "Hội đồng", "Liên đoàn",
        "Liên minh", "Liên hiệp", "Đoàn", "Tỉnh đoàn", "Thành đoàn", "Mặt trận", "Viện", "Kho bạc", "Ngân hàng", "Tòa án",
        "Thanh tra", "Học viện", "Đại học", "Bệnh viện", "Tổng công ty", "Công ty", "Bảo hiểm", "Cảnh sát", "Bộ đội",
        "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Thủ trưởng", "Bí thư", "Phó Bí thư", "Trưởng", "Phó Trưởng",
        "Chánh", "Tổ công tác", "Tổ giúp việc", "Tiểu ban", "Cơ quan", "Khối", "Lực lượng", "Chi nhánh", "Nhà xuất bản",
        "Tạp chí", "Quỹ", "Điện lực", "Bưu điện", "Thư viện", "Bảo tàng", "Nhà văn hóa", "Kho lưu trữ", "BCH", "BTV", "BCS", "BQL", "Các", "Cụm", "Đồn", "Hạt");

    private static readonly PhraseSet LowerHeads = new(
        "các", "cấp ủy", "đảng ủy", "ủy ban", "chi bộ", "đảng bộ", "huyện ủy", "quận ủy", "thị ủy", "thành ủy", "tỉnh ủy",
        "ban cán sự", "đảng đoàn", "thường trực", "ban thường vụ", "sở", "chi ủy");

    // Dropped before a lead; "giao", "đề nghị", "yêu cầu" also turn an issuer's sentence to the body after them.
    private static readonly PhraseSet Prefixes = new("giao", "giao cho", "đề nghị", "yêu cầu", "đồng chí", "đ/c", "đối với", "trách nhiệm của", "nhiệm vụ của");

    // The first words of a work, where a lead's name ends. Lower case only: "Ban Tổ chức" is a name, "tổ chức" a verb.
    private static readonly PhraseSet Verbs = new(
        "chỉ đạo", "lãnh đạo", "xây dựng", "hướng dẫn", "tham mưu", "tổ chức", "triển khai", "rà soát", "kiểm tra", "giám sát",
        "theo dõi", "đôn đốc", "tập trung", "chú trọng", "khảo sát", "báo cáo", "thực hiện", "nghiên cứu", "đề xuất", "phối hợp",
        "chủ trì", "tăng cường", "đẩy mạnh", "đẩy nhanh", "quán triệt", "tuyên truyền", "cập nhật", "hoàn thành", "hoàn thiện",
        "ban hành", "bố trí", "chuẩn bị", "tiếp tục", "thường xuyên", "khẩn trương", "sớm", "kịp thời", "sửa đổi", "bổ sung",
        "đánh giá", "tổng kết", "sơ kết", "tổng hợp", "gửi", "lập", "phân bổ", "cân đối", "giải quyết", "xử lý", "kiện toàn",
        "quan tâm", "cần", "phải", "có", "chịu trách nhiệm", "trình", "thẩm định", "ưu tiên", "nắm", "nắm bắt", "xem xét",
        "làm rõ", "chấn chỉnh", "khắc phục", "đổi mới", "nâng cao", "phát huy", "vận động", "phát động", "biên soạn",
        "phát hành", "cung cấp", "đảm bảo", "bảo đảm", "duy trì", "thành lập", "củng cố", "sắp xếp", "điều chỉnh", "tiếp nhận",
        "làm việc", "tiến hành", "hoàn chỉnh", "soạn thảo", "dự thảo", "lựa chọn", "chọn", "thu hồi", "kiểm điểm", "phân công",
        "giao", "yêu cầu", "đề nghị", "hỗ trợ", "tạo điều kiện", "rút kinh nghiệm", "đăng tải", "phổ biến", "học tập", "lồng ghép",
        "tập huấn", "bồi dưỡng", "luân chuyển", "nghiêm túc", "chủ động", "tích cực", "trực tiếp", "định kỳ", "hằng", "hàng",
        "trong", "trước", "chậm nhất", "đã", "đang", "vừa", "còn", "chưa", "được", "sẽ", "ghi nhận", "biểu dương", "hoan nghênh",
        "thống nhất", "nhất trí", "đồng ý", "thông báo", "kết luận", "cảm ơn", "quản lý", "tham gia", "tiếp thu", "giải trình",
        "trả lời", "cử", "thẩm tra", "xác minh", "căn cứ", "bám sát", "thống kê", "đưa", "phân tích", "thông tin", "đề ra",
        "vận hành", "đầu tư", "hoàn tất", "khởi công", "giải ngân", "rà", "làm", "thanh tra", "điều tra", "tuyên dương",
        "khen thưởng", "tăng", "giảm", "mở", "theo", "kiểm soát", "tập hợp", "đăng ký", "xác định", "cụ thể hóa",
        "quy định", "định hướng", "phê duyệt", "thông qua", "nâng cấp", "mở rộng", "ứng dụng", "số hóa", "kêu gọi", "động viên",
        "thăm", "lưu ý", "giúp", "chuẩn hóa", "phát triển", "lấy", "công khai", "tiếp", "rà soát lại", "gắn", "là", "để", "nhằm", "họp", "nghe", "dự");

    // Verbs that are part of a name: "các tổ chức đảng", "các cơ quan tham mưu, giúp việc", "các đơn vị có liên quan".
    private static readonly PhraseSet NotVerbs = new(
        "tổ chức đảng", "tổ chức cơ sở đảng", "tổ chức chính trị", "tổ chức đoàn thể", "tổ chức hội", "tổ chức công đoàn",
        "tham mưu giúp việc", "có liên quan", "quản lý nhà nước", "phòng chống", "thanh tra tỉnh", "thanh tra thành phố");

    // An issuer's own assessment or a past fact, not work given.
    private static readonly PhraseSet NotWork = new(
        "đã", "đang", "vừa", "còn", "chưa", "được", "ghi nhận", "biểu dương", "hoan nghênh", "thống nhất", "nhất trí",
        "đồng ý", "thông báo", "kết luận", "cảm ơn", "là", "có ý kiến", "tuyên dương", "đánh giá cao", "họp", "nghe", "dự", "sẽ");

    // Calls on everyone: "các cấp, các ngành", "cán bộ, đảng viên", "toàn Đảng bộ".
    [GeneratedRegex(@"^(?:các cấp(?!\s+ủy)|các ngành|các cấp, các ngành|cán bộ|đảng viên|toàn\s|mỗi\s|từng\s|cả hệ thống|các cấp ủy, chính quyền|hệ thống chính trị)", RegexOptions.IgnoreCase)]
    private static partial Regex Everyone();

    [GeneratedRegex(@"^(?:với|cùng(?:\s+với)?|chặt chẽ(?:\s+với)?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CoordinationLead();

    /// <summary>Runs of letters and digits, joined by an inner "-", "/" or "." ("28-CT/TW", "đ/c", "1.200").</summary>
    public static Token[] Words(string text)
    {
        var words = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                   || (text[i] is '-' or '/' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > start)))
                i++;
            words.Add(new Token(start, i - start));
        }
        return [.. words];
    }

    /// <summary>A lead named at <paramref name="from"/> (after "Giao", "Đề nghị" …), then its roles; null if no body is named there.</summary>
    public static Roles? LeadFirst(string text, Token[] words, int from)
    {
        var i = SkipPrefixes(text, words, from);
        if (i >= words.Length || HeadLength(text, words, i) is not (> 0 and var head))
            return null;
        var end = NameEnd(text, words, i, head);
        if (end == i || end - i > MaxLeadWords)
            return null;
        // "Thường trực Thành ủy giao Ban Tổ chức …": the issuer gives the work to the body after the verb.
        if (end < words.Length && Prefixes.MatchLength(text, words, end) is > 0 and var n && Separator(text, words, end - 1, end).Trim().IsEmpty)
            return LeadFirst(text, words, end + n) ?? LeadFirst(text, words, end);
        var lead = Trim(text[words[i].Start..words[end - 1].End]);
        if (Everyone().IsMatch(lead))
            return null;
        var colon = end < words.Length && Separator(text, words, end - 1, end).Contains(':');
        if (end < words.Length && !colon && NotWork.MatchLength(text, words, end) > 0 && IsLower(text, words[end]))
            return null;
        // "Ban Tổ chức Thành ủy (cơ quan thường trực) chủ trì …": an aside after the name.
        var rolesFrom = end;
        if (end < words.Length && Separator(text, words, end - 1, end).Contains('(') && text.IndexOf(')', words[end].Start) is >= 0 and var close)
        {
            while (rolesFrom < words.Length && words[rolesFrom].Start < close)
                rolesFrom++;
        }
        var (coordinators, work) = RolesAfter(text, words, rolesFrom);
        return new Roles(lead, coordinators, words[i].Start, work, colon);
    }

    /// <summary>"chủ trì", "phối hợp với X, Y" or "chủ trì, X phối hợp" after a lead; returns the coordinators and where the work starts.</summary>
    public static (List<string> Coordinators, int WorkStart) RolesAfter(string text, Token[] words, int i)
    {
        var coordinators = new List<string>();
        for (var guard = 0; guard < 4 && i < words.Length; guard++)
        {
            var separator = Separator(text, words, i - 1, i);
            if (separator.Contains(';') || separator.Contains('.') || separator.Contains('('))
                break;
            if (Is(text, words, i, "có trách nhiệm") is > 0 and var t || (t = Is(text, words, i, "chịu trách nhiệm")) > 0)
            {
                i += t;
                continue;
            }
            if (Is(text, words, i, "chủ trì") is > 0 and var c)
            {
                i += c;
                // "chủ trì, Văn phòng Thành ủy phối hợp …"
                if (i < words.Length && Separator(text, words, i - 1, i).Contains(',') && IsHead(text, words, i))
                {
                    var end = NameEnd(text, words, i);
                    if (Is(text, words, end, "phối hợp") is > 0 and var p)
                    {
                        coordinators.AddRange(Split(text[words[i].Start..words[end - 1].End]));
                        i = end + p;
                    }
                }
                continue;
            }
            if (Is(text, words, i, "phối hợp") is > 0 and var ph)
            {
                i += ph;
                while (i < words.Length && words[i].In(text) is "với" or "chặt" or "chẽ" or "cùng")
                    i++;
                if (i < words.Length && IsHead(text, words, i))
                {
                    var end = NameEnd(text, words, i);
                    coordinators.AddRange(Split(text[words[i].Start..words[end - 1].End]));
                    i = end;
                }
                continue;
            }
            break;
        }
        return (coordinators, i < words.Length ? words[i].Start : text.Length);
    }

    /// <summary>Roles given after the work: "(Ban Tuyên giáo chủ trì, Ban Tổ chức phối hợp)", "…: Ban Dân vận Thành ủy".</summary>
    public static Roles? Named(string fragment)
    {
        var text = LabelWord().Replace(fragment.Trim(), "");
        var words = Words(text);
        var roles = LeadFirst(text, words, 0);
        if (roles is null)
            return null;
        // A body alone, or a body and its roles, but no further work.
        var rest = text[roles.WorkStart..].TrimStart(' ', ',', ';', '.', ')');
        return rest.Length == 0 || DeadlineOnly().IsMatch(rest) ? roles : null;
    }

    [GeneratedRegex(@"^(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)\s*:\s*|(?:giao(?:\s+cho)?|do)\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelWord();

    [GeneratedRegex(@"^(?:thực hiện|hoàn thành|thời gian|thời hạn|trong|trước|chậm nhất|xong|quý|tháng|năm|định kỳ|hằng|hàng|thường xuyên)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineOnly();

    /// <summary>Coordinators, one entry each: split at commas and "và" where a new body's name begins, never inside a name.</summary>
    public static List<string> Split(string span)
    {
        var parts = new List<string>();
        var words = Words(span);
        var start = 0;
        for (var i = 1; i < words.Length; i++)
        {
            var gap = span.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End);
            var and = words[i].In(span) is "và" && i + 1 < words.Length;
            if (!(gap.Contains(',') || and))
                continue;
            var next = and ? i + 1 : i;
            if (next < words.Length && words[next].In(span) is "và")
                next++;
            if (next < words.Length && StartsEntry(span, words, next))
            {
                parts.Add(span[words[start].Start..words[i - 1].End]);
                start = next;
                i = next;
            }
        }
        if (words.Length > 0)
            parts.Add(span[words[start].Start..words[^1].End]);
        return parts.Select(Trim).Where(p => p.Length > 0 && !p.EndsWith("liên quan", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static bool StartsEntry(string text, Token[] words, int i) =>
        words[i].In(text).Equals("các", StringComparison.OrdinalIgnoreCase) || (char.IsUpper(text[words[i].Start]) && Heads.MatchLength(text, words, i) > 0);

    public static bool IsHead(string text, Token[] words, int i) => HeadLength(text, words, i) > 0;

    private static int HeadLength(string text, Token[] words, int i)
    {
        if (NotHeads.MatchLength(text, words, i) > 0)
            return 0;
        // "các" leads a class of bodies ("các sở, ngành", "các Ban đảng"), not any plural ("các dự án").
        if (words[i].In(text).Equals("các", StringComparison.OrdinalIgnoreCase))
            return i + 1 < words.Length && (char.IsUpper(text[words[i + 1].Start]) || Collective.MatchLength(text, words, i + 1) > 0) ? 1 : 0;
        return char.IsUpper(text[words[i].Start]) ? Heads.MatchLength(text, words, i) : LowerHeads.MatchLength(text, words, i);
    }

    // Words that begin like a body's name but are none: "Báo cáo", "Hội nghị", "Ban hành", "Trường hợp".
    private static readonly PhraseSet NotHeads = new(
        "Báo cáo", "Hội nghị", "Hội thảo", "Trường hợp", "Ban hành", "Phòng chống", "Bộ máy", "Đoàn viên", "Hội viên", "Đoàn kết",
        "Quỹ đất", "Cụm công nghiệp", "Khối lượng", "Lực lượng vũ trang");

    private static readonly PhraseSet Collective = new(
        "ban", "sở", "ngành", "cấp ủy", "đảng ủy", "đảng bộ", "chi bộ", "chi ủy", "cơ quan", "đơn vị", "địa phương", "huyện ủy",
        "quận ủy", "thị ủy", "thành ủy", "tỉnh ủy", "tổ chức", "đoàn thể", "hội", "phòng", "xã", "phường", "thị trấn", "trường",
        "doanh nghiệp", "đồng chí", "tổ", "ủy ban", "bộ", "cục", "trung tâm", "ban cán sự", "đảng đoàn", "cấp", "huyện", "quận",
        "thị xã", "thành phố", "tỉnh", "hợp tác xã", "cơ sở", "lực lượng", "văn phòng", "báo", "đài", "cơ quan báo chí");

    public static int SkipPrefixes(string text, Token[] words, int i)
    {
        while (i < words.Length && Prefixes.MatchLength(text, words, i) is > 0 and var n)
            i += n;
        return i;
    }

    // The name runs to the first verb, or to a colon, semicolon, full stop or bracket.
    private static int NameEnd(string text, Token[] words, int i, int head = 1)
    {
        var j = i + Math.Max(head, HeadLength(text, words, i));
        while (j < words.Length)
        {
            var gap = Separator(text, words, j - 1, j);
            if (gap.IndexOfAny(":;.(") >= 0 && !IsAbbreviationDot(text, words, j - 1, gap))
                break;
            if (IsLower(text, words[j]))
            {
                if (NotVerbs.MatchLength(text, words, j) is > 0 and var skip)
                {
                    j += skip;
                    continue;
                }
                if (Verbs.MatchLength(text, words, j) > 0)
                    break;
            }
            j++;
        }
        return j;
    }

    private static bool IsAbbreviationDot(string text, Token[] words, int before, ReadOnlySpan<char> gap) =>
        gap.Trim().SequenceEqual(".") && words[before].In(text) is "TP" or "Tp";

    public static ReadOnlySpan<char> Separator(string text, Token[] words, int before, int after) =>
        before < 0 ? text.AsSpan(0, words[after].Start) : text.AsSpan(words[before].End, words[after].Start - words[before].End);

    private static bool IsLower(string text, Token word) => char.IsLower(text[word.Start]);

    private static int Is(string text, Token[] words, int i, string phrase)
    {
        var n = 0;
        foreach (var part in phrase.AsSpan().Split(' '))
        {
            if (i + n >= words.Length || !words[i + n].In(text).Equals(phrase.AsSpan()[part], StringComparison.OrdinalIgnoreCase))
                return 0;
            n++;
        }
        return n;
    }

    public static string Trim(string s) => s.Trim().Trim(',', ';', ':', '.', '-', '–', ' ', '(', ')', '/').Trim();
}
