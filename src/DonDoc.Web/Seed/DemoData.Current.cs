using DonDoc.Text;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private sealed partial class Planner
    {
        private Unit Locality(string name) => units[$"DB-{CodeOf(name)}"];

        // One task in each state and overlay, entered through the workflow on their own dates.
        private void DatedTasks()
        {
            var kl126 = Doc("126-KL/TW", 2025);
            var ct24 = Doc("24-CT/TU", 2023);
            var qd06 = Doc("06/QĐ-TTg", 2022);
            var kh03 = Doc("03-KH/UBKTTU", 2026);
            var qd15 = Doc("15/QĐ-UBND", 2026);
            var hd05 = Doc("05-HD/BTGDVTU", 2025);
            const string meeting = "Ý kiến chỉ đạo của Thường trực Thành ủy tại cuộc họp giao ban";

            Flow(T(-5), Input("Rà soát, đề xuất sửa đổi Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố khóa XVIII", units["VPTU"], T(20),
                note: "Ý kiến chỉ đạo của đồng chí Bí thư Thành ủy tại cuộc họp Thường trực Thành ủy", coordinators: [units["BTCTU"]]));

            Flow(T(-30), Input("Báo cáo kết quả rà soát các dự án chậm tiến độ, đất bỏ hoang trên địa bàn", Locality("Đông Anh"), T(-3),
                note: meeting, coordinators: [units["SNNMT"]]));

            Flow(T(-25), Input("Chuẩn bị nội dung hội nghị Ban Thường vụ Thành ủy chuyên đề về công tác cán bộ", units["BTCTU"], T(4),
                note: meeting, person: Person()))
                .Accept(T(-24));

            Flow(T(-60), Input("Xây dựng Đề án nâng cao hiệu quả hoạt động của chính quyền địa phương 2 cấp", units["UBND-HN"], T(30), kl126,
                person: Person(), accountable: units["BTCTU"], coordinators: [units["SNV"], units["STC"], units["BTCTU"]]))
                .Accept(T(-58))
                .Progress(T(-40), 30, "Đã thành lập tổ biên tập, xây dựng đề cương chi tiết.")
                .Progress(T(-12), 60, "Đã hoàn thành dự thảo lần 1, gửi lấy ý kiến các sở, ngành và 126 xã, phường.");

            Flow(T(-75), Input("Hoàn thành số hóa hồ sơ đảng viên, cập nhật cơ sở dữ liệu đảng viên", Locality("Cửa Nam"), T(-15),
                coordinators: [units["VPTU"]]))
                .Accept(T(-70))
                .Progress(T(-35), 30, "Đã số hóa 30% hồ sơ; thiếu máy quét và nhân lực nhập liệu.");

            Flow(T(-90), Input("Hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao", Locality("Ba Vì"), T(2),
                person: Person(), coordinators: [units["SNNMT"]]))
                .Accept(T(-88))
                .Progress(T(-50), 55, "Đã hoàn thành 14/19 tiêu chí; đang hoàn thiện tiêu chí môi trường và thu nhập.")
                .Progress(T(-10), 80, "Đã hoàn thành 17/19 tiêu chí.")
                .AskExtension(T(-2), T(32), "Chờ kết quả thẩm định của Sở Nông nghiệp và Môi trường.");

            Flow(T(-80), Input("Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", Locality("Hà Đông"), T(-10)))
                .Accept(T(-78))
                .Progress(T(-40), 40, "Đã tổng hợp ý kiến, kiến nghị của Nhân dân gửi trước hội nghị.")
                .AskExtension(T(-14), T(20), "Lùi thời gian tổ chức để lồng ghép với hội nghị tiếp xúc cử tri.")
                .Decide(T(-12), true, Approved)
                .Progress(T(-5), 70, "Đã ban hành kế hoạch, gửi giấy mời đại biểu.");

            Flow(T(-45), Input("Báo cáo giải trình việc chậm giải quyết đơn thư tồn đọng", Locality("Long Biên"), T(-6),
                note: meeting, coordinators: [units["BNCTU"]]))
                .Accept(T(-44))
                .Progress(T(-30), 50, "Đã rà soát 12 đơn tồn đọng, phân loại theo thẩm quyền.")
                .AskExtension(T(-9), T(15), "Một số vụ việc phức tạp, cần thêm thời gian xác minh.")
                .Decide(T(-7), false, Refusal);

            Flow(T(-50), Input("Báo cáo sơ kết thực hiện Chỉ thị 24-CT/TU về bảo đảm trật tự, an toàn giao thông", units["DB-CA"], T(-5), ct24,
                coordinators: [units["SXD"]]))
                .Accept(T(-48))
                .Progress(T(-20), 70, "Đã tổng hợp số liệu của các xã, phường.")
                .Submit(T(-6));

            Flow(T(-40), Input("Báo cáo kết quả tuyên truyền kết quả Đại hội đại biểu lần thứ XVIII Đảng bộ Thành phố", units["BTGDVTU"], T(-8), hd05))
                .Accept(T(-39))
                .Progress(T(-20), 80, Pick(LateProgress))
                .Submit(T(-2));

            Flow(T(-40), Input("Dự thảo Quy định về trách nhiệm nêu gương của cán bộ, đảng viên trong Đảng bộ Thành phố", units["BTCTU"], T(6),
                person: Person(), coordinators: [units["UBKTTU"]]))
                .Accept(T(-39))
                .Progress(T(-20), 80, "Đã hoàn thành dự thảo, xin ý kiến các ban đảng.")
                .Submit(T(-12))
                .Return(T(-8), "Dự thảo chưa cụ thể hóa trách nhiệm của người đứng đầu; đề nghị bổ sung và lấy ý kiến Ủy ban Kiểm tra Thành ủy.");

            Flow(T(-60), Input("Báo cáo kết quả khắc phục hạn chế, khuyết điểm sau kiểm điểm tập thể Ban Thường vụ", Locality("Đống Đa"), T(-4)))
                .Accept(T(-58))
                .Progress(T(-30), 90, Pick(LateProgress))
                .Submit(T(-10))
                .Return(T(-7), ReturnReasons[2]);

            Flow(T(-100), Input("Tổ chức hội nghị trực tuyến sơ kết công tác xây dựng Đảng tới 137 điểm cầu", units["VPTU"], T(-40),
                coordinators: [units["BTCTU"], units["SKHCN"]]))
                .Accept(T(-98))
                .Progress(T(-70), 50, "Đã kiểm tra đường truyền tại các điểm cầu.")
                .Submit(T(-45))
                .Complete(T(-42));

            Flow(T(-140), Input("Kiểm tra tổ chức đảng cấp dưới khi có dấu hiệu vi phạm theo Kế hoạch 03-KH/UBKTTU", units["UBKTTU"], T(-50), kh03))
                .Accept(T(-138))
                .Progress(T(-90), 50, "Đã hoàn thành kiểm tra 2/4 tổ chức đảng.")
                .Submit(T(-44))
                .Complete(T(-40));

            Flow(T(-130), Input("Xây dựng bộ tiêu chí đánh giá mức độ hài lòng của người dân đối với sự phục vụ của chính quyền cấp xã", units["SNV"], T(-60), qd15,
                coordinators: [units["VP-UBND"]]))
                .Accept(T(-128))
                .Progress(T(-90), 50, "Đã khảo sát thí điểm tại 10 xã, phường.")
                .AskExtension(T(-65), T(-25), "Chờ ý kiến của Bộ Nội vụ về bộ chỉ số.")
                .Decide(T(-63), true, Approved)
                .Submit(T(-28))
                .Complete(T(-20));

            Flow(T(-110), Input("Xây dựng đề án riêng về phân cấp, ủy quyền cho chính quyền cấp xã trong lĩnh vực tư pháp", units["STP"], T(-20)))
                .Accept(T(-105))
                .Progress(T(-80), 20, Pick(EarlyProgress))
                .Cancel(T(-70), CancelReasons[0]);

            Flow(T(-35), Input("Báo cáo kết quả triển khai định danh điện tử, làm sạch dữ liệu dân cư theo Đề án 06", units["DB-CA"], T(5), qd06,
                coordinators: [units["SKHCN"]]))
                .Accept(T(-34))
                .Progress(T(-20), 70, "Đã làm sạch dữ liệu tại 126/126 xã, phường.")
                .Submit(T(-6))
                .Complete(T(-3));

            Flow(T(-2), Input("Cử cán bộ tham gia Đoàn kiểm tra của Ban Thường vụ Thành ủy", Locality("Tây Hồ"), T(3), note: meeting));
        }

        private void PeriodicAndOngoingTasks()
        {
            Periodic(T(-150), "Báo cáo tình hình tư tưởng cán bộ, đảng viên và dư luận xã hội hằng tháng", units["BTGDVTU"], Recurrence.Monthly,
                new DateOnly(today.Year + 1, 12, 31), "tình hình tư tưởng cán bộ, đảng viên cơ bản ổn định; dư luận quan tâm đến việc sắp xếp cán bộ sau sáp nhập.",
                missLast: true);
            Periodic(T(-200), "Báo cáo quý về công tác kiểm tra, giám sát và thi hành kỷ luật đảng", units["UBKTTU"], Recurrence.Quarterly,
                new DateOnly(today.Year + 1, 12, 31), "hoàn thành kế hoạch kiểm tra, giám sát của quý; không phát sinh vụ việc phức tạp.",
                coordinators: [units["BTCTU"]]);
            Periodic(T(-100), "Báo cáo kết quả thực hiện Nghị quyết số 15-NQ/TW về phát triển Thủ đô (hằng năm)", units["UBND-HN"], Recurrence.Yearly,
                new DateOnly(2030, 12, 31), "đạt và vượt 18/21 chỉ tiêu.", Doc("15-NQ/TW", 2022), coordinators: [units["STC"], units["SQHKT"]]);
            Periodic(T(-90), "Báo cáo tiến độ giải phóng mặt bằng các dự án trọng điểm trên địa bàn (hằng tháng)", Locality("Hà Đông"), Recurrence.Monthly,
                new DateOnly(today.Year, 12, 31), "đã bàn giao mặt bằng theo kế hoạch; còn vướng mắc tại 02 dự án.");

            var complaints = Flow(T(-120), Input("Thường xuyên nắm tình hình, chỉ đạo giải quyết kịp thời đơn thư khiếu nại, tố cáo ngay từ cơ sở",
                    units["BNCTU"], null, person: Person(), coordinators: [units["UBKTTU"], units["TTTP"]]))
                .Accept(T(-118));
            foreach (var (days, percent) in new[] { (90, 30), (60, 45), (30, 55), (5, 60) })
                complaints.Progress(T(-days), percent, $"Trong tháng tiếp nhận {R(20, 60)} đơn, đã giải quyết {R(70, 95)}% theo thẩm quyền.");

            Flow(T(-60), Input("Hướng dẫn, theo dõi việc duy trì nền nếp sinh hoạt chi bộ định kỳ ở các chi bộ sau sắp xếp", units["BTCTU"], null))
                .Accept(T(-57));

            var order = Flow(T(-100), Input("Thường xuyên kiểm tra, xử lý vi phạm trật tự xây dựng, trật tự đô thị trên địa bàn", Locality("Hoàn Kiếm"), null,
                    Doc("24-CT/TU", 2023)))
                .Accept(T(-97));
            foreach (var days in new[] { 70, 40, 10 })
                order.Progress(T(-days), 50, $"Đã kiểm tra {R(30, 80)} công trình, lập biên bản {R(2, 9)} trường hợp vi phạm.");
        }

        // A periodic task reported on time for every period already due, except perhaps the last.
        private void Periodic(DateOnly created, string title, Unit lead, Recurrence recurrence, DateOnly endsOn, string finding,
            Document? source = null, bool missLast = false, params Unit[] coordinators)
        {
            var input = Input(title, lead, null, source, coordinators: coordinators);
            input.DeadlineKind = DeadlineKind.Periodic;
            input.Recurrence = recurrence;
            input.EndsOn = endsOn;
            var plan = Flow(created, input).Accept(created.AddDays(1));
            var periods = TaskRules.Periods(recurrence, created, endsOn).ToList();
            var due = periods.Where(p => p.DueDate < today).ToList();
            var reported = missLast && due.Count > 0 ? due.Count - 1 : due.Count;
            for (var i = 0; i < reported; i++)
            {
                var on = Max(due[i].DueDate.AddDays(-2), created.AddDays(2));
                var label = char.ToLowerInvariant(due[i].Label[0]) + due[i].Label[1..];
                plan.Progress(on, (int)Math.Round(100.0 * (i + 1) / periods.Count), $"Báo cáo {label}: {finding}");
            }
        }

        private enum FanEnding { OnTime, Late, Submitted, SubmittedLate, Returned, Extended, ExtensionPending, ExtensionRefused, InProgress, Accepted, Assigned }

        // One direction from the city committee to its 136 directly subordinate committees.
        private void CityFanOut()
        {
            var created = T(-70);
            var fannedOn = created.AddDays(1);
            var due = T(-2);
            var parent = Flow(created, Input(
                "Tự kiểm tra, đánh giá kết quả thực hiện Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng; báo cáo Thành ủy (qua Văn phòng Thành ủy)",
                Root, due, Doc("21-KL/TW", 2021), note: $"Chỉ đạo của Thường trực Thành ủy tại hội nghị giao ban ngày {VnFormat.Date(created.AddDays(-3))}",
                accountable: units["VPTU"], coordinators: [units["VPTU"], units["UBKTTU"]]));
            var endings = new (FanEnding Ending, int Count)[]
                {
                    (FanEnding.OnTime, 36), (FanEnding.Late, 6), (FanEnding.Submitted, 10), (FanEnding.SubmittedLate, 4), (FanEnding.Returned, 5),
                    (FanEnding.Extended, 8), (FanEnding.ExtensionPending, 3), (FanEnding.ExtensionRefused, 1), (FanEnding.InProgress, 38),
                    (FanEnding.Accepted, 15), (FanEnding.Assigned, 10),
                }
                .SelectMany(e => Enumerable.Repeat(e.Ending, e.Count)).OrderBy(_ => random.Next()).ToList();
            var completed = endings.Count(e => e is FanEnding.OnTime or FanEnding.Late);
            var next = 0;

            Plan Child(TaskItem child)
            {
                var plan = new Plan { Parent = parent, Created = true, CreatedOn = fannedOn };
                var ending = next < endings.Count ? endings[next++] : FanEnding.InProgress;
                var accepted = fannedOn.AddDays(R(1, 7));
                if (ending != FanEnding.Assigned)
                    plan.Accept(accepted);
                switch (ending)
                {
                    case FanEnding.OnTime:
                        var submitted = T(-R(4, 45));
                        plan.Progress(Between(accepted, submitted, 0.5), 60, "Đã tổ chức hội nghị tự kiểm tra, đang tổng hợp báo cáo.")
                            .Submit(submitted).Complete(submitted.AddDays(R(1, 4)));
                        break;
                    case FanEnding.Late:
                        plan.Progress(T(-R(20, 30)), 70, "Đã tổ chức hội nghị tự kiểm tra.").Submit(T(-1)).Complete(T(-R(0, 1)));
                        break;
                    case FanEnding.Submitted:
                        plan.Progress(T(-R(20, 30)), 80, "Đã hoàn thành dự thảo báo cáo, trình Ban Thường vụ đảng ủy.").Submit(T(-R(3, 8)));
                        break;
                    case FanEnding.SubmittedLate:
                        plan.Progress(T(-R(20, 30)), 80, "Đã hoàn thành dự thảo báo cáo.").Submit(T(-R(0, 1)));
                        break;
                    case FanEnding.Returned:
                        plan.Progress(T(-R(25, 30)), 80, "Đã hoàn thành báo cáo.").Submit(T(-12)).Return(T(-6), Pick(ReturnReasons));
                        break;
                    case FanEnding.Extended:
                        plan.Progress(T(-R(20, 30)), 50, "Đang tổ chức tự kiểm tra tại các chi bộ.")
                            .AskExtension(T(-8), T(R(8, 20)), "Đảng bộ mới thành lập sau sắp xếp, đề nghị lùi thời hạn để tổ chức tự kiểm tra đầy đủ.")
                            .Decide(T(-6), true, Approved);
                        break;
                    case FanEnding.ExtensionPending:
                        plan.Progress(T(-R(20, 30)), 40, "Đang tổ chức tự kiểm tra tại các chi bộ.")
                            .AskExtension(T(-1), T(14), "Trùng thời điểm tổng kết năm, đề nghị lùi thời hạn.");
                        break;
                    case FanEnding.ExtensionRefused:
                        plan.Progress(T(-R(20, 30)), 40, "Đang tổ chức tự kiểm tra.")
                            .AskExtension(T(-7), T(10), "Đề nghị lùi thời hạn để lồng ghép với kiểm điểm cuối năm.")
                            .Decide(T(-5), false, Refusal);
                        break;
                    case FanEnding.InProgress:
                        var percent = R(2, 8) * 10;
                        plan.Progress(T(-R(5, 40)), percent, ProgressText(percent));
                        break;
                }
                var ordered = plan.Steps.OrderBy(s => s.On).ToList();
                plan.Steps.Clear();
                plan.Steps.AddRange(ordered);
                return plan;
            }

            parent.Accept(created)
                .Then(new FanOut(fannedOn, new FanOutRequest { UnitId = Root.Id, UnitType = UnitType.DangBoTrucThuoc }, Child))
                .Progress(T(-1), (int)Math.Round(100.0 * completed / endings.Count),
                    $"Đã có {completed}/{units.Committees.Count} đảng bộ trực thuộc hoàn thành; Văn phòng Thành ủy đôn đốc các đơn vị còn lại.");
        }

        // A ward committee hands a task down to its own cells.
        private void WardFanOut()
        {
            var ward = Locality("Hoàn Kiếm");
            var created = T(-60);
            var fannedOn = T(-56);
            var parent = Flow(created, Input("Xây dựng, nhân rộng mô hình “Chi bộ 4 tốt” (lãnh đạo tốt, sinh hoạt tốt, đoàn kết tốt, đảng viên tốt)",
                ward, T(25), assignedBy: units["BTCTU"], person: Person()));
            var n = 0;

            Plan Child(TaskItem child)
            {
                var plan = new Plan { Parent = parent, Created = true, CreatedOn = fannedOn };
                var k = n++ % 6;
                if (k == 5)
                    return plan;
                plan.Accept(fannedOn.AddDays(R(1, 5)));
                if (k >= 1)
                    plan.Progress(T(-R(10, 40)), R(3, 9) * 10, "Đã đăng ký xây dựng mô hình, đang triển khai.");
                if (k <= 1)
                    plan.Submit(T(-R(3, 9)));
                if (k == 0)
                    plan.Complete(T(-1));
                var ordered = plan.Steps.OrderBy(s => s.On).ToList();
                plan.Steps.Clear();
                plan.Steps.AddRange(ordered);
                return plan;
            }

            parent.Accept(T(-58))
                .Then(new FanOut(fannedOn, new FanOutRequest(), Child))
                .Progress(T(-3), 40, "Các chi bộ đã đăng ký xây dựng mô hình; Đảng ủy phường đang kiểm tra, đánh giá kết quả.");
        }

        // The ward whose officer signs in as a demo account: work in every state it acts on.
        private void WardOfficerWork()
        {
            var ward = Locality("Ba Đình");
            Flow(T(-2), Input("Báo cáo kết quả rà soát đảng viên sau sắp xếp đơn vị hành chính", ward, T(10), assignedBy: Root));
            Flow(T(-25), Input("Tổ chức hội nghị đối thoại giữa Bí thư Đảng ủy phường với nhân dân", ward, T(4), assignedBy: Root))
                .Accept(T(-23)).Progress(T(-8), 50, "Đã xây dựng kế hoạch, đang tổng hợp ý kiến của nhân dân.");
            Flow(T(-45), Input("Hoàn thành số hóa hồ sơ đảng viên của Đảng bộ phường", ward, T(-6), assignedBy: Root, coordinators: [units["BTCTU"]]))
                .Accept(T(-43)).Progress(T(-15), 60, "Đã số hóa 60% hồ sơ đảng viên.");
            Flow(T(-30), Input("Báo cáo sơ kết công tác dân vận 6 tháng cuối năm", ward, T(8), assignedBy: Root))
                .Accept(T(-28)).Progress(T(-9), 90, "Đã dự thảo báo cáo sơ kết.").Submit(T(-5))
                .Return(T(-2), "Bổ sung số liệu về mô hình “Dân vận khéo” của các chi bộ.");
            Flow(T(-35), Input("Kiện toàn tổ chức cơ sở đảng sau sắp xếp", ward, T(5), assignedBy: Root))
                .Accept(T(-33)).Progress(T(-2), 100, "Đã kiện toàn 42/42 chi bộ trực thuộc, ban hành quyết định chỉ định cấp ủy.").Submit(T(-1));
        }
    }
}
