using DonDoc.Web.Data;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private sealed record SeededLimitation(string Group, int Number, string Text, string Cause, List<Plan> Items);

    private const string PartyBuilding = "trong xây dựng Đảng";
    private const string Development = "trong phát triển kinh tế - xã hội";

    private sealed partial class Planner
    {
        public List<SeededLimitation> Plenum16 { get; } = [];

        /// <summary>
        /// The self-review at the 16th plenum (9/1/2024): 6 limitations in Party building and 7 in
        /// socio-economic development, with a remediation plan in progress: items done, under way,
        /// submitted, one overdue; the rest still without items.
        /// </summary>
        private void Plenum16Review()
        {
            DateOnly planned = new(2024, 1, 25);
            Unit Body(string code) => units[code];
            Plan Item(string title, string body, string person, DateOnly due, string result)
            {
                var input = Input(title, Body(body), due, kind: TaskKind.Remediation, person: person, assignedBy: Root, accountable: Body(body),
                    note: "Kế hoạch khắc phục hạn chế sau kiểm điểm tại Hội nghị Ban Chấp hành lần thứ 16");
                input.ExpectedResult = result;
                return Flow(planned, input);
            }
            void Limitation(string group, string text, string cause, params Plan[] items) =>
                Plenum16.Add(new(group, Plenum16.Count(l => l.Group == group) + 1, text, cause, [.. items]));

            Limitation(PartyBuilding, "Công tác nắm bắt, định hướng tư tưởng, dư luận xã hội có lúc chưa kịp thời.",
                "Một số cấp ủy chưa quan tâm đúng mức đến công tác tư tưởng.",
                Item("Xây dựng quy chế nắm bắt, định hướng dư luận xã hội", "BTCTU", "Đồng chí Trưởng Ban Tổ chức Thành ủy", new(2024, 6, 30),
                    "Quy chế được ban hành và áp dụng thống nhất")
                    .Accept(new(2024, 1, 30)).Submit(new(2024, 6, 20)).Complete(new(2024, 6, 28)),
                Item("Tập huấn báo cáo viên về định hướng dư luận", "VPTU", "Đồng chí Chánh Văn phòng Thành ủy", new(2024, 9, 30),
                    "100% báo cáo viên cấp huyện được tập huấn")
                    .Accept(new(2024, 2, 2)).Submit(new(2024, 9, 10)).Complete(new(2024, 9, 20)));
            Limitation(PartyBuilding, "Chất lượng sinh hoạt chi bộ ở một số nơi chưa cao, nội dung còn đơn điệu.",
                "Cấp ủy cơ sở chưa đầu tư chuẩn bị nội dung sinh hoạt.",
                Item("Hướng dẫn sinh hoạt chuyên đề của chi bộ", "BTCTU", "Đồng chí Phó Trưởng Ban Tổ chức Thành ủy", today.AddDays(45),
                    "Mỗi chi bộ sinh hoạt chuyên đề ít nhất một lần mỗi quý")
                    .Accept(new(2024, 2, 1)).Progress(today.AddDays(-30), 60, "Đã ban hành hướng dẫn, đang kiểm tra tại cơ sở."),
                Item("Kiểm tra việc thực hiện sinh hoạt chi bộ tại 10 đảng bộ trực thuộc", "UBKTTU", "Đồng chí Phó Chủ nhiệm Ủy ban Kiểm tra Thành ủy",
                    new(2024, 12, 31), "Báo cáo kết quả kiểm tra, chỉ ra nơi sinh hoạt chưa đạt")
                    .Accept(new(2024, 2, 5)).Submit(new(2024, 12, 20)).Complete(new(2024, 12, 30)));
            Limitation(PartyBuilding, "Công tác kiểm tra, giám sát có nơi còn hình thức, chưa phát hiện sớm vi phạm.",
                "Lực lượng làm công tác kiểm tra ở cơ sở còn mỏng, kiêm nhiệm.",
                Item("Xây dựng bộ tiêu chí cảnh báo sớm dấu hiệu vi phạm", "UBKTTU", "Đồng chí Chủ nhiệm Ủy ban Kiểm tra Thành ủy", today.AddDays(-12),
                    "Bộ tiêu chí được áp dụng trong kế hoạch kiểm tra năm")
                    .Accept(new(2024, 2, 1)).Progress(today.AddDays(-40), 40, "Đang lấy ý kiến các ban đảng."),
                Item("Bồi dưỡng nghiệp vụ cho cán bộ kiểm tra cơ sở", "UBKTTU", "Đồng chí Phó Chủ nhiệm Ủy ban Kiểm tra Thành ủy", today.AddDays(30),
                    "Cán bộ kiểm tra cơ sở được bồi dưỡng nghiệp vụ")
                    .Accept(new(2024, 2, 3)).Progress(today.AddDays(-15), 70, "Đã mở hai lớp bồi dưỡng.").Submit(today.AddDays(-3)));
            Limitation(PartyBuilding, "Công tác phát triển đảng viên ở khu vực doanh nghiệp ngoài nhà nước còn khó khăn.",
                "Chưa có cơ chế phối hợp với chủ doanh nghiệp.",
                Item("Đề án phát triển tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước", "BTCTU", "Đồng chí Trưởng Ban Tổ chức Thành ủy",
                    today.AddDays(90), "Đề án được Ban Thường vụ thông qua"));
            Limitation(PartyBuilding, "Việc sắp xếp, kiện toàn tổ chức bộ máy ở một số nơi còn chậm.",
                "Tâm lý ngại thay đổi, chưa quyết liệt.");
            Limitation(PartyBuilding, "Công tác cán bộ có nơi chưa chủ động, quy hoạch chưa sát thực tế.",
                "Đánh giá cán bộ chưa dựa trên kết quả, sản phẩm cụ thể.");

            Limitation(Development, "Giải ngân vốn đầu tư công chưa đạt kế hoạch.",
                "Vướng mắc trong giải phóng mặt bằng; phối hợp giữa các ngành chưa chặt chẽ.",
                Item("Rà soát, tháo gỡ vướng mắc giải phóng mặt bằng các dự án trọng điểm", "UBND-HN", "Đồng chí Phó Chủ tịch Ủy ban nhân dân Thành phố",
                    today.AddDays(20), "Danh mục dự án được tháo gỡ, tiến độ giải ngân từng tháng")
                    .Accept(new(2024, 2, 1)).Progress(today.AddDays(-20), 55, "Đã tháo gỡ 12/20 dự án."));
            Limitation(Development, "Cải cách hành chính, chuyển đổi số có mặt chưa đáp ứng yêu cầu.",
                "Hạ tầng dữ liệu chưa đồng bộ.",
                Item("Kết nối dữ liệu giữa các sở, ngành phục vụ chỉ đạo điều hành", "VPTU", "Đồng chí Phó Chánh Văn phòng Thành ủy",
                    new(2024, 12, 31), "Hệ thống theo dõi nhiệm vụ kết nối các đơn vị")
                    .Accept(new(2024, 2, 1)).Submit(new(2024, 12, 15)).Complete(new(2024, 12, 27)));
            Limitation(Development, "Quản lý trật tự xây dựng, đất đai ở một số địa bàn còn buông lỏng.",
                "Trách nhiệm người đứng đầu chưa được xác định rõ.");
            Limitation(Development, "Ô nhiễm môi trường, ùn tắc giao thông chậm được khắc phục.",
                "Nguồn lực đầu tư hạ tầng còn hạn chế.");
            Limitation(Development, "Tiến độ một số công trình, dự án trọng điểm còn chậm.",
                "Công tác chuẩn bị đầu tư chưa kỹ.");
            Limitation(Development, "Thu hút đầu tư vào khu công nghiệp, cụm công nghiệp chưa tương xứng tiềm năng.",
                "Quỹ đất sạch còn ít.");
            Limitation(Development, "Chất lượng một số dịch vụ công, nhất là y tế cơ sở, chưa đáp ứng nhu cầu.",
                "Thiếu nhân lực chuyên môn ở tuyến cơ sở.");
        }
    }

    /// <summary>The review record of the 16th plenum and its remediation items, once the schedule has created their tasks.</summary>
    private static async Task SeedReviewsAsync(AppDb db, Structure units, IReadOnlyList<SeededLimitation> limitations, Conference plenum)
    {
        var review = new Review
        {
            UnitId = units.Root.Id,
            Title = "Kiểm điểm tập thể Ban Chấp hành Đảng bộ Thành phố năm 2023 (Hội nghị Ban Chấp hành lần thứ 16)",
            Subject = ReviewSubject.Committee,
            Period = ReviewPeriod.Year,
            Year = 2023,
            PeriodLabel = "2023",
            HeldOn = plenum.HeldOn,
            ConferenceId = plenum.Id,
            CreatedAtUtc = new DateTime(2024, 1, 9, 10, 0, 0, DateTimeKind.Utc),
            Monitors = [new ReviewMonitor { UnitId = units["UBKTTU"].Id }, new ReviewMonitor { UnitId = units["VPTU"].Id }],
            Limitations = limitations.Select(l => new Limitation
            {
                Group = l.Group,
                Number = l.Number,
                Text = l.Text,
                Cause = l.Cause,
                Items = l.Items.Select(p => new RemediationItem { TaskId = p.Entity.Id }).ToList(),
            }).ToList(),
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        db.Lessons.AddRange(Plenum16Lessons.Select((text, i) => new Lesson
        {
            Kind = LessonKind.Lesson, Text = text, Position = i, ReviewId = review.Id, UnitId = review.UnitId, Year = review.Year,
            CreatedAtUtc = review.CreatedAtUtc,
        }));
        await db.SaveChangesAsync();
    }
}
