using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Infrastructure;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private static readonly (SymbolForm Form, string Code, string Name)[] DocumentTypes =
    [
        (SymbolForm.Party, "NQ", "Nghị quyết"),
        (SymbolForm.Party, "QĐ", "Quyết định"),
        (SymbolForm.Party, "QĐ", "Quy định"),
        (SymbolForm.Party, "QĐi", "Quy định"),
        (SymbolForm.Party, "CT", "Chỉ thị"),
        (SymbolForm.Party, "KL", "Kết luận"),
        (SymbolForm.Party, "QC", "Quy chế"),
        (SymbolForm.Party, "HD", "Hướng dẫn"),
        (SymbolForm.Party, "TT", "Thông tri"),
        (SymbolForm.Party, "KH", "Kế hoạch"),
        (SymbolForm.Party, "CTr", "Chương trình"),
        (SymbolForm.Party, "ĐA", "Đề án"),
        (SymbolForm.Party, "CV", "Công văn"),
        (SymbolForm.Party, "TB", "Thông báo"),
        (SymbolForm.Party, "BC", "Báo cáo"),
        (SymbolForm.Party, "TTr", "Tờ trình"),
        (SymbolForm.Party, "BB", "Biên bản"),
        (SymbolForm.State, "NĐ", "Nghị định"),
        (SymbolForm.State, "QĐ", "Quyết định"),
        (SymbolForm.State, "NQ", "Nghị quyết"),
        (SymbolForm.State, "CT", "Chỉ thị"),
        (SymbolForm.State, "TT", "Thông tư"),
        (SymbolForm.State, "KH", "Kế hoạch"),
        (SymbolForm.State, "QyĐ", "Quy định"),
        (SymbolForm.State, "QC", "Quy chế"),
        (SymbolForm.State, "HD", "Hướng dẫn"),
        (SymbolForm.State, "CV", "Công văn"),
        (SymbolForm.State, "TB", "Thông báo"),
        (SymbolForm.State, "BC", "Báo cáo"),
        (SymbolForm.State, "TTr", "Tờ trình"),
        (SymbolForm.State, "CĐ", "Công điện"),
    ];

    private static readonly (string Code, SymbolForm Form, string Name, DateOnly? From, DateOnly? To)[] Issuers =
    [
        ("TW", SymbolForm.Party, "Ban Chấp hành Trung ương Đảng, Bộ Chính trị, Ban Bí thư", null, null),
        ("VPTW", SymbolForm.Party, "Văn phòng Trung ương Đảng", null, null),
        ("BTCTW", SymbolForm.Party, "Ban Tổ chức Trung ương", null, null),
        ("UBKTTW", SymbolForm.Party, "Ủy ban Kiểm tra Trung ương", null, null),
        ("TU", SymbolForm.Party, "Thành ủy, Tỉnh ủy", null, null),
        ("VPTU", SymbolForm.Party, "Văn phòng Thành ủy", null, null),
        ("UBKTTU", SymbolForm.Party, "Ủy ban Kiểm tra Thành ủy", null, null),
        ("BTCTU", SymbolForm.Party, "Ban Tổ chức Thành ủy", null, null),
        ("BNCTU", SymbolForm.Party, "Ban Nội chính Thành ủy", null, null),
        ("BTGDVTU", SymbolForm.Party, "Ban Tuyên giáo và Dân vận Thành ủy", BoardsMerged, null),
        ("BTGTU", SymbolForm.Party, "Ban Tuyên giáo Thành ủy", null, BoardsMerged),
        ("BDVTU", SymbolForm.Party, "Ban Dân vận Thành ủy", null, BoardsMerged),
        ("ĐU", SymbolForm.Party, "Đảng ủy", null, null),
        ("HU", SymbolForm.Party, "Huyện ủy", null, DistrictsAbolished),
        ("QU", SymbolForm.Party, "Quận ủy", null, DistrictsAbolished),
        ("QH", SymbolForm.State, "Quốc hội", null, null),
        ("CP", SymbolForm.State, "Chính phủ", null, null),
        ("TTg", SymbolForm.State, "Thủ tướng Chính phủ", null, null),
        ("VPCP", SymbolForm.State, "Văn phòng Chính phủ", null, null),
        ("BNV", SymbolForm.State, "Bộ Nội vụ", null, null),
        ("BTC", SymbolForm.State, "Bộ Tài chính", null, null),
        ("UBND", SymbolForm.State, "Ủy ban nhân dân", null, null),
        ("HĐND", SymbolForm.State, "Hội đồng nhân dân", null, null),
        ("SNV", SymbolForm.State, "Sở Nội vụ", null, null),
    ];

    // The scale data set numbers its reports in the same terms.
    internal static readonly (string Name, DateOnly StartsOn, DateOnly EndsOn)[] CityTerms =
    [
        ("2015–2020", new(2015, 10, 1), new(2020, 10, 9)),
        ("2020–2025", new(2020, 10, 10), new(2025, 10, 15)),
        ("2025–2030", new(2025, 10, 16), new(2030, 10, 31)),
    ];

    private static readonly (string Name, DateOnly StartsOn, DateOnly EndsOn)[] CentralTerms =
    [
        ("Khóa XII", new(2016, 1, 28), new(2021, 1, 31)),
        ("Khóa XIII", new(2021, 2, 1), new(2026, 1, 22)),
        ("Khóa XIV", new(2026, 1, 23), new(2031, 1, 31)),
    ];

    private sealed record Source(string Symbol, DateOnly IssuedOn, string Title, string? TypeName = null,
        DocumentStatus Status = DocumentStatus.Registered);

    // The documents the office's reports cite. Numbers of Party documents restart with each term,
    // so 35-CT/TW and 06-CTr/TU each appear twice.
    private static readonly Source[] Sources =
    [
        new("66-QĐ/TW", new(2017, 2, 6), "Quy định về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng", "Quy định"),
        new("18-NQ/TW", new(2017, 10, 25), "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"),
        new("36-HD/VPTW", new(2018, 4, 3), "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng"),
        new("35-CT/TW", new(2019, 5, 30), "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"),
        new("155-KH/TU", new(2019, 6, 24), "Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu lần thứ XVII Đảng bộ Thành phố"),
        new("12-BC/VPTU", new(2019, 7, 8), "Báo cáo tình hình thực hiện các kết luận, chỉ đạo của Thường trực Thành ủy 6 tháng đầu năm 2019",
            Status: DocumentStatus.CitedNotRegistered),
        new("Số: 30/2020/NĐ-CP", new(2020, 3, 5), "Về công tác văn thư"),
        new("01-CTr/TU", new(2021, 3, 17), "Tăng cường công tác xây dựng, chỉnh đốn Đảng, xây dựng Đảng bộ và hệ thống chính trị thành phố trong sạch, vững mạnh; đẩy mạnh cải cách hành chính giai đoạn 2021–2025"),
        new("06-CTr/TU", new(2021, 3, 17), "Phát triển văn hóa, nâng cao chất lượng nguồn nhân lực, xây dựng người Hà Nội thanh lịch, văn minh giai đoạn 2021–2025"),
        new("21-KL/TW", new(2021, 10, 25), "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”"),
        new("Số: 06/QĐ-TTg", new(2022, 1, 6), "Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022–2025, tầm nhìn đến năm 2030"),
        new("145-TB/TU", new(2022, 1, 14), "Kết luận của Ban Thường vụ Thành ủy tại Hội nghị tổng kết công tác xây dựng Đảng năm 2021, triển khai nhiệm vụ năm 2022"),
        new("15-NQ/TW", new(2022, 5, 5), "Về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045"),
        new("Số: 150/KH-UBND", new(2022, 6, 30), "Thực hiện Nghị quyết số 15-NQ/TW của Bộ Chính trị về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045"),
        new("125-TB/VPTW", new(2023, 8, 28), "Kết luận của Đoàn khảo sát của Trung ương tại buổi làm việc với Ban Thường vụ Thành ủy Hà Nội"),
        new("24-CT/TU", new(2023, 9, 15), "Về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác bảo đảm trật tự, an toàn giao thông và chống ùn tắc giao thông trên địa bàn Thành phố"),
        new("1820-TB/TU", new(2024, 1, 12), "Kết luận Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ Thành phố khóa XVII"),
        new("35-CT/TW", new(2024, 6, 14), "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"),
        new("126-KL/TW", new(2025, 2, 14), "Về một số nội dung, nhiệm vụ tiếp tục sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị năm 2025"),
        new("45-CT/TW", new(2025, 4, 14), "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"),
        new("05-HD/BTGDVTU", new(2025, 11, 5), "Hướng dẫn tuyên truyền kết quả Đại hội đại biểu lần thứ XVIII Đảng bộ Thành phố"),
        new("Số: 15/QĐ-UBND", new(2026, 1, 5), "Ban hành Kế hoạch cải cách hành chính năm 2026 của thành phố Hà Nội"),
        new("06-CTr/TU", new(2026, 1, 6), "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số Thủ đô giai đoạn 2026–2030"),
        new("03-KH/UBKTTU", new(2026, 1, 12), "Kế hoạch kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Thành ủy"),
        new("09-TB/TU", new(2026, 1, 20), "Kết luận của Thường trực Thành ủy về một số nhiệm vụ trọng tâm quý I năm 2026"),
    ];

    private static async Task SeedReferenceTablesAsync(AppDb db)
    {
        db.DocumentTypes.AddRange(DocumentTypes.Select(t => new DocumentType { Form = t.Form, Code = t.Code, Name = t.Name }));
        db.Issuers.AddRange(Issuers.Select(i => new Issuer { Code = i.Code, Form = i.Form, Name = i.Name, ValidFrom = i.From, ValidTo = i.To }));
        db.Terms.AddRange(CityTerms.Select(t => new Term { Name = t.Name, StartsOn = t.StartsOn, EndsOn = t.EndsOn }));
        // Central offices number their documents by the Central Committee's term too.
        foreach (var issuer in new[] { "TW", "VPTW", "BTCTW", "UBKTTW" })
            db.Terms.AddRange(CentralTerms.Select(t => new Term { Name = t.Name, IssuerCode = issuer, StartsOn = t.StartsOn, EndsOn = t.EndsOn }));
        await db.SaveChangesAsync();
    }

    /// <summary>The documents, keyed by symbol and year, entered like the office would enter them.</summary>
    private static async Task<Dictionary<(string, int), Document>> SeedDocumentsAsync(AppDb db, Clock clock)
    {
        var registry = new DocumentRegistry(db, clock);
        var documents = new Dictionary<(string, int), Document>();
        foreach (var source in Sources)
        {
            var input = new NewDocument { Symbol = source.Symbol, IssuedOn = source.IssuedOn, Title = source.Title, TypeName = source.TypeName };
            var outcome = await registry.RegisterAsync(input, source.Status);
            var document = outcome.Value ?? throw Refused($"văn bản {source.Symbol}", outcome.Problems);
            documents.Add((document.Symbol, document.IssuedOn.Year), document);
        }
        return documents;
    }

    private static InvalidOperationException Refused(string what, Problems? problems) =>
        new($"Dữ liệu mẫu bị từ chối ({what}): " +
            string.Join("; ", problems?.ToDictionary().SelectMany(p => p.Value) ?? []));
}
