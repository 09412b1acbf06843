using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private abstract record Step(DateOnly On);

    private sealed record Accept(DateOnly On) : Step(On);

    private sealed record Progress(DateOnly On, int Percent, string Text) : Step(On);

    private sealed record Submit(DateOnly On) : Step(On);

    private sealed record Complete(DateOnly On) : Step(On);

    private sealed record Return(DateOnly On, string Reason) : Step(On);

    private sealed record Cancel(DateOnly On, string Reason) : Step(On);

    private sealed record AskExtension(DateOnly On, DateOnly DueDate, string Reason) : Step(On);

    private sealed record Decide(DateOnly On, bool Approve, string? Note) : Step(On);

    // A closed unit's open work passes to its successor; the workflow has no such action, only the seed.
    private sealed record Transfer(DateOnly On, int? LeadUnitId, int? AssignedByUnitId, string Note) : Step(On);

    private sealed record FanOut(DateOnly On, FanOutRequest Request, Func<TaskItem, Plan> PlanFor) : Step(On);

    /// <summary>
    /// One task and what happens to it, day by day. Through the workflow (validated like user
    /// input) when <see cref="Input"/> is set; otherwise written as an entity with the same rules
    /// checked, so that hundreds of tasks can share one save.
    /// </summary>
    private sealed class Plan
    {
        public TaskItem? Task { get; set; }
        public NewTask? Input { get; init; }
        public Plan? Parent { get; init; }
        public DateOnly CreatedOn { get; set; }
        // Created by a fan-out rather than by the schedule.
        public bool Created { get; init; }
        public List<Step> Steps { get; } = [];
        public ExtensionRequest? Pending { get; set; }

        public bool ViaWorkflow => Input is not null;
        public int Depth => Parent is null ? 0 : Parent.Depth + 1;
        public TaskItem Entity => Task ?? throw new InvalidOperationException("Nhiệm vụ chưa được tạo.");

        public Plan Then(Step step)
        {
            Steps.Add(step);
            return this;
        }

        public Plan Accept(DateOnly on) => Then(new Accept(on));
        public Plan Progress(DateOnly on, int percent, string text) => Then(new Progress(on, percent, text));
        public Plan Submit(DateOnly on) => Then(new Submit(on));
        public Plan Complete(DateOnly on) => Then(new Complete(on));
        public Plan Return(DateOnly on, string reason) => Then(new Return(on, reason));
        public Plan Cancel(DateOnly on, string reason) => Then(new Cancel(on, reason));
        public Plan AskExtension(DateOnly on, DateOnly dueDate, string reason) => Then(new AskExtension(on, dueDate, reason));
        public Plan Decide(DateOnly on, bool approve, string? note) => Then(new Decide(on, approve, note));
    }

    private sealed class SeedTime(TimeProvider real) : TimeProvider
    {
        public DateTime? At { get; set; }

        public DateTime RealUtcNow => real.GetUtcNow().UtcDateTime;

        public override DateTimeOffset GetUtcNow() => At is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : real.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => Clock.Zone;
    }

    /// <summary>
    /// Plays the plans forward in time. Each day's changes are saved in passes (creations by depth,
    /// then each task's first step of the day, its second …), every pass dated by the seed's clock,
    /// so each task's history rows come in the order of its own changes and replaying them up to
    /// any past day gives that day's state.
    /// </summary>
    private sealed class Schedule(AppDb db, SeedTime time, TaskLedger ledger, TaskWorkflow workflow, DateOnly today)
    {
        private readonly SortedDictionary<DateOnly, List<Plan>> _creations = [];
        private readonly SortedDictionary<DateOnly, List<(Plan Plan, Step Step)>> _steps = [];
        private DateOnly? _day;
        private int _pass;

        public Plan Add(Plan plan)
        {
            if (plan.CreatedOn > today)
                plan.CreatedOn = today;
            if (plan.Parent is { } parent && parent.CreatedOn > plan.CreatedOn)
                plan.CreatedOn = parent.CreatedOn;
            // Relative dates can meet fixed ones when "today" is early: keep each task's own order.
            var last = plan.CreatedOn;
            for (var i = 0; i < plan.Steps.Count; i++)
            {
                var on = plan.Steps[i].On < last ? last : plan.Steps[i].On > today ? today : plan.Steps[i].On;
                plan.Steps[i] = plan.Steps[i] with { On = on };
                last = on;
            }
            if (_day is { } day && (plan.Steps.Count > 0 && plan.Steps[0].On <= day || !plan.Created && plan.CreatedOn <= day))
                throw new InvalidOperationException($"Kế hoạch thêm vào ngày {VnFormat.Date(day)} phải bắt đầu sau ngày đó.");
            if (!plan.Created)
                Bucket(_creations, plan.CreatedOn).Add(plan);
            foreach (var step in plan.Steps)
                Bucket(_steps, step.On).Add((plan, step));
            return plan;
        }

        public async Task RunAsync()
        {
            while (_creations.Count > 0 || _steps.Count > 0)
            {
                var day = new[] { _creations.Keys.FirstOrDefault(DateOnly.MaxValue), _steps.Keys.FirstOrDefault(DateOnly.MaxValue) }.Min();
                _day = day;
                _pass = 0;
                if (_creations.Remove(day, out var plans))
                    await CreateAsync(plans);
                if (_steps.Remove(day, out var steps))
                    await StepAsync(steps);
            }
        }

        private static List<T> Bucket<T>(SortedDictionary<DateOnly, List<T>> buckets, DateOnly day)
        {
            if (!buckets.TryGetValue(day, out var list))
                buckets[day] = list = [];
            return list;
        }

        // Office hours in Hà Nội, a few seconds apart; today's changes happen before now.
        private DateTime Begin()
        {
            var day = _day!.Value;
            var start = Clock.EndOfDayUtc(day.AddDays(-1));
            var at = start.AddHours(8);
            if (day == today)
            {
                var earlier = time.RealUtcNow.AddHours(-1);
                at = earlier < at ? (earlier < start ? start : earlier) : at;
            }
            at = at.AddSeconds(15 * _pass++);
            var end = Clock.EndOfDayUtc(day).AddSeconds(-1);
            at = at > end ? end : at;
            time.At = at;
            return at;
        }

        private async Task SaveAsync(string? note)
        {
            await ledger.SaveAsync(db, note);
            Trim();
        }

        // Every save scans what the context tracks: start each one from nothing and attach only what it changes.
        private void Trim() => db.ChangeTracker.Clear();

        private void Track(TaskItem task)
        {
            if (db.Entry(task).State != EntityState.Detached)
                return;
            // Navigations fixed up earlier may point at other instances of the same rows.
            task.Parent = null;
            task.LeadUnit = null;
            task.AssignedByUnit = null;
            task.AccountableUnit = null;
            task.SourceDocument = null;
            foreach (var coordinator in task.Coordinators)
                coordinator.Unit = null;
            db.Tasks.Attach(task);
        }

        private async Task CreateAsync(List<Plan> plans)
        {
            foreach (var level in plans.GroupBy(p => p.Depth).OrderBy(g => g.Key))
            {
                foreach (var plan in level.Where(p => p.ViaWorkflow))
                {
                    Begin();
                    plan.Input!.ParentId = plan.Parent?.Entity.Id;
                    var outcome = await workflow.CreateAsync(plan.Input);
                    plan.Task = outcome.Value ?? throw Refused(plan.Input.Title, outcome.Problems);
                    Trim();
                }
                var batch = level.Where(p => !p.ViaWorkflow).ToList();
                if (batch.Count == 0)
                    continue;
                var at = Begin();
                foreach (var plan in batch)
                {
                    var task = plan.Entity;
                    if (task.DueDate < _day)
                        throw new InvalidOperationException($"“{task.Title}”: hạn ở trước ngày giao.");
                    task.ParentId = plan.Parent?.Entity.Id;
                    task.Title = VnText.Normalize(task.Title);
                    task.Status = TaskState.Assigned;
                    task.AssignedOn = _day!.Value;
                    task.OriginalDueDate = task.DueDate;
                    task.CreatedAtUtc = at;
                    task.UpdatedAtUtc = at;
                    db.Tasks.Add(task);
                }
                await SaveAsync("Giao nhiệm vụ");
            }
        }

        private async Task StepAsync(List<(Plan Plan, Step Step)> steps)
        {
            // Pass r holds each task's r-th change of the day.
            var rounds = steps.GroupBy(s => s.Plan)
                .SelectMany(g => g.Select((s, i) => (Round: i, s.Plan, s.Step)))
                .GroupBy(s => s.Round).OrderBy(g => g.Key);
            foreach (var round in rounds)
            {
                foreach (var (_, plan, step) in round.Where(s => s.Plan.ViaWorkflow || s.Step is FanOut))
                {
                    Begin();
                    await ViaWorkflowAsync(plan, step);
                    Trim();
                }
                foreach (var group in round.Where(s => !s.Plan.ViaWorkflow && s.Step is not FanOut).GroupBy(s => NoteOf(s.Plan, s.Step) ?? ""))
                {
                    var at = Begin();
                    foreach (var (_, plan, step) in group)
                    {
                            Apply(plan, step, at);
                    }
                    await SaveAsync(group.Key.Length == 0 ? null : group.Key);
                }
            }
        }

        private async Task ViaWorkflowAsync(Plan plan, Step step)
        {
            var id = plan.Entity.Id;
            Problems? problems = null;
            switch (step)
            {
                case Accept:
                    problems = (await workflow.AcceptAsync(id)).Problems;
                    break;
                case Progress p:
                    problems = (await workflow.ReportProgressAsync(id, new ProgressInput
                    {
                        Percent = p.Percent, Text = p.Text, ReportedOn = p.On, DropReason = DropReason(plan, step),
                    }, [])).Problems;
                    break;
                case Submit:
                    problems = (await workflow.SubmitAsync(id, new SubmitInput { Result = ResultOf(plan.Entity) })).Problems;
                    break;
                case Complete:
                    problems = (await workflow.CompleteAsync(id)).Problems;
                    break;
                case Return r:
                    problems = (await workflow.ReturnAsync(id, new ReasonInput { Reason = r.Reason })).Problems;
                    break;
                case Cancel c:
                    problems = (await workflow.CancelAsync(id, new ReasonInput { Reason = c.Reason })).Problems;
                    break;
                case AskExtension x:
                    var asked = await workflow.RequestExtensionAsync(id, new ExtensionInput { RequestedDueDate = x.DueDate, Reason = x.Reason });
                    plan.Pending = asked.Value;
                    problems = asked.Problems;
                    break;
                case Decide d:
                    var pending = plan.Pending ?? throw new InvalidOperationException($"“{plan.Entity.Title}”: không có đề nghị gia hạn.");
                    problems = (await workflow.DecideExtensionAsync(id, pending.Id, new ExtensionDecision { Approve = d.Approve, Note = d.Note })).Problems;
                    plan.Pending = null;
                    break;
                case FanOut f:
                    var fanned = await workflow.FanOutAsync(id, f.Request);
                    if ((problems = fanned.Problems) is null)
                    {
                        db.ChangeTracker.AutoDetectChangesEnabled = false;
                        var children = db.ChangeTracker.Entries<TaskItem>().Select(e => e.Entity)
                            .Where(t => t.ParentId == id).OrderBy(t => t.Id).ToList();
                        db.ChangeTracker.AutoDetectChangesEnabled = true;
                        foreach (var child in children)
                        {
                            var childPlan = f.PlanFor(child);
                            childPlan.Task = child;
                            childPlan.CreatedOn = f.On;
                            Add(childPlan);
                        }
                    }
                    break;
                default:
                    throw new InvalidOperationException($"Bước {step.GetType().Name} không làm qua quy trình được.");
            }
            if (problems is not null)
                throw Refused($"{plan.Entity.Title}, {step}", problems);
        }

        // The note labels the history rows a save writes; a change that writes none can share any save.
        private static string? NoteOf(Plan plan, Step step) => step switch
        {
            Accept => "Tiếp nhận nhiệm vụ",
            Progress when plan.Entity.Status == TaskState.InProgress && plan.Entity.DeadlineKind != DeadlineKind.Periodic => null,
            Progress p => $"Báo cáo tiến độ {p.Percent}%",
            Submit => $"Báo cáo hoàn thành ({TaskRules.MaxPercent}%)",
            Complete => "Công nhận hoàn thành",
            Return r => "Trả lại: " + r.Reason,
            Cancel c => "Hủy: " + c.Reason,
            Decide { Approve: true } when plan.Pending is { } pending => $"Gia hạn đến {VnFormat.Date(pending.RequestedDueDate)}",
            Transfer { LeadUnitId: not null } t => t.Note,
            _ => null,
        };

        private static string ResultOf(TaskItem task) => Results[task.Id % Results.Length];

        // Only a report right after a return comes in below the submission before it.
        private static string? DropReason(Plan plan, Step step) =>
            plan.Steps.TakeWhile(s => !ReferenceEquals(s, step)).LastOrDefault() is Return ? ReworkAfterReturn : null;

        // The workflow's rules, applied to an entity that shares its save with others.
        private void Apply(Plan plan, Step step, DateTime at)
        {
            var task = plan.Entity;
            Track(task);
            var day = step.On;
            void Move(TaskAction action)
            {
                task.Status = TaskRules.Next(task.Status, action)
                    ?? throw new InvalidOperationException($"“{task.Title}” ({task.Status.Label()}): không thể “{action.Label()}”.");
                task.UpdatedAtUtc = at;
            }
            switch (step)
            {
                case Accept:
                    Move(TaskAction.Accept);
                    break;
                case Progress p:
                    Move(TaskAction.Progress);
                    task.Percent = p.Percent;
                    var report = new ProgressReport
                    {
                        TaskId = task.Id, ReportedOn = day, Percent = p.Percent, Text = VnText.Normalize(p.Text), DropReason = DropReason(plan, step),
                        CreatedAtUtc = at,
                    };
                    if (task.DeadlineKind == DeadlineKind.Periodic
                        && task.Periods.Where(x => x.ReportedOn == null && x.StartsOn <= day).MinBy(x => x.DueDate) is { } period)
                    {
                        period.ReportedOn = day;
                        report.PeriodId = period.Id;
                        task.DueDate = task.Periods.Where(x => x.ReportedOn == null).MinBy(x => x.DueDate)?.DueDate ?? task.DueDate;
                    }
                    db.ProgressReports.Add(report);
                    break;
                case Submit:
                    Move(TaskAction.Submit);
                    task.SubmittedOn = day;
                    task.Result = ResultOf(task);
                    task.Percent = TaskRules.MaxPercent;
                    break;
                case Complete:
                    Move(TaskAction.Complete);
                    task.CompletedOn = day;
                    task.Percent = 100;
                    break;
                case Return r:
                    Move(TaskAction.Return);
                    task.ReturnReason = VnText.Normalize(r.Reason);
                    task.SubmittedOn = null;
                    break;
                case Cancel:
                    Move(TaskAction.Cancel);
                    break;
                case AskExtension x:
                    if (!TaskRules.IsOpen(task.Status) || task.DueDate is not { } due || x.DueDate <= due || plan.Pending is not null)
                        throw new InvalidOperationException($"“{task.Title}”: đề nghị gia hạn không hợp lệ.");
                    plan.Pending = new ExtensionRequest
                    {
                        TaskId = task.Id,
                        DueDateBefore = due,
                        RequestedDueDate = x.DueDate,
                        Reason = VnText.Normalize(x.Reason),
                        State = ExtensionState.Pending,
                        RequestedOn = day,
                    };
                    db.ExtensionRequests.Add(plan.Pending);
                    break;
                case Decide d:
                    var request = plan.Pending ?? throw new InvalidOperationException($"“{task.Title}”: không có đề nghị gia hạn.");
                    if (db.Entry(request).State == EntityState.Detached)
                        db.ExtensionRequests.Attach(request);
                    request.State = d.Approve ? ExtensionState.Approved : ExtensionState.Refused;
                    request.DecidedOn = day;
                    request.DecisionNote = d.Note is null ? null : VnText.Normalize(d.Note);
                    if (d.Approve && TaskRules.IsOpen(task.Status))
                    {
                        task.DueDate = request.RequestedDueDate;
                        task.UpdatedAtUtc = at;
                    }
                    plan.Pending = null;
                    break;
                case Transfer t:
                    if (!TaskRules.IsOpen(task.Status))
                        throw new InvalidOperationException($"“{task.Title}”: đã kết thúc, không chuyển đơn vị.");
                    task.LeadUnitId = t.LeadUnitId ?? task.LeadUnitId;
                    task.AssignedByUnitId = t.AssignedByUnitId ?? task.AssignedByUnitId;
                    task.UpdatedAtUtc = at;
                    break;
                default:
                    throw new InvalidOperationException($"Bước {step.GetType().Name} chưa được hỗ trợ.");
            }
        }
    }
}
