using DonDoc.Text;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    /// <summary>
    /// Builds the plans: the 2020–2025 term's programs on fixed dates, current work on dates
    /// relative to today.
    /// </summary>
    private sealed partial class Planner(Structure units, Dictionary<(string, int), Document> documents, DateOnly today, Random random)
    {
        private readonly List<Plan> _plans = [];

        private Unit Root => units.Root;

        public IReadOnlyList<Plan> Build()
        {
            ProgramOne();
            ProgramSix2021();
            ProgramSix2026();
            DatedTasks();
            ConclusionTasks();
            ConferenceConclusionTasks();
            PeriodicAndOngoingTasks();
            CityFanOut();
            WardFanOut();
            WardOfficerWork();
            Plenum16Review();
            // Workflow plans are written in order; when "today" is early their relative dates are
            // clamped in that order rather than re-sorted.
            foreach (var plan in _plans.Where(p => !p.ViaWorkflow))
            {
                var ordered = plan.Steps.OrderBy(s => s.On).ToList();
                plan.Steps.Clear();
                plan.Steps.AddRange(ordered);
                ToMilestones(plan);
                Reorganise(plan);
            }
            return _plans;
        }

        private DateOnly T(int days) => today.AddDays(days);

        private int R(int min, int max) => random.Next(min, max + 1);

        private T1 Pick<T1>(IReadOnlyList<T1> items) => items[random.Next(items.Count)];

        private Document Doc(string symbol, int year) => documents[(symbol, year)];

        private string Person()
        {
            var woman = random.Next(5) < 2;
            return $"{Pick(Surnames)} {Pick(woman ? WomenMiddle : MenMiddle)} {Pick(woman ? WomenGiven : MenGiven)}";
        }

        private string ProgressText(int percent) => Pick(percent < 40 ? EarlyProgress : percent < 75 ? MiddleProgress : LateProgress);

        private static DateOnly EndOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private static DateOnly Between(DateOnly from, DateOnly to, double share) =>
            from.AddDays((int)((to.DayNumber - from.DayNumber) * share));

        private Plan Batch(TaskKind kind, string title, Unit lead, Unit assignedBy, DateOnly createdOn, DateOnly? dueDate,
            Plan? parent = null, Document? source = null, params string[] coordinators)
        {
            var task = new TaskItem
            {
                Kind = kind,
                Title = title,
                LeadUnitId = lead.Id,
                AssignedByUnitId = assignedBy.Id,
                SourceDocumentId = source?.Id ?? parent?.Task?.SourceDocumentId,
                DeadlineKind = DeadlineKind.Date,
                DueDate = dueDate,
                Coordinators = coordinators.Select(c => new TaskCoordinator { UnitId = units[c].Id }).ToList(),
            };
            var plan = new Plan { Task = task, Parent = parent, CreatedOn = createdOn };
            _plans.Add(plan);
            return plan;
        }

        private Plan Flow(DateOnly createdOn, NewTask input, Plan? parent = null)
        {
            var plan = new Plan { Input = input, Parent = parent, CreatedOn = createdOn };
            _plans.Add(plan);
            return plan;
        }

        private static NewTask Input(string title, Unit lead, DateOnly? dueDate, Document? source = null, TaskKind kind = TaskKind.Task,
            string? note = null, string? person = null, Unit? assignedBy = null, Unit? accountable = null, params Unit[] coordinators) => new()
        {
            Title = title,
            Kind = kind,
            LeadUnitId = lead.Id,
            AssignedByUnitId = assignedBy?.Id,
            AccountableUnitId = accountable?.Id,
            ResponsiblePerson = person,
            DeadlineKind = dueDate is null ? DeadlineKind.Ongoing : DeadlineKind.Date,
            DueDate = dueDate,
            SourceDocumentId = source?.Id,
            SourceNote = note,
            CoordinatorUnitIds = coordinators.Select(u => u.Id).ToList(),
        };

        // Progress reports spread between two days, rising to about the given percent.
        private void Reports(Plan plan, DateOnly from, DateOnly to, int count, int upTo)
        {
            for (var i = 1; i <= count; i++)
            {
                var percent = Math.Clamp((int)Math.Round(upTo * i / (double)count / 5) * 5, 5, 95);
                plan.Progress(Between(from, to, (double)i / (count + 1)), percent, ProgressText(percent));
            }
        }

        // Before mid-2025 history moves in monthly steps (on the 20th): far fewer saves, and every
        // month's state can still be replayed.
        private static DateOnly Snap(DateOnly d) =>
            d >= new DateOnly(2025, 6, 21) ? d
            : d.Day >= 20 ? new DateOnly(d.Year, d.Month, 20)
            : new DateOnly(d.Year, d.Month, 1).AddMonths(-1).AddDays(19);

        private static void ToMilestones(Plan plan)
        {
            plan.CreatedOn = Snap(plan.CreatedOn);
            for (var i = 0; i < plan.Steps.Count; i++)
                plan.Steps[i] = plan.Steps[i] with { On = Snap(plan.Steps[i].On) };
        }

        // Open work of a unit closed by the 2025 reorganisation passes to its successor on that day.
        private void Reorganise(Plan plan)
        {
            var task = plan.Entity;
            var lead = units.ById(task.LeadUnitId);
            var assigner = units.ById(task.AssignedByUnitId);
            foreach (var day in new[] { BlocsDissolved, BoardsMerged, DistrictsAbolished })
            {
                if (plan.CreatedOn >= day || plan.Steps.FirstOrDefault(s => s is Complete or Cancel)?.On < day)
                    continue;
                var newLead = lead.ValidTo == day ? units.Successor(lead, random) : null;
                var newAssigner = assigner.ValidTo != day ? null : assigner == lead ? newLead : units.Successor(assigner, random);
                if (newLead is null && newAssigner is null)
                    continue;
                var index = plan.Steps.FindIndex(s => s.On >= day);
                plan.Steps.Insert(index < 0 ? plan.Steps.Count : index, new Transfer(day, newLead?.Id, newAssigner?.Id,
                    $"Chuyển đơn vị kế thừa chủ trì do sắp xếp tổ chức bộ máy từ {VnFormat.Date(day)}"));
                lead = newLead ?? lead;
                assigner = newAssigner ?? assigner;
            }
        }

        private void ProgramOne()
        {
            var source = Doc("01-CTr/TU", 2021);
            var extendedTo = Max(new DateOnly(2026, 12, 31), EndOfMonth(T(45)));
            var program = Batch(TaskKind.Program, source.Title, Root, Root, new(2021, 3, 20), new(2025, 10, 15), source: source);
            program.Entity.Content = "Chương trình công tác toàn khóa số 01 của Thành ủy, thực hiện thông qua 34 đề án cấp Thành phố "
                + "và các nhiệm vụ cụ thể của các đảng bộ trực thuộc; kiểm đếm theo từng mốc thời gian gắn với kiểm tra, giám sát.";
            program.Entity.ExpectedResult = "34/34 đề án được Ban Thường vụ Thành ủy thông qua và tổ chức thực hiện; tổng kết vào cuối nhiệm kỳ.";
            program.Entity.AccountableUnitId = units["VPTU"].Id;
            program.Accept(new(2021, 3, 22))
                .Progress(new(2021, 12, 20), 20, "Ban hành 34 đề án, phân công cơ quan chủ trì và các đảng bộ trực thuộc thực hiện.");

            var doneOn = new List<DateOnly>();
            var completed = 0;
            var open = 0;
            foreach (var line in ProgramOneProjects)
            {
                var created = new DateOnly(2021, 4, 5).AddDays(R(0, 80));
                var accepted = created.AddDays(R(3, 12));
                var name = $"Đề án “{line.Title}”";
                if (!line.Open)
                {
                    var k = completed++;
                    var done = new DateOnly(2022, 3, 1).AddDays(k * 38 + R(0, 20));
                    var submitted = done.AddDays(-R(5, 20));
                    var late = k % 6 == 5;
                    var extended = k % 7 == 3;
                    var due = late ? submitted.AddDays(-R(10, 60)) : submitted.AddDays(R(0, 90));
                    var originalDue = extended ? submitted.AddDays(-R(30, 90)) : due;
                    var project = Batch(TaskKind.Project, name, units[line.Lead], Root, created, originalDue, program, coordinators: line.Coordinators);
                    project.Entity.ResponsiblePerson = Person();
                    var returned = k % 10 == 4;
                    project.Accept(accepted);
                    Reports(project, accepted, returned ? submitted.AddDays(-30) : submitted, 3, 90);
                    if (extended)
                        project.AskExtension(originalDue.AddDays(-15), due, Pick(ExtensionReasons)).Decide(originalDue.AddDays(-8), true, Approved);
                    if (returned)
                        project.Submit(submitted.AddDays(-30)).Return(submitted.AddDays(-24), Pick(ReturnReasons)).Progress(submitted.AddDays(-10), 95, Pick(LateProgress));
                    project.Submit(submitted).Complete(done);
                    doneOn.Add(Snap(done));
                    OldItems(project, line, accepted, submitted.AddDays(-8), shareOpen: 0);
                }
                else
                {
                    var project = Batch(TaskKind.Project, name, units[line.Lead], Root, created, new(2024, 12, 31), program, coordinators: line.Coordinators);
                    project.Entity.ResponsiblePerson = Person();
                    project.Accept(accepted);
                    Reports(project, accepted, new(2024, 11, 30), 3, 60);
                    project.AskExtension(new(2024, 12, 5), new(2025, 9, 30), Pick(ExtensionReasons)).Decide(new(2024, 12, 16), true, Approved);
                    switch (open++)
                    {
                        case 0:
                            project.Progress(new(2025, 9, 20), 70, Pick(MiddleProgress))
                                .AskExtension(T(-60), T(25), "Chờ hoàn thiện nền tảng dùng chung của Thành phố để kết nối.")
                                .Decide(T(-55), true, Approved).Progress(T(-10), 85, Pick(LateProgress));
                            break;
                        case 1:
                            project.AskExtension(new(2025, 9, 10), T(10), Pick(ExtensionReasons)).Decide(new(2025, 9, 18), true, Approved)
                                .Progress(T(-30), 95, Pick(LateProgress)).Submit(T(-4));
                            break;
                        case 2:
                            project.Progress(new(2025, 8, 20), 80, Pick(LateProgress)).Submit(T(-20))
                                .Return(T(-12), "Đề án chưa cập nhật mô hình chính quyền địa phương 2 cấp; đề nghị bổ sung và lấy ý kiến các đảng bộ xã, phường.");
                            break;
                        default:
                            project.AskExtension(new(2025, 9, 20), T(5), Pick(ExtensionReasons)).Decide(new(2025, 9, 26), true, Approved)
                                .Progress(T(-15), 80, Pick(LateProgress));
                            break;
                    }
                    OldItems(project, line, accepted, new(2025, 6, 15), shareOpen: 0.45);
                    for (var i = 0; i < 6; i++)
                        NewItem(project, line, Pick(units.Localities));
                }
            }

            string Done(DateOnly on) => $"{doneOn.Count(d => d < on)}/{ProgramOneProjects.Length}";
            program.Progress(new(2022, 12, 20), 40, $"Hoàn thành {Done(new(2022, 12, 20))} đề án; các đảng bộ trực thuộc triển khai các nhiệm vụ cụ thể.")
                .Progress(new(2023, 12, 20), 65, $"Sơ kết giữa nhiệm kỳ: hoàn thành {Done(new(2023, 12, 20))} đề án.")
                .Progress(new(2024, 12, 20), 80, $"Hoàn thành {Done(new(2024, 12, 20))} đề án.")
                .Progress(new(2025, 9, 25), 88, $"Tổng kết nhiệm kỳ: hoàn thành {Done(new(2025, 9, 25))} đề án; các đề án còn lại chuyển tiếp.")
                .AskExtension(new(2025, 10, 8), extendedTo, "Còn đề án đang thực hiện, đề nghị tiếp tục theo dõi trong nhiệm kỳ 2025–2030.")
                .Decide(new(2025, 10, 20), true, "Ban Thường vụ Thành ủy đồng ý tiếp tục thực hiện các đề án chuyển tiếp.");
        }

        // The subordinate committees' part of a project, led by the pre-2025 committees.
        private void OldItems(Plan project, ProjectLine line, DateOnly projectAccepted, DateOnly finishBy, double shareOpen)
        {
            var count = R(12, 18);
            var leads = units.FormerCommittees.OrderBy(_ => random.Next()).Take(count).ToList();
            var assigner = project.Entity.LeadUnitId;
            foreach (var lead in leads)
            {
                var created = projectAccepted.AddDays(R(10, 60));
                var accepted = created.AddDays(R(2, 15));
                var title = string.Format(ItemActivities[random.Next(ItemActivities.Length)], $"Đề án “{line.Title}”");
                if (random.NextDouble() < shareOpen)
                {
                    var open = Batch(TaskKind.Item, title, lead, units.ById(assigner), created, new(2025, 6, 30), project);
                    open.Accept(accepted);
                    Reports(open, accepted, new(2025, 6, 10), 2, 50);
                    Endgame(open, fresh: false);
                    continue;
                }
                var window = finishBy.DayNumber - accepted.DayNumber;
                var submitted = accepted.AddDays(Math.Max(30, (int)(window * (0.35 + 0.6 * random.NextDouble()))));
                var done = submitted.AddDays(R(2, 8));
                var roll = random.NextDouble();
                var due = roll < 0.15 ? Max(submitted.AddDays(-R(7, 45)), created.AddDays(30)) : submitted.AddDays(R(0, 60));
                var extended = roll is >= 0.15 and < 0.23;
                var originalDue = extended ? Max(submitted.AddDays(-R(20, 60)), accepted.AddDays(15)) : due;
                var item = Batch(TaskKind.Item, title, lead, units.ById(assigner), created, originalDue, project);
                item.Accept(accepted);
                if (roll > 0.96)
                {
                    item.Cancel(accepted.AddDays(R(20, 100)), Pick(CancelReasons));
                    continue;
                }
                var returned = roll is > 0.9 and <= 0.96;
                Reports(item, accepted, returned ? submitted.AddDays(-20) : submitted, R(1, 2), 80);
                if (extended && originalDue.AddDays(-10) > accepted)
                    item.AskExtension(originalDue.AddDays(-10), due.AddDays(1), Pick(ExtensionReasons)).Decide(originalDue.AddDays(-5), true, Approved);
                if (returned)
                    item.Submit(submitted.AddDays(-20)).Return(submitted.AddDays(-15), Pick(ReturnReasons)).Progress(submitted.AddDays(-6), 90, Pick(LateProgress));
                item.Submit(submitted).Complete(done);
            }
        }

        // Lower-level work added to a still-open project after the reorganisation, led by a commune or ward.
        private void NewItem(Plan project, ProjectLine line, Unit lead)
        {
            var title = string.Format(ItemActivities[random.Next(ItemActivities.Length)], $"Đề án “{line.Title}”");
            var projectLead = units[line.Lead];
            var assigner = projectLead.ValidTo is null ? projectLead : units.Successor(projectLead, random);
            var item = Batch(TaskKind.Item, title, lead, assigner, T(-R(90, 150)), null, project);
            Endgame(item, fresh: true);
        }

        private enum Ending { OnTime, Late, Overdue, DueSoon, Submitted, Returned, PendingExtension, NotDue, Cancelled, NotAccepted, AcceptedOnly }

        private static readonly Ending[] OldEndings =
        [
            Ending.OnTime, Ending.OnTime, Ending.OnTime, Ending.Late, Ending.Overdue, Ending.Overdue, Ending.DueSoon,
            Ending.Submitted, Ending.Submitted, Ending.Returned, Ending.PendingExtension, Ending.NotDue, Ending.NotDue, Ending.Cancelled,
        ];

        private static readonly Ending[] NewEndings =
        [
            Ending.OnTime, Ending.OnTime, Ending.Late, Ending.Overdue, Ending.DueSoon, Ending.Submitted, Ending.Returned,
            Ending.PendingExtension, Ending.NotDue, Ending.NotAccepted, Ending.NotAccepted, Ending.AcceptedOnly,
        ];

        // Where open work stands today; old work first had its due date moved past the reorganisation.
        private void Endgame(Plan plan, bool fresh)
        {
            var ending = fresh ? NewEndings[random.Next(NewEndings.Length)] : OldEndings[random.Next(OldEndings.Length)];
            var due = ending switch
            {
                Ending.OnTime => T(-R(15, 30)),
                Ending.Late => T(-R(35, 50)),
                Ending.Overdue => T(-R(3, 25)),
                Ending.DueSoon => T(R(1, 6)),
                Ending.Submitted => T(R(5, 30)),
                Ending.Returned => T(R(3, 20)),
                Ending.PendingExtension => T(R(1, 5)),
                Ending.NotAccepted => random.Next(2) == 0 ? T(-R(3, 10)) : T(R(10, 30)),
                _ => T(R(20, 60)),
            };
            if (fresh)
            {
                plan.Entity.DueDate = due;
                if (ending != Ending.NotAccepted)
                    plan.Accept(plan.CreatedOn.AddDays(R(2, 8)));
            }
            else if (ending != Ending.Cancelled)
            {
                var asked = T(-R(100, 115));
                plan.AskExtension(asked, due, ExtensionReasons[2]).Decide(asked.AddDays(R(3, 6)), true, Approved);
            }
            switch (ending)
            {
                case Ending.OnTime:
                    var submitted = due.AddDays(-R(1, 8));
                    plan.Progress(T(-R(50, 70)), 70, Pick(MiddleProgress)).Submit(submitted).Complete(submitted.AddDays(R(2, 5)));
                    break;
                case Ending.Late:
                    plan.Progress(T(-R(60, 75)), 50, Pick(MiddleProgress)).Submit(T(-R(10, 20))).Complete(T(-R(2, 8)));
                    break;
                case Ending.Overdue:
                    plan.Progress(T(-R(40, 60)), 45, Pick(MiddleProgress));
                    break;
                case Ending.DueSoon:
                    plan.Progress(T(-R(10, 25)), 75, Pick(LateProgress));
                    break;
                case Ending.Submitted:
                    plan.Progress(T(-R(20, 30)), 90, Pick(LateProgress)).Submit(T(-R(1, 6)));
                    break;
                case Ending.Returned:
                    plan.Progress(T(-R(25, 35)), 85, Pick(LateProgress)).Submit(T(-R(14, 18))).Return(T(-R(6, 9)), Pick(ReturnReasons));
                    break;
                case Ending.PendingExtension:
                    plan.Progress(T(-R(20, 30)), 60, Pick(MiddleProgress)).AskExtension(T(-R(1, 3)), T(R(30, 45)), Pick(ExtensionReasons));
                    break;
                case Ending.NotDue:
                    plan.Progress(T(-R(10, 30)), 40, Pick(MiddleProgress));
                    break;
                case Ending.Cancelled:
                    plan.Cancel(T(-R(30, 50)), CancelReasons[1]);
                    break;
            }
        }

        private void ProgramSix2021()
        {
            var source = Doc("06-CTr/TU", 2021);
            var program = Batch(TaskKind.Program, source.Title, Root, Root, new(2021, 3, 20), new(2025, 10, 15), source: source);
            program.Accept(new(2021, 3, 22)).Progress(new(2023, 6, 20), 50, "Hoàn thành 1/5 đề án; các đề án còn lại bảo đảm tiến độ.");
            var k = 0;
            foreach (var line in ProgramSix2021Projects)
            {
                var created = new DateOnly(2021, 4, 20).AddDays(R(0, 40));
                var done = new DateOnly(2023, 3, 1).AddDays(k++ * 150 + R(0, 30));
                var project = Batch(TaskKind.Project, $"Đề án “{line.Title}”", units[line.Lead], Root, created, done.AddDays(R(10, 60)), program,
                    coordinators: line.Coordinators);
                project.Accept(created.AddDays(R(3, 10)));
                Reports(project, created.AddDays(15), done.AddDays(-20), 2, 80);
                project.Submit(done.AddDays(-R(5, 12))).Complete(done);
            }
            program.Progress(new(2025, 9, 25), 100, "Hoàn thành 5/5 đề án.").Submit(new(2025, 10, 5)).Complete(new(2025, 10, 12));
        }

        private void ProgramSix2026()
        {
            var source = Doc("06-CTr/TU", 2026);
            var created = new DateOnly(2026, 1, 12);
            var program = Flow(created, Input(source.Title, Root, new(2030, 6, 30), source, TaskKind.Program, accountable: units["VPTU"]));
            program.Accept(created.AddDays(1));
            var i = 0;
            foreach (var line in ProgramSix2026Projects)
            {
                var on = created.AddDays(8 + 3 * i);
                DateOnly Due(int days) => Max(T(days), on.AddDays(14));
                var input = Input($"Đề án “{line.Title}”", units[line.Lead], i switch
                {
                    0 => Due(-15),
                    1 => Due(120),
                    2 => Due(30),
                    3 => Due(200),
                    4 => Due(15),
                    5 => Due(-10),
                    _ => Due(60),
                }, source, TaskKind.Project, person: Person(), coordinators: line.Coordinators.Select(c => units[c]).ToArray());
                var project = Flow(on, input, program);
                switch (i++)
                {
                    case 0:
                        project.Accept(on.AddDays(3)).Progress(T(-60), 60, Pick(MiddleProgress)).Submit(T(-25)).Complete(T(-20));
                        break;
                    case 1:
                        project.Accept(on.AddDays(5)).Progress(T(-30), 40, Pick(MiddleProgress));
                        break;
                    case 2:
                        project.Accept(on.AddDays(2)).Progress(T(-40), 85, Pick(LateProgress)).Submit(T(-3));
                        break;
                    case 3:
                        project.Accept(on.AddDays(6));
                        break;
                    case 4:
                        project.Accept(on.AddDays(4)).Progress(T(-30), 80, Pick(LateProgress)).Submit(T(-12)).Return(T(-5), ReturnReasons[3]);
                        break;
                    case 5:
                        project.Accept(on.AddDays(3)).Progress(T(-40), 35, Pick(EarlyProgress));
                        break;
                }
            }
            program.Progress(T(-20), 15, "Đã giao 07 đề án cho các cơ quan chủ trì; 01 đề án đã hoàn thành.");
        }
    }
}
