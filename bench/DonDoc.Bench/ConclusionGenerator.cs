using System.Text;

namespace DonDoc.Bench;

/// <summary>Conclusions and plans of the kind read into tasks: directives in sentences, items and tables, with the genre's other paragraphs.</summary>
public static class ConclusionGenerator
{
    private static readonly string[] Bodies =
    [
        "Ban Tổ chức Thành ủy", "Ban Tuyên giáo Thành uỷ", "Ủy ban Kiểm tra Thành ủy", "Văn phòng Thành ủy", "Ban Dân vận Thành ủy",
        "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các quận, huyện", "Liên đoàn Lao động thành phố",
        "Ban cán sự đảng Ủy ban nhân dân thành phố", "Đảng đoàn Hội đồng nhân dân thành phố", "Báo Vân Hải",
    ];
    private static readonly string[] Works =
    [
        "hướng dẫn các đảng bộ trực thuộc rà soát, bổ sung quy hoạch cấp ủy nhiệm kỳ 2025 - 2030",
        "xây dựng kế hoạch tuyên truyền đại hội đảng bộ các cấp", "khảo sát tình hình tư tưởng công nhân tại các khu công nghiệp",
        "kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở", "tổ chức sơ kết 5 năm thực hiện Nghị quyết số 15-NQ/TU",
        "tham mưu phương án sắp xếp các đơn vị sự nghiệp công lập", "đẩy nhanh giải phóng mặt bằng các dự án trọng điểm",
    ];
    private static readonly string[] Deadlines =
    [
        "hoàn thành trước ngày 30/6/2024", "trong quý III/2024", "chậm nhất ngày 15/8", "định kỳ hằng quý báo cáo Thường trực Thành ủy",
        "thường xuyên báo cáo kết quả", "trong 6 tháng đầu năm 2025", "trước ngày 15/12 hằng năm", "hoàn thành trong 30 ngày kể từ ngày ký",
    ];
    private static readonly string[] Others =
    [
        "Thường trực Thành ủy ghi nhận sự chủ động của các ban đảng, Văn phòng Thành ủy trong quý I năm 2024.",
        "Các cấp, các ngành cần quán triệt tinh thần \"rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ\".",
        "Đến nay, 18/20 đảng bộ trực thuộc đã thành lập tiểu ban văn kiện; giải ngân vốn đầu tư công chưa đạt yêu cầu.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Thường trực Thành ủy (qua Văn phòng Thành ủy).",
    ];

    /// <summary>Documents of about 5–10 KB each until <paramref name="totalBytes"/> of UTF-8 is reached.</summary>
    public static IReadOnlyList<string> Corpus(int totalBytes, int seed = 42)
    {
        var random = new Random(seed);
        var documents = new List<string>();
        for (var bytes = 0; bytes < totalBytes;)
        {
            var document = Document(random, documents.Count + 1);
            documents.Add(document);
            bytes += Encoding.UTF8.GetByteCount(document);
        }
        return documents;
    }

    private static string Document(Random random, int number)
    {
        string Pick(string[] from) => from[random.Next(from.Length)];
        var sb = new StringBuilder();
        sb.Append("ĐẢNG CỘNG SẢN VIỆT NAM\nTHÀNH ỦY VÂN HẢI\n*\nSố ").Append(number).Append("-TB/TU\nVân Hải, ngày 12 tháng 4 năm 2024\n\n");
        sb.Append("THÔNG BÁO\nKẾT LUẬN CỦA THƯỜNG TRỰC THÀNH ỦY\nvề một số nhiệm vụ trọng tâm\n-----\n\n");
        var items = 20 + random.Next(20);
        for (var i = 1; i <= items; i++)
        {
            sb.Append(i).Append(". ");
            switch (random.Next(6))
            {
                case 0:
                    sb.Append("Giao ").Append(Pick(Bodies)).Append(" chủ trì, phối hợp với ").Append(Pick(Bodies)).Append(", ").Append(Pick(Bodies))
                        .Append(' ').Append(Pick(Works)).Append(", ").Append(Pick(Deadlines)).Append(".\n\n");
                    break;
                case 1:
                    sb.Append(char.ToUpperInvariant(Pick(Works)[0])).Append(Pick(Works)[1..]).Append(" (").Append(Pick(Bodies)).Append(" chủ trì; ")
                        .Append(Pick(Deadlines)).Append(").\n\n");
                    break;
                case 2:
                    sb.Append("Đề nghị ").Append(Pick(Bodies)).Append(" lãnh đạo, chỉ đạo:\n- ").Append(char.ToUpperInvariant(Pick(Works)[0])).Append(Pick(Works)[1..])
                        .Append(", ").Append(Pick(Deadlines)).Append(";\n- ").Append(char.ToUpperInvariant(Pick(Works)[0])).Append(Pick(Works)[1..]).Append(".\n\n");
                    break;
                case 3:
                    sb.Append("Nhiệm vụ cụ thể\n\nSTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n");
                    for (var r = 1; r <= 4; r++)
                        sb.Append(r).Append('\t').Append(char.ToUpperInvariant(Pick(Works)[0])).Append(Pick(Works)[1..]).Append('\t').Append(Pick(Bodies))
                            .Append('\t').Append(Pick(Bodies)).Append('\t').Append("Quý ").Append("I II III IV".Split(' ')[random.Next(4)]).Append("/2024\n");
                    sb.Append('\n');
                    break;
                default:
                    sb.Append(Pick(Others)).Append(' ').Append(Pick(Others)).Append("\n\n");
                    break;
            }
        }
        sb.Append("Thường trực Thành ủy thông báo để các cơ quan, đơn vị biết, thực hiện.\n\nNơi nhận:\n- Các ban đảng, Văn phòng Thành ủy,\n- Lưu Văn phòng Thành ủy.\n");
        return sb.ToString();
    }
}
