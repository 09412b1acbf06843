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

    /// <summary>The conferences the seeds tell of, as the office records them, with their lessons and good models.</summary>
    private static async Task SeedConferencesAsync(AppDb db, Structure units, Dictionary<(string, int), Document> documents, DateTime now)
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
            CreatedAtUtc = now,
        };
        var survey = new Conference
        {
            Title = "Đoàn khảo sát của Trung ương làm việc với Ban Thường vụ Thành ủy Hà Nội",
            Kind = "Đoàn công tác, khảo sát",
            HeldOn = new DateOnly(2023, 8, 15),
            UnitId = root.Id,
            Format = ConferenceFormat.InPerson,
            CreatedAtUtc = now,
        };
        db.Conferences.AddRange(review, survey);
        await db.SaveChangesAsync();

        db.ConferenceBridges.AddRange(
            new ConferenceBridge { ConferenceId = review.Id, Position = 0, Name = root.Name, UnitId = root.Id },
            new ConferenceBridge { ConferenceId = review.Id, Position = 1, Name = "Điểm cầu các quận ủy, huyện ủy, thị ủy" });
        var chairs = new[] { "Đinh Tiến Dũng", "Nguyễn Thị Tuyến", "Chu Ngọc Anh" }
            .Select(name => new Person { Name = name, NameKey = Person.KeyFor(name), CreatedAtUtc = now }).ToList();
        db.People.AddRange(chairs);
        db.ConferencePeople.AddRange(chairs.Select(p => new ConferencePerson { ConferenceId = review.Id, Person = p, Role = ConferenceRole.Chair }));
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
    }
}
