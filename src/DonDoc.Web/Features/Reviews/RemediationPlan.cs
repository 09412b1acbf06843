using System.ComponentModel.DataAnnotations;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Reviews;

public sealed class NewReview
{
    [Required(ErrorMessage = "Nhập tên kỳ kiểm điểm.")]
    [StringLength(500, ErrorMessage = "Tên kỳ kiểm điểm dài quá 500 ký tự.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Chọn đơn vị được kiểm điểm.")]
    public int? UnitId { get; set; }

    public ReviewSubject Subject { get; set; } = ReviewSubject.Committee;
    public ReviewPeriod Period { get; set; } = ReviewPeriod.Year;

    [Required(ErrorMessage = "Nhập năm kiểm điểm (năm kết thúc nhiệm kỳ).")]
    [Range(2000, 2100, ErrorMessage = "Năm kiểm điểm phải từ 2000 đến 2100.")]
    public int? Year { get; set; }

    // "2020 – 2025" for a term; for a year, the year itself.
    [StringLength(40, ErrorMessage = "Kỳ kiểm điểm dài quá 40 ký tự.")]
    public string? PeriodLabel { get; set; }

    [Required(ErrorMessage = "Nhập ngày kiểm điểm.")]
    public DateOnly? HeldOn { get; set; }

    // The conference where the review is held, when there is one.
    public int? ConferenceId { get; set; }

    public List<int> MonitorUnitIds { get; set => field = value ?? []; } = [];

    // Limitations of the unit's previous review, not yet remedied, to carry into this one.
    public List<int> CarryOverIds { get; set => field = value ?? []; } = [];
}

public sealed class NewLimitation
{
    [Required(ErrorMessage = "Nhập nhóm hạn chế (ví dụ: trong xây dựng Đảng).")]
    [StringLength(200, ErrorMessage = "Tên nhóm dài quá 200 ký tự.")]
    public string Group { get; set; } = "";

    // Empty: the next number in the group.
    [Range(1, 999, ErrorMessage = "Số thứ tự phải từ 1 đến 999.")]
    public int? Number { get; set; }

    [Required(ErrorMessage = "Nhập nội dung hạn chế.")]
    [StringLength(4000, ErrorMessage = "Nội dung hạn chế dài quá 4.000 ký tự.")]
    public string Text { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Nguyên nhân dài quá 4.000 ký tự.")]
    public string? Cause { get; set; }
}

/// <summary>A remediation item as typed: the "5 rõ" (see <see cref="FiveClear"/>) and, optionally, how.</summary>
public sealed class NewRemediationItem
{
    [StringLength(200, ErrorMessage = "Tên người chịu trách nhiệm dài quá 200 ký tự.")]
    public string? ResponsiblePerson { get; set; }

    [StringLength(500, ErrorMessage = "Việc cần làm dài quá 500 ký tự.")]
    public string? Title { get; set; }

    [StringLength(8000, ErrorMessage = "Cách làm dài quá 8.000 ký tự.")]
    public string? Content { get; set; }

    public int? AccountableUnitId { get; set; }

    public DateOnly? DueDate { get; set; }

    [StringLength(2000, ErrorMessage = "Kết quả cần đạt dài quá 2.000 ký tự.")]
    public string? ExpectedResult { get; set; }
}

/// <summary>
/// "Rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ, rõ kết quả": a remediation item is saved only with
/// all five, and each one missing is named.
/// </summary>
public static class FiveClear
{
    public static Problems? Check(NewRemediationItem item)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(item.ResponsiblePerson))
            problems.Add(nameof(item.ResponsiblePerson), "Chưa rõ người chịu trách nhiệm.");
        if (string.IsNullOrWhiteSpace(item.Title))
            problems.Add(nameof(item.Title), "Chưa rõ việc cần làm.");
        if (item.AccountableUnitId is null)
            problems.Add(nameof(item.AccountableUnitId), "Chưa rõ cơ quan chịu trách nhiệm.");
        if (item.DueDate is null)
            problems.Add(nameof(item.DueDate), "Chưa rõ thời hạn.");
        if (string.IsNullOrWhiteSpace(item.ExpectedResult))
            problems.Add(nameof(item.ExpectedResult), "Chưa rõ kết quả cần đạt.");
        return problems.Any ? problems : null;
    }
}

/// <summary>How far a limitation's remediation has come, from its items' tasks.</summary>
public sealed record Progress(int Done, int Total, int Overdue)
{
    // "Đã khắc phục" is never set by hand: a limitation is remedied when it has items and every one
    // counted is completed. A cancelled item counts neither way.
    public bool Remedied => Total > 0 && Done == Total;

    public static Progress Of(IEnumerable<(TaskState Status, DateOnly? DueDate, DateOnly? SubmittedOn)> tasks, DateOnly today)
    {
        var counted = tasks.Where(t => t.Status != TaskState.Cancelled).ToList();
        return new(counted.Count(t => t.Status == TaskState.Completed), counted.Count,
            counted.Count(t => TaskRules.OverlayOn(t.Status, t.DueDate, t.SubmittedOn, today) == Overlay.Overdue));
    }

    public static Progress Sum(IEnumerable<Progress> parts)
    {
        var list = parts.ToList();
        return new(list.Sum(p => p.Done), list.Sum(p => p.Total), list.Sum(p => p.Overdue));
    }
}

public sealed record LimitationRow(int Id, string Group, int Number, string Text, string? Cause, int? CarriedFromId, Progress Progress);

/// <summary>
/// The remediation plan of a review: creating the review (with the previous review's unremedied
/// limitations carried over), adding limitations, and adding items, each item a task of kind
/// <see cref="TaskKind.Remediation"/> created through <see cref="TaskWorkflow"/> in the item's transaction.
/// What the user may touch is <see cref="UserScope"/>'s to say.
/// </summary>
public sealed class RemediationPlan(AppDb db, Clock clock, TaskWorkflow workflow)
{
    /// <summary>The review's limitations in order, each with its progress.</summary>
    public async Task<IReadOnlyList<LimitationRow>> LimitationsAsync(int reviewId, CancellationToken ct)
    {
        var rows = await db.Limitations.AsNoTracking().Where(l => l.ReviewId == reviewId)
            .OrderBy(l => l.Id)
            .Select(l => new
            {
                l.Id, l.Group, l.Number, l.Text, l.Cause, l.CarriedFromId,
                Tasks = l.Items.Select(i => new { i.Task!.Status, i.Task.DueDate, i.Task.SubmittedOn }).ToList(),
            })
            .ToListAsync(ct);
        var today = clock.Today;
        // Groups in the order they were first written, numbers within each.
        var groupOrder = rows.Select(r => r.Group).Distinct().Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        return rows.OrderBy(r => groupOrder[r.Group]).ThenBy(r => r.Number)
            .Select(r => new LimitationRow(r.Id, r.Group, r.Number, r.Text, r.Cause, r.CarriedFromId,
                Progress.Of(r.Tasks.Select(t => (t.Status, t.DueDate, t.SubmittedOn)), today)))
            .ToList();
    }

    /// <summary>The unit's latest review before <paramref name="year"/>, if any.</summary>
    public Task<Review?> PreviousAsync(int unitId, int year, CancellationToken ct) =>
        db.Reviews.AsNoTracking().Where(r => r.UnitId == unitId && r.Year < year)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.HeldOn).FirstOrDefaultAsync(ct);

    /// <summary>What the unit's previous review left unremedied: offered to carry over into this year's.</summary>
    public async Task<IReadOnlyList<LimitationRow>> CarryOverOffersAsync(int unitId, int year, CancellationToken ct) =>
        await PreviousAsync(unitId, year, ct) is { } previous
            ? (await LimitationsAsync(previous.Id, ct)).Where(l => !l.Progress.Remedied).ToList()
            : [];

    public async Task<Outcome<Review>> CreateReviewAsync(NewReview input, UserScope scope, CancellationToken ct)
    {
        var problems = new Problems();
        var unitId = input.UnitId!.Value;
        var year = input.Year!.Value;
        if (!await scope.SeesUnitAsync(unitId, ct))
            problems.Add(nameof(input.UnitId), $"Không có đơn vị số {unitId}.");
        var monitors = input.MonitorUnitIds.Distinct().ToList();
        var seen = await scope.VisibleUnitIdsAsync(monitors, ct);
        foreach (var id in monitors.Where(id => !seen.Contains(id)))
            problems.Add(nameof(input.MonitorUnitIds), $"Cơ quan theo dõi: không có đơn vị số {id}.");
        if (input.ConferenceId is { } conferenceId && !await scope.Visible(db.Conferences).AnyAsync(c => c.Id == conferenceId, ct))
            problems.Add(nameof(input.ConferenceId), $"Không có hội nghị số {conferenceId}.");
        var offers = problems.Any ? [] : await CarryOverOffersAsync(unitId, year, ct);
        var carried = offers.Where(o => input.CarryOverIds.Contains(o.Id)).ToList();
        foreach (var id in input.CarryOverIds.Distinct().Where(id => offers.All(o => o.Id != id)))
            problems.Add(nameof(input.CarryOverIds), $"Hạn chế số {id} không phải hạn chế chưa khắc phục của kỳ kiểm điểm trước của đơn vị này.");
        if (problems.Any)
            return problems;

        var review = new Review
        {
            UnitId = unitId,
            Title = VnText.Normalize(input.Title.Trim()),
            Subject = input.Subject,
            Period = input.Period,
            Year = year,
            PeriodLabel = string.IsNullOrWhiteSpace(input.PeriodLabel) ? year.ToString() : VnText.Normalize(input.PeriodLabel.Trim()),
            HeldOn = input.HeldOn!.Value,
            ConferenceId = input.ConferenceId,
            CreatedAtUtc = clock.UtcNow,
            Monitors = monitors.Select(id => new ReviewMonitor { UnitId = id }).ToList(),
            Limitations = carried.Select(l => new Limitation
            {
                Group = l.Group, Number = l.Number, Text = l.Text, Cause = l.Cause, CarriedFromId = l.Id,
            }).ToList(),
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    public async Task<Outcome<Limitation>> AddLimitationAsync(int reviewId, NewLimitation input, UserScope scope, CancellationToken ct)
    {
        if (!await scope.Reviewed(db.Reviews).AnyAsync(r => r.Id == reviewId, ct))
            return Outcome<Limitation>.NotFound($"Không có kỳ kiểm điểm số {reviewId}.");
        var group = VnText.Normalize(input.Group.Trim());
        var numbers = await db.Limitations.Where(l => l.ReviewId == reviewId && l.Group == group).Select(l => l.Number).ToListAsync(ct);
        var number = input.Number ?? (numbers.Count == 0 ? 1 : numbers.Max() + 1);
        if (numbers.Contains(number))
            return Problems.Of(nameof(input.Number), $"Nhóm “{group}” đã có hạn chế số {number}.");
        var limitation = new Limitation
        {
            ReviewId = reviewId,
            Group = group,
            Number = number,
            Text = VnText.Normalize(input.Text.Trim()),
            Cause = string.IsNullOrWhiteSpace(input.Cause) ? null : VnText.Normalize(input.Cause.Trim()),
        };
        db.Limitations.Add(limitation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(limitation).State = EntityState.Detached;
            if (!await db.Limitations.AsNoTracking().AnyAsync(l => l.ReviewId == reviewId && l.Group == group && l.Number == number, ct))
                throw;
            return Problems.Of(nameof(input.Number), $"Nhóm “{group}” vừa có hạn chế số {number}; chọn số khác.");
        }
        return limitation;
    }

    /// <summary>
    /// An item with all of the "5 rõ" becomes a remediation task led by the body that answers for it
    /// and assigned by the reviewed unit; the task and the item are written in one transaction.
    /// </summary>
    public async Task<Outcome<RemediationItem>> AddItemAsync(int limitationId, NewRemediationItem input, UserScope scope, CancellationToken ct)
    {
        var limitation = await db.Limitations.AsNoTracking()
            .Where(l => l.Id == limitationId && scope.Reviewed(db.Reviews).Any(r => r.Id == l.ReviewId))
            .Select(l => new { l.Id, l.Group, l.Number, ReviewTitle = l.Review!.Title, ReviewUnitId = l.Review.UnitId })
            .FirstOrDefaultAsync(ct);
        if (limitation is null)
            return Outcome<RemediationItem>.NotFound($"Không có hạn chế số {limitationId}.");
        if (FiveClear.Check(input) is { } unclear)
            return unclear;
        var bodyId = input.AccountableUnitId!.Value;
        if (!await scope.SeesUnitAsync(bodyId, ct))
            return Problems.Of(nameof(input.AccountableUnitId), $"Cơ quan chịu trách nhiệm: không có đơn vị số {bodyId}.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await workflow.CreateAsync(new NewTask
        {
            Kind = TaskKind.Remediation,
            Title = input.Title!,
            Content = input.Content,
            ResponsiblePerson = input.ResponsiblePerson,
            LeadUnitId = bodyId,
            AccountableUnitId = bodyId,
            AssignedByUnitId = limitation.ReviewUnitId,
            DeadlineKind = DeadlineKind.Date,
            DueDate = input.DueDate,
            ExpectedResult = input.ExpectedResult,
            SourceNote = $"Khắc phục hạn chế {limitation.Number} {limitation.Group} – {limitation.ReviewTitle}",
        }, scope, ct);
        if (!created.IsDone)
            return created.Kind switch
            {
                OutcomeKind.Invalid => created.Problems!,
                OutcomeKind.Conflict => created.Conflict!,
                OutcomeKind.Forbidden => Outcome<RemediationItem>.Forbidden(created.Message!),
                _ => Outcome<RemediationItem>.NotFound(created.Message!),
            };
        var item = new RemediationItem { LimitationId = limitation.Id, TaskId = created.Value!.Id };
        db.RemediationItems.Add(item);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return item;
    }
}

public sealed record ReviewRow(int Id, string Title, string UnitName, string PeriodLabel, DateOnly HeldOn, int Limitations, int Remedied, Progress Progress);

/// <summary>A remediation item with its limitation and review, as the review's page shows it, for a list of every item.</summary>
public sealed record RemediationItemRow(int ReviewId, string ReviewTitle, string ReviewUnit, string Group, int Number, string Limitation,
    int TaskId, string Title, string? ResponsiblePerson, string LeadUnit, DateOnly? DueDate, TaskState Status, DateOnly? SubmittedOn, int Percent,
    string? ExpectedResult);

public static class ReviewRows
{
    private sealed record Head(int Id, string Title, string UnitName, string PeriodLabel, DateOnly HeldOn);

    /// <summary>A page of reviews, newest first, each with how many limitations are remedied and its items' progress.</summary>
    public static async Task<Page<ReviewRow>> PageAsync(AppDb db, IQueryable<Review> reviews, int? page, DateOnly today, CancellationToken ct)
    {
        var heads = await Paging.PageAsync(Heads(reviews), page, Paging.DefaultSize, ct);
        return new(await WithProgressAsync(db, heads.Items, today, ct), heads.Total, heads.PageNumber, heads.PageSize);
    }

    /// <summary>Every review of the list, in its order: a unit holds one or two a year, so they are read at once.</summary>
    public static async Task<IReadOnlyList<ReviewRow>> AllAsync(AppDb db, IQueryable<Review> reviews, DateOnly today, CancellationToken ct) =>
        await WithProgressAsync(db, await Heads(reviews).ToListAsync(ct), today, ct);

    /// <summary>The remediation items of these reviews, in the reviews' order, each review's in the order they were written.</summary>
    public static IQueryable<RemediationItemRow> Items(AppDb db, IQueryable<Review> reviews) =>
        db.RemediationItems.AsNoTracking().Where(i => reviews.Any(r => r.Id == i.Limitation!.ReviewId))
            .OrderByDescending(i => i.Limitation!.Review!.HeldOn).ThenByDescending(i => i.Limitation!.ReviewId)
            .ThenBy(i => i.LimitationId).ThenBy(i => i.Id)
            .Select(i => new RemediationItemRow(i.Limitation!.ReviewId, i.Limitation.Review!.Title, i.Limitation.Review.Unit!.Name,
                i.Limitation.Group, i.Limitation.Number, i.Limitation.Text, i.TaskId, i.Task!.Title, i.Task.ResponsiblePerson, i.Task.LeadUnit!.Name,
                i.Task.DueDate, i.Task.Status, i.Task.SubmittedOn, i.Task.Percent, i.Task.ExpectedResult));

    private static IQueryable<Head> Heads(IQueryable<Review> reviews) =>
        reviews.AsNoTracking().OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Select(r => new Head(r.Id, r.Title, r.Unit!.Name, r.PeriodLabel, r.HeldOn));

    private static async Task<IReadOnlyList<ReviewRow>> WithProgressAsync(AppDb db, IReadOnlyList<Head> heads, DateOnly today, CancellationToken ct)
    {
        var ids = heads.Select(h => h.Id).ToList();
        var limitations = await db.Limitations.AsNoTracking().Where(l => ids.Contains(l.ReviewId))
            .Select(l => new { l.ReviewId, Tasks = l.Items.Select(i => new { i.Task!.Status, i.Task.DueDate, i.Task.SubmittedOn }).ToList() })
            .ToListAsync(ct);
        var progress = limitations.Select(l => (l.ReviewId, Progress: Progress.Of(l.Tasks.Select(t => (t.Status, t.DueDate, t.SubmittedOn)), today)))
            .ToLookup(l => l.ReviewId, l => l.Progress);
        return heads.Select(h => new ReviewRow(h.Id, h.Title, h.UnitName, h.PeriodLabel, h.HeldOn,
            progress[h.Id].Count(), progress[h.Id].Count(p => p.Remedied), Progress.Sum(progress[h.Id]))).ToList();
    }
}
