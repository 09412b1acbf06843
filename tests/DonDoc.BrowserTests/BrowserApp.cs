using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>The app with the demo data set, shared by the test classes of <see cref="DemoCollection"/>.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    protected override bool DemoData => true;
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoBrowserApp>
{
    public const string Name = "demo data";
}

/// <summary>
/// The app on a real Kestrel port over a SQLite file in a temp directory, with a small unit tree and a
/// clock the test sets, and Debian's chromium driven by Playwright (never a downloaded browser).
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string AdminUserName = "admin";
    // The first start takes the administrator's password from here; the app itself has none built in.
    public const string AdminPassword = "Trinh-duyet-Thu-2026";

    private readonly string _root = Directory.CreateTempSubdirectory("dondoc-browser-").FullName;
    private readonly AppLog _log;
    private IPlaywright? _playwright;

    public BrowserApp() => _log = new AppLog(Path.GetFileName(_root));

    public TestClock Clock { get; } = TestClock.AtLocal(new DateOnly(2026, 4, 6));
    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Unit Root { get; private set; } = null!;
    public IReadOnlyList<Unit> Children { get; private set; } = [];

    /// <summary>Where the tests keep what they leave behind: scripts/test sets ARTIFACTS and prints it.</summary>
    public static string ArtifactsRoot =>
        Environment.GetEnvironmentVariable("ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(AppContext.BaseDirectory, "TestResults");

    /// <summary>Where screenshots go.</summary>
    public static string ArtifactsDirectory => Path.Combine(ArtifactsRoot, "screenshots");

    /// <summary>The demo data set instead of the small tree: pages as the office sees them, full.</summary>
    protected virtual bool DemoData => false;

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        if (DemoData)
            Root = await WithDbAsync(db => db.Units.SingleAsync(u => u.Code == "TU-HN"));
        else
            await SeedAsync();

        Assertions.SetDefaultExpectTimeout(Patience);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        _log.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the OS cleans its temp directory.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DONDOC_DB", $"Data Source={Path.Combine(_root, "dondoc.db")}");
        builder.UseSetting("DonDoc:DemoData", DemoData ? "true" : "false");
        builder.UseSetting("DONDOC_DEMO_PASSWORD", AdminPassword);
        builder.UseSetting("Evidence:Directory", Path.Combine(_root, "evidence"));
        builder.UseSetting("DONDOC_ADMIN_PASSWORD", AdminPassword);
        // Each request's start and end with its time, for the log kept in the artefacts.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        builder.ConfigureLogging(logging => logging.AddProvider(_log));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>
    /// How the tests wait for a page they were sent to: its document parsed, not its load event. On two busy
    /// cores chromium once let a committed page's load event go unreported for 30 s after a form's redirect;
    /// what a test reads next waits for its own element anyway.
    /// </summary>
    public static PageWaitForURLOptions Arrived => new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>Signs the administrator (or another user) in on the sign-in page the app has just sent the browser to.</summary>
    public static async Task SignInAsync(IPage page, string userName = AdminUserName, string password = AdminPassword)
    {
        await page.WaitForURLAsync("**/Accounts/Login?ReturnUrl=*", BrowserApp.Arrived);
        var form = page.Locator("#form-login");
        await form.Locator("[name='Input.UserName']").FillAsync(userName);
        await form.Locator("[name='Input.Password']").FillAsync(password);
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#user-nav")).ToBeAttachedAsync();
    }

    /// <summary>A browser context on the app: a desktop, or a phone (390 × 844, touch), in the given browser language.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool phone = false, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(Patience);
        _log.Watch(context);
        return context;
    }

    // How long a step may wait for the page. On a two-core CI machine with chromium, the test host and LibreOffice
    // sharing it (load average 6–7), a link's page once did not arrive within 30 s; a slow step is not what these
    // tests measure (bench/ does), and a broken one still fails.
    private const float Patience = 60_000;

    /// <summary>Keeps a screenshot as a test artefact: the whole page, or only what the screen shows.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 10_000, $"The screenshot {path} is nearly empty.");
    }

    /// <summary>Runs axe on the page as it stands and fails on any serious or critical violation, naming each.</summary>
    public static async Task ExpectAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — " + string.Join("; ", v.Nodes.Take(5).Select(n => n.Target?.ToString() + " " + n.Html)))
            .ToList();
        Assert.True(bad.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", bad));
    }

    /// <summary>Nothing may make a phone scroll sideways.</summary>
    public static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
    }

    /// <summary>An account of one role in one unit, signing in with <see cref="AdminPassword"/>.</summary>
    public async Task CreateUserAsync(string userName, string role, Unit unit)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, UnitId = unit.Id, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
        if (!(await users.CreateAsync(user, AdminPassword)).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            throw new InvalidOperationException($"Không tạo được tài khoản {userName}.");
    }

    /// <summary>Runs the app's own services (the task workflow, …) to set up what a test starts from.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Reads the app's database directly, to check what the pages did or did not write.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    private async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (!db.Database.GetConnectionString()!.Contains(_root, StringComparison.Ordinal))
            throw new InvalidOperationException("The app under test is not on the test database.");
        var from = new DateOnly(2025, 7, 1);
        Root = new Unit { Code = "TU", Name = "Thành ủy Hà Nội", Type = UnitType.TinhUy, ValidFrom = from };
        db.Units.Add(Root);
        await UnitPaths.SaveAsync(db);
        Children =
        [
            new Unit { Code = "DB01", Name = "Đảng bộ phường Ba Đình", Type = UnitType.DangBoTrucThuoc, ParentId = Root.Id, ValidFrom = from },
            new Unit { Code = "DB02", Name = "Đảng bộ phường Hoàn Kiếm", Type = UnitType.DangBoTrucThuoc, ParentId = Root.Id, ValidFrom = from },
            new Unit { Code = "DB03", Name = "Đảng bộ xã Sóc Sơn", Type = UnitType.DangBoTrucThuoc, ParentId = Root.Id, ValidFrom = from },
        ];
        db.Units.AddRange(Children);
        await UnitPaths.SaveAsync(db);
    }
}
