using DonDoc.Web.Data;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    private const decimal NewMembers2025 = 10_027, NewMembersPlan2025 = 9_744, NewMembers2020 = 8_881;

    /// <summary>
    /// The city's indicators as its reports state them: 10.027 new members in 2025, 102,9% of plan and 12,9% more than in
    /// 2020; 93 Party organisations founded in private firms against 70 planned for the term; 12 of 39 weak grassroots
    /// organisations consolidated. This year's admissions are reported by quarter by the 136 committees, 23 of them late
    /// with the last quarter that ended.
    /// </summary>
    private static async Task SeedIndicatorsAsync(AppDb db, Structure units, Dictionary<(string, int), Document> documents, DateOnly today)
    {
        var root = units.Root;
        var program = documents[("01-CTr/TU", 2021)];
        var programTask = await db.Tasks.Where(t => t.SourceDocumentId == program.Id && t.ParentId == null).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        Indicator Define(string code, string name, string measure, IndicatorKind kind, IndicatorDirection direction, PeriodKind every, int from, int to,
            string? numerator = null, string? denominator = null) => new()
        {
            Code = code, Name = name, Measure = measure, Kind = kind, Direction = direction, ReportEvery = every, ReportWithinDays = 10,
            FromYear = from, ToYear = to, OwnerUnitId = root.Id, DocumentId = from == 2020 ? program.Id : null, TaskId = from == 2020 ? programTask : null,
            NumeratorLabel = numerator, DenominatorLabel = denominator, CreatedAtUtc = At(new DateOnly(from, 1, 2)),
        };
        var admitted = Define("KN-2020", "Kết nạp đảng viên mới", "đảng viên", IndicatorKind.Flow, IndicatorDirection.Higher, PeriodKind.Year, 2020, 2025);
        var firms = Define("TCĐ-DN", "Thành lập tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước", "tổ chức", IndicatorKind.Flow,
            IndicatorDirection.Higher, PeriodKind.Year, 2020, 2025);
        var weak = Define("CC-TCCS", "Củng cố tổ chức cơ sở đảng yếu kém", "tổ chức", IndicatorKind.Flow, IndicatorDirection.Higher, PeriodKind.Year, 2020, 2025);
        var admittedNow = Define("KN-2025", "Kết nạp đảng viên mới", "đảng viên", IndicatorKind.Flow, IndicatorDirection.Higher, PeriodKind.Quarter, 2025, 2030);
        var good = Define("TL-HTT", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "%", IndicatorKind.Ratio, IndicatorDirection.Floor,
            PeriodKind.Year, 2025, 2030, "Số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "Tổng số tổ chức cơ sở đảng được đánh giá");
        db.Indicators.AddRange(admitted, firms, weak, admittedNow, good);
        await db.SaveChangesAsync();

        var committees = units.Committees;
        static DateTime At(DateOnly day) => Clock.EndOfDayUtc(day).AddHours(-14);
        static IndicatorPlan Plan(Indicator i, Unit u, Period p, decimal target, long? from = null) =>
            new() { IndicatorId = i.Id, UnitId = u.Id, PeriodKind = p.Kind, Year = p.Year, Number = p.Number, Target = target, HandedDownFromId = from };
        static IndicatorActual Actual(Indicator i, Unit u, Period p, decimal value, decimal num = 0, decimal den = 0) =>
            new() { IndicatorId = i.Id, UnitId = u.Id, PeriodKind = p.Kind, Year = p.Year, Number = p.Number, Value = value, Numerator = num, Denominator = den };
        async Task SaveAsync(IEnumerable<IDatedFigure> rows, DateOnly on, string note) => await IndicatorLedger.SaveAsync(db, rows.ToList(), note, At(on), default);

        // 2020, reported by the city as a whole: the committees of today did not exist yet.
        await SaveAsync([Actual(admitted, root, Period.OfYear(2020), NewMembers2020)], new DateOnly(2021, 1, 8), "Báo cáo số thực hiện năm 2020");

        // 2025: the city's target handed down to the 136 committees, all of which reported.
        var year2025 = Period.OfYear(2025);
        var cityPlan = Plan(admitted, root, year2025, NewMembersPlan2025);
        await SaveAsync([cityPlan], new DateOnly(2025, 1, 15), "Giao kế hoạch năm 2025");
        var weights = committees.Select((_, i) => 40 + i * 37 % 61).ToList();
        var targets = Split(NewMembersPlan2025, weights);
        await SaveAsync(committees.Select((c, i) => (IDatedFigure)Plan(admitted, c, year2025, targets[i], cityPlan.Id)), new DateOnly(2025, 7, 15),
            "Giao kế hoạch năm 2025 cho các đảng bộ trực thuộc");
        var results = Split(NewMembers2025, weights.Select((w, i) => w * (95 + i * 13 % 17)).ToList());
        await SaveAsync(committees.Select((c, i) => (IDatedFigure)Actual(admitted, c, year2025, results[i])), new DateOnly(2026, 1, 8), "Báo cáo số thực hiện năm 2025");

        // The term's targets and what the city did each year.
        var term = Period.Term(2020, 2025);
        await SaveAsync([Plan(firms, root, term, 70), Plan(weak, root, term, 39)], new DateOnly(2020, 12, 20), "Giao chỉ tiêu nhiệm kỳ 2020–2025");
        int[] founded = [15, 18, 20, 19, 21], consolidated = [3, 4, 2, 2, 1];
        for (var y = 0; y < 5; y++)
            await SaveAsync([Actual(firms, root, Period.OfYear(2021 + y), founded[y]), Actual(weak, root, Period.OfYear(2021 + y), consolidated[y])],
                new DateOnly(2022 + y, 1, 8), $"Báo cáo số thực hiện năm {2021 + y}");

        // 2025's grading of grassroots organisations, a ratio summed from each committee's counts.
        await SaveAsync([Plan(good, root, year2025, 90)], new DateOnly(2025, 1, 15), "Giao chỉ tiêu năm 2025");
        await SaveAsync(committees.Select((c, i) => (IDatedFigure)Actual(good, c, year2025, 0, 8 + i % 9 - (i % 11 == 0 ? 3 : 0), 9 + i % 9)),
            new DateOnly(2026, 1, 8), "Báo cáo kết quả đánh giá tổ chức cơ sở đảng năm 2025");

        // This year's admissions by quarter, for the quarters that have ended; 23 committees have not reported the last one.
        var thisYear = Period.OfYear(today.Year);
        var planNow = Plan(admittedNow, root, thisYear, 10_000);
        await SaveAsync([planNow], new DateOnly(today.Year, 1, 10), $"Giao kế hoạch năm {today.Year}");
        var targetsNow = Split(10_000, weights);
        await SaveAsync(committees.Select((c, i) => (IDatedFigure)Plan(admittedNow, c, thisYear, targetsNow[i], planNow.Id)), new DateOnly(today.Year, 1, 20),
            $"Giao kế hoạch năm {today.Year} cho các đảng bộ trực thuộc");
        var ended = thisYear.Parts(PeriodKind.Quarter).Where(q => q.End.AddDays(5) < today).ToList();
        foreach (var quarter in ended)
        {
            var late = quarter == ended[^1] ? committees.Where((_, i) => i % 6 == 0).Take(23).ToHashSet() : [];
            await SaveAsync(committees.Select((c, i) => (c, i)).Where(x => !late.Contains(x.c))
                    .Select(x => (IDatedFigure)Actual(admittedNow, x.c, quarter, Math.Round(targetsNow[x.i] / 4 * (0.9m + x.i % 5 * 0.05m)))),
                quarter.End.AddDays(5), $"Báo cáo số thực hiện {quarter.Label}");
        }
    }

    /// <summary>A whole number split in proportion to the weights, adding up exactly.</summary>
    private static List<decimal> Split(decimal total, List<int> weights)
    {
        var sum = weights.Sum();
        var parts = weights.Select(w => Math.Floor(total * w / sum)).ToList();
        for (var i = 0; total - parts.Sum() > 0; i++)
            parts[i % parts.Count]++;
        return parts;
    }
}
