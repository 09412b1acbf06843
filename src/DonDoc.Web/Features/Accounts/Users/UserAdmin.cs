using System.ComponentModel.DataAnnotations;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Accounts.Users;

public sealed class UserInput
{
    [Required(ErrorMessage = "Nhập họ và tên.")]
    [StringLength(200, ErrorMessage = "Họ và tên dài quá 200 ký tự.")]
    public string DisplayName { get; set; } = "";

    [StringLength(40, ErrorMessage = "Mã đơn vị dài quá 40 ký tự.")]
    public string? UnitCode { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed record UserRow(int Id, string UserName, string DisplayName, int? UnitId, string? UnitName, string? UnitCode,
    DateTimeOffset? LockoutEnd, int AccessFailedCount)
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool IsLocked(DateTimeOffset now) => LockoutEnd > now;

    /// <summary>Locked by an administrator (until unlocked) rather than for a while after failed sign-ins.</summary>
    public bool IsLockedByAdministrator(DateTimeOffset now) => LockoutEnd > now.AddYears(UserAdmin.LockYears - 1);
}

/// <summary>What the account pages share: reading accounts, checking roles against the unit, keeping an administrator.</summary>
public sealed class UserAdmin(AppDb db, UserManager<AppUser> users, TimeProvider time)
{
    public const int LockYears = 100;

    public DateTimeOffset Now => time.GetUtcNow();

    public IQueryable<UserRow> Rows(IQueryable<AppUser> query) =>
        query.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.UnitId, u.Unit!.Name, u.Unit!.Code, u.LockoutEnd, u.AccessFailedCount));

    /// <summary>The rows with their roles, read in one more query for the whole page.</summary>
    public async Task<List<UserRow>> WithRolesAsync(IReadOnlyList<UserRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(r => r with { Roles = Accounts.Roles.All.Where(byUser[r.Id].Contains).ToList() }).ToList();
    }

    public async Task<UserRow?> FindAsync(int id, CancellationToken ct) =>
        await Rows(db.Users.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct) is { } row
            ? (await WithRolesAsync([row], ct))[0]
            : null;

    /// <summary>Checks the roles and the unit; returns the unit's id (null only for an administrator without a unit).</summary>
    public async Task<Outcome<int?>> CheckAsync(UserInput input, CancellationToken ct)
    {
        var problems = new Problems();
        var roles = input.Roles.Distinct().ToList();
        if (roles.Count == 0)
            problems.Add(nameof(input.Roles), "Chọn ít nhất một vai trò.");
        foreach (var unknown in roles.Where(r => !Accounts.Roles.All.Contains(r)))
            problems.Add(nameof(input.Roles), $"Không có vai trò “{unknown}”.");
        int? unitId = null;
        if (string.IsNullOrWhiteSpace(input.UnitCode))
        {
            // Every role but the administrator's is bounded by a unit's subtree: without one it would see nothing.
            if (roles.Any(r => r != Accounts.Roles.Administrator))
                problems.Add(nameof(input.UnitCode), "Nhập mã đơn vị của tài khoản: vai trò chỉ có hiệu lực trong đơn vị đó và các đơn vị cấp dưới.");
        }
        else
        {
            var code = input.UnitCode.Trim();
            var today = Infrastructure.Clock.LocalDate(Now.UtcDateTime);
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null)
                problems.Add(nameof(input.UnitCode), $"Không có đơn vị mã “{code}”.");
            else if (!unit.IsActiveOn(today))
                problems.Add(nameof(input.UnitCode), $"Đơn vị “{unit.Name}” đã ngừng hoạt động; chọn đơn vị kế tục.");
            else
                unitId = unit.Id;
        }
        return problems.Any ? problems : unitId;
    }

    /// <summary>Someone must remain able to manage accounts: refuses to take the last administrator away.</summary>
    public async Task<bool> IsLastAdministratorAsync(int userId, CancellationToken ct)
    {
        var now = Now;
        var admins = await users.GetUsersInRoleAsync(Accounts.Roles.Administrator);
        return admins.Any(a => a.Id == userId) && !admins.Any(a => a.Id != userId && !(a.LockoutEnd > now));
    }

    /// <summary>
    /// Identity saves after every call; run in one transaction, an account and its roles are written
    /// together or, when a later step is refused, not at all.
    /// </summary>
    public async Task<IdentityResult> AllOrNothingAsync(Func<Task<IdentityResult>> steps, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await steps();
        if (result.Succeeded)
            await transaction.CommitAsync(ct);
        else
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        return result;
    }

    public async Task<IdentityResult> SetRolesAsync(AppUser user, IEnumerable<string> wanted)
    {
        var current = await users.GetRolesAsync(user);
        var target = wanted.Distinct().ToList();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(target));
        return removed.Succeeded ? await users.AddToRolesAsync(user, target.Except(current)) : removed;
    }

    public static string Normalize(string s) => VnText.Normalize(s.Trim());
}
