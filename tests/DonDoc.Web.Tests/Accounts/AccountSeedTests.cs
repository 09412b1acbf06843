using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Accounts;

/// <summary>The accounts a first start makes: never with a password written in the code.</summary>
public sealed class AccountSeedTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-accounts-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Without_a_configured_password_the_administrators_is_drawn_and_printed_once()
    {
        await using var services = await ServicesAsync("random", new());
        var first = new StringWriter();
        await InScope(services, sp => AccountSeed.EnsureAdministratorAsync(sp, Config(new()), first));
        var printed = System.Text.RegularExpressions.Regex.Match(first.ToString(), "mật khẩu: (\\S+)").Groups[1].Value;
        Assert.Equal(16, printed.Length);
        Assert.True(await CheckAsync(services, AccountSeed.AdminUserName, printed));

        var second = new StringWriter();
        await InScope(services, sp => AccountSeed.EnsureAdministratorAsync(sp, Config(new()), second));
        Assert.Equal("", second.ToString());
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync((await users.FindByNameAsync(AccountSeed.AdminUserName))!));
    }

    [Fact]
    public async Task A_configured_password_is_used_silently_and_must_meet_the_policy()
    {
        var given = new Dictionary<string, string?> { [AccountSeed.AdminPasswordVariable] = "Mat-khau-quan-tri-2026" };
        await using (var services = await ServicesAsync("given", given))
        {
            var output = new StringWriter();
            await InScope(services, sp => AccountSeed.EnsureAdministratorAsync(sp, Config(given), output));
            Assert.Equal("", output.ToString());
            Assert.True(await CheckAsync(services, AccountSeed.AdminUserName, "Mat-khau-quan-tri-2026"));
        }

        var weak = new Dictionary<string, string?> { [AccountSeed.AdminPasswordVariable] = "admin" };
        await using (var services = await ServicesAsync("weak", weak))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => InScope(services, sp => AccountSeed.EnsureAdministratorAsync(sp, Config(weak), TextWriter.Null)));
            Assert.Contains("ít nhất 10 ký tự", refused.Message);
            Assert.Contains(AccountSeed.AdminPasswordVariable, refused.Message);
        }
    }

    [Fact]
    public async Task The_demo_data_brings_one_account_per_role_in_its_units()
    {
        var demo = new Dictionary<string, string?> { [AccountSeed.DemoPasswordVariable] = "Mat-khau-mau-2026" };
        await using var services = await ServicesAsync("demo", demo);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var root = new Unit { Code = "TU-HN", Name = "Thành ủy Hà Nội", Type = UnitType.TinhUy, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(root);
            await UnitPaths.SaveAsync(db);
            db.Units.AddRange(
                new Unit { Code = "DB-BADINH", Name = "Đảng bộ phường Ba Đình", Type = UnitType.DangBoTrucThuoc, ParentId = root.Id, ValidFrom = root.ValidFrom },
                new Unit { Code = "DB-HOANKIEM", Name = "Đảng bộ phường Hoàn Kiếm", Type = UnitType.DangBoTrucThuoc, ParentId = root.Id, ValidFrom = root.ValidFrom },
                new Unit { Code = "UBKTTU", Name = "Ủy ban Kiểm tra Thành ủy", Type = UnitType.Ban, ParentId = root.Id, ValidFrom = root.ValidFrom });
            await UnitPaths.SaveAsync(db);
        }
        var output = new StringWriter();
        await InScope(services, sp => AccountSeed.SeedDemoAccountsAsync(sp, Config(demo), output));
        Assert.DoesNotContain("Mat-khau-mau-2026", output.ToString());

        await using var check = services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var units = await check.ServiceProvider.GetRequiredService<AppDb>().Units.ToDictionaryAsync(u => u.Id, u => u.Code);
        foreach (var account in AccountSeed.DemoAccounts)
        {
            var user = (await users.FindByNameAsync(account.UserName))!;
            Assert.True(await users.CheckPasswordAsync(user, "Mat-khau-mau-2026"));
            Assert.Equal([account.Role], await users.GetRolesAsync(user));
            Assert.Equal(account.UnitCode, units[user.UnitId!.Value]);
        }
        Assert.Equal(Roles.All.Where(r => r != Roles.Administrator).Order(), AccountSeed.DemoAccounts.Select(a => a.Role).Order());
    }

    [Fact]
    public void Drawn_passwords_meet_the_policy_and_differ()
    {
        var drawn = Enumerable.Range(0, 50).Select(_ => AccountSeed.NewPassword()).ToList();
        Assert.Equal(50, drawn.Distinct().Count());
        var options = new IdentityOptions();
        Auth.ConfigureIdentity(options);
        Assert.All(drawn, p =>
        {
            Assert.True(p.Length >= options.Password.RequiredLength);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
        });
    }

    private async Task<ServiceProvider> ServicesAsync(string name, Dictionary<string, string?> settings)
    {
        settings = new(settings) { ["DONDOC_DB"] = $"Data Source={Path.Combine(_dir, name + ".db")}" };
        var services = new ServiceCollection().AddLogging().AddDonDocDb(Config(settings));
        services.AddDonDocIdentityCore();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>());
        return provider;
    }

    private static async Task InScope(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static IConfiguration Config(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static async Task<bool> CheckAsync(IServiceProvider services, string name, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByNameAsync(name) is { } user && await users.CheckPasswordAsync(user, password);
    }
}
