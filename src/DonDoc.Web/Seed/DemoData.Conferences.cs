using DonDoc.Web.Data;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Infrastructure;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    // The review of 8/1/2022 and its lessons as the city's report gives them.
    private static readonly string[] Lessons2021 =
    [
        "Luôn quán triệt sâu sắc và chấp hành nghiêm túc, đồng thời vận dụng sáng tạo, linh hoạt, nhanh nhạy, có hiệu quả sự lãnh đạo, chỉ đạo của Trung ương vào tình hình thực tiễn của Thủ đô; tranh thủ sự phối hợp, hỗ trợ của các bộ, ban, ngành Trung ương và các địa phương.",
        "Phát huy mạnh mẽ truyền thống đoàn kết, thống nhất, trên dưới một lòng trong toàn Đảng bộ; huy động sự vào cuộc của cả hệ thống chính trị, cộng đồng doanh nghiệp và các tầng lớp nhân dân.",
        "Chấp hành nghiêm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách; tăng cường phân cấp, ủy quyền gắn với cá thể hóa trách nhiệm, đề cao tính tiên phong, gương mẫu của người đứng đầu.",
        "Luôn đổi mới tư duy, phương thức lãnh đạo, phương pháp làm việc; dám nghĩ, dám làm, dám đổi mới và chịu trách nhiệm vì công việc chung, vì lợi ích của nhân dân.",
        "Chú trọng tổng kết thực tiễn, rút kinh nghiệm để kịp thời khen thưởng, nhân rộng điển hình, gắn với tăng cường kiểm tra, giám sát, phòng ngừa và xử lý vi phạm.",
    ];

    private static readonly string[] SurveyLessons =
    [
        "Bám sát chủ trương của Trung ương, cụ thể hóa kịp thời bằng chương trình, kế hoạch có lộ trình và phân công rõ ràng.",
        "Giữ vững đoàn kết, thống nhất trong cấp ủy; phát huy vai trò gương mẫu của người đứng đầu.",
        "Lấy sự hài lòng của người dân, doanh nghiệp làm thước đo hiệu quả hoạt động của bộ máy.",
        "Gắn kiểm tra, giám sát với đôn đốc thực hiện; xử lý kịp thời những vướng mắc phát sinh ở cơ sở.",
        "Coi trọng sơ kết, tổng kết, nhân rộng cách làm hay từ thực tiễn của các xã, phường.",
    ];

    private static readonly string[] SurveyModels =
    [
        "Mô hình “Dân vận khéo” trong giải phóng mặt bằng các dự án trọng điểm.",
        "Chi bộ khu dân cư “4 tốt”: lãnh đạo tốt, sinh hoạt tốt, đoàn kết tốt, đảng viên tốt.",
        "Bộ phận một cửa liên thông hiện đại, tiếp nhận và trả kết quả thủ tục hành chính không phụ thuộc địa giới.",
        "Camera an ninh kết nối với trung tâm điều hành của phường để giữ trật tự đô thị.",
        "Tổ công nghệ số cộng đồng hướng dẫn người dân dùng dịch vụ công trực tuyến.",
        "Sổ tay đảng viên điện tử để sinh hoạt chi bộ và theo dõi nhiệm vụ.",
        "Đối thoại định kỳ giữa bí thư cấp ủy với nhân dân và doanh nghiệp trên địa bàn.",
        "Phong trào “Ngày Chủ nhật xanh” vệ sinh môi trường khu dân cư.",
    ];

    // What the 16th plenum's self-review taught, as the review's own lessons.
    private static readonly string[] Plenum16Lessons =
    [
        "Kiểm điểm phải chỉ rõ hạn chế, nguyên nhân và gắn ngay với kế hoạch khắc phục “rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ, rõ kết quả”.",
        "Giao cơ quan theo dõi, giám sát việc khắc phục và đánh giá kết quả ở kỳ kiểm điểm sau.",
    ];

    private sealed partial class Planner
    {
        /// <summary>
        /// The directions of the three conferences' conclusions as tasks, in the states a few years leave
        /// them in: done on time, done late, returned and redone, under way, overdue, awaiting acceptance,
        /// and an extension awaiting its decision.
        /// </summary>
        private void ConferenceConclusionTasks()
        {
            var tb145 = Doc("145-TB/TU", 2022);
            Flow(new(2022, 1, 17), Input("Quán triệt, triển khai Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng trong toàn Đảng bộ", units["BTGTU"],
                    new(2022, 3, 31), tb145, assignedBy: Root))
                .Accept(new(2022, 1, 20)).Progress(new(2022, 2, 25), 60, "Đã tổ chức hội nghị quán triệt ở cấp Thành phố.")
                .Submit(new(2022, 3, 25)).Complete(new(2022, 3, 30));
            Flow(new(2022, 1, 17), Input("Xây dựng kế hoạch kiểm tra, giám sát năm 2022 của Ban Thường vụ Thành ủy", units["UBKTTU"],
                    new(2022, 2, 28), tb145, assignedBy: Root))
                .Accept(new(2022, 1, 18)).Progress(new(2022, 2, 20), 70, "Đang lấy ý kiến các ban đảng.")
                .Submit(new(2022, 3, 10)).Complete(new(2022, 3, 15));
            Flow(new(2022, 1, 17), Input("Sơ kết việc thực hiện quy định về trách nhiệm nêu gương của cán bộ, đảng viên", units["BTCTU"],
                    new(2022, 6, 30), tb145, assignedBy: Root))
                .Accept(new(2022, 1, 21)).Submit(new(2022, 6, 10)).Return(new(2022, 6, 14), "Bổ sung số liệu của các đảng bộ khối.")
                .Submit(new(2022, 6, 24)).Complete(new(2022, 6, 29));
            Flow(new(2022, 1, 17), Input("Theo dõi, đôn đốc việc thực hiện các chương trình công tác toàn khóa của Thành ủy", units["VPTU"], null, tb145,
                    assignedBy: Root))
                .Accept(new(2022, 1, 19)).Progress(T(-20), 70, "Đã tổng hợp kết quả thực hiện 10 chương trình công tác toàn khóa.");

            var tb125 = Doc("125-TB/VPTW", 2023);
            Flow(new(2023, 8, 30), Input("Báo cáo Đoàn khảo sát kết quả thực hiện các kiến nghị sau buổi làm việc", units["VPTU"], new(2023, 10, 31), tb125,
                    assignedBy: Root))
                .Accept(new(2023, 9, 1)).Submit(new(2023, 10, 25)).Complete(new(2023, 10, 30));
            Flow(new(2023, 8, 30), Input("Nhân rộng mô hình “Dân vận khéo” trong giải phóng mặt bằng các dự án trọng điểm", units["BDVTU"],
                    new(2023, 12, 31), tb125, assignedBy: Root))
                .Accept(new(2023, 9, 5)).Submit(new(2023, 12, 20)).Complete(new(2023, 12, 28));
            Flow(T(-40), Input("Hoàn thiện quy chế phối hợp giữa các ban đảng trong kiểm tra, giám sát", units["UBKTTU"], T(12), tb125,
                    assignedBy: Root, coordinators: [units["BTCTU"]]))
                .Accept(T(-38)).Progress(T(-10), 50, "Đã có dự thảo quy chế, đang lấy ý kiến các ban.");
            Flow(T(-60), Input("Tổng kết thí điểm bộ phận một cửa liên thông không phụ thuộc địa giới hành chính", units["UBND-HN"], T(-2), tb125,
                    assignedBy: Root))
                .Accept(T(-58)).Progress(T(-20), 30, "Đang tổng hợp số liệu của các xã, phường.")
                .AskExtension(T(-4), T(40), "Cần thêm thời gian tổng hợp số liệu sau sắp xếp đơn vị hành chính.");

            var tb1820 = Doc("1820-TB/TU", 2024);
            Flow(new(2024, 1, 15), Input("Xây dựng Chương trình làm việc năm 2024 của Ban Chấp hành Đảng bộ Thành phố", units["VPTU"],
                    new(2024, 1, 31), tb1820, assignedBy: Root))
                .Accept(new(2024, 1, 16)).Submit(new(2024, 1, 26)).Complete(new(2024, 1, 29));
            Flow(new(2024, 1, 15), Input("Lãnh đạo đẩy mạnh giải ngân vốn đầu tư công năm 2024", units["UBND-HN"], new(2024, 12, 31), tb1820,
                    assignedBy: Root))
                .Accept(new(2024, 1, 18)).Progress(new(2024, 9, 20), 75, "Giải ngân đạt 75% kế hoạch vốn.")
                .Submit(new(2025, 1, 10)).Complete(new(2025, 1, 15));
            Flow(new(2024, 1, 15), Input("Theo dõi, giám sát việc thực hiện kế hoạch khắc phục hạn chế sau kiểm điểm", units["UBKTTU"], null, tb1820,
                    assignedBy: Root, coordinators: [units["VPTU"]]))
                .Accept(new(2024, 1, 17)).Progress(T(-30), 60, "Đã giám sát 8/13 hạn chế có kế hoạch khắc phục.");
            Flow(T(-50), Input("Rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ Thành ủy quản lý nhiệm kỳ 2025–2030", units["BTCTU"], T(-5), tb1820,
                    assignedBy: Root))
                .Accept(T(-48)).Progress(T(-12), 80, "Đã rà soát xong khối Đảng, đang rà soát khối chính quyền.");
            Flow(T(-3), Input("Sơ kết hai năm thực hiện Kết luận Hội nghị lần thứ 16", units["VPTU"], T(25), tb1820, assignedBy: Root));
        }
    }

    /// <summary>The conferences the seeds tell of, as the office records them, with their lessons and good models; returns the 16th plenum.</summary>
    private static async Task<Conference> SeedConferencesAsync(AppDb db, Structure units, Dictionary<(string, int), Document> documents, DateTime now)
    {
        var root = units.Root;
        var review = new Conference
        {
            Title = "Hội nghị tổng kết công tác xây dựng Đảng năm 2021, triển khai nhiệm vụ năm 2022",
            Kind = "Hội nghị tổng kết",
            HeldOn = new DateOnly(2022, 1, 8),
            UnitId = root.Id,
            Format = ConferenceFormat.Hybrid,
            Replaces = "6 hội nghị tổng kết năm của 5 ban Đảng và Văn phòng Thành ủy",
            ConclusionId = documents[("145-TB/TU", 2022)].Id,
            CreatedAtUtc = now,
        };
        var survey = new Conference
        {
            Title = "Đoàn khảo sát của Trung ương làm việc với Ban Thường vụ Thành ủy Hà Nội",
            Kind = "Đoàn công tác, khảo sát",
            HeldOn = new DateOnly(2023, 8, 15),
            UnitId = root.Id,
            Format = ConferenceFormat.InPerson,
            ConclusionId = documents[("125-TB/VPTW", 2023)].Id,
            CreatedAtUtc = now,
        };
        var plenum = new Conference
        {
            Title = "Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ Thành phố khóa XVII",
            Kind = "Hội nghị Ban Chấp hành lần thứ 16",
            HeldOn = new DateOnly(2024, 1, 9),
            UnitId = root.Id,
            Format = ConferenceFormat.InPerson,
            ConclusionId = documents[("1820-TB/TU", 2024)].Id,
            CreatedAtUtc = now,
        };
        db.Conferences.AddRange(review, survey, plenum);
        await db.SaveChangesAsync();

        db.ConferenceBridges.AddRange(
            new ConferenceBridge { ConferenceId = review.Id, Position = 0, Name = root.Name, UnitId = root.Id },
            new ConferenceBridge { ConferenceId = review.Id, Position = 1, Name = "Điểm cầu các quận ủy, huyện ủy, thị ủy" });
        var chairs = new[] { "Đinh Tiến Dũng", "Nguyễn Thị Tuyến", "Chu Ngọc Anh" }
            .Select(name => new Person { Name = name, NameKey = Person.KeyFor(name), CreatedAtUtc = now }).ToList();
        db.People.AddRange(chairs);
        db.ConferencePeople.AddRange(chairs.Select(p => new ConferencePerson { ConferenceId = review.Id, Person = p, Role = ConferenceRole.Chair }));
        db.ConferencePeople.Add(new ConferencePerson { ConferenceId = plenum.Id, Person = chairs[0], Role = ConferenceRole.Chair });
        db.ConferenceDocuments.Add(new ConferenceDocument
        {
            ConferenceId = plenum.Id, DocumentId = documents[("1820-TB/TU", 2024)].Id, Citation = "Thông báo kết luận số 1820-TB/TU ngày 12-1-2024",
        });
        db.ConferenceDocuments.Add(new ConferenceDocument
        {
            ConferenceId = review.Id, DocumentId = documents[("01-CTr/TU", 2021)].Id, Citation = "Chương trình số 01-CTr/TU ngày 17-3-2021 của Thành ủy",
        });

        Lesson Of(Conference c, LessonKind kind, string text, int position) =>
            new() { Kind = kind, Text = text, Position = position, ConferenceId = c.Id, UnitId = c.UnitId, Year = c.HeldOn.Year, CreatedAtUtc = now };
        db.Lessons.AddRange(Lessons2021.Select((t, i) => Of(review, LessonKind.Lesson, t, i)));
        db.Lessons.AddRange(SurveyLessons.Select((t, i) => Of(survey, LessonKind.Lesson, t, i)));
        db.Lessons.AddRange(SurveyModels.Select((t, i) => Of(survey, LessonKind.Model, t, i)));
        await db.SaveChangesAsync();
        return plenum;
    }
}
