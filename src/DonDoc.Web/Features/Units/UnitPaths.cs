using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Units;

/// <summary>
/// A unit's path holds its own id, known only once the row is inserted: new units are saved through
/// here, which gives them their paths and depths in the same save. AppDb refuses new units saved
/// any other way. Moving a subtree rewrites its paths in <see cref="Reorganization"/>.
/// </summary>
public static class UnitPaths
{
    public static Task<int> SaveAsync(AppDb db, CancellationToken ct = default) =>
        db.SaveAsync(new Rows(db.ChangeTracker.Entries<Unit>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList()),
            note: null, ct);

    internal sealed class Rows(List<Unit> added) : IDerivedRows
    {
        public async Task<int> WriteAsync(AppDb db, CancellationToken ct)
        {
            // A parent added in the same save gets its path before its children.
            var pending = added;
            while (pending.Count > 0)
            {
                var waiting = new List<Unit>();
                foreach (var unit in pending)
                {
                    if (unit.Parent is { Path: "/" } newParent && pending.Any(p => ReferenceEquals(p, newParent)))
                    {
                        waiting.Add(unit);
                        continue;
                    }
                    var parentPath = unit.ParentId is { } parentId ? (unit.Parent ?? await db.Units.FindAsync([parentId], ct))!.Path : "/";
                    unit.Path = Unit.ChildPath(parentPath, unit.Id);
                    unit.Depth = unit.Path.Count(c => c == '/') - 2;
                }
                if (waiting.Count == pending.Count)
                    throw new InvalidOperationException("Cây đơn vị có vòng lặp cha – con.");
                pending = waiting;
            }
            return added.Count == 0 ? 0 : await db.SavePassAsync(ct);
        }
    }
}
