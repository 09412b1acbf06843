using System.Text.Json;
using DonDoc.Text;

namespace DonDoc.Text.Tests;

/// <summary>One small text per reading rule of <see cref="TaskExtractor"/>; the document date is 12/4/2024 unless a test says otherwise.</summary>
public class TaskExtractorTests
{
    private static readonly DateOnly D = new(2024, 4, 12);

    private static IReadOnlyList<DraftTask> Tasks(string text, DateOnly? issued = null) =>
        TaskExtractor.Extract(text, issued ?? D).Tasks;

    private static DraftTask One(string text, DateOnly? issued = null) => Assert.Single(Tasks(text, issued));

    private static DateOnly? Due(string text, DateOnly? issued = null) => One(text, issued).Due;

    // The document

    [Fact]
    public void A_party_header_gives_kind_symbol_issuer_and_date()
    {
        var d = TaskExtractor.Extract("ĐẢNG CỘNG SẢN VIỆT NAM\nTHÀNH ỦY VÂN HẢI\n*\nSố 45-KL/TU\nVân Hải, ngày 3 tháng 5 năm 2024\n\nKẾT LUẬN\ncủa Ban Thường vụ Thành ủy").Document;
        Assert.Equal(new TaskDocument("Kết luận", "45", "45-KL/TU", "TU", new DateOnly(2024, 5, 3)), d);
    }

    [Fact]
    public void A_state_letter_is_numbered_by_its_issuer_and_drafting_office()
    {
        var d = TaskExtractor.Extract("ỦY BAN NHÂN DÂN\nTỈNH BÌNH LÂM\nSố: 1846/UBND-VX\nV/v phòng, chống dịch\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBình Lâm, ngày 15 tháng 8 năm 2024").Document;
        Assert.Equal(new TaskDocument("Công văn", "1846", "1846/UBND-VX", "UBND", new DateOnly(2024, 8, 15)), d);
    }

    [Fact]
    public void A_state_plan_keeps_its_type_code()
    {
        var d = TaskExtractor.Extract("ỦY BAN NHÂN DÂN TỈNH\nSố: 25/KH-UBND\nBình Lâm, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH").Document;
        Assert.Equal(("Kế hoạch", "25/KH-UBND", "UBND"), (d.Kind, d.Symbol, d.Issuer));
    }

    [Fact]
    public void Without_a_place_and_date_line_the_given_date_is_the_documents()
    {
        var d = TaskExtractor.Extract("THÔNG BÁO\nSố 7-TB/VPTU\n\nGiao Ban Tổ chức Thành ủy rà soát quy hoạch.", new DateOnly(2024, 2, 1)).Document;
        Assert.Equal((new DateOnly(2024, 2, 1), "VPTU"), (d.Date, d.Issuer));
    }

    // Leads named before the work

    [Fact]
    public void Giao_then_the_lead_chu_tri_and_the_coordinators()
    {
        var t = One("2.1. Giao Ban Tổ chức Thành ủy chủ trì, phối hợp với Ủy ban Kiểm tra Thành ủy hướng dẫn rà soát quy hoạch cấp ủy.");
        Assert.Equal(("Ban Tổ chức Thành ủy", "hướng dẫn rà soát quy hoạch cấp ủy"), (t.Lead, t.Title));
        Assert.Equal(["Ủy ban Kiểm tra Thành ủy"], t.Coordinators);
    }

    [Fact]
    public void De_nghi_then_a_class_of_bodies_in_lower_case()
    {
        var t = One("Đề nghị các quận ủy, huyện ủy và đảng ủy trực thuộc Thành ủy chỉ đạo chọn chi bộ tổ chức đại hội điểm.");
        Assert.Equal("các quận ủy, huyện ủy và đảng ủy trực thuộc Thành ủy", t.Lead);
    }

    [Fact]
    public void A_body_then_its_work_without_a_verb_of_giving()
    {
        var t = One("Ban Thường vụ Tỉnh đoàn chỉ đạo các cơ sở đoàn giới thiệu đoàn viên ưu tú cho Đảng.");
        Assert.Equal(("Ban Thường vụ Tỉnh đoàn", "chỉ đạo các cơ sở đoàn giới thiệu đoàn viên ưu tú cho Đảng"), (t.Lead, t.Title));
    }

    [Fact]
    public void A_clause_after_a_semicolon_naming_another_body_is_another_task()
    {
        var tasks = Tasks("Giao Ban Tuyên giáo Thành ủy hướng dẫn nội dung quán triệt; Ban Tổ chức Thành ủy theo dõi, tổng hợp kết quả, báo cáo Ban Thường vụ Thành ủy trong tháng 9/2024.");
        Assert.Equal(["Ban Tuyên giáo Thành ủy", "Ban Tổ chức Thành ủy"], tasks.Select(t => t.Lead));
        Assert.Equal([null, new DateOnly(2024, 9, 30)], tasks.Select(t => t.Due));
    }

    [Fact]
    public void The_issuer_gives_the_work_to_the_body_after_giao()
    {
        var t = One("Thường trực Thành ủy giao Văn phòng Thành ủy chuẩn bị hội nghị sơ kết.");
        Assert.Equal("Văn phòng Thành ủy", t.Lead);
    }

    [Fact]
    public void A_body_that_issues_a_paper_gives_work()
    {
        Assert.Equal("Sở Y tế", One("Sở Y tế có văn bản hướng dẫn các địa phương phun hóa chất diệt muỗi.").Lead);
    }

    [Fact]
    public void An_aside_in_brackets_after_the_lead()
    {
        var t = One("Ban Tổ chức Thành ủy (cơ quan thường trực Tiểu ban Nhân sự) chủ trì, phối hợp với Văn phòng Thành ủy chuẩn bị phương án nhân sự.");
        Assert.Equal(("Ban Tổ chức Thành ủy", "chuẩn bị phương án nhân sự"), (t.Lead, t.Title));
        Assert.Equal(["Văn phòng Thành ủy"], t.Coordinators);
    }

    [Theory]
    [InlineData("Giao Ban Tuyên giáo Thành ủy định hướng công tác thông tin, tuyên truyền.", "định hướng công tác thông tin, tuyên truyền")]
    [InlineData("Sở Tư pháp thẩm định dự thảo quy chế.", "thẩm định dự thảo quy chế")]
    [InlineData("Sở Giáo dục và Đào tạo phê duyệt kế hoạch tuyển sinh.", "phê duyệt kế hoạch tuyển sinh")]
    public void The_lead_ends_at_the_first_verb_of_the_work(string text, string title) =>
        Assert.Equal(title, One(text).Title);

    [Fact]
    public void Several_bodies_as_lead_make_one_task()
    {
        var t = One("Giao Sở Nội vụ, Sở Tài chính tham mưu phương án sắp xếp đơn vị sự nghiệp.");
        Assert.Equal("Sở Nội vụ, Sở Tài chính", t.Lead);
    }

    [Fact]
    public void A_persons_office_as_lead_without_dong_chi()
    {
        var t = One("Đề nghị đồng chí Chủ tịch Ủy ban nhân dân huyện trực tiếp chỉ đạo việc ứng dụng chữ ký số.");
        Assert.Equal("Chủ tịch Ủy ban nhân dân huyện", t.Lead);
    }

    [Fact]
    public void An_opening_clause_before_the_lead()
    {
        var t = One("Định kỳ hằng quý, Văn phòng Tỉnh ủy tổng hợp tình hình thực hiện các kết luận, báo cáo Thường trực Tỉnh ủy.");
        Assert.Equal(("Văn phòng Tỉnh ủy", "quarterly"), (t.Lead, t.Recurrence));
    }

    // Leads named after the work

    [Fact]
    public void The_lead_in_brackets_after_the_work()
    {
        var t = One("a) Tổ chức sơ kết 5 năm thực hiện Nghị quyết về du lịch (Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch; hoàn thành trong quý IV/2024).");
        Assert.Equal(("Ban Tuyên giáo Tỉnh ủy", "Tổ chức sơ kết 5 năm thực hiện Nghị quyết về du lịch"), (t.Lead, t.Title));
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch"], t.Coordinators);
        Assert.Equal(new DateOnly(2024, 12, 31), t.Due);
    }

    [Fact]
    public void The_lead_after_a_colon_at_the_end()
    {
        var t = One("b) Xây dựng quy chế phối hợp giữa Mặt trận Tổ quốc và các đoàn thể: Ban Dân vận Tỉnh ủy.");
        Assert.Equal(("Ban Dân vận Tỉnh ủy", "Xây dựng quy chế phối hợp giữa Mặt trận Tổ quốc và các đoàn thể"), (t.Lead, t.Title));
    }

    [Fact]
    public void The_lead_given_in_a_clause_after_the_work()
    {
        var t = One("- Tổ chức hội nghị sơ kết công tác dân vận năm 2024, giao Ban Dân vận Thành ủy chủ trì.");
        Assert.Equal(("Ban Dân vận Thành ủy", "Tổ chức hội nghị sơ kết công tác dân vận năm 2024"), (t.Lead, t.Title));
    }

    [Fact]
    public void The_lead_in_the_next_sentence_with_no_work_of_its_own()
    {
        var t = One("3. Xây dựng đề án phát triển văn hóa đọc, hoàn thành trong quý III/2024. Giao Ban Tuyên giáo Thành ủy chủ trì, phối hợp với Thư viện tỉnh thực hiện.");
        Assert.Equal(("Ban Tuyên giáo Thành ủy", "Xây dựng đề án phát triển văn hóa đọc", new DateOnly(2024, 9, 30)), (t.Lead, t.Title, t.Due));
        Assert.Equal(["Thư viện tỉnh"], t.Coordinators);
    }

    [Fact]
    public void The_lead_after_do_at_the_end()
    {
        var t = One("- Tổ chức hội thảo khoa học về Chủ tịch Hồ Chí Minh, do Ban Tuyên giáo Thành ủy chủ trì.");
        Assert.Equal(("Ban Tuyên giáo Thành ủy", "Tổ chức hội thảo khoa học về Chủ tịch Hồ Chí Minh"), (t.Lead, t.Title));
    }

    [Fact]
    public void Labelled_lines_give_lead_coordinators_and_deadline()
    {
        var t = One("c) Rà soát quy hoạch cán bộ các cấp.\n- Cơ quan chủ trì: Ban Tổ chức Tỉnh ủy.\n- Cơ quan phối hợp: Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy.\n- Thời gian hoàn thành: tháng 12/2024.");
        Assert.Equal(("Ban Tổ chức Tỉnh ủy", new DateOnly(2024, 12, 31)), (t.Lead, t.Due));
        Assert.Equal(["Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"], t.Coordinators);
    }

    [Fact]
    public void A_trach_nhiem_line_names_the_lead_of_the_item_above()
    {
        var t = One("4. Tuyên truyền sâu rộng về kinh tế tập thể trên báo chí.\nTrách nhiệm: Ban Tuyên giáo Tỉnh ủy, Báo Lâm Hòa.");
        Assert.Equal(("Ban Tuyên giáo Tỉnh ủy, Báo Lâm Hòa", "Tuyên truyền sâu rộng về kinh tế tập thể trên báo chí"), (t.Lead, t.Title));
    }

    [Fact]
    public void Labels_in_one_sentence_separated_by_semicolons()
    {
        var t = One("1. Hoàn thiện thể chế. Xây dựng quy chế quản lý dữ liệu dùng chung. Cơ quan chủ trì: Sở Thông tin và Truyền thông; cơ quan phối hợp: Sở Tư pháp, Văn phòng UBND tỉnh; thời gian hoàn thành: Quý II/2025.");
        Assert.Equal(("Sở Thông tin và Truyền thông", "Xây dựng quy chế quản lý dữ liệu dùng chung", new DateOnly(2025, 6, 30)), (t.Lead, t.Title, t.Due));
        Assert.Equal(["Sở Tư pháp", "Văn phòng UBND tỉnh"], t.Coordinators);
    }

    [Fact]
    public void Bodies_listed_inside_the_brackets_coordinate()
    {
        var t = One("- Nâng cấp Trung tâm dữ liệu tỉnh (Sở Thông tin và Truyền thông chủ trì, các sở, ngành phối hợp; thời gian: năm 2025).");
        Assert.Equal(("Sở Thông tin và Truyền thông", new DateOnly(2025, 12, 31)), (t.Lead, t.Due));
        Assert.Equal(["các sở, ngành"], t.Coordinators);
    }

    [Fact]
    public void A_header_flattened_from_its_table_gives_no_task()
    {
        var e = TaskExtractor.Extract("UỶ BAN NHÂN DÂN                 CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH LÂM                    Độc lập - Tự do - Hạnh phúc\nSố: 88/KH-UBND                  Bình Lâm, ngày 10 tháng 02 năm 2025\n\nKẾ HOẠCH\n\n1. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.");
        Assert.Equal((new DateOnly(2025, 2, 10), "88/KH-UBND"), (e.Document.Date, e.Document.Symbol));
        Assert.Equal("Sở Tài chính", Assert.Single(e.Tasks).Lead);
    }

    [Fact]
    public void A_heading_naming_a_body_leads_the_items_under_it()
    {
        var tasks = Tasks("1. Văn phòng Thành ủy:\n- Chủ trì, phối hợp với Ban Tổ chức Thành ủy hướng dẫn triển khai phần mềm.\n- Tổng hợp kết quả, báo cáo Ban Thường vụ Thành ủy.\n2. Ban Tuyên giáo Thành ủy:\n- Tuyên truyền về chuyển đổi số.");
        Assert.Equal(["Văn phòng Thành ủy", "Văn phòng Thành ủy", "Ban Tuyên giáo Thành ủy"], tasks.Select(t => t.Lead));
        Assert.Equal(["Ban Tổ chức Thành ủy"], tasks[0].Coordinators);
        Assert.Equal("hướng dẫn triển khai phần mềm", tasks[0].Title);
    }

    [Fact]
    public void Items_that_begin_with_bao_cao_or_ban_hanh_take_the_lead_above()
    {
        var tasks = Tasks("2. Đảng ủy các phường:\n+ Ban hành kế hoạch lấy ý kiến nhân dân về dự thảo văn kiện;\n+ Báo cáo kết quả về Văn phòng Quận ủy trước ngày 15/9/2024.");
        Assert.Equal(["Đảng ủy các phường", "Đảng ủy các phường"], tasks.Select(t => t.Lead));
        Assert.Equal(new DateOnly(2024, 9, 15), tasks[1].Due);
    }

    [Theory]
    [InlineData("1. Đối với Ban Tuyên giáo Tỉnh ủy:")]
    [InlineData("1. Trách nhiệm của Ban Tuyên giáo Tỉnh ủy")]
    [InlineData("1. Ban Tuyên giáo Tỉnh ủy có trách nhiệm:")]
    public void Headings_that_name_a_body_in_other_words(string heading)
    {
        var t = One(heading + "\n- Hướng dẫn học tập, quán triệt Nghị quyết.");
        Assert.Equal(("Ban Tuyên giáo Tỉnh ủy", "Hướng dẫn học tập, quán triệt Nghị quyết"), (t.Lead, t.Title));
    }

    [Fact]
    public void A_directive_ending_in_a_colon_leads_the_items_under_it()
    {
        var tasks = Tasks("3. Đề nghị Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo, chỉ đạo:\n- Tổ chức kỳ họp chuyên đề về đầu tư công trước ngày 15/11;\n- Giám sát việc giải quyết kiến nghị của cử tri.");
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("Đảng đoàn Hội đồng nhân dân tỉnh", t.Lead));
        Assert.Equal(new DateOnly(2024, 11, 15), tasks[0].Due);
    }

    // Tables rendered as text lines

    [Fact]
    public void A_table_with_tabs()
    {
        var t = One("STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n1\tXây dựng Đề án chuyển đổi số\tVăn phòng Thành ủy\tBan Tổ chức Thành ủy, Sở Thông tin và Truyền thông\tQuý II/2025", new DateOnly(2025, 3, 3));
        Assert.Equal(("Xây dựng Đề án chuyển đổi số", "Văn phòng Thành ủy", new DateOnly(2025, 6, 30)), (t.Title, t.Lead, t.Due));
        Assert.Equal(["Ban Tổ chức Thành ủy", "Sở Thông tin và Truyền thông"], t.Coordinators);
    }

    [Fact]
    public void A_table_with_bars_and_a_cell_wrapped_onto_the_next_line()
    {
        var tasks = Tasks("| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |\n|---|---|---|---|---|\n| 1 | Rà soát thủ tục hành chính | Ủy ban nhân dân huyện | Văn phòng Huyện ủy | Thường xuyên |\n|  | thuộc thẩm quyền cấp huyện |  |  |  |\n| 2 | Kiện toàn bộ phận một cửa | Ủy ban nhân dân huyện |  | Trước 31/3/2025 |");
        Assert.Equal(2, tasks.Count);
        Assert.Equal("Rà soát thủ tục hành chính thuộc thẩm quyền cấp huyện", tasks[0].Title);
        Assert.True(tasks[0].Ongoing);
        Assert.Equal(new DateOnly(2025, 3, 31), tasks[1].Due);
    }

    [Fact]
    public void A_table_aligned_with_spaces()
    {
        var t = One(
            "TT   Nhiệm vụ                          Đơn vị thực hiện           Thời gian\n" +
            "1    Khảo sát tư tưởng công nhân       Ban Dân vận Thành ủy       Tháng 9/2024");
        Assert.Equal(("Khảo sát tư tưởng công nhân", "Ban Dân vận Thành ủy", new DateOnly(2024, 9, 30)), (t.Title, t.Lead, t.Due));
    }

    [Fact]
    public void A_time_column_named_thuc_hien_is_the_deadline_not_the_lead()
    {
        var t = One("STT\tNội dung\tCơ quan thực hiện\tThời gian thực hiện\n1\tTổng kết Nghị quyết\tBan Tuyên giáo Thành ủy\tQuý IV/2024");
        Assert.Equal(("Ban Tuyên giáo Thành ủy", new DateOnly(2024, 12, 31)), (t.Lead, t.Due));
    }

    [Fact]
    public void One_column_for_the_lead_marked_chu_tri_and_the_coordinators()
    {
        var t = One("| TT | Nội dung công việc | Cơ quan, đơn vị thực hiện | Thời gian |\n| 1. | Sơ kết Chỉ thị 05 | Ban Tuyên giáo Quận ủy (chủ trì); Văn phòng Quận ủy | Tháng 11/2024 |");
        Assert.Equal(("Ban Tuyên giáo Quận ủy", new DateOnly(2024, 11, 30)), (t.Lead, t.Due));
        Assert.Equal(["Văn phòng Quận ủy"], t.Coordinators);
    }

    [Fact]
    public void A_lead_cell_merged_over_rows_is_printed_once()
    {
        var tasks = Tasks("STT\tNội dung\tCơ quan chủ trì\tThời gian\n1\tRà soát quy hoạch\tBan Tổ chức Thành ủy\tQuý II/2024\n2\tBổ sung quy hoạch\t\tQuý III/2024");
        Assert.Equal(["Ban Tổ chức Thành ủy", "Ban Tổ chức Thành ủy"], tasks.Select(t => t.Lead));
    }

    // Coordinators

    [Fact]
    public void Coordinators_split_between_bodies_never_inside_a_name()
    {
        var t = One("Sở Y tế chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội và Ủy ban nhân dân các quận, huyện triển khai chiến dịch.");
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội", "Ủy ban nhân dân các quận, huyện"], t.Coordinators);
    }

    [Fact]
    public void Bodies_that_are_only_concerned_are_left_out()
    {
        var t = One("Ban Dân vận Thành ủy chủ trì, phối hợp với Liên đoàn Lao động thành phố và các cơ quan, đơn vị liên quan khảo sát tình hình công nhân.");
        Assert.Equal(["Liên đoàn Lao động thành phố"], t.Coordinators);
    }

    [Fact]
    public void Coordinators_named_before_phoi_hop()
    {
        var t = One("Ban Tổ chức Thành ủy chủ trì, Văn phòng Thành ủy phối hợp tham mưu kế hoạch đại hội.");
        Assert.Equal(("Ban Tổ chức Thành ủy", "tham mưu kế hoạch đại hội"), (t.Lead, t.Title));
        Assert.Equal(["Văn phòng Thành ủy"], t.Coordinators);
    }

    // Not tasks

    [Theory]
    [InlineData("1. Thường trực Thành ủy ghi nhận sự chủ động của các ban đảng, Văn phòng Thành ủy trong quý I năm 2024.")]
    [InlineData("4. Các cấp, các ngành cần quán triệt tinh thần rõ người, rõ việc.")]
    [InlineData("Cán bộ, đảng viên nêu cao tinh thần trách nhiệm.")]
    [InlineData("Ban Tổ chức Thành ủy tiếp tục thực hiện các nhiệm vụ đã giao tại Thông báo số 98-TB/TU.")]
    [InlineData("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, Sở Y tế báo cáo Ủy ban nhân dân tỉnh.")]
    [InlineData("Thường trực Thành ủy thông báo để các cơ quan, đơn vị biết, thực hiện.")]
    [InlineData("Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.")]
    [InlineData("2. Phấn đấu hằng năm kết nạp đảng viên mới đạt từ 3% trở lên.")]
    [InlineData("Đến nay, 18/20 đảng bộ trực thuộc đã thành lập tiểu ban văn kiện.")]
    [InlineData("Ban Tổ chức Thành ủy đã hoàn thành hướng dẫn nhân sự đại hội.")]
    [InlineData("Thường trực Thành ủy sẽ nghe báo cáo kết quả vào tháng 12/2024.")]
    [InlineData("Ngày 08/5/2024, Thường trực Huyện ủy làm việc với Ban Thường vụ Đảng ủy xã Đông Hòa.")]
    [InlineData("Các dự án trọng điểm phải hoàn thành trước ngày 30/6/2024.")]
    [InlineData("Hội nghị yêu cầu nâng cao chất lượng sinh hoạt chi bộ.")]
    public void Assessments_targets_calls_on_everyone_and_closings_are_no_tasks(string text) =>
        Assert.Empty(Tasks(text));

    [Fact]
    public void Recipients_and_the_distribution_list_are_no_tasks()
    {
        Assert.Empty(Tasks("Kính gửi:\n- Sở Y tế;\n- Sở Giáo dục và Đào tạo.\n\nNơi nhận:\n- Ban Tổ chức Thành ủy chủ trì hướng dẫn,\n- Lưu VT."));
    }

    [Fact]
    public void The_aims_section_of_a_plan_gives_no_tasks()
    {
        Assert.Empty(Tasks("I. MỤC ĐÍCH, YÊU CẦU\n1. Ban Tuyên giáo Tỉnh ủy quán triệt sâu sắc nội dung Chỉ thị.\nII. NHIỆM VỤ"));
    }

    // Reporting and results

    [Fact]
    public void Reporting_tied_to_the_work_is_its_result_not_another_task()
    {
        var t = One("Ban Tuyên giáo Thành ủy xây dựng kế hoạch tuyên truyền đại hội, trình Thường trực Thành ủy trong quý II/2024.");
        Assert.Equal(("xây dựng kế hoạch tuyên truyền đại hội", "trình Thường trực Thành ủy"), (t.Title, t.Result));
    }

    [Fact]
    public void A_second_sentence_with_the_report_belongs_to_the_task()
    {
        var t = One("Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn thành giải ngân vốn đầu tư công. Kết quả báo cáo Thường trực Tỉnh ủy trước ngày 20/12/2024.");
        Assert.Equal(new DateOnly(2024, 12, 20), t.Due);
        Assert.Equal("báo cáo Thường trực Tỉnh ủy", t.Result);
        Assert.EndsWith("trước ngày 20/12/2024.", t.Text);
    }

    // Deadlines against the document date D = 12/4/2024

    [Theory]
    [InlineData("hoàn thành trước ngày 30/6/2024", "2024-06-30")]
    [InlineData("chậm nhất ngày 15 tháng 8 năm 2024", "2024-08-15")]
    [InlineData("báo cáo trước 30/6", "2024-06-30")]
    [InlineData("báo cáo trước ngày 31/3", "2025-03-31")]
    [InlineData("hoàn thành trong tháng 9/2024", "2024-09-30")]
    [InlineData("hoàn thành trong quý III/2024", "2024-09-30")]
    [InlineData("hoàn thành trong quý II", "2024-06-30")]
    [InlineData("trong 6 tháng đầu năm 2025", "2025-06-30")]
    [InlineData("trong 6 tháng cuối năm 2024", "2024-12-31")]
    [InlineData("hoàn thành trong năm 2024", "2024-12-31")]
    [InlineData("hoàn thành trong 10 ngày kể từ ngày ký", "2024-04-22")]
    [InlineData("hoàn thành trước quý IV/2024", "2024-09-30")]
    public void Deadlines_stated_as_dates_and_periods(string deadline, string due) =>
        Assert.Equal(DateOnly.Parse(due), Due($"Giao Ban Tổ chức Thành ủy rà soát quy hoạch cán bộ, {deadline}."));

    [Fact]
    public void No_deadline_and_the_date_of_a_cited_document_give_none() =>
        Assert.Null(Due("Ban Tuyên giáo Tỉnh ủy hướng dẫn học tập Chỉ thị số 28-CT/TW ngày 21/9/2023 của Ban Bí thư."));

    [Theory]
    [InlineData("định kỳ hằng quý báo cáo Thường trực Thành ủy", "quarterly", "2024-06-30")]
    [InlineData("báo cáo kết quả trước ngày 15/12 hằng năm", "yearly", "2024-12-15")]
    [InlineData("báo cáo trước ngày 10 hằng tháng", "monthly", "2024-05-10")]
    [InlineData("hàng tháng báo cáo Thường trực Thành ủy", "monthly", "2024-04-30")]
    [InlineData("báo cáo trước ngày 20 của tháng cuối quý, hằng quý", "quarterly", "2024-06-20")]
    public void Periodic_reporting_is_due_at_its_first_occurrence(string phrase, string recurrence, string due)
    {
        var t = One($"Văn phòng Thành ủy theo dõi, đôn đốc việc thực hiện Thông báo này, {phrase}.");
        Assert.Equal((recurrence, DateOnly.Parse(due)), (t.Recurrence, t.Due));
    }

    [Theory]
    [InlineData("thường xuyên kiểm tra, giám sát việc kết nạp đảng viên")]
    [InlineData("theo dõi liên tục tình hình dư luận xã hội")]
    [InlineData("thực hiện lâu dài việc bồi dưỡng đảng viên trẻ")]
    public void Ongoing_work_has_no_due_date(string work)
    {
        var t = One($"Ủy ban Kiểm tra Tỉnh ủy {work}.");
        Assert.Equal((true, (DateOnly?)null), (t.Ongoing, t.Due));
    }

    [Fact]
    public void Ongoing_work_with_periodic_reporting_keeps_its_first_report_date()
    {
        var t = One("Ủy ban Kiểm tra Thành ủy thường xuyên theo dõi việc giải quyết đơn thư, định kỳ hằng quý báo cáo Thường trực Thành ủy.");
        Assert.Equal((true, "quarterly", (DateOnly?)new DateOnly(2024, 6, 30)), (t.Ongoing, t.Recurrence, t.Due));
    }

    // Spelling

    [Fact]
    public void Old_style_tone_marks_are_read_as_the_modern_ones()
    {
        var t = One("Giao Ban Tổ chức Thành uỷ chủ trì, phối hợp với Uỷ ban Kiểm tra Thành uỷ, Báo Hoà Bình rà soát quy hoạch.");
        Assert.Equal("Ban Tổ chức Thành ủy", t.Lead);
        Assert.Equal(["Ủy ban Kiểm tra Thành ủy", "Báo Hòa Bình"], t.Coordinators);
    }

    // Output

    [Fact]
    public void The_json_has_the_specified_fields()
    {
        var json = TaskExtractor.Extract("Số 123-TB/TU\nVân Hải, ngày 12 tháng 4 năm 2024\nTHÔNG BÁO\n\nGiao Văn phòng Thành ủy chuẩn bị hội nghị, hoàn thành trước ngày 30/6/2024.").ToJson();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("2024-04-12", root.GetProperty("document").GetProperty("date").GetString());
        var task = root.GetProperty("tasks")[0];
        Assert.Equal(["title", "lead", "coordinators", "due", "recurrence", "ongoing", "result", "text"], task.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-06-30", task.GetProperty("due").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("recurrence").ValueKind);
    }
}
