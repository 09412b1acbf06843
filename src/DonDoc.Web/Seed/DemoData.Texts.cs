using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private sealed record ProjectLine(string Title, string Lead, string[] Coordinators, bool Open = false);

    // The 34 city-level projects through which Program 01-CTr/TU (2021–2025) was carried out.
    private static readonly ProjectLine[] ProgramOneProjects =
    [
        new("Nâng cao chất lượng sinh hoạt chi bộ trong Đảng bộ Thành phố giai đoạn 2021–2025", "BTCTU", ["VPTU"]),
        new("Nâng cao chất lượng công tác phát triển đảng viên, nhất là trong công nhân, trí thức, học sinh, sinh viên", "BTCTU", []),
        new("Phát triển tổ chức đảng, đảng viên trong doanh nghiệp ngoài khu vực nhà nước", "BTCTU", ["DB-KHOIDN"]),
        new("Xây dựng đội ngũ cán bộ các cấp của Thành phố, nhất là cán bộ cấp chiến lược, người đứng đầu, đủ phẩm chất, năng lực, uy tín", "BTCTU", ["SNV"]),
        new("Đổi mới công tác đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và tập thể, cá nhân lãnh đạo, quản lý", "BTCTU", ["UBKTTU"]),
        new("Nâng cao chất lượng, hiệu quả công tác kiểm tra, giám sát của cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp", "UBKTTU", ["BTCTU"]),
        new("Tăng cường kiểm tra, giám sát việc kê khai, kiểm soát tài sản, thu nhập của cán bộ, đảng viên", "UBKTTU", ["BNCTU"]),
        new("Nâng cao hiệu quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực", "BNCTU", ["UBKTTU", "TTTP"]),
        new("Nâng cao chất lượng công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh", "BNCTU", ["TTTP"]),
        new("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021–2025", "BTGTU", ["BDVTU"]),
        new("Nâng cao hiệu quả công tác tuyên truyền, đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng", "BTGTU", ["DB-CA"]),
        new("Nâng cao chất lượng công tác nắm bắt, định hướng dư luận xã hội", "BTGTU", []),
        new("Đổi mới công tác giáo dục lý luận chính trị cho cán bộ, đảng viên", "BTGTU", ["BTCTU"]),
        new("Nâng cao hiệu quả công tác dân vận của chính quyền các cấp", "BDVTU", ["UBND-HN"]),
        new("Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong tham gia xây dựng Đảng, xây dựng chính quyền", "BDVTU", []),
        new("Xây dựng và nhân rộng các mô hình “Dân vận khéo”", "BDVTU", []),
        new("Chuyển đổi số trong hoạt động của các cơ quan Đảng Thành phố", "VPTU", ["SKHCN", "BTCTU"], Open: true),
        new("Đổi mới phương thức lãnh đạo, chỉ đạo, điều hành của Thành ủy, Ban Thường vụ Thành ủy", "VPTU", []),
        new("Nâng cao chất lượng công tác tham mưu, giúp việc của văn phòng cấp ủy các cấp", "VPTU", ["BTCTU"]),
        new("Tăng cường kỷ luật, kỷ cương hành chính, nâng cao đạo đức công vụ của cán bộ, công chức, viên chức", "SNV", ["BTCTU"]),
        new("Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân, doanh nghiệp", "UBND-HN", ["SNV", "VP-UBND"], Open: true),
        new("Sắp xếp tổ chức bộ máy của hệ thống chính trị Thành phố tinh gọn, hoạt động hiệu lực, hiệu quả", "BTCTU", ["SNV"], Open: true),
        new("Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng ở xã, phường, thị trấn", "BTCTU", []),
        new("Nâng cao chất lượng tổ chức cơ sở đảng trong các cơ quan, đơn vị sự nghiệp công lập", "DB-KHOICQ", ["BTCTU"]),
        new("Nâng cao chất lượng hoạt động của tổ chức đảng trong các doanh nghiệp nhà nước", "DB-KHOIDN", ["BTCTU"]),
        new("Củng cố, kiện toàn tổ chức cơ sở đảng yếu kém, chi bộ sinh hoạt chưa nền nếp", "BTCTU", ["UBKTTU"]),
        new("Thực hiện Quy chế dân chủ ở cơ sở gắn với xây dựng chính quyền thân thiện, vì Nhân dân phục vụ", "BDVTU", ["SNV"]),
        new("Tăng cường công tác bảo vệ chính trị nội bộ", "BTCTU", ["DB-CA"]),
        new("Nâng cao chất lượng hoạt động của Hội đồng nhân dân các cấp", "HDND-HN", ["SNV"]),
        new("Đẩy mạnh công tác thông tin đối ngoại của Thủ đô", "BTGTU", []),
        new("Tăng cường giám sát của Hội đồng nhân dân đối với việc giải quyết kiến nghị của cử tri", "HDND-HN", []),
        new("Nâng cao chất lượng công tác lưu trữ tài liệu của Đảng bộ Thành phố", "VPTU", []),
        new("Xây dựng văn hóa trong các cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể", "BTGTU", ["BDVTU"], Open: true),
        new("Ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên", "BTCTU", ["VPTU"]),
    ];

    private static readonly ProjectLine[] ProgramSix2021Projects =
    [
        new("Xây dựng người Hà Nội thanh lịch, văn minh gắn với thực hiện các bộ quy tắc ứng xử", "SVHTT", ["BTGTU"]),
        new("Phát triển công nghiệp văn hóa Thủ đô giai đoạn 2021–2025", "SVHTT", ["SDL", "STC"]),
        new("Nâng cao chất lượng nguồn nhân lực đáp ứng yêu cầu phát triển Thủ đô", "SNV", ["SGDDT"]),
        new("Phát triển hệ thống giáo dục phổ thông chất lượng cao, hội nhập quốc tế", "SGDDT", ["SNV"]),
        new("Bảo tồn, phát huy giá trị di sản văn hóa Thăng Long – Hà Nội", "SVHTT", ["SDL"]),
    ];

    private static readonly ProjectLine[] ProgramSix2026Projects =
    [
        new("Xây dựng trung tâm dữ liệu dùng chung của Thành phố", "SKHCN", ["STC", "DB-CA"]),
        new("Chuyển đổi số toàn diện trong các cơ quan Đảng Thành phố giai đoạn 2026–2030", "VPTU", ["SKHCN"]),
        new("Phát triển nguồn nhân lực số cho cán bộ, công chức cấp xã", "SNV", ["BTCTU", "SKHCN"]),
        new("Thu hút chuyên gia, nhà khoa học trẻ tài năng về làm việc tại Thủ đô", "BTCTU", ["SNV"]),
        new("Hỗ trợ doanh nghiệp khởi nghiệp sáng tạo giai đoạn 2026–2030", "UBND-HN", ["SKHCN", "STC"]),
        new("Đưa kỹ năng số vào chương trình giáo dục phổ thông của Thành phố", "SGDDT", ["SKHCN"]),
        new("Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính", "VP-UBND", ["SKHCN", "SNV"]),
    ];

    // What a subordinate committee does with a city-level project ({0}: the project's name).
    private static readonly string[] ItemActivities =
    [
        "Ban hành kế hoạch thực hiện {0}",
        "Quán triệt, triển khai {0} đến các chi bộ trực thuộc",
        "Xây dựng mô hình điểm thực hiện {0}",
        "Khảo sát, đánh giá thực trạng, đề xuất giải pháp thực hiện {0}",
        "Kiểm tra, giám sát việc thực hiện {0} tại các tổ chức cơ sở đảng",
        "Sơ kết giữa kỳ thực hiện {0}",
        "Tổng kết, đánh giá kết quả thực hiện {0}",
    ];

    private static readonly string[] EarlyProgress =
    [
        "Đã ban hành kế hoạch, phân công nhiệm vụ cho các chi bộ trực thuộc.",
        "Đã tổ chức quán triệt, triển khai đến cán bộ, đảng viên.",
        "Đã thành lập tổ công tác, xây dựng đề cương chi tiết.",
    ];

    private static readonly string[] MiddleProgress =
    [
        "Đã hoàn thành khảo sát, đang tổng hợp số liệu, xây dựng dự thảo báo cáo.",
        "Đã tổ chức hội nghị sơ kết, rút kinh nghiệm; đang nhân rộng mô hình.",
        "Đã hoàn thành dự thảo lần 1, gửi xin ý kiến các cơ quan liên quan.",
    ];

    private static readonly string[] LateProgress =
    [
        "Đã tiếp thu ý kiến góp ý, hoàn thiện dự thảo trình Ban Thường vụ.",
        "Cơ bản hoàn thành các nội dung; đang hoàn thiện hồ sơ báo cáo kết quả.",
        "Đã hoàn thiện báo cáo kết quả, kèm phụ lục số liệu theo mẫu.",
    ];

    private static readonly string[] Results =
    [
        "Đã ban hành kế hoạch thực hiện, tổ chức quán triệt đến toàn bộ chi bộ trực thuộc; kèm báo cáo kết quả và phụ lục số liệu.",
        "Đã hoàn thành các nội dung được giao; báo cáo kết quả đã gửi Văn phòng Thành ủy tổng hợp.",
        "Đã hoàn thiện hồ sơ, trình Ban Thường vụ cho ý kiến; các chỉ tiêu đều đạt và vượt kế hoạch.",
        "Đã tổ chức sơ kết, đánh giá kết quả thực hiện, làm rõ hạn chế và đề ra giải pháp khắc phục.",
    ];

    // Said when a report after a return shows less than the submission did.
    private const string ReworkAfterReturn = "Làm lại các nội dung theo ý kiến khi trả lại.";

    private static readonly string[] ReturnReasons =
    [
        "Báo cáo chưa có số liệu so sánh với cùng kỳ; đề nghị bổ sung phụ lục số liệu theo mẫu.",
        "Chưa làm rõ trách nhiệm của tập thể, cá nhân đối với các hạn chế đã chỉ ra; đề nghị bổ sung.",
        "Báo cáo chưa nêu rõ lộ trình, thời hạn khắc phục từng hạn chế theo tinh thần “5 rõ”.",
        "Hồ sơ thiếu ý kiến thẩm định của cơ quan chuyên môn; đề nghị hoàn thiện.",
    ];

    private static readonly string[] CancelReasons =
    [
        "Nội dung đã được lồng ghép vào nhiệm vụ khác theo kết luận của Ban Thường vụ Thành ủy.",
        "Không còn phù hợp sau khi sắp xếp tổ chức bộ máy; đơn vị kế thừa thực hiện theo nhiệm vụ mới.",
    ];

    private static readonly string[] ExtensionReasons =
    [
        "Chờ ý kiến thẩm định của các sở, ngành liên quan.",
        "Nội dung phức tạp, liên quan nhiều cơ quan; đề nghị lùi thời hạn để bảo đảm chất lượng.",
        "Đơn vị mới tiếp nhận sau sắp xếp, cần thêm thời gian rà soát, hoàn thiện hồ sơ.",
    ];

    private const string Approved = "Đồng ý gia hạn; đề nghị đơn vị bảo đảm tiến độ theo thời hạn mới.";
    private const string Refusal = "Không đồng ý gia hạn; nội dung không phức tạp, đề nghị hoàn thành đúng thời hạn đã giao.";

    private static readonly string[] Surnames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng",
        "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Đào", "Chu", "Trương",
    ];

    private static readonly string[] MenMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Mạnh", "Tiến"];
    private static readonly string[] MenGiven = ["Hùng", "Dũng", "Tuấn", "Hải", "Sơn", "Long", "Thắng", "Cường", "Hiếu", "Nam", "Trung", "Quân", "Bình", "Khánh"];
    private static readonly string[] WomenMiddle = ["Thị", "Thị Thu", "Thị Thanh", "Thị Minh", "Thị Ngọc", "Thị Hồng", "Thị Lan"];
    private static readonly string[] WomenGiven = ["Hương", "Lan", "Hạnh", "Thủy", "Nga", "Huyền", "Trang", "Dung", "Mai", "Hằng", "Yến", "Phương"];
}
