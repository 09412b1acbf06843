using System.Text;

namespace DonDoc.Bench;

/// <summary>Conference reports of the kind the office imports, made up from the genre's usual sentences.</summary>
public static class ReportGenerator
{
    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh", "Trương"];
    private static readonly string[] Middles = ["Văn", "Thị", "Ngọc", "Quốc", "Đức", "Thanh", "Minh", "Hồng"];
    private static readonly string[] Given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Phong", "Tuấn", "Tuyến", "Thắng"];
    private static readonly string[] Titles =
    [
        "Ủy viên Bộ Chính trị", "Bí thư Thành ủy", "Phó Bí thư Thường trực Thành ủy", "Ủy viên Trung ương Đảng",
        "Chủ tịch UBND thành phố", "Chủ tịch HĐND thành phố", "Trưởng ban Tổ chức Thành ủy", "Ủy viên Ban Thường vụ Thành ủy",
        "Phó Trưởng ban Dân vận Thành ủy", "Chánh Văn phòng Thành ủy", "Bí thư Quận ủy Hoàng Mai", "Giám đốc Sở Nội vụ",
    ];
    private static readonly string[] Documents =
    [
        "Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị", "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII",
        "Nghị quyết số 15-NQ/TU của Thành ủy", "Chương trình số 01-CTr/TU ngày 17/3/2021", "Kế hoạch số 155-KH/TU của Ban Thường vụ Thành ủy",
        "Quyết định số 1234/QĐ-UBND ngày 5/4/2022 của UBND thành phố", "Nghị quyết 11 của Bộ Chính trị", "Quy chế làm việc số 01 ngày 7/12/2020 của Thành ủy",
    ];
    private static readonly string[] Fillers =
    [
        "các cấp ủy, tổ chức đảng đã chủ động triển khai đồng bộ, toàn diện các nhiệm vụ trọng tâm, thường xuyên và đột xuất",
        "công tác kiểm tra, giám sát được tăng cường, tập trung vào những lĩnh vực dễ phát sinh tham nhũng, tiêu cực",
        "công tác dân vận được đổi mới, nắm bắt kịp thời tâm tư, nguyện vọng của nhân dân Thủ đô",
        "việc ứng dụng công nghệ thông tin trong quản lý, điều hành được đẩy mạnh, cải cách hành chính có chuyển biến rõ nét",
    ];

    /// <summary>Reports of about 6–14 KB each until <paramref name="totalBytes"/> of UTF-8 is reached.</summary>
    public static IReadOnlyList<string> Corpus(int totalBytes, int seed = 42)
    {
        var random = new Random(seed);
        var reports = new List<string>();
        for (var bytes = 0; bytes < totalBytes;)
        {
            var report = Report(random);
            reports.Add(report);
            bytes += Encoding.UTF8.GetByteCount(report);
        }
        return reports;
    }

    private static string Report(Random r)
    {
        string Pick(string[] items) => items[r.Next(items.Length)];
        string Name() => $"{Pick(Surnames)} {Pick(Middles)} {Pick(Given)}";
        string TitlesOf(int n) => string.Join(", ", Enumerable.Range(0, n).Select(_ => Pick(Titles)).Distinct());

        var text = new StringBuilder();
        text.Append($"Hội nghị tổng kết công tác xây dựng Đảng năm {2015 + r.Next(10)} (15:17 {r.Next(1, 28):00}/01/2022)\n\n");
        text.Append($"HNP - Sáng {r.Next(1, 28)}/{r.Next(1, 12)}, Thành ủy Hà Nội tổ chức hội nghị tổng kết công tác năm, triển khai nhiệm vụ năm tới. ");
        text.Append($"Chủ trì hội nghị có các đồng chí: {TitlesOf(3)} {Name()}; {TitlesOf(2)} {Name()}; {TitlesOf(1)} {Name()}.\n\n");
        for (var paragraph = 0; paragraph < 4 + r.Next(6); paragraph++)
        {
            text.Append($"Đồng chí {Name()}, {TitlesOf(2)} cho biết, năm qua {Pick(Fillers)}; thực hiện {Pick(Documents)}, {Pick(Fillers)}. ");
            text.Append($"Trong năm, đã củng cố {r.Next(5, 40)}/{r.Next(40, 80)} tổ chức cơ sở đảng; kết nạp {r.Next(1, 20)}.{r.Next(100, 999)} đảng viên mới, ");
            text.Append($"đạt {r.Next(90, 130)},{r.Next(10)}% kế hoạch, tăng {r.Next(1, 20)},{r.Next(10)}% so với năm trước. {char.ToUpper(Pick(Fillers)[0])}{Pick(Fillers)[1..]}.\n\n");
        }
        text.Append($"Phát biểu kết luận, {Pick(Titles)} {Name()} chỉ ra 3 bài học kinh nghiệm. Cụ thể:\n\n");
        text.Append($"Một là, {Pick(Fillers)}.\n\nHai là, {Pick(Fillers)}.\n\nBa là, {Pick(Fillers)}.\n\n");
        text.Append($"Đồng chí đề nghị tập trung thực hiện 3 nhóm nhiệm vụ, đó là: {Pick(Fillers)}; {Pick(Fillers)}; {Pick(Fillers)}.\n\nThu Uyên\n");
        return text.ToString();
    }
}
