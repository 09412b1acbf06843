namespace DonDoc.Text;

/// <summary>The vocabulary <see cref="PersonFinder"/> reads names and titles with.</summary>
internal static class PersonWords
{
    /// <summary>Words a title starts with; "Phó" and "nguyên"/"quyền" may stand before any of them.</summary>
    public static readonly PhraseSet TitleHeads = new(
        "Tổng Bí thư", "Thường trực Ban Bí thư", "Bí thư", "Ủy viên", "Chủ tịch", "Trưởng ban", "Trưởng đoàn", "Trưởng phòng", "Trưởng khoa",
        "Chánh Văn phòng", "Chủ nhiệm", "Giám đốc", "Tổng Giám đốc", "Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Chánh án",
        "Viện trưởng", "Tổng Thư ký", "Thư ký", "Chánh Thanh tra", "Tổng Kiểm toán", "Tư lệnh", "Chính ủy", "Hiệu trưởng",
        "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Chỉ huy trưởng", "Tham mưu trưởng", "Trợ lý", "Đại sứ", "Tổng Biên tập",
        "Trưởng Công an", "Trưởng Đại diện", "Tổng Thanh tra", "Tổ trưởng", "Đội trưởng", "Trưởng thôn", "Trưởng khu",
        "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
        // A member of a committee named after its level: "Tỉnh ủy viên" is "Ủy viên Ban Chấp hành Đảng bộ tỉnh".
        "Tỉnh ủy viên", "Thành ủy viên", "Huyện ủy viên", "Quận ủy viên", "Thị ủy viên", "Đảng ủy viên", "Khu ủy viên",
        "Đại biểu Quốc hội", "Đại biểu HĐND", "Trưởng ấp", "Trưởng bản", "Trưởng xóm", "Trưởng phố", "Trưởng Văn phòng",
        "Giáo sư", "Anh hùng", "Kế toán trưởng", "Thủ trưởng", "Phát ngôn viên", "Chi ủy viên", "Chính trị viên",
        "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Đô đốc", "Chuẩn Đô đốc");

    /// <summary>Titles running text also writes in lower case ("cùng dự có đại biểu Quốc hội Hoàng Văn Cường").</summary>
    public static readonly PhraseSet LowerCaseHeads = new("đại biểu Quốc hội", "đại biểu HĐND", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch");

    /// <summary>Words that put a title on the person just named: "được bầu làm Phó Bí thư", "giữ chức Chủ tịch".</summary>
    public static readonly PhraseSet Appointments = new(
        "được bầu làm", "được bầu giữ chức", "được bầu giữ", "được bầu", "tái đắc cử", "đắc cử", "được bổ nhiệm làm",
        "được bổ nhiệm giữ chức", "được bổ nhiệm", "được chỉ định làm", "được chỉ định giữ chức", "được chỉ định",
        "giữ chức", "làm", "tái cử", "được phân công làm", "được phân công giữ chức");

    /// <summary>Lower-case words that name a kind of place; the capitalised words after one are the place's name.</summary>
    public static readonly WordSet PlaceKinds = new(StringComparer.Ordinal,
        "phường", "xã", "huyện", "quận", "tỉnh", "thị", "trấn", "thôn", "ấp", "bản", "xóm", "làng", "khu", "phố", "đặc");

    /// <summary>
    /// Names of bodies written with a comma or a dash, which would otherwise end the title there
    /// ("Giám đốc Sở Văn hóa, Thể thao và Du lịch"); words and marks are separated by spaces, as the finder reads them.
    /// </summary>
    public static readonly PhraseSet PunctuatedBodies = new(
        "Văn hóa , Thể thao và Du lịch", "Văn hóa - Thể thao và Du lịch", "Văn hóa – Thể thao và Du lịch",
        "Lao động - Thương binh và Xã hội", "Lao động – Thương binh và Xã hội", "Lao động , Thương binh và Xã hội",
        "Văn hóa - Xã hội", "Văn hóa – Xã hội", "Kinh tế - Ngân sách", "Kinh tế – Ngân sách", "Kinh tế - Xã hội", "Kinh tế – Xã hội",
        "Đô thị - Ngân sách", "Đô thị – Ngân sách", "Pháp chế - Dân tộc", "Khoa học - Công nghệ", "Khoa học – Công nghệ",
        "Văn hóa , Giáo dục", "Văn hóa - Giáo dục", "Văn hóa – Giáo dục", "Quốc phòng , An ninh và Đối ngoại",
        "Quốc phòng - An ninh", "Quốc phòng – An ninh", "Tuyên giáo - Dân vận", "Tuyên giáo – Dân vận");

    /// <summary>Academic and honorary prefixes written between a title and the name ("GS.TS Nguyễn Xuân Thắng").</summary>
    public static readonly WordSet Degrees = new(StringComparer.Ordinal, "GS", "PGS", "TS", "ThS", "TSKH", "BS", "NGND", "NGƯT", "KTS", "NSND", "NSƯT", "LS");

    public static readonly WordSet Surnames = new(StringComparer.Ordinal,
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đinh", "Trương", "Vương", "Đào", "Chu", "Mai", "Trịnh", "Lâm", "Lương", "Tô", "Tạ", "Hà", "Đoàn", "Đàm",
        "Cao", "Lưu", "Kiều", "Thái", "Tăng", "Quách", "Từ", "Hứa", "Lục", "Nghiêm", "Triệu", "Khuất", "Thân", "Giang",
        "Lại", "Ông", "Mạc", "La", "Doãn", "Phùng", "Vi", "Tống", "Nông", "Lò", "Hầu", "Âu", "Bạch", "Cù", "Diệp", "Đậu",
        "Đồng", "Kim", "Hàn", "Lã", "Lữ", "Mẫn", "Tiêu", "Trình", "Ứng", "Viên", "Khổng", "Châu", "Cấn", "Chử", "Đới",
        "Giáp", "Hạ", "Khúc", "Khương", "Luyện", "Mạch", "Ninh", "Phí", "Sầm", "Thạch", "Tôn", "Ung", "Vưu", "Bế", "Quản",
        "Đường", "Lường", "Văn", "Nhữ", "Y", "Ksor", "Giàng", "Sùng", "Thào", "Lầu", "Vàng", "Hạng", "Cầm", "Quan",
        // Khmer, Thái, Ê Đê, Gia Rai, Mông and other surnames of the ethnic minorities.
        "Danh", "Chau", "Tòng", "Lù", "Mùa", "Vừ", "Điểu", "Siu", "Rơ", "Kpă", "Rah", "Niê", "Quàng", "Bàn", "Lộc", "Mã",
        "Ma", "Lăng", "Chảo", "Tẩn", "Vy", "Mè");

    /// <summary>The surnames most Vietnamese carry, which mark where a name starts after a place's name.</summary>
    public static readonly WordSet CommonSurnames = new(StringComparer.Ordinal,
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");

    /// <summary>Places, some starting with a surname ("Hà Nội", "Lâm Đồng"), which a title may end with before the name.</summary>
    public static readonly PhraseSet Places = new(
        "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang",
        "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh",
        "Bắc Giang", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định",
        "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam",
        "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk",
        "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa", "Vũng Tàu", "Long An",
        "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng",
        "Bạc Liêu", "Cà Mau", "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng",
        "Hoàng Mai", "Thanh Xuân", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông", "Sơn Tây", "Ba Vì", "Phúc Thọ", "Đan Phượng",
        "Hoài Đức", "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên", "Ứng Hòa", "Mỹ Đức",
        "Sóc Sơn", "Đông Anh", "Gia Lâm", "Mê Linh", "Thanh Trì", "Việt Nam", "Hoa Kỳ", "Thái Lan", "Hàn Quốc",
        "Trung Quốc", "Hoàng Sa", "Trường Sa", "Bạch Mai",
        // Bodies whose first word is also a surname: "bí thư Đoàn Thanh niên" names no one.
        "Đoàn Thanh niên", "Đoàn TNCS");

    /// <summary>Words of a body's name that never stand in a person's name.</summary>
    public static readonly WordSet BodyWords = new(StringComparer.Ordinal, "Ban", "Bộ", "Sở", "Đảng", "Ủy", "Cục", "Viện", "Hội");

    /// <summary>Lower-case words that begin what a person does, so the title before them is over.</summary>
    public static readonly WordSet Verbs = new(StringComparer.OrdinalIgnoreCase,
        "dự", "cho", "trao", "tặng", "nêu", "đã", "đang", "sẽ", "được", "bị", "vừa", "cùng", "có", "là", "đến", "tới", "về",
        "tại", "trong", "với", "khi", "để", "của", "cũng", "luôn", "rất", "chưa", "và", "nhưng", "mà", "vào", "từ",
        "theo", "trước", "sau", "qua", "ra", "lên", "đi", "này", "đó", "ký", "đọc", "nghe", "xem", "thăm", "gửi", "nói",
        "mong", "nhận", "những", "một", "nhiều", "kiêm", "chủ", "phát", "nhấn", "đề", "yêu", "khẳng", "trình",
        "báo", "kết", "khai", "bế", "điều", "đánh", "ghi", "thay", "chúc", "tham", "làm", "lưu", "giới", "trả", "chia",
        "cảm", "quán", "phân", "kiến", "bày", "hoan", "quyết", "kêu", "tiếp", "dâng", "thắp", "đặt", "chỉ", "cần",
        "phải", "đồng", "khen", "lắng", "hướng", "đều", "cụ", "như", "gặp", "biểu");

    /// <summary>Two-word phrases inside a title one of whose words is also in <see cref="Verbs"/> ("Hội đồng", "Ủy viên dự khuyết").</summary>
    public static readonly PhraseSet BodyCompounds = new("hội đồng", "ban chỉ", "đại biểu", "cộng đồng", "dự khuyết");
}
