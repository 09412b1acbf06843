using System.Text.Json;
using DonDoc.Text;

namespace DonDoc.Text.Tests;

public class ReportExtractorTests
{
    private static NamedPerson Person(Extraction e, string name) =>
        Assert.Single(e.Persons, p => VnText.Fold(p.Name) == VnText.Fold(name));

    private static CitedDocument Document(Extraction e, string kind, string number) =>
        Assert.Single(e.Documents, d => d.Kind == kind && d.Number == number);

    // Persons

    [Fact]
    public void Titles_before_the_name_are_split_on_commas()
    {
        var e = ReportExtractor.Extract(
            "Chủ trì hội nghị có đồng chí Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn đại biểu Quốc hội thành phố Hà Nội Đinh Tiến Dũng.");
        Assert.Equal(["Ủy viên Bộ Chính trị", "Bí thư Thành ủy", "Trưởng đoàn đại biểu Quốc hội thành phố Hà Nội"], Person(e, "Đinh Tiến Dũng").Positions);
    }

    [Fact]
    public void A_name_may_come_before_its_titles()
    {
        var e = ReportExtractor.Extract("Phát biểu tại hội nghị, đồng chí Nguyễn Văn An, Bí thư Thành ủy, Chủ tịch HĐND thành phố cho biết kết quả.");
        Assert.Equal(["Bí thư Thành ủy", "Chủ tịch HĐND thành phố"], Person(e, "Nguyễn Văn An").Positions);
    }

    [Fact]
    public void A_name_before_its_titles_needs_no_marker()
    {
        var e = ReportExtractor.Extract("Bà Lê Thị Hoa, Phó Chủ tịch UBND thành phố đề nghị các sở tiếp tục rà soát.");
        Assert.Equal(["Phó Chủ tịch UBND thành phố"], Person(e, "Lê Thị Hoa").Positions);
    }

    [Fact]
    public void Titles_joined_by_dashes()
    {
        var e = ReportExtractor.Extract(
            "Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng phát biểu. " +
            "Đồng chí Trần Sỹ Thanh – Phó Bí thư Thành ủy – Chủ tịch UBND thành phố kết luận.");
        Assert.Equal(["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Hà Tĩnh"], Person(e, "Hoàng Trung Dũng").Positions);
        Assert.Equal(["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"], Person(e, "Trần Sỹ Thanh").Positions);
    }

    [Fact]
    public void Old_style_tone_marks_are_read_as_the_usual_ones()
    {
        var e = ReportExtractor.Extract("Uỷ viên Ban Thường vụ Thành uỷ, Trưởng ban Tổ chức Thành uỷ Nguyễn Thị Thuỷ trình bày báo cáo.");
        var person = Person(e, "Nguyễn Thị Thủy");
        Assert.Equal(["Ủy viên Ban Thường vụ Thành ủy", "Trưởng ban Tổ chức Thành ủy"], person.Positions);
    }

    [Fact]
    public void A_title_before_a_colon_is_shared_by_the_list_after_it()
    {
        var e = ReportExtractor.Extract(
            "Dự hội nghị có các Ủy viên Trung ương Đảng: Phó Trưởng ban Nội chính Trung ương Trần Quốc Cường, Phó Trưởng ban Kinh tế Trung ương Đỗ Ngọc An.");
        Assert.Equal(["Ủy viên Trung ương Đảng", "Phó Trưởng ban Nội chính Trung ương"], Person(e, "Trần Quốc Cường").Positions);
        Assert.Equal(["Ủy viên Trung ương Đảng", "Phó Trưởng ban Kinh tế Trung ương"], Person(e, "Đỗ Ngọc An").Positions);
    }

    [Fact]
    public void A_list_of_comrades_with_their_titles_after_each_name()
    {
        var e = ReportExtractor.Extract(
            "Tham dự có các đồng chí: Nguyễn Văn Phong, Phó Bí thư Thành ủy; Phùng Thị Hồng Hà, Phó Chủ tịch HĐND thành phố.");
        Assert.Equal(["Phó Bí thư Thành ủy"], Person(e, "Nguyễn Văn Phong").Positions);
        Assert.Equal(["Phó Chủ tịch HĐND thành phố"], Person(e, "Phùng Thị Hồng Hà").Positions);
    }

    [Fact]
    public void Positions_gather_over_mentions_and_former_titles_keep_nguyen()
    {
        var e = ReportExtractor.Extract(
            "Bí thư Thành ủy Nguyễn Văn Bình phát biểu.\nĐồng chí Nguyễn Văn Bình, nguyên Chủ tịch UBND thành phố đã được tặng Huân chương.");
        Assert.Equal(["Bí thư Thành ủy", "nguyên Chủ tịch UBND thành phố"], Person(e, "Nguyễn Văn Bình").Positions);
    }

    [Fact]
    public void Places_that_start_like_surnames_stay_in_the_title()
    {
        var e = ReportExtractor.Extract("Bí thư Quận ủy Hoàng Mai Nguyễn Quang Hiếu và Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp dự lễ.");
        Assert.Equal(["Bí thư Quận ủy Hoàng Mai"], Person(e, "Nguyễn Quang Hiếu").Positions);
        Assert.Equal(["Chủ tịch UBND tỉnh Lâm Đồng"], Person(e, "Trần Văn Hiệp").Positions);
        Assert.Equal(2, e.Persons.Count);
    }

    [Fact]
    public void Thuong_truc_Ban_Bi_thu_is_a_title_though_Ban_Bi_thu_is_a_body()
    {
        var e = ReportExtractor.Extract("Dự có đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư; đại diện Ban Bí thư.");
        Assert.Equal(["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"], Person(e, "Trần Cẩm Tú").Positions);
    }

    [Fact]
    public void Titles_may_contain_cac_and_acronyms()
    {
        var e = ReportExtractor.Extract("Bí thư Đảng ủy Khối các cơ quan Thành phố Nguyễn Văn A và Phó Chủ tịch UBND TP Hà Nội Hà Minh Hải dự.");
        Assert.Equal(["Bí thư Đảng ủy Khối các cơ quan Thành phố"], Person(e, "Nguyễn Văn A").Positions);
        Assert.Equal(["Phó Chủ tịch UBND TP Hà Nội"], Person(e, "Hà Minh Hải").Positions);
    }

    [Fact]
    public void Degrees_between_title_and_name_are_not_part_of_either()
    {
        var e = ReportExtractor.Extract("Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh, GS.TS Nguyễn Xuân Thắng phát biểu.");
        Assert.Equal(["Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh"], Person(e, "Nguyễn Xuân Thắng").Positions);
    }

    [Fact]
    public void Bylines_captions_and_bodies_are_not_persons()
    {
        var e = ReportExtractor.Extract(
            "Quang cảnh hội nghị.\nBan Bí thư và Bộ Tư lệnh Thủ đô đã chỉ đạo. Chủ tịch Hồ Chí Minh luôn căn dặn.\nẢnh: Viết Thành\nThu Uyên");
        Assert.Empty(e.Persons);
    }

    // Documents

    [Fact]
    public void Party_documents_with_symbol_date_and_issuer()
    {
        var e = ReportExtractor.Extract("Thực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp.");
        var d = Document(e, "Chỉ thị", "35");
        Assert.Equal("35-CT/TW", d.Symbol);
        Assert.Equal("TW", d.Issuer);
        Assert.Equal(new DateOnly(2019, 5, 30), d.Date);
        Assert.Equal("Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị", d.Text);
    }

    [Theory]
    [InlineData("ngày 30/5/2019")]
    [InlineData("ngày 30-5-2019")]
    [InlineData("ngày 30.5.2019")]
    [InlineData("ngày 30 tháng 5 năm 2019")]
    [InlineData(", ngày 30/5/2019")]
    [InlineData("(ngày 30/5/2019)")]
    public void Document_dates_written_several_ways(string written)
    {
        var e = ReportExtractor.Extract($"Kế hoạch số 155-KH/TU {written} của Ban Thường vụ Thành ủy được triển khai.");
        Assert.Equal(new DateOnly(2019, 5, 30), Document(e, "Kế hoạch", "155").Date);
    }

    [Fact]
    public void A_date_without_a_year_leaves_the_document_date_empty()
    {
        var e = ReportExtractor.Extract("Theo Kế hoạch số 12 ngày 5/1 và tháng 5/2019.");
        Assert.Null(Document(e, "Kế hoạch", "12").Date);
    }

    [Theory]
    [InlineData("Nghị quyết số 12 của Bộ Chính trị", "TW")]
    [InlineData("Chỉ thị số 05 của Ban Bí thư", "TW")]
    [InlineData("Kết luận số 21 của Ban Chấp hành Trung ương khóa XIII", "TW")]
    [InlineData("Nghị quyết số 09 của Ban Thường vụ Thành ủy", "TU")]
    [InlineData("Nghị quyết số 09 của Ban Thường vụ Tỉnh ủy", "TU")]
    [InlineData("Chương trình số 01 của Thành ủy", "TU")]
    [InlineData("Nghị định số 30 của Chính phủ", "CP")]
    [InlineData("Quyết định số 1234 của UBND thành phố", "UBND")]
    [InlineData("Quyết định số 1234 của Ủy ban nhân dân tỉnh", "UBND")]
    [InlineData("Nghị quyết số 12 do Bộ Chính trị ban hành", "TW")]
    [InlineData("Chỉ thị số 10-CT/TU của Bộ Chính trị", "TU")]
    public void Issuers_implied_by_the_body_named_after_the_number(string citation, string issuer)
    {
        var e = ReportExtractor.Extract($"Các cấp ủy quán triệt {citation} trong năm.");
        Assert.Equal(issuer, Assert.Single(e.Documents).Issuer);
    }

    [Fact]
    public void Without_a_named_body_the_issuer_stays_empty()
    {
        var e = ReportExtractor.Extract("Ban Thường vụ ban hành những chương trình quan trọng, như Chương trình số 01, Nghị quyết số 04 về cán bộ.");
        Assert.All(e.Documents, d => Assert.Null(d.Issuer));
        Assert.Equal(["01", "04"], e.Documents.Select(d => d.Number));
    }

    [Theory]
    [InlineData("35-CT/TƯ", "Chỉ thị", "35", "TW")]
    [InlineData("66-QĐi/TW", "Quy định", "66", "TW")]
    [InlineData("01-CTr/TU", "Chương trình", "01", "TU")]
    [InlineData("36-HD/VPTW", "Hướng dẫn", "36", "VPTW")]
    [InlineData("15/QĐ-UBND", "Quyết định", "15", "UBND")]
    [InlineData("30/2020/NĐ-CP", "Nghị định", "30", "CP")]
    [InlineData("12-TB/TU", "Thông báo", "12", "TU")]
    [InlineData("Thông báo kết luận số 123-TB/TU", "Thông báo", "123", "TU")]
    public void A_bare_symbol_names_its_kind(string symbol, string kind, string number, string issuer)
    {
        var e = ReportExtractor.Extract($"Thực hiện theo {symbol}, các đơn vị báo cáo.");
        var d = Assert.Single(e.Documents);
        Assert.Equal((kind, number, issuer), (d.Kind, d.Number, d.Issuer));
    }

    [Fact]
    public void Several_numbers_share_one_kind_and_body()
    {
        var e = ReportExtractor.Extract("Thành phố triển khai các Nghị quyết số 15, 16 và 17 của Thành ủy.");
        Assert.Equal(["15", "16", "17"], e.Documents.Select(d => d.Number));
        Assert.All(e.Documents, d => Assert.Equal(("Nghị quyết", "TU"), (d.Kind, d.Issuer)));
    }

    [Fact]
    public void Each_document_is_listed_once_with_what_any_mention_tells()
    {
        var e = ReportExtractor.Extract("Kết luận số 21 được quán triệt. Tiếp tục thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương.");
        var d = Assert.Single(e.Documents);
        Assert.Equal(("21-KL/TW", "TW"), (d.Symbol, d.Issuer));
    }

    [Theory]
    [InlineData("Ban hành 2 nghị quyết chuyên đề và Nghị quyết Đại hội XIII của Đảng.")]
    [InlineData("Kế hoạch 5 năm được thông qua; kế hoạch năm 2022 đạt.")]
    [InlineData("Thông báo 3 nội dung chính; số lượng đảng viên tăng.")]
    [InlineData("Kết luận hội nghị, đồng chí yêu cầu thực hiện 10 chương trình công tác.")]
    public void Unnumbered_mentions_are_not_documents(string text) => Assert.Empty(ReportExtractor.Extract(text).Documents);

    // Figures

    [Fact]
    public void Figures_in_vi_VN_notation()
    {
        var e = ReportExtractor.Extract(
            "Năm 2021, đã củng cố 12/39 tổ chức cơ sở đảng; thành lập 93/70 tổ chức đảng (đạt 133%); kết nạp 10.027 đảng viên mới, đạt 102,9% kế hoạch, tăng 12,9% so với năm 2020.");
        Assert.Contains(e.Figures, f => (f.Value, f.Total, f.Percent) == (12, 39, false));
        Assert.Contains(e.Figures, f => (f.Value, f.Total, f.Percent) == (93, 70, false));
        Assert.Contains(e.Figures, f => (f.Value, f.Total, f.Percent) == (133, null, true));
        Assert.Contains(e.Figures, f => (f.Value, f.Total, f.Percent) == (10027, null, false) && f.Text == "kết nạp 10.027 đảng viên mới");
        Assert.Contains(e.Figures, f => (f.Value, f.Total, f.Percent) == (102.9m, null, true) && f.Text == "đạt 102,9% kế hoạch");
        Assert.Contains(e.Figures, f => (f.Value, f.Percent) == (12.9m, true));
        Assert.DoesNotContain(e.Figures, f => f.Value is 2020 or 2021);
    }

    [Theory]
    [InlineData("Đến nay đã hoàn thành 30/34 đề án thuộc Chương trình số 01-CTr/TU của Thành ủy; còn 4 đề án đang triển khai.",
        "hoàn thành 30/34 đề án thuộc Chương trình số 01-CTr/TU của Thành ủy")]
    [InlineData("Đến nay đã hoàn thành 30/34 đề án thuộc Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ Thành phố khóa XVII nhiệm kỳ 2020 - 2025.",
        "hoàn thành 30/34 đề án thuộc")]
    [InlineData("Đã kết nạp 10.027 đảng viên mới trong năm qua.", "kết nạp 10.027 đảng viên mới trong")]
    public void A_figure_s_words_do_not_cut_a_name_in_two(string text, string phrase) =>
        Assert.Contains(ReportExtractor.Extract(text).Figures, f => f.Text == phrase);

    [Theory]
    [InlineData("Sáng 13/1, hội nghị khai mạc.")]
    [InlineData("Ngày 16/12/2021, Ban Thường vụ họp.")]
    [InlineData("Trong tháng 5/2019, các đơn vị rà soát.")]
    [InlineData("Nhân dịp 2/9 các đơn vị tổ chức.")]
    [InlineData("Giai đoạn 2011-2020 và nhiệm kỳ 2020-2025, năm học 2021/2022.")]
    [InlineData("Đại hội lần thứ 13 trong 5 năm, phòng chống COVID-19.")]
    [InlineData("Thực hiện Nghị định số 30/2020/NĐ-CP.")]
    public void Dates_years_and_symbols_are_not_ratios_or_percents(string text) =>
        Assert.DoesNotContain(ReportExtractor.Extract(text).Figures, f => f.Percent || f.Total is not null || f.Value is >= 1900 and <= 2100);

    [Fact]
    public void A_decimal_dot_before_one_or_two_digits_is_read_as_a_decimal()
    {
        var e = ReportExtractor.Extract("Tăng trưởng đạt 6.5% và thu ngân sách 1.234 tỷ đồng.");
        Assert.Contains(e.Figures, f => (f.Value, f.Percent) == (6.5m, true));
        Assert.Contains(e.Figures, f => (f.Value, f.Percent) == (1234m, false));
    }

    // Lists

    [Fact]
    public void Ordinal_paragraphs_after_an_announcing_sentence()
    {
        var e = ReportExtractor.Extract(
            "Đồng chí chỉ ra 3 bài học kinh nghiệm sâu sắc. Cụ thể:\nMột là, luôn quán triệt sâu sắc.\nHai là, phát huy đoàn kết; huy động cả hệ thống.\nBa là, chú trọng tổng kết. .\nThu Hà");
        var list = Assert.Single(e.Lists);
        Assert.Contains("bài học kinh nghiệm", list.Title);
        Assert.Equal(["luôn quán triệt sâu sắc", "phát huy đoàn kết; huy động cả hệ thống", "chú trọng tổng kết"], list.Items);
    }

    [Fact]
    public void Inline_ordinals_in_lower_case()
    {
        var e = ReportExtractor.Extract("Hội nghị thống nhất bốn nhiệm vụ trọng tâm: một là, xây dựng Đảng; hai là, phát triển kinh tế; ba là, bảo đảm an sinh; bốn là, giữ vững an ninh. Sau đó bế mạc.");
        var list = Assert.Single(e.Lists);
        Assert.Equal("bốn nhiệm vụ trọng tâm", list.Title);
        Assert.Equal(["xây dựng Đảng", "phát triển kinh tế", "bảo đảm an sinh", "giữ vững an ninh"], list.Items);
    }

    [Fact]
    public void Thu_nhat_thu_hai_paragraphs()
    {
        var e = ReportExtractor.Extract("Năm 2022, thành phố tập trung các giải pháp sau:\nThứ nhất, đổi mới phương thức lãnh đạo.\nThứ hai, nâng cao chất lượng cán bộ.\nCuối cùng là tổng kết.");
        var list = Assert.Single(e.Lists);
        Assert.Contains("các giải pháp sau", list.Title);
        Assert.Equal(["đổi mới phương thức lãnh đạo", "nâng cao chất lượng cán bộ"], list.Items);
    }

    [Fact]
    public void Ordinals_in_one_paragraph_take_their_title_from_the_paragraph_before()
    {
        var e = ReportExtractor.Extract("Hội nghị rút ra ba bài học.\nThứ nhất, tăng cường đoàn kết. Thứ hai, đổi mới phương thức. Thứ ba, siết chặt kỷ luật.\nHết.");
        var list = Assert.Single(e.Lists);
        Assert.Equal("ba bài học", list.Title);
        Assert.Equal(["tăng cường đoàn kết", "đổi mới phương thức", "siết chặt kỷ luật"], list.Items);
    }

    [Theory]
    [InlineData("đó là")]
    [InlineData("gồm")]
    [InlineData("bao gồm")]
    [InlineData("như sau")]
    public void Items_after_an_announcing_colon_split_on_semicolons(string announcing)
    {
        var e = ReportExtractor.Extract($"Đồng chí đề nghị thực hiện 3 nhóm nhiệm vụ, giải pháp, {announcing}: tăng cường xây dựng Đảng, hệ thống chính trị; coi trọng tư tưởng; tập trung đạo đức.");
        var list = Assert.Single(e.Lists);
        Assert.Equal("3 nhóm nhiệm vụ", list.Title);
        Assert.Equal(3, list.Items.Count);
        Assert.Equal("tăng cường xây dựng Đảng, hệ thống chính trị", list.Items[0]);
    }

    [Fact]
    public void Comma_separated_items_count_when_the_announced_number_matches()
    {
        var e = ReportExtractor.Extract("Năm 2022 xác định 3 khâu đột phá gồm: cải cách hành chính, phát triển hạ tầng và chuyển đổi số.");
        Assert.Equal(["cải cách hành chính", "phát triển hạ tầng", "chuyển đổi số"], Assert.Single(e.Lists).Items);
    }

    [Fact]
    public void Bulleted_paragraphs_after_a_colon()
    {
        var e = ReportExtractor.Extract("Các nhiệm vụ trọng tâm như sau:\n- Rà soát tổ chức bộ máy;\n- Kiện toàn cán bộ;\n- Sơ kết nghị quyết.\nKết thúc.");
        var list = Assert.Single(e.Lists);
        Assert.Equal("Các nhiệm vụ trọng tâm như sau", list.Title);
        Assert.Equal(["Rà soát tổ chức bộ máy", "Kiện toàn cán bộ", "Sơ kết nghị quyết"], list.Items);
    }

    [Fact]
    public void A_colon_before_a_list_of_people_is_not_an_enumeration() =>
        Assert.Empty(ReportExtractor.Extract("Chủ trì hội nghị có các đồng chí: Bí thư Thành ủy Đinh Tiến Dũng; Phó Bí thư Thành ủy Nguyễn Văn Phong.").Lists);

    // Event

    [Theory]
    [InlineData("Ngày 8/1, Thành ủy tổ chức hội nghị tổng kết.", "--01-08")]
    [InlineData("Quang cảnh hội nghị.\n\nSáng 13/1, Ban Tổ chức Trung ương tổ chức hội nghị.", "--01-13")]
    [InlineData("HNP - Chiều nay (5/3), Thành ủy tổ chức hội nghị.", "--03-05")]
    [InlineData("Ngày 30/5/2019, Bộ Chính trị ban hành chỉ thị.", "2019-05-30")]
    [InlineData("Ngày 30-5-2019, hội nghị diễn ra.", "2019-05-30")]
    [InlineData("Ngày 30 tháng 5 năm 2019, hội nghị diễn ra.", "2019-05-30")]
    [InlineData("Trong hai ngày 12 và 13/1, Thành ủy tổ chức hội nghị.", "--01-12")]
    [InlineData("Hội nghị tổng kết năm 2022 (15:17 13/01/2022)\n\nSáng 13/1, Ban Tổ chức Trung ương tổ chức hội nghị.", "2022-01-13")]
    [InlineData("Thành ủy triển khai Chỉ thị số 10-CT/TU ngày 16/12/2021 của Ban Thường vụ.", null)]
    [InlineData("Trong tháng 5/2019, các đơn vị rà soát.", null)]
    public void Event_date(string text, string? expected) => Assert.Equal(expected, ReportExtractor.Extract(text).Event.Date);

    [Theory]
    [InlineData("2022-01-20", "2022-01-08")]
    [InlineData("2022-01-03", "2021-12-28")]
    public void A_publication_date_fixes_the_year(string published, string expected)
    {
        var day = expected[5..] == "01-08" ? "8/1" : "28/12";
        var e = ReportExtractor.Extract($"Ngày {day}, Thành ủy tổ chức hội nghị.", DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, e.Event.Date);
    }

    [Fact]
    public void Event_title_is_the_headline_without_its_timestamp()
    {
        var e = ReportExtractor.Extract("Hội nghị trực tuyến toàn quốc năm 2022 (15:17 13/01/2022)\n\nSáng 13/1, hội nghị khai mạc.");
        Assert.Equal("Hội nghị trực tuyến toàn quốc năm 2022", e.Event.Title);
    }

    // JSON

    [Fact]
    public void Json_uses_the_spec_names_and_unescaped_vietnamese()
    {
        var e = ReportExtractor.Extract("Ngày 8/1, Bí thư Thành ủy Đinh Tiến Dũng quán triệt Chỉ thị số 35-CT/TW ngày 30-5-2019, đạt 102,9% kế hoạch.");
        var json = e.ToJson();
        Assert.Contains("\"Đinh Tiến Dũng\"", json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["event", "documents", "persons", "figures", "lists"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("--01-08", root.GetProperty("event").GetProperty("date").GetString());
        var document = root.GetProperty("documents")[0];
        Assert.Equal(["kind", "number", "symbol", "issuer", "date", "text"], document.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2019-05-30", document.GetProperty("date").GetString());
        var figure = root.GetProperty("figures")[0];
        Assert.Equal(["text", "value", "total", "percent"], figure.EnumerateObject().Select(p => p.Name));
        Assert.Equal(102.9m, figure.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("total").ValueKind);
        Assert.Equal(["name", "positions"], root.GetProperty("persons")[0].EnumerateObject().Select(p => p.Name));
    }
}
