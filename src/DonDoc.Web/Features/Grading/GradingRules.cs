using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Grading;

/// <summary>The four grades of a Party organisation's quality at year end, best first.</summary>
public enum Grade
{
    Excellent,
    Good,
    Completed,
    NotCompleted,
}

/// <summary>
/// The thresholds of one text on grading, with the dates it is in force. They are rows, not constants:
/// a new regulation is a new row, and a year is graded by the row in force at its end.
/// </summary>
public sealed class GradingRuleSet
{
    public int Id { get; set; }
    public required string Source { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    // "Xuất sắc" at most this share of those graded "hoàn thành tốt" in a group of similar position, or the larger one for outstanding units.
    public decimal ExcellentCap { get; set; }
    public decimal ExcellentCapOutstanding { get; set; }
    // Whether the units graded "xuất sắc" count in that base ("hoàn thành tốt trở lên"); not yet confirmed in the text.
    public bool CapBaseIncludesExcellent { get; set; }
    public bool CapBaseVerified { get; set; }
    // Below this share of the planned tasks done: "không hoàn thành nhiệm vụ".
    public decimal NotCompletedBelowDone { get; set; }
    // "Xuất sắc" needs at least this share of the planned indicators exceeded.
    public decimal ExcellentExceeded { get; set; }
    // "Hoàn thành nhiệm vụ" allows at most this share of the tasks behind schedule.
    public decimal CompletedBehindAtMost { get; set; }
    public List<GradeBand> Bands { get; set; } = [];
}

/// <summary>A grade's score band (from <see cref="MinScore"/> up to the next better grade's) and its further conditions, as the text states them.</summary>
public sealed class GradeBand
{
    public int Id { get; set; }
    public int RuleSetId { get; set; }
    public Grade Grade { get; set; }
    public decimal MinScore { get; set; }
    public required string Conditions { get; set; }
}

internal sealed class GradingRuleSetConfiguration : IEntityTypeConfiguration<GradingRuleSet>
{
    public void Configure(EntityTypeBuilder<GradingRuleSet> b)
    {
        b.Property(r => r.Source).HasMaxLength(300);
        foreach (var share in new[] { nameof(GradingRuleSet.ExcellentCap), nameof(GradingRuleSet.ExcellentCapOutstanding),
                     nameof(GradingRuleSet.NotCompletedBelowDone), nameof(GradingRuleSet.ExcellentExceeded), nameof(GradingRuleSet.CompletedBehindAtMost) })
            b.Property(share).HasPrecision(5, 4);
        b.HasMany(r => r.Bands).WithOne().HasForeignKey(g => g.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasData(Regulation366.RuleSet);
    }
}

internal sealed class GradeBandConfiguration : IEntityTypeConfiguration<GradeBand>
{
    public void Configure(EntityTypeBuilder<GradeBand> b)
    {
        b.Property(g => g.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.MinScore).HasPrecision(5, 2);
        b.Property(g => g.Conditions).HasMaxLength(1000);
        b.HasIndex(g => new { g.RuleSetId, g.Grade }).IsUnique();
        b.HasData(Regulation366.Bands);
    }
}

/// <summary>The rows every database starts with: Quy định 366-QĐ/TW, Điều 11 (collective grading).</summary>
internal static class Regulation366
{
    public static readonly GradingRuleSet RuleSet = new()
    {
        Id = 1,
        Source = "Quy định 366-QĐ/TW (30/8/2025), Điều 11",
        ValidFrom = new DateOnly(2025, 8, 30),
        ExcellentCap = 0.20m,
        ExcellentCapOutstanding = 0.25m,
        CapBaseIncludesExcellent = true,
        CapBaseVerified = false,
        NotCompletedBelowDone = 0.70m,
        ExcellentExceeded = 0.30m,
        CompletedBehindAtMost = 0.20m,
    };

    public static readonly GradeBand[] Bands =
    [
        new() { Id = 1, RuleSetId = 1, Grade = Grade.Excellent, MinScore = 90,
            Conditions = "100% chỉ tiêu, nhiệm vụ hoàn thành đúng tiến độ, có ít nhất 30% vượt kế hoạch; không có tập thể, cá nhân lãnh đạo bị kỷ luật; khắc phục 100% hạn chế đã chỉ ra." },
        new() { Id = 2, RuleSetId = 1, Grade = Grade.Good, MinScore = 70,
            Conditions = "100% chỉ tiêu, nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng." },
        new() { Id = 3, RuleSetId = 1, Grade = Grade.Completed, MinScore = 50,
            Conditions = "Hoàn thành các chỉ tiêu, nhiệm vụ; không quá 20% chậm tiến độ." },
        new() { Id = 4, RuleSetId = 1, Grade = Grade.NotCompleted, MinScore = 0,
            Conditions = "Dưới 50 điểm; hoặc dưới 70% chỉ tiêu, nhiệm vụ kế hoạch; hoặc không đạt chỉ tiêu kinh tế - xã hội cơ bản (tăng trưởng, thu ngân sách, giải ngân đầu tư công, thu nhập bình quân, giảm hộ nghèo)." },
    ];
}

public static class GradeLabels
{
    public static string Label(this Grade g) => g switch
    {
        Grade.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Grade.Good => "Hoàn thành tốt nhiệm vụ",
        Grade.Completed => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };
}
