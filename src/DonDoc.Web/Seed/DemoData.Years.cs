using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Features.Years;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private const string Theme2026 = "Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển";

    // The city's three groups of key tasks for 2026, each with work of the demo filed under it (found by title).
    private static readonly (string Group, string[] Tasks)[] KeyTasks2026 =
    [
        ("Xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh; vận hành hiệu quả chính quyền địa phương hai cấp",
        [
            "Xây dựng Đề án nâng cao hiệu quả hoạt động của chính quyền địa phương 2 cấp",
            "Rà soát, đề xuất sửa đổi Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố khóa XVIII",
            "Chuẩn bị nội dung hội nghị Ban Thường vụ Thành ủy chuyên đề về công tác cán bộ",
            "Dự thảo Quy định về trách nhiệm nêu gương của cán bộ, đảng viên trong Đảng bộ Thành phố",
        ]),
        ("Phát triển kinh tế nhanh, bền vững; đột phá về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        [
            "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số Thủ đô giai đoạn 2026–2030",
            "Báo cáo kết quả rà soát các dự án chậm tiến độ, đất bỏ hoang trên địa bàn",
            "Hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao",
        ]),
        ("Phát triển văn hóa, bảo đảm an sinh xã hội; giữ vững quốc phòng, an ninh, trật tự an toàn xã hội",
        [
            "Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
            "Báo cáo sơ kết thực hiện Chỉ thị 24-CT/TU về bảo đảm trật tự, an toàn giao thông",
            "Báo cáo giải trình việc chậm giải quyết đơn thư tồn đọng",
        ]),
    ];

    private static async Task SeedYearsAsync(AppDb db, Unit root)
    {
        var titles = KeyTasks2026.SelectMany(k => k.Tasks).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ParentId == null && titles.Contains(t.Title) && t.Status != TaskState.Cancelled)
            .Select(t => new { t.Id, t.Title }).ToListAsync();
        var year = new UnitYear
        {
            UnitId = root.Id,
            Year = 2026,
            Theme = Theme2026,
            Groups = KeyTasks2026.Select((k, i) => new KeyTaskGroup
            {
                Number = i + 1,
                Title = k.Group,
                Tasks = k.Tasks.Select(title => tasks.FirstOrDefault(t => t.Title == title)?.Id).OfType<int>()
                    .Select(id => new GroupTask { TaskId = id }).ToList(),
            }).ToList(),
        };
        db.UnitYears.Add(year);
        await db.SaveChangesAsync();
    }
}
