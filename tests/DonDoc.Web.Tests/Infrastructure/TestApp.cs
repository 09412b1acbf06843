using System.Globalization;
using System.Security.Claims;
using System.Net.Http.Headers;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>The units every test class starts with: a city committee, four ward committees, a cell and a closed unit.</summary>
public sealed record TestUnits(Unit Root, Unit BaDinh, Unit HoanKiem, Unit TayHo, Unit UbndParty, Unit BaDinhCell, Unit Closed)
{
    public IReadOnlyList<Unit> ActiveChildren => [BaDinh, HoanKiem, TayHo, UbndParty];
}

/// <summary>
/// One fresh app per test class on a real database (a SQLite file, or a new PostgreSQL database),
/// without the demo data, with a clock the tests set, and evidence files kept in the temp directory.
/// <see cref="AdminClient"/> and <see cref="ClientAsync"/> give clients signed in with an access token;
/// CreateClient() gives one that has not signed in, as a browser arrives.
/// </summary>
public abstract class TestApp(Provider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateOnly FirstDay = new(2026, 3, 2);

    // Known to the tests that sign in through the page; no default password exists in the app itself.
    public const string AdminPassword = "Qu4nTri-Thu-Nghiem";

    private readonly Dictionary<string, string> _tokens = [];

    public Provider Provider { get; } = provider;
    public TestClock Clock { get; } = TestClock.AtLocal(FirstDay);
    public string Root { get; } = Directory.CreateTempSubdirectory("dondoc-test-").FullName;
    public string EvidenceDirectory => Path.Combine(Root, "evidence");
    public string ConnectionString { get; private set; } = "";
    public TestUnits Units { get; private set; } = null!;

    // Small enough that the size limit can be tested without large uploads.
    public const long EvidenceMaxBytes = 64 * 1024;

    public async Task InitializeAsync()
    {
        // Outside CI a missing server skips this class's tests at discovery; build nothing for them.
        if (Provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        ConnectionString = await CreateDatabaseAsync();
        _ = Services; // builds the host, which applies the migrations
        Units = await WithDbAsync(async db =>
        {
            var connection = db.Database.GetConnectionString() ?? "";
            var expected = Provider == Provider.Sqlite ? Root : new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database!;
            // Never let a test write into a developer's or a server's real database.
            if (!connection.Contains(expected, StringComparison.Ordinal))
                throw new InvalidOperationException($"The app under test is on “{connection}”, not on the test database.");
            await SeedReferenceDataAsync(db);
            return await SeedUnitsAsync(db);
        });
        _tokens[AccountSeed.AdminUserName] = await TokenForAsync(AccountSeed.AdminUserName);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (ConnectionString.Length > 0)
            await DropDatabaseAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the OS cleans its temp directory.
        }
    }

    /// <summary>The database the app runs on; a fault test may put it on a server of its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync(Provider, Root, "app");

    protected virtual Task DropDatabaseAsync() => TestDatabases.DropAsync(ConnectionString);

    /// <summary>Further settings of a test class's app (limits made small enough to reach in a test).</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => ConfigureInstance(builder);

    /// <summary>The settings of this app's host, shared by any further instance over the same database.</summary>
    public void ConfigureInstance(IWebHostBuilder builder)
    {
        builder.UseSetting("DONDOC_DB", ConnectionString);
        builder.UseSetting("DonDoc:DemoData", "false");
        builder.UseSetting("Evidence:Directory", EvidenceDirectory);
        builder.UseSetting("Evidence:MaxBytes", EvidenceMaxBytes.ToString());
        builder.UseSetting(AccountSeed.AdminPasswordVariable, AdminPassword);
        Configure(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client signed in as the administrator, who may do everything everywhere.</summary>
    public HttpClient AdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[AccountSeed.AdminUserName]);
        return client;
    }

    /// <summary>A client that has not signed in; redirects are not followed, so the answer itself is seen.</summary>
    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A client signed in (by access token) as a user with one role in a unit, named "role@UNITCODE";
    /// the user is created on first use, without a password.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string role, Unit? unit, bool followRedirects = true)
    {
        var userName = UserNameFor(role, unit);
        if (!_tokens.TryGetValue(userName, out var token))
        {
            await CreateUserAsync(userName, role, unit);
            _tokens[userName] = token = await TokenForAsync(userName);
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string UserNameFor(string role, Unit? unit) => unit is null ? role.ToLowerInvariant() : $"{role.ToLowerInvariant()}@{unit.Code}";

    /// <summary>Creates a user through Identity, with a password when the test signs in through the page.</summary>
    public Task<AppUser> CreateUserAsync(string userName, string role, Unit? unit, string? password = null) => WithServicesAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, UnitId = unit?.Id, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    });

    /// <summary>A fresh access token of an existing user.</summary>
    public Task<string> TokenForAsync(string userName) => WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var (_, token) = await AccessTokens.AddAsync(db, id, "tests", Clock.GetUtcNow().UtcDateTime, days: null);
        return token;
    });

    /// <summary>Work done in the scope of an existing account, loaded as a request signed in as it loads it.</summary>
    public Task<T> AsUserAsync<T>(string userName, Func<UserScope, AppDb, Task<T>> work) => WithServicesAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no account {userName}");
        var claims = (await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r))
            .Append(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)));
        var scope = services.GetRequiredService<UserScope>();
        await scope.LoadAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return await work(scope, services.GetRequiredService<AppDb>());
    });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public Task WithDbAsync(Func<AppDb, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return 0;
    });

    /// <summary>How many rows each table holds and how many evidence files are stored: a refusal must change none.</summary>
    public Task<string> FootprintAsync() => WithDbAsync(async db =>
    {
        var counts = new SortedDictionary<string, long>
        {
            ["Documents"] = await db.Documents.CountAsync(),
            ["Evidence"] = await db.Evidence.CountAsync(),
            ["ExtensionRequests"] = await db.ExtensionRequests.CountAsync(),
            ["Limitations"] = await db.Limitations.CountAsync(),
            ["ProgressReports"] = await db.ProgressReports.CountAsync(),
            ["RemediationItems"] = await db.RemediationItems.CountAsync(),
            ["Reviews"] = await db.Reviews.CountAsync(),
            ["TaskCoordinators"] = await db.TaskCoordinators.CountAsync(),
            ["TaskEvents"] = await db.TaskEvents.CountAsync(),
            ["TaskPeriods"] = await db.TaskPeriods.CountAsync(),
            ["Tasks"] = await db.Tasks.CountAsync(),
            ["Units"] = await db.Units.CountAsync(),
            ["UnitStats"] = await db.UnitStats.CountAsync(),
            ["UnitStats.Count"] = await db.UnitStats.SumAsync(s => (long)s.Count),
            ["UnitCountSteps"] = await db.UnitCountSteps.CountAsync(),
            ["UnitCountSteps.Total"] = await db.UnitCountSteps.SumAsync(s => (long)s.Total),
            ["evidence files"] = Directory.Exists(EvidenceDirectory) ? Directory.GetFiles(EvidenceDirectory).Length : 0,
        };
        return string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));
    });

    private static async Task SeedReferenceDataAsync(AppDb db)
    {
        db.DocumentTypes.AddRange(
            new DocumentType { Form = SymbolForm.Party, Code = "NQ", Name = "Nghị quyết" },
            new DocumentType { Form = SymbolForm.Party, Code = "CT", Name = "Chỉ thị" },
            new DocumentType { Form = SymbolForm.Party, Code = "KL", Name = "Kết luận" },
            new DocumentType { Form = SymbolForm.Party, Code = "KH", Name = "Kế hoạch" },
            new DocumentType { Form = SymbolForm.Party, Code = "CTr", Name = "Chương trình" },
            new DocumentType { Form = SymbolForm.Party, Code = "QĐ", Name = "Quyết định" },
            new DocumentType { Form = SymbolForm.Party, Code = "QĐ", Name = "Quy định" },
            new DocumentType { Form = SymbolForm.State, Code = "QĐ", Name = "Quyết định" });
        db.Issuers.AddRange(
            new Issuer { Code = "TW", Form = SymbolForm.Party, Name = "Ban Chấp hành Trung ương" },
            new Issuer { Code = "TU", Form = SymbolForm.Party, Name = "Thành ủy Hà Nội" },
            new Issuer { Code = "UBND", Form = SymbolForm.State, Name = "Ủy ban nhân dân Thành phố" });
        db.Terms.AddRange(
            new Term { Name = "2020–2025", StartsOn = new DateOnly(2020, 10, 16), EndsOn = new DateOnly(2025, 10, 15) },
            new Term { Name = "2025–2030", StartsOn = new DateOnly(2025, 10, 16), EndsOn = new DateOnly(2030, 10, 15) });
        await db.SaveChangesAsync();
    }

    private static async Task<TestUnits> SeedUnitsAsync(AppDb db)
    {
        var from = new DateOnly(2025, 7, 1);
        Unit New(string code, string name, UnitType type, Unit? parent, DateOnly? validFrom = null, DateOnly? validTo = null) => new()
        {
            Code = code,
            Name = name,
            Type = type,
            ParentId = parent?.Id,
            ValidFrom = validFrom ?? from,
            ValidTo = validTo,
        };
        var root = New("TU", "Thành ủy Hà Nội", UnitType.TinhUy, null);
        db.Units.Add(root);
        await UnitPaths.SaveAsync(db);
        var baDinh = New("DB01", "Đảng bộ phường Ba Đình", UnitType.DangBoTrucThuoc, root);
        var hoanKiem = New("DB02", "Đảng bộ phường Hoàn Kiếm", UnitType.DangBoTrucThuoc, root);
        var tayHo = New("DB03", "Đảng bộ phường Tây Hồ", UnitType.DangBoTrucThuoc, root);
        var ubnd = New("DB04", "Đảng bộ Ủy ban nhân dân Thành phố", UnitType.DangBoTrucThuoc, root);
        // A district committee dissolved with the 2025 reorganisation: kept, but closed.
        var closed = New("DB99", "Đảng bộ quận Hoàn Kiếm (cũ)", UnitType.DangBoTrucThuoc, root, new DateOnly(2020, 1, 1), from);
        db.Units.AddRange(baDinh, hoanKiem, tayHo, ubnd, closed);
        await UnitPaths.SaveAsync(db);
        var cell = New("DB01-CB1", "Chi bộ khu dân cư số 1", UnitType.ChiBo, baDinh);
        db.Units.Add(cell);
        await UnitPaths.SaveAsync(db);
        return new TestUnits(root, baDinh, hoanKiem, tayHo, ubnd, cell, closed);
    }
}

public sealed class SqliteApp() : TestApp(Provider.Sqlite);

public sealed class PostgresApp() : TestApp(Provider.Postgres);
