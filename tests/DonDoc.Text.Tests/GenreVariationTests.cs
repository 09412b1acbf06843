using DonDoc.Text;

namespace DonDoc.Text.Tests;

/// <summary>Shapes of the genre the two sample reports do not show, which the extractor must read all the same.</summary>
public class GenreVariationTests
{
    private static NamedPerson Person(Extraction e, string name) =>
        Assert.Single(e.Persons, p => VnText.Fold(p.Name) == VnText.Fold(name));

    // People

    [Fact]
    public void Titles_in_brackets_after_the_name()
    {
        var e = ReportExtractor.Extract("Tới dự có đồng chí Nguyễn Văn An (Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy) và các đại biểu.");
        Assert.Equal(["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"], Person(e, "Nguyễn Văn An").Positions);
    }

    [Fact]
    public void A_name_runs_into_its_title_without_a_comma()
    {
        var e = ReportExtractor.Extract("Đồng chí Lê Văn Bình Bí thư Chi bộ khu dân cư số 1 báo cáo.");
        Assert.Equal(["Bí thư Chi bộ khu dân cư số 1"], Person(e, "Lê Văn Bình").Positions);
    }

    [Fact]
    public void Du_khuyet_does_not_end_a_title()
    {
        var e = ReportExtractor.Extract("Ủy viên dự khuyết Trung ương Đảng, Bí thư Tỉnh ủy Trần Văn Cường phát biểu.");
        Assert.Equal(["Ủy viên dự khuyết Trung ương Đảng", "Bí thư Tỉnh ủy"], Person(e, "Trần Văn Cường").Positions);
    }

    [Fact]
    public void A_name_first_with_titles_after_dashes_and_old_tone_marks()
    {
        var e = ReportExtractor.Extract("Bà Nguyễn Thị Thuỷ – Uỷ viên Ban Thường vụ Thành uỷ – Trưởng ban Dân vận Thành uỷ cho biết.");
        Assert.Equal(["Ủy viên Ban Thường vụ Thành ủy", "Trưởng ban Dân vận Thành ủy"], Person(e, "Nguyễn Thị Thủy").Positions);
    }

    [Theory]
    [InlineData("Dự có đồng chí Sơn Minh Thắng, Tỉnh ủy viên, Bí thư Huyện ủy phát biểu.", "Sơn Minh Thắng", new[] { "Tỉnh ủy viên", "Bí thư Huyện ủy" })]
    [InlineData("Đồng chí Trần Quốc Thành, Thành uỷ viên, Trưởng ban Tổ chức Quận uỷ dự.", "Trần Quốc Thành", new[] { "Thành ủy viên", "Trưởng ban Tổ chức Quận ủy" })]
    [InlineData("Cùng dự có đại biểu Quốc hội Hoàng Văn Cường.", "Hoàng Văn Cường", new[] { "đại biểu Quốc hội" })]
    [InlineData("Trưởng ấp Thạch Sang và Bí thư Chi bộ Danh Út cùng đón đoàn.", "Danh Út", new[] { "Bí thư Chi bộ" })]
    public void Titles_of_committee_members_deputies_and_hamlets(string text, string name, string[] positions) =>
        Assert.Equal(positions, Person(ReportExtractor.Extract(text), name).Positions);

    [Theory]
    [InlineData("Giám đốc Sở Văn hóa, Thể thao và Du lịch Phạm Thị Thu Hà báo cáo tham luận.", "Phạm Thị Thu Hà", "Giám đốc Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung dự hội nghị.", "Đào Ngọc Dung", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội")]
    public void A_body_named_with_a_comma_or_a_dash_does_not_end_the_title(string text, string name, string position) =>
        Assert.Equal([position], Person(ReportExtractor.Extract(text), name).Positions);

    [Theory]
    [InlineData("Dự có đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy và Lê Văn Bình, Chủ tịch UBND tỉnh.", "Nguyễn Văn An", "Bí thư Tỉnh ủy")]
    [InlineData("Dự có đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy và Lê Văn Bình, Chủ tịch UBND tỉnh.", "Lê Văn Bình", "Chủ tịch UBND tỉnh")]
    [InlineData("Chủ tịch UBND phường Hồng Hà Nguyễn Văn Công phát biểu.", "Nguyễn Văn Công", "Chủ tịch UBND phường Hồng Hà")]
    [InlineData("Bí thư Đảng ủy xã Đồng Tâm Lê Hải báo cáo.", "Lê Hải", "Bí thư Đảng ủy xã Đồng Tâm")]
    [InlineData("Bí thư Chi bộ ấp Chợ Lê Văn Út nhận thay.", "Lê Văn Út", "Bí thư Chi bộ ấp Chợ")]
    [InlineData("Chủ tịch HĐND tỉnh Trịnh Thị Minh Thanh dự.", "Trịnh Thị Minh Thanh", "Chủ tịch HĐND tỉnh")]
    [InlineData("Theo bí thư tỉnh ủy Hoàng Văn Dũng, tỉnh đã hoàn thành.", "Hoàng Văn Dũng", "bí thư tỉnh ủy")]
    [InlineData("Đồng chí Nguyễn Thị Lan được bầu làm Phó Bí thư Tỉnh ủy.", "Nguyễn Thị Lan", "Phó Bí thư Tỉnh ủy")]
    [InlineData("Đồng chí Trần Văn Em tái đắc cử Bí thư Huyện ủy.", "Trần Văn Em", "Bí thư Huyện ủy")]
    [InlineData("Thượng úy Lê Văn Khánh trực tiếp tham gia cứu hộ.", "Lê Văn Khánh", "Thượng úy")]
    [InlineData("Bí thư Huyện ủy Ma Thị Nguyệt dự.", "Ma Thị Nguyệt", "Bí thư Huyện ủy")]
    public void Where_a_title_ends_and_whose_it_is(string text, string name, string position) =>
        Assert.Equal([position], Person(ReportExtractor.Extract(text), name).Positions);

    [Theory]
    [InlineData("Dự có các Phó Bí thư Tỉnh ủy Phạm Văn Giang và Lê Thị Hoa.")]
    [InlineData("Các đồng chí Phạm Văn Giang và Lê Thị Hoa được bầu làm Phó Bí thư Tỉnh ủy.")]
    public void A_title_shared_by_the_names_of_a_list(string text)
    {
        var e = ReportExtractor.Extract(text);
        Assert.Equal(["Phó Bí thư Tỉnh ủy"], Person(e, "Phạm Văn Giang").Positions);
        Assert.Equal(["Phó Bí thư Tỉnh ủy"], Person(e, "Lê Thị Hoa").Positions);
    }

    [Fact]
    public void The_Youth_Union_is_no_person() =>
        Assert.Empty(ReportExtractor.Extract("Hội nghị đã bầu bí thư Đoàn Thanh niên xã nhiệm kỳ mới.").Persons);

    [Fact]
    public void Dc_stands_for_dong_chi() => Person(ReportExtractor.Extract("đ/c Vũ Văn Long nêu rõ yêu cầu."), "Vũ Văn Long");

    [Fact]
    public void A_plural_lower_case_title_names_nobody() =>
        Assert.Empty(ReportExtractor.Extract("Các bí thư chi bộ Nguyễn Văn An báo cáo.").Persons.SelectMany(p => p.Positions));

    [Fact]
    public void An_E_De_name_runs_to_five_words()
    {
        var e = ReportExtractor.Extract("Đồng chí Y Thanh Hà Niê Kđăm, nguyên Ủy viên Trung ương Đảng, nguyên Chủ tịch Hội đồng Dân tộc dự.");
        Assert.Equal(["nguyên Ủy viên Trung ương Đảng", "nguyên Chủ tịch Hội đồng Dân tộc"], Person(e, "Y Thanh Hà Niê Kđăm").Positions);
    }

    // Dates of the event

    [Theory]
    [InlineData("Sáng thứ Sáu (13-1-2023), Thành ủy tổ chức hội nghị.", "2023-01-13")]
    [InlineData("Sáng thứ Năm, ngày 13.1, Ban Thường vụ Thành ủy họp.", "--01-13")]
    [InlineData("HÀ NỘI, 13/1 — Thành ủy tổ chức hội nghị sơ kết.", "--01-13")]
    [InlineData("Chiều 13/1/2023, hội nghị bế mạc.", "2023-01-13")]
    [InlineData("Từ ngày 12 đến ngày 14/1, Đại hội diễn ra.", "--01-12")]
    public void Event_dates_written_other_ways(string text, string expected) => Assert.Equal(expected, ReportExtractor.Extract(text).Event.Date);

    [Theory]
    [InlineData("Hội nghị tổng kết công tác kiểm tra\nThứ Bảy, 05/12/2026, 18:20 (GMT+7)\n\nChiều 4/12, Ủy ban Kiểm tra Tỉnh ủy tổ chức hội nghị tổng kết.")]
    [InlineData("Hội nghị tổng kết công tác kiểm tra\nCập nhật: ngày 05/12/2026 08:30\n\nChiều 4/12, Ủy ban Kiểm tra Tỉnh ủy tổ chức hội nghị tổng kết.")]
    public void The_stamp_of_the_article_dates_the_year_not_the_event(string text) =>
        Assert.Equal("2026-12-04", ReportExtractor.Extract(text).Event.Date);

    [Theory]
    [InlineData("Ngày 12-13/1, Tỉnh ủy tổ chức hội nghị.", "--01-12")]
    [InlineData("Trong hai ngày 14-15/7, Đại hội diễn ra.", "--07-14")]
    [InlineData("Trong 2 ngày (14-15/7), Đại hội diễn ra.", "--07-14")]
    public void A_span_of_days_in_one_month_starts_on_its_first(string text, string expected) =>
        Assert.Equal(expected, ReportExtractor.Extract(text).Event.Date);

    [Fact]
    public void The_stamp_dates_the_event_when_nothing_else_does() =>
        Assert.Equal("2026-12-05", ReportExtractor.Extract("Hội nghị tổng kết\nThứ Bảy, 05/12/2026, 18:20\n\nSáng nay, Thành ủy tổ chức hội nghị tổng kết.").Event.Date);

    // Documents

    [Fact]
    public void A_date_after_ban_hanh_belongs_to_the_document()
    {
        var e = ReportExtractor.Extract("Thực hiện Chỉ thị số 10-CT/TU, ban hành ngày 16/12/2021 của Ban Thường vụ Thành ủy.");
        Assert.Equal((new DateOnly(2021, 12, 16), "TU"), (Assert.Single(e.Documents).Date, Assert.Single(e.Documents).Issuer));
    }

    [Fact]
    public void The_same_symbol_with_two_dates_is_two_documents()
    {
        var e = ReportExtractor.Extract("Chương trình số 06-CTr/TU ngày 17/3/2021 và Chương trình số 06-CTr/TU ngày 10/1/2026 của Thành ủy.");
        Assert.Equal([new DateOnly(2021, 3, 17), new DateOnly(2026, 1, 10)], e.Documents.Select(d => d.Date!.Value));
    }

    [Fact]
    public void A_symbol_typed_with_spaces_or_an_en_dash_around_the_number()
    {
        var e = ReportExtractor.Extract("Các cấp ủy quán triệt Chỉ thị số 05 - CT/TW của Bộ Chính trị, Nghị quyết số 57 – NQ/TW ngày 22/12/2024.");
        Assert.Equal([("05-CT/TW", "TW", (DateOnly?)null), ("57-NQ/TW", "TW", new DateOnly(2024, 12, 22))],
            e.Documents.Select(d => (d.Symbol, d.Issuer, d.Date)));
    }

    [Fact]
    public void A_law_is_issued_by_the_legislature_not_its_term()
    {
        var law = Assert.Single(ReportExtractor.Extract("Thực hiện Luật số 31/2024/QH15 ngày 18/1/2024 về đất đai.").Documents);
        Assert.Equal(("Luật", "31", "QH"), (law.Kind, law.Number, law.Issuer));
    }

    // Lists

    [Fact]
    public void Numbered_paragraphs_under_a_count_written_in_words()
    {
        var e = ReportExtractor.Extract("Hội nghị đã rút ra năm bài học kinh nghiệm quý báu:\n1. Đoàn kết;\n2. Dân chủ;\n3. Kỷ cương;\n4. Sáng tạo;\n5. Đổi mới.\nHết.");
        var list = Assert.Single(e.Lists);
        Assert.Equal("năm bài học kinh nghiệm quý báu", list.Title);
        Assert.Equal(["Đoàn kết", "Dân chủ", "Kỷ cương", "Sáng tạo", "Đổi mới"], list.Items);
    }

    [Fact]
    public void Bullets_under_a_short_heading()
    {
        var e = ReportExtractor.Extract("Những hạn chế\n- Công tác kiểm tra còn chậm;\n+ Chưa sâu sát cơ sở.\n• Ba.");
        Assert.Empty(e.Lists);
        e = ReportExtractor.Extract("Những hạn chế\n- Công tác kiểm tra còn chậm;\n- Chưa sâu sát cơ sở.\n\nNăm tới, thành phố tiếp tục đổi mới.");
        var list = Assert.Single(e.Lists);
        Assert.Equal(("Những hạn chế", 2), (list.Title, list.Items.Count));
    }

    [Fact]
    public void Numbers_must_count_up_from_one()
    {
        var e = ReportExtractor.Extract("Kết quả như sau:\n1. Một;\n3. Ba;\n4. Bốn.");
        Assert.Empty(e.Lists);
    }

    [Fact]
    public void Numbered_items_inside_a_sentence()
    {
        var e = ReportExtractor.Extract("Các nhiệm vụ trọng tâm gồm: (1) củng cố tổ chức; (2) phát triển đảng viên; (3) kiểm tra, giám sát.");
        var list = Assert.Single(e.Lists);
        Assert.Equal("Các nhiệm vụ trọng tâm gồm", list.Title);
        Assert.Equal(["củng cố tổ chức", "phát triển đảng viên", "kiểm tra, giám sát"], list.Items);
    }

    [Theory]
    [InlineData("Thứ nhất là tăng cường đoàn kết. Thứ hai là đổi mới phương thức.")]
    [InlineData("Thứ nhất: tăng cường đoàn kết. Thứ hai: đổi mới phương thức.")]
    [InlineData("Một là: tăng cường đoàn kết. Hai là: đổi mới phương thức.")]
    public void Ordinals_written_other_ways(string text)
    {
        var list = Assert.Single(ReportExtractor.Extract("Hội nghị rút ra hai bài học.\n" + text).Lists);
        Assert.Equal("hai bài học", list.Title);
        Assert.Equal(["tăng cường đoàn kết", "đổi mới phương thức"], list.Items);
    }

    [Fact]
    public void A_plural_noun_before_the_colon_announces_the_list()
    {
        var list = Assert.Single(ReportExtractor.Extract("Đồng chí nhấn mạnh những bài học kinh nghiệm quý: giữ vững đoàn kết; phát huy dân chủ; kỷ luật nghiêm.").Lists);
        Assert.Equal(3, list.Items.Count);
        Assert.Contains("bài học kinh nghiệm", list.Title);
    }

    [Fact]
    public void The_year_word_nam_is_no_count()
    {
        var e = ReportExtractor.Extract("Trong những năm tới, thành phố tập trung: cải cách hành chính; phát triển hạ tầng.");
        Assert.Equal("Trong những năm tới, thành phố tập trung", Assert.Single(e.Lists).Title);
    }

    [Theory]
    [InlineData("Từ thực tiễn, một số bài học kinh nghiệm được rút ra: giữ vững nguyên tắc tập trung dân chủ; phát huy vai trò người đứng đầu; gắn kiểm tra với giám sát.", "bài học kinh nghiệm được rút ra")]
    [InlineData("Đồng chí đề nghị, thứ nhất, giữ vững nguyên tắc tập trung dân chủ; thứ hai, phát huy vai trò người đứng đầu; thứ ba, gắn kiểm tra với giám sát.", "Đồng chí đề nghị")]
    [InlineData("Đồng chí yêu cầu tập trung vào các nhiệm vụ trọng tâm, đó là:\ngiữ vững nguyên tắc tập trung dân chủ;\nphát huy vai trò người đứng đầu;\ngắn kiểm tra với giám sát.\nHội nghị bế mạc.", "nhiệm vụ trọng tâm")]
    public void Lists_announced_in_other_words(string text, string title)
    {
        var list = Assert.Single(ReportExtractor.Extract(text).Lists);
        Assert.Contains(title, list.Title);
        Assert.Equal(["giữ vững nguyên tắc tập trung dân chủ", "phát huy vai trò người đứng đầu", "gắn kiểm tra với giám sát"], list.Items);
    }

    [Theory]
    [InlineData("Tỉnh xác định 3 khâu đột phá, gồm hạ tầng giao thông; cải cách hành chính; nguồn nhân lực.")]
    [InlineData("Tỉnh xác định 3 khâu đột phá là hạ tầng giao thông, cải cách hành chính và nguồn nhân lực.")]
    public void A_counted_list_without_its_colon(string text)
    {
        var list = Assert.Single(ReportExtractor.Extract(text).Lists);
        Assert.Equal("3 khâu đột phá", list.Title);
        Assert.Equal(["hạ tầng giao thông", "cải cách hành chính", "nguồn nhân lực"], list.Items);
    }

    [Fact]
    public void A_count_that_the_items_do_not_match_is_no_list() =>
        Assert.Empty(ReportExtractor.Extract("Năm nay có 3 đơn vị là đơn vị xuất sắc, được khen thưởng.").Lists);

    [Fact]
    public void Truoc_het_opens_a_list_that_cuoi_cung_closes()
    {
        var list = Assert.Single(ReportExtractor.Extract("Đồng chí nhấn mạnh bốn yêu cầu. Trước hết, giữ vững đoàn kết. Thứ hai, phát huy dân chủ. Thứ ba, siết chặt kỷ cương. Cuối cùng, tăng cường kiểm tra.").Lists);
        Assert.Equal(["giữ vững đoàn kết", "phát huy dân chủ", "siết chặt kỷ cương", "tăng cường kiểm tra"], list.Items);
    }

    [Fact]
    public void A_weekday_after_a_comma_is_no_ordinal() =>
        Assert.Empty(ReportExtractor.Extract("Thứ nhất, tăng cường xây dựng Đảng. Theo kế hoạch, thứ Hai, ngày 6/1/2025, Ban Thường vụ sẽ họp.").Lists);

    [Fact]
    public void A_long_paragraph_of_la_is_read_once() =>
        Assert.Empty(ReportExtractor.Extract("Kết quả: " + string.Concat(Enumerable.Repeat("là 3 ", 2000))).Lists);

    [Fact]
    public void Cuoi_cung_after_thu_nhat_closes_the_speech_not_the_list() =>
        Assert.Equal(["đoàn kết", "dân chủ"], Assert.Single(ReportExtractor.Extract("Thứ nhất, đoàn kết. Thứ hai, dân chủ. Cuối cùng, đồng chí chúc hội nghị thành công.").Lists).Items);

    [Fact]
    public void Dashes_under_a_numbered_heading()
    {
        var e = ReportExtractor.Extract("Ban Thường vụ kết luận như sau:\n1. Về kết quả đạt được:\n- Hoàn thành chỉ tiêu;\n- Giữ vững ổn định.\n"
            + "2. Một số hạn chế cần khắc phục:\n- Tuyên truyền chưa kịp thời;\n- Một số cấp ủy chưa quyết liệt;\n- Sinh hoạt chi bộ chưa đều.\n3. Nhiệm vụ thời gian tới:\n- Tập trung thực hiện;\n- Kiểm tra thường xuyên.");
        // The numbering goes on under its sub-items, and each heading's dashes are a list of their own.
        Assert.Contains(e.Lists, l => l.Items.SequenceEqual(["Về kết quả đạt được", "Một số hạn chế cần khắc phục", "Nhiệm vụ thời gian tới"]));
        Assert.Equal(["Tuyên truyền chưa kịp thời", "Một số cấp ủy chưa quyết liệt", "Sinh hoạt chi bộ chưa đều"],
            Assert.Single(e.Lists, l => l.Title == "Một số hạn chế cần khắc phục").Items);
        Assert.Equal(["Tập trung thực hiện", "Kiểm tra thường xuyên"], Assert.Single(e.Lists, l => l.Title == "Nhiệm vụ thời gian tới").Items);
    }

    // Figures

    [Fact]
    public void Ratios_written_in_words()
    {
        var e = ReportExtractor.Extract("Có 12 trên 15 chỉ tiêu đạt và vượt; 8 trong tổng số 10 xã đạt chuẩn nông thôn mới.");
        Assert.Equal([(12m, (decimal?)15m), (8m, 10m)], e.Figures.Select(f => (f.Value, f.Total)));
    }

    [Fact]
    public void A_rank_is_no_ratio() =>
        Assert.DoesNotContain(ReportExtractor.Extract("Chỉ số PCI xếp thứ 5 trong 63 tỉnh, thành phố.").Figures, f => f.Total is not null);

    [Fact]
    public void A_section_number_is_no_figure() =>
        Assert.Empty(ReportExtractor.Extract("I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Về công tác xây dựng Đảng.\nKết luận như sau:\n2. Về công tác dân vận.").Figures);

    [Fact]
    public void Counts_before_a_capital_or_the_end_of_a_clause_and_counts_in_thousands()
    {
        var e = ReportExtractor.Extract("Số đảng viên mới kết nạp trong năm là 187. Tổng số đảng viên toàn Đảng bộ: 10.027; kết nạp 2.345 Đảng viên mới; "
            + "hơn 1,2 nghìn hộ thoát nghèo; 1,5 triệu lượt người tham gia; thu ngân sách 9,8 nghìn tỷ đồng; Quận 1 Thành phố; đường 3/2 được nâng cấp.");
        Assert.Equal([187m, 10027m, 2345m, 1200m, 1500000m, 9800m], e.Figures.Select(f => f.Value));
    }

    [Fact]
    public void The_count_of_an_announced_list_is_no_figure()
    {
        var e = ReportExtractor.Extract("Hội nghị rút ra 3 bài học kinh nghiệm, đó là: đoàn kết; dân chủ; kỷ cương. Năm qua kết nạp 1.234 đảng viên mới.");
        Assert.Equal([1234m], e.Figures.Select(f => f.Value));
    }
}
