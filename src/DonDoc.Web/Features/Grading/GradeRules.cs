using DonDoc.Text;
using DonDoc.Web.Features.Indicators;

namespace DonDoc.Web.Features.Grading;

/// <summary>
/// A unit's tasks for the year: those it leads that fall due in the year, cancelled ones left out;
/// behind schedule means not completed by the due date (completed late, or not yet).
/// </summary>
public sealed record TaskYearResult(int Planned, int Completed, int OnTime)
{
    public int Behind => Planned - OnTime;
}

/// <summary>The grade the rules suggest and each reason that led to it.</summary>
public sealed record Suggestion(Grade Grade, IReadOnlyList<string> Why);

/// <summary>
/// The grading rules of a rule set (<see cref="GradingRuleSet"/>), pure: the suggestion from a score and
/// the year's results, the cap on "xuất sắc" in a peer group, and the reason an override needs.
/// </summary>
public static class GradeRules
{
    public static Grade BandOf(GradingRuleSet rules, decimal score) =>
        rules.Bands.OrderByDescending(b => b.MinScore).First(b => score >= b.MinScore).Grade;

    /// <summary>
    /// The best grade the facts allow: the score's band, lowered by what the tasks and indicators show.
    /// Conditions the data cannot show (discipline, shortcomings fixed) are left to the person who confirms.
    /// </summary>
    public static Suggestion Suggest(GradingRuleSet rules, decimal? score, TaskYearResult tasks, IndicatorYearResult indicators)
    {
        var grade = Grade.Excellent;
        var why = new List<string>();
        // Grades are ordered best first, so "at most" is the larger of the two.
        void AtMost(Grade limit, string reason)
        {
            if (limit > grade)
                grade = limit;
            why.Add(reason);
        }

        if (score is { } s)
            AtMost(BandOf(rules, s), $"{VnFormat.Number(s, 2)} điểm: mức {BandOf(rules, s).Label()}.");
        else
            why.Add("Chưa có điểm.");

        if (tasks.Planned == 0)
            why.Add("Không có nhiệm vụ chủ trì đến hạn trong năm.");
        else if (tasks.Completed < rules.NotCompletedBelowDone * tasks.Planned)
            AtMost(Grade.NotCompleted, $"Hoàn thành {tasks.Completed}/{tasks.Planned} nhiệm vụ ({Share(tasks.Completed, tasks.Planned)}), dưới {Share(rules.NotCompletedBelowDone)} kế hoạch.");
        else if (tasks.Behind > 0)
            AtMost(Grade.Completed, $"{tasks.Behind}/{tasks.Planned} nhiệm vụ chậm tiến độ ({Share(tasks.Behind, tasks.Planned)})"
                + (tasks.Behind > rules.CompletedBehindAtMost * tasks.Planned ? $", quá {Share(rules.CompletedBehindAtMost)}: cần xem xét thêm." : "."));
        else
            why.Add($"{tasks.Planned}/{tasks.Planned} nhiệm vụ hoàn thành đúng tiến độ.");

        if (indicators.MissedBasicTargets.Count > 0)
            AtMost(Grade.NotCompleted, $"Không đạt chỉ tiêu kinh tế - xã hội cơ bản: {string.Join(", ", indicators.MissedBasicTargets)}.");
        if (indicators.Planned == 0)
            why.Add("Chưa có kết quả chỉ tiêu của năm.");
        else if (indicators.Exceeded < rules.ExcellentExceeded * indicators.Planned)
            AtMost(Grade.Good, $"{indicators.Exceeded}/{indicators.Planned} chỉ tiêu vượt kế hoạch ({Share(indicators.Exceeded, indicators.Planned)}), dưới {Share(rules.ExcellentExceeded)}.");
        else
            why.Add($"{indicators.Exceeded}/{indicators.Planned} chỉ tiêu vượt kế hoạch ({Share(indicators.Exceeded, indicators.Planned)}).");
        return new Suggestion(grade, why);
    }

    /// <summary>
    /// Null when the peer group's grades, the new one among them, keep "xuất sắc" within the cap; otherwise
    /// the refusal with the counts and the source. Units not marked outstanding stay within the smaller
    /// share, and with outstanding ones the group may reach the larger.
    /// </summary>
    public static string? CapProblem(GradingRuleSet rules, string peerGroup, IReadOnlyCollection<(Grade Grade, bool Outstanding)> grades)
    {
        var excellent = grades.Count(g => g.Grade == Grade.Excellent);
        if (excellent == 0)
            return null;
        var ordinary = grades.Count(g => g.Grade == Grade.Excellent && !g.Outstanding);
        var baseCount = grades.Count(g => g.Grade == Grade.Good || (rules.CapBaseIncludesExcellent && g.Grade == Grade.Excellent));
        var max = (int)Math.Floor(rules.ExcellentCap * baseCount);
        var maxOutstanding = (int)Math.Floor(rules.ExcellentCapOutstanding * baseCount);
        var baseName = rules.CapBaseIncludesExcellent ? "hoàn thành tốt nhiệm vụ trở lên" : "hoàn thành tốt nhiệm vụ";
        var counts = $"Nhóm “{peerGroup}” có {excellent} tổ chức hoàn thành xuất sắc nhiệm vụ trên {baseCount} tổ chức {baseName}";
        if (ordinary > max)
            return $"{counts}: quá {Share(rules.ExcellentCap)} (tối đa {max}{(excellent > ordinary ? " không kể đơn vị có thành tích nổi bật" : "")}) theo {rules.Source}.";
        if (excellent > maxOutstanding)
            return $"{counts}: quá {Share(rules.ExcellentCapOutstanding)} dành cho đơn vị có thành tích nổi bật (tối đa {maxOutstanding}) theo {rules.Source}.";
        return null;
    }

    /// <summary>A grade other than the suggested one stands only with the reason for it.</summary>
    public static string? OverrideProblem(Grade suggested, Grade grade, string? reason) =>
        grade != suggested && string.IsNullOrWhiteSpace(reason)
            ? $"Xếp loại “{grade.Label()}” khác gợi ý “{suggested.Label()}”: cần ghi lý do."
            : null;

    private static string Share(decimal share) => VnFormat.Percent(share * 100, 0);

    private static string Share(int part, int whole) => VnFormat.Percent(100m * part / whole);
}
