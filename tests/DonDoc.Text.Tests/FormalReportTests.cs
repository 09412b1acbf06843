using DonDoc.Text;

namespace DonDoc.Text.Tests;

/// <summary>Formal reports (Hướng dẫn 36-HD/VPTW): their header numbers and dates the report itself and titles it.</summary>
public class FormalReportTests
{
    // The header as a .txt export of a .docx lays it out: the two table cells of each row on one line.
    private const string Report = """
        ĐẢNG BỘ THÀNH PHỐ HÀ NỘI	ĐẢNG CỘNG SẢN VIỆT NAM
        VĂN PHÒNG THÀNH ỦY
        *
        Số 12-BC/VPTU	Hà Nội, ngày 08 tháng 7 năm 2019

        BÁO CÁO
        Kết quả hội nghị sơ kết công tác
        6 tháng đầu năm 2019
        -----

        Ngày 5/7, Văn phòng Thành ủy tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2019.

        Thực hiện Kế hoạch số 155-KH/TU ngày 5/6 của Ban Thường vụ Thành ủy và Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị, các đơn vị đã rà soát; Báo cáo số 12-BC/VPTU được gửi các ban.

        Nơi nhận:
        - Thường trực Thành ủy,
        - Lưu VP.
        """;

    [Fact]
    public void The_reports_own_number_is_not_a_citation()
    {
        var e = ReportExtractor.Extract(Report);
        Assert.DoesNotContain(e.Documents, d => d.Symbol == "12-BC/VPTU");
        Assert.Equal(["155-KH/TU", "35-CT/TW"], e.Documents.Select(d => d.Symbol));
    }

    [Theory]
    [InlineData("Số: 15/BC-UBND")]
    [InlineData("Số 15/BC-UBND")]
    public void A_state_documents_own_number_is_left_out_too(string number)
    {
        var e = ReportExtractor.Extract($"ỦY BAN NHÂN DÂN THÀNH PHỐ\n{number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 20 tháng 3 năm 2024\n\nBÁO CÁO\nTình hình kinh tế - xã hội quý I\n\nThực hiện Quyết định số 1234/QĐ-UBND ngày 5/1/2024, các sở đã triển khai.");
        Assert.Equal(["1234/QĐ-UBND"], e.Documents.Select(d => d.Symbol));
    }

    [Fact]
    public void The_title_is_the_line_under_the_type_name_not_the_party_banner()
    {
        var e = ReportExtractor.Extract(Report);
        Assert.Equal("Kết quả hội nghị sơ kết công tác 6 tháng đầu năm 2019", e.Event.Title);
    }

    [Theory]
    [InlineData("THÔNG BÁO KẾT LUẬN\nCủa Thường trực Thành ủy tại buổi làm việc với Đảng ủy phường Ba Đình\n\nNgày 3/4/2024, Thường trực Thành ủy làm việc.", "Của Thường trực Thành ủy tại buổi làm việc với Đảng ủy phường Ba Đình")]
    [InlineData("BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ\n\nNhiệm kỳ qua, Đảng bộ thành phố đã lãnh đạo toàn diện các mặt công tác, đạt được nhiều kết quả quan trọng trên mọi lĩnh vực của đời sống.", "BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ")]
    [InlineData("ĐẢNG CỘNG SẢN VIỆT NAM\n\nBÁO CÁO\n\nTổng kết công tác năm 2023\n(Tài liệu phục vụ hội nghị)\n\nNăm 2023, các cấp ủy đã triển khai đồng bộ các nhiệm vụ.", "Tổng kết công tác năm 2023")]
    public void Titles_in_other_layouts(string text, string title) => Assert.Equal(title, ReportExtractor.Extract(text).Event.Title);

    [Fact]
    public void A_news_headline_is_taken_after_a_banner_line()
    {
        var e = ReportExtractor.Extract("ĐẢNG CỘNG SẢN VIỆT NAM\nHội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 10\n\nSáng 12/3, Thành ủy tổ chức hội nghị.");
        Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 10", e.Event.Title);
    }

    [Fact]
    public void The_event_is_the_gathering_the_opening_reports_dated_before_the_report()
    {
        var e = ReportExtractor.Extract(Report);
        Assert.Equal("2019-07-05", e.Event.Date);
    }

    [Fact]
    public void Without_a_reported_gathering_the_event_date_is_the_reports_own()
    {
        var e = ReportExtractor.Extract("THÀNH ỦY HÀ NỘI\nSố 20-BC/TU\nHà Nội, ngày 15 tháng 01 năm 2024\n\nBÁO CÁO\nTình hình thực hiện nhiệm vụ năm 2023\n\nTừ ngày 1/1/2023 đến ngày 31/12/2023, các cấp ủy đã triển khai nhiệm vụ.");
        Assert.Equal("2024-01-15", e.Event.Date);
    }

    [Fact]
    public void A_document_date_without_a_year_takes_the_reports_year()
    {
        var e = ReportExtractor.Extract(Report);
        Assert.Equal(new DateOnly(2019, 6, 5), Assert.Single(e.Documents, d => d.Number == "155").Date);
    }

    [Fact]
    public void A_day_after_the_report_date_belongs_to_the_year_before()
    {
        var e = ReportExtractor.Extract("THÀNH ỦY HÀ NỘI\nSố 3-BC/TU\nHà Nội, ngày 10 tháng 01 năm 2022\n\nBÁO CÁO\nTình hình đầu năm\n\nThực hiện Chỉ thị số 10-CT/TU ngày 16/12 của Ban Thường vụ Thành ủy, các đơn vị đã triển khai.");
        Assert.Equal(new DateOnly(2021, 12, 16), Assert.Single(e.Documents).Date);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2022-01-13", "2022-01-05")]
    [InlineData("2022-01-03", "2021-01-05")]
    public void A_publication_date_dates_documents_too(string? published, string? expected)
    {
        var e = ReportExtractor.Extract("Sáng nay, Thành ủy quán triệt Kế hoạch số 12-KH/TU ngày 5/1 của Ban Thường vụ Thành ủy.",
            published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(e.Documents).Date);
    }

    [Fact]
    public void The_dateline_of_a_news_article_dates_documents()
    {
        var e = ReportExtractor.Extract("Hội nghị tổng kết (15:17 13/01/2022)\n\nSáng 13/1, hội nghị quán triệt Chỉ thị số 10-CT/TU ngày 16/12 của Ban Thường vụ Thành ủy.");
        Assert.Equal(new DateOnly(2021, 12, 16), Assert.Single(e.Documents).Date);
    }

    [Fact]
    public void The_recipients_block_is_not_a_list() =>
        Assert.DoesNotContain(ReportExtractor.Extract(Report).Lists, l => l.Title.StartsWith("Nơi nhận", StringComparison.Ordinal));

    [Theory]
    [InlineData("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n(Đã ký)\n\nNguyễn Thị Tuyến")]
    [InlineData("Nơi nhận:\tT/M BAN THƯỜNG VỤ\n- Ban Bí thư,\tPHÓ BÍ THƯ THƯỜNG TRỰC\n- Lưu VP.\n\nNguyễn Thị Tuyến")]
    public void The_signer_is_named_under_a_title_in_capitals(string signature)
    {
        var e = ReportExtractor.Extract("THÀNH ỦY HÀ NỘI\nSố 20-BC/TU\nHà Nội, ngày 15 tháng 01 năm 2024\n\nBÁO CÁO\nTình hình năm 2023\n\nNăm 2023, các cấp ủy đã triển khai nhiệm vụ.\n\n" + signature);
        Assert.Equal(["Phó Bí thư thường trực"], Assert.Single(e.Persons, p => p.Name == "Nguyễn Thị Tuyến").Positions);
    }

    [Fact]
    public void A_byline_under_a_news_article_is_no_signer() =>
        Assert.Empty(ReportExtractor.Extract("Hội nghị tổng kết\n\nSáng 13/1, Thành ủy tổ chức hội nghị.\nBAN BIÊN TẬP\nNguyễn Thu Hà").Persons);
}
