using System.Security.Cryptography;
using DonDoc.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Accounts;

/// <summary>
/// The accounts a start creates: the roles, the administrator "admin" on the very first start, and
/// with the demo data one account per role. No password is written in the code: each comes from the
/// environment or is drawn at random and printed once.
/// </summary>
public static class AccountSeed
{
    public const string AdminUserName = "admin";
    public const string AdminPasswordVariable = "DONDOC_ADMIN_PASSWORD";
    public const string DemoPasswordVariable = "DONDOC_DEMO_PASSWORD";

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string UnitCode);

    // The unit codes are those of the demo data set (DemoData.Units).
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("vanphong", "Nguyễn Thị Hồng Vân (Văn phòng Thành ủy)", Roles.OfficeStaff, "TU-HN"),
        new("lanhdao", "Trần Quốc Hùng (Thường trực Thành ủy)", Roles.Leader, "TU-HN"),
        new("canbo.badinh", "Lê Minh Tuấn (Đảng bộ phường Ba Đình)", Roles.UnitOfficer, "DB-BADINH"),
        new("xem.hoankiem", "Phạm Thu Trang (Đảng bộ phường Hoàn Kiếm)", Roles.Viewer, "DB-HOANKIEM"),
        new("kiemtra", "Đỗ Văn Long (Ủy ban Kiểm tra Thành ủy)", Roles.Inspector, "UBKTTU"),
        new("donthu", "Vũ Thị Lan (Ban Nội chính Thành ủy)", Roles.ComplaintHandler, "TU-HN"),
    ];

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<int>>>();
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name))
                Check(await roles.CreateAsync(new IdentityRole<int>(name)), $"vai trò {name}");
    }

    /// <summary>Creates "admin" when there is no account at all; its password is printed only if drawn here.</summary>
    public static async Task EnsureAdministratorAsync(IServiceProvider services, IConfiguration config, TextWriter console)
    {
        await EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.Users.AnyAsync())
            return;
        var given = config[AdminPasswordVariable];
        var password = string.IsNullOrEmpty(given) ? NewPassword() : given;
        var admin = new AppUser
        {
            UserName = AdminUserName,
            DisplayName = "Quản trị hệ thống",
            CreatedAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(admin, password), $"tài khoản {AdminUserName} (mật khẩu lấy từ {AdminPasswordVariable})");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator), $"vai trò của {AdminUserName}");
        if (string.IsNullOrEmpty(given))
            console.WriteLine($"Đã tạo tài khoản quản trị “{AdminUserName}” với mật khẩu: {password}\n"
                + "Mật khẩu này chỉ in một lần; hãy đăng nhập và đổi mật khẩu ngay.");
    }

    /// <summary>One account per role in the demo units, all with the demo password.</summary>
    public static async Task SeedDemoAccountsAsync(IServiceProvider services, IConfiguration config, TextWriter console)
    {
        await EnsureRolesAsync(services);
        var db = services.GetRequiredService<AppDb>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var given = config[DemoPasswordVariable];
        var password = string.IsNullOrEmpty(given) ? NewPassword() : given;
        var created = new List<string>();
        foreach (var account in DemoAccounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
                continue;
            var unitId = await db.Units.Where(u => u.Code == account.UnitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync()
                ?? await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, UnitId = unitId, CreatedAtUtc = now };
            Check(await users.CreateAsync(user, password), $"tài khoản mẫu {account.UserName} (mật khẩu lấy từ {DemoPasswordVariable})");
            Check(await users.AddToRoleAsync(user, account.Role), $"vai trò của {account.UserName}");
            created.Add(account.UserName);
        }
        if (created.Count > 0)
            console.WriteLine($"Đã tạo các tài khoản mẫu {string.Join(", ", created)}"
                + (string.IsNullOrEmpty(given) ? $" với mật khẩu chung: {password} (chỉ in một lần)." : $" với mật khẩu trong {DemoPasswordVariable}."));
    }

    /// <summary>A password that meets the policy: 16 characters without look-alikes (0/O, 1/l/I).</summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        while (true)
        {
            var password = RandomNumberGenerator.GetString(all, 16);
            if (password.Any(upper.Contains) && password.Any(lower.Contains) && password.Any(digits.Contains) && password.Distinct().Count() >= 8)
                return password;
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Không tạo được {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
