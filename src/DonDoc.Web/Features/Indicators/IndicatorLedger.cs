using DonDoc.Web.Data;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Indicators;

/// <summary>
/// Saves reported actuals together with the sums they change: for the reporting unit and each unit above it, the
/// current <see cref="IndicatorTotal"/> of the period is closed and a new one opened with the difference added. A
/// dashboard then reads one row per unit shown, today or as of any past day. The sums are read after the save has
/// locked the audit chain (<see cref="AppDb.SaveAsync"/>), so two reports of the same period add up, never overwrite.
/// </summary>
public static class IndicatorLedger
{
    internal sealed record Key(int IndicatorId, int UnitId, PeriodKind Kind, int Year, int Number);

    /// <summary>
    /// Saves the tracked changes, among them the plans and actuals replaced (their <see cref="IDatedFigure.ReplacedAtUtc"/>
    /// set), then <paramref name="added"/>, the plans and actuals that replace them, then the sums. The new rows come
    /// after the closed ones because only one row per figure may be current. Plans and actuals are saved only this way
    /// (AppDb refuses them otherwise).
    /// </summary>
    public static Task<int> SaveAsync(AppDb db, IReadOnlyList<IDatedFigure> added, string? note, DateTime atUtc, CancellationToken ct)
    {
        var deltas = new Dictionary<Key, Figure>();
        void Count(IndicatorActual a, int sign)
        {
            var key = new Key(a.IndicatorId, a.UnitId, a.PeriodKind, a.Year, a.Number);
            var figure = new Figure(a.Value, a.Numerator, a.Denominator, 1, a.IsEstimate ? 1 : 0);
            deltas[key] = sign > 0 ? deltas.GetValueOrDefault(key) + figure : deltas.GetValueOrDefault(key) - figure;
        }
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IDatedFigure && e.State != EntityState.Unchanged))
        {
            var closed = entry.State == EntityState.Modified && entry.Property(nameof(IDatedFigure.ReplacedAtUtc)).OriginalValue is null
                && ((IDatedFigure)entry.Entity).ReplacedAtUtc is not null
                && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(IDatedFigure.ReplacedAtUtc) or "Version");
            if (!closed)
                throw new InvalidOperationException("Kế hoạch và số thực hiện không bao giờ bị sửa hay xóa: số mới thay số cũ bằng một dòng mới.");
            if (entry.Entity is IndicatorActual a)
                Count(a, -1);
        }
        foreach (var a in added.OfType<IndicatorActual>())
            Count(a, +1);
        foreach (var row in added)
            row.RecordedAtUtc = atUtc;
        return db.SaveAsync(new Rows(added, deltas, atUtc), note, ct);
    }

    internal sealed class Rows(IReadOnlyList<IDatedFigure> added, Dictionary<Key, Figure> deltas, DateTime atUtc) : IDerivedRows
    {
        public async Task<int> WriteAsync(AppDb db, CancellationToken ct)
        {
            foreach (var row in added)
                db.Add(row);
            var written = await db.SavePassAsync(ct);
            var unitIds = deltas.Keys.Select(k => k.UnitId).Distinct().ToList();
            var paths = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
            var sums = new Dictionary<Key, Figure>();
            foreach (var (key, delta) in deltas)
                foreach (var unit in Unit.Ancestors(paths[key.UnitId]))
                {
                    var up = key with { UnitId = unit };
                    sums[up] = sums.GetValueOrDefault(up) + delta;
                }
            var next = new List<IndicatorTotal>();
            foreach (var group in sums.Where(s => s.Value != default).GroupBy(s => (s.Key.IndicatorId, s.Key.Kind, s.Key.Year, s.Key.Number)))
            {
                var (indicatorId, kind, year, number) = group.Key;
                var units = group.Select(g => g.Key.UnitId).ToList();
                var current = await db.Set<IndicatorTotal>()
                    .Where(t => t.IndicatorId == indicatorId && t.PeriodKind == kind && t.Year == year && t.Number == number
                        && units.Contains(t.UnitId) && t.ReplacedAtUtc == null)
                    .ToDictionaryAsync(t => t.UnitId, ct);
                foreach (var (key, delta) in group)
                {
                    var before = default(Figure);
                    if (current.TryGetValue(key.UnitId, out var old))
                    {
                        old.ReplacedAtUtc = atUtc;
                        before = new Figure(old.Value, old.Numerator, old.Denominator, old.Reporters, old.Estimates);
                    }
                    var now = before + delta;
                    next.Add(new IndicatorTotal
                    {
                        IndicatorId = indicatorId, UnitId = key.UnitId, PeriodKind = kind, Year = year, Number = number,
                        Value = now.Value, Numerator = now.Numerator, Denominator = now.Denominator,
                        Reporters = now.Reporters, Estimates = now.Estimates, RecordedAtUtc = atUtc,
                    });
                }
            }
            written += await db.SavePassAsync(ct);
            db.Set<IndicatorTotal>().AddRange(next);
            written += await db.SavePassAsync(ct);
            return written;
        }
    }

    /// <summary>
    /// Every total computed again from the current actuals, for checking the incremental sums (a test compares the
    /// two): unit → its subtree's figure, per indicator and period.
    /// </summary>
    public static async Task<Dictionary<(int IndicatorId, int UnitId, Period Period), Figure>> RebuildAsync(AppDb db, CancellationToken ct)
    {
        var actuals = await db.Set<IndicatorActual>().AsNoTracking().Where(a => a.ReplacedAtUtc == null)
            .Select(a => new { a.IndicatorId, a.Unit!.Path, a.PeriodKind, a.Year, a.Number, a.Value, a.Numerator, a.Denominator, a.IsEstimate })
            .ToListAsync(ct);
        var sums = new Dictionary<(int, int, Period), Figure>();
        foreach (var a in actuals)
            foreach (var unit in Unit.Ancestors(a.Path))
            {
                var key = (a.IndicatorId, unit, new Period(a.PeriodKind, a.Year, a.Number));
                sums[key] = sums.GetValueOrDefault(key) + new Figure(a.Value, a.Numerator, a.Denominator, 1, a.IsEstimate ? 1 : 0);
            }
        return sums;
    }
}
