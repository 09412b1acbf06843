using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DonDoc.Web.Infrastructure;

/// <summary>Command-line verbs of the same executable: run once and exit, no web host.</summary>
public static class Verbs
{
    private static readonly string[] Names = ["migrate", "seed", "schema", "extract", "extract-tasks", "token", "verify-audit"];

    public static bool IsVerb(string arg) => Names.Contains(arg);

    public static async Task<int> RunAsync(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        switch (args)
        {
            case ["migrate"]:
                await using (var db = Create(Database.ConnectionString(config)))
                    await Database.MigrateAsync(db);
                Console.WriteLine("Đã cập nhật cấu trúc cơ sở dữ liệu.");
                return 0;
            case ["seed", "--demo"]:
                await using (var db = Create(Database.ConnectionString(config)))
                {
                    await Database.MigrateAsync(db);
                    if (await db.Units.AnyAsync())
                    {
                        Console.Error.WriteLine("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.");
                        return 1;
                    }
                    await DemoData.SeedAsync(db, TimeProvider.System);
                }
                await using (var accounts = AccountServices(config))
                await using (var scope = accounts.CreateAsyncScope())
                {
                    await AccountSeed.EnsureAdministratorAsync(scope.ServiceProvider, config, Console.Out);
                    await AccountSeed.SeedDemoAccountsAsync(scope.ServiceProvider, config, Console.Out);
                }
                Console.WriteLine("Đã nạp dữ liệu mẫu.");
                return 0;
            case ["seed", "--scale", var name, .. var rest]:
                int? tasks = rest is ["--tasks", var n] && int.TryParse(n, out var parsed) && parsed > 0 ? parsed : null;
                if (ScaleShape.Named(name, tasks) is not { } shape || (rest.Length > 0 && tasks is null))
                {
                    Console.Error.WriteLine("Quy mô phải là “national” hoặc “city”; --tasks phải là số nguyên dương.");
                    return 2;
                }
                await using (var db = Create(Database.ConnectionString(config)))
                {
                    await Database.MigrateAsync(db);
                    if (await db.Units.AnyAsync())
                    {
                        Console.Error.WriteLine("Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu quy mô lớn vào cơ sở dữ liệu trống.");
                        return 1;
                    }
                    await ScaleData.SeedAsync(db, shape, new Clock(TimeProvider.System).Today, Console.Error);
                }
                return 0;
            case ["token", "create", var userName]:
                await using (var db = Create(Database.ConnectionString(config)))
                {
                    var normalized = userName.Normalize().ToUpperInvariant();
                    var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync();
                    if (userId is null)
                    {
                        Console.Error.WriteLine($"Không có tài khoản “{userName}”.");
                        return 1;
                    }
                    var now = DateTime.UtcNow;
                    var (_, token) = await AccessTokens.AddAsync(db, userId.Value,
                        $"Tạo bằng dòng lệnh ngày {DonDoc.Text.VnFormat.Date(Clock.LocalDate(now))}", now, days: null);
                    // Only the token, so that a script can capture it.
                    Console.WriteLine(token);
                }
                return 0;
            case ["verify-audit"]:
                await using (var db = Create(Database.ConnectionString(config)))
                {
                    var result = await AuditVerifier.VerifyAsync(db);
                    if (!result.Intact)
                    {
                        Console.Error.WriteLine(result.Message);
                        return 1;
                    }
                    Console.WriteLine(result.Message);
                    Console.WriteLine($"Mã băm cuối (lưu lại ở nơi khác để phát hiện việc xóa các mục cuối): {result.LastHash}");
                }
                return 0;
            case ["schema", "sqlite" or "postgres"]:
                var cs = args[1] == "sqlite" ? "Data Source=:memory:" : "Host=127.0.0.1;Database=dondoc";
                await using (var db = Create(cs))
                    Console.WriteLine(db.GetService<IMigrator>().GenerateScript());
                return 0;
            default:
                Console.Error.WriteLine("""
                    Cách dùng:
                      DonDoc.Web                       chạy ứng dụng web
                      DonDoc.Web migrate               cập nhật cấu trúc cơ sở dữ liệu
                      DonDoc.Web seed --demo           nạp dữ liệu mẫu vào cơ sở dữ liệu trống
                      DonDoc.Web seed --scale national|city [--tasks N]
                                                       nạp dữ liệu quy mô toàn Đảng / thành phố (đo hiệu năng)
                      DonDoc.Web schema sqlite|postgres  in câu lệnh tạo cơ sở dữ liệu
                      DonDoc.Web extract TỆP --json [--published yyyy-MM-dd]
                      DonDoc.Web extract-tasks TỆP --json [--issued yyyy-MM-dd]
                      DonDoc.Web verify-audit          kiểm tra chuỗi mã băm của nhật ký thay đổi
                      DonDoc.Web token create TÊN_ĐĂNG_NHẬP
                                                       tạo mã truy cập API cho tài khoản và in ra mã đó
                    """);
                return 2;
        }
    }

    // Users and roles are written through Identity, which hashes passwords and normalises names.
    private static ServiceProvider AccountServices(IConfiguration config)
    {
        var services = new ServiceCollection().AddLogging().AddDonDocDb(config);
        services.AddDonDocIdentityCore();
        return services.BuildServiceProvider();
    }

    private static AppDb Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDb>();
        Database.Configure(options, connectionString);
        return new AppDb(options.Options, TimeProvider.System);
    }
}

public static class Startup
{
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await Database.MigrateAsync(db);
        var demo = false;
        if (app.Configuration.GetValue("DonDoc:DemoData", true) && !await db.Units.AnyAsync())
        {
            app.Logger.LogInformation("Cơ sở dữ liệu trống: nạp dữ liệu mẫu.");
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            demo = true;
        }
        await AccountSeed.EnsureAdministratorAsync(scope.ServiceProvider, app.Configuration, Console.Out);
        if (demo)
            await AccountSeed.SeedDemoAccountsAsync(scope.ServiceProvider, app.Configuration, Console.Out);
    }
}
