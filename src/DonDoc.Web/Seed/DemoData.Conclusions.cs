using DonDoc.Web.Data;
using DonDoc.Web.Features.Conclusions;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    // The worked example of a conclusion turned into tasks: its directions confirmed as tasks now in several
    // states, and one direction still a draft whose lead unit the office has to pick.
    private const string ConclusionSymbol = "09-TB/TU";

    private sealed partial class Planner
    {
        private void ConclusionTasks()
        {
            var tb09 = Doc(ConclusionSymbol, 2026);
            Flow(T(-10), Input("Rà soát, bổ sung quy hoạch cấp ủy nhiệm kỳ 2025–2030", units["BTCTU"], T(-2), tb09, coordinators: [units["UBKTTU"]]))
                .Accept(T(-9))
                .Progress(T(-5), 90, "Đã hoàn thành rà soát, bổ sung quy hoạch ở 126 đảng bộ xã, phường.")
                .Submit(T(-4))
                .Complete(T(-3));
            Flow(T(-10), Input("Xây dựng kế hoạch tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng", units["BTGDVTU"], T(12), tb09))
                .Accept(T(-8))
                .Progress(T(-3), 40, "Đã ban hành đề cương tuyên truyền; đang chuẩn bị pano, áp phích.");
            Flow(T(-10), Input("Tham mưu bảo đảm cơ sở vật chất, hậu cần phục vụ hội nghị Ban Chấp hành Đảng bộ Thành phố", units["VPTU"], T(-1), tb09))
                .Accept(T(-9));
            Flow(T(-10), Input("Tổng hợp tình hình thực hiện các kết luận của Thường trực Thành ủy quý I", units["UBKTTU"], T(25), tb09,
                coordinators: [units["VPTU"]]));
        }
    }

    private static async Task SeedConclusionDraftsAsync(AppDb db, Document conclusion, Clock clock)
    {
        var tasks = await db.Tasks.Where(t => t.SourceDocumentId == conclusion.Id && t.ParentId == null).OrderBy(t => t.Id).ToListAsync();
        var position = 0;
        foreach (var task in tasks)
            db.TaskDrafts.Add(new TaskDraft
            {
                DocumentId = conclusion.Id, Position = position++, Title = task.Title, LeadName = "", LeadUnitId = task.LeadUnitId,
                DeadlineKind = task.DeadlineKind, DueDate = task.DueDate, ConfirmedAtUtc = task.CreatedAtUtc, TaskId = task.Id,
            });
        db.TaskDrafts.Add(new TaskDraft
        {
            DocumentId = conclusion.Id,
            Position = position,
            Title = "chỉ đạo chọn chi bộ tổ chức đại hội điểm",
            Content = "Đề nghị các đảng ủy trực thuộc chỉ đạo chọn chi bộ tổ chức đại hội điểm; chậm nhất ngày 15/3 báo cáo kết quả về Ban Tổ chức Thành ủy.",
            LeadName = "các đảng ủy trực thuộc",
            DeadlineKind = DeadlineKind.Date,
            DueDate = clock.Today.AddDays(30),
            ExpectedResult = "báo cáo kết quả về Ban Tổ chức Thành ủy",
        });
        await db.SaveChangesAsync();
    }
}
