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

    // Dates of the event

    [Theory]
    [InlineData("Sáng thứ Sáu (13-1-2023), Thành ủy tổ chức hội nghị.", "2023-01-13")]
    [InlineData("Sáng thứ Năm, ngày 13.1, Ban Thường vụ Thành ủy họp.", "--01-13")]
    [InlineData("HÀ NỘI, 13/1 — Thành ủy tổ chức hội nghị sơ kết.", "--01-13")]
    [InlineData("Chiều 13/1/2023, hội nghị bế mạc.", "2023-01-13")]
    [InlineData("Từ ngày 12 đến ngày 14/1, Đại hội diễn ra.", "--01-12")]
    public void Event_dates_written_other_ways(string text, string expected) => Assert.Equal(expected, ReportExtractor.Extract(text).Event.Date);

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

    // Figures

    [Fact]
    public void The_count_of_an_announced_list_is_no_figure()
    {
        var e = ReportExtractor.Extract("Hội nghị rút ra 3 bài học kinh nghiệm, đó là: đoàn kết; dân chủ; kỷ cương. Năm qua kết nạp 1.234 đảng viên mới.");
        Assert.Equal([1234m], e.Figures.Select(f => f.Value));
    }
}
