using System.Net;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Accounts;

/// <summary>Signing in through the page: the password policy, lockout, sessions that end, and the administrator's account pages.</summary>
public abstract class SignInTests(TestApp app)
{
    private const string Password = "Mat-khau-Ba-Dinh-2026";

    [DbFact]
    public async Task A_person_signs_in_is_sent_back_where_they_were_and_signs_out()
    {
        var name = await NewUserAsync(Roles.Viewer);
        using var browser = Browser();
        // The sign-in page needs its stylesheet before anyone has signed in.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/css/site.css")).StatusCode);
        var asked = await browser.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/Accounts/Login?ReturnUrl=", asked.Headers.Location!.PathAndQuery);

        var signedIn = await SignInAsync(browser, name, Password, returnUrl: "/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Tasks", signedIn.Headers.Location!.ToString());
        var page = await browser.GetStringAsync("/Tasks");
        Assert.Contains("id=\"user-nav\"", page);
        // The API takes the same cookie as the pages.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);

        var logout = PageForm.Of(await PageForm.ParseAsync(await browser.GetAsync("/Tasks")), "form-logout");
        Assert.Equal(HttpStatusCode.Redirect, (await logout.PostAsync(browser)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/tasks")).StatusCode);
    }

    [DbFact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var name = await NewUserAsync(Roles.Viewer);
        using var browser = Browser();
        var signedIn = await SignInAsync(browser, name, Password, returnUrl: "https://lua-dao.example/dang-nhap");
        Assert.Equal("/", signedIn.Headers.Location!.ToString());
    }

    [DbFact]
    public async Task A_foreign_host_is_never_echoed_into_a_redirect()
    {
        var name = await NewUserAsync(Roles.Viewer);
        using var browser = Browser();
        foreach (var url in new[] { "/Tasks", "/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example";
            using var response = await browser.SendAsync(request);
            Assert.DoesNotContain("evil.example", response.Headers.Location?.ToString() ?? "");
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        // The host the application is configured for still works.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, name, Password)).StatusCode);
    }

    [DbFact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_administrator_unlocks_it()
    {
        var name = await NewUserAsync(Roles.Viewer);
        using var browser = Browser();
        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser, name, "Sai-mat-khau-" + i)).StatusCode);
        // Locked: the right password is refused, with the words every refusal gets, which name the lockout.
        var locked = await PageForm.ParseAsync(await SignInAsync(browser, name, Password));
        Assert.Contains("tạm khóa", string.Join(" ", PageForm.Problems(locked)));
        Assert.Contains("15 phút", string.Join(" ", PageForm.Problems(locked)));

        using var admin = await AdminBrowserAsync();
        var id = await UserIdAsync(name);
        var edit = await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}"));
        Assert.Contains("Tạm khóa", edit.GetElementById("user-state")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForm.Of(edit, "form-user-unlock").PostAsync(admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, name, Password)).StatusCode);
    }

    [DbFact]
    public async Task An_unknown_name_gets_the_same_answer_as_a_wrong_password()
    {
        using var browser = Browser();
        var unknown = PageForm.Problems(await PageForm.ParseAsync(await SignInAsync(browser, "khong-ton-tai", Password)));
        var name = await NewUserAsync(Roles.Viewer);
        var wrong = PageForm.Problems(await PageForm.ParseAsync(await SignInAsync(browser, name, "Sai-mat-khau-0")));
        Assert.Equal(wrong, unknown);
        Assert.Contains("không đúng", Assert.Single(unknown));
    }

    [DbFact]
    public async Task Unknown_known_and_locked_names_get_the_same_words_and_the_same_password_check()
    {
        var name = await NewUserAsync(Roles.Viewer);
        var hashes = new CountingHasher();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IPasswordHasher<AppUser>>(_ => hashes)));
        using var browser = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Seven tries each: the last two, one with the right password, meet the lockout of a real account.
        for (var i = 1; i <= 7; i++)
        {
            var password = i == 7 ? Password : "Sai-mat-khau-" + i;
            var before = hashes.Verified;
            var known = PageForm.Problems(await PageForm.ParseAsync(await SignInAsync(browser, name, password)));
            Assert.Equal(before + 1, hashes.Verified);
            var unknown = PageForm.Problems(await PageForm.ParseAsync(await SignInAsync(browser, "khong-co-" + name, password)));
            Assert.Equal(before + 2, hashes.Verified);
            Assert.Equal(known, unknown);
            Assert.DoesNotContain("Còn", string.Join(" ", known));
        }
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [DbFact]
    public async Task A_locked_accounts_cookie_gets_401_from_the_api_not_a_redirect()
    {
        var name = await NewUserAsync(Roles.Viewer);
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, name, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);
        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(name))!;
            return await users.SetLockoutEndDateAsync(user, app.Clock.GetUtcNow().AddHours(1));
        });
        var api = await browser.GetAsync("/api/tasks");
        Assert.True(api.StatusCode == HttpStatusCode.Unauthorized, $"{api.StatusCode} {api.Headers.Location}");
        Assert.Null(api.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Tasks")).StatusCode);
    }

    [DbFact]
    public async Task A_session_ends_after_thirty_idle_minutes_and_after_eight_hours_in_any_case()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            var name = await NewUserAsync(Roles.Viewer);
            using var idle = Browser();
            await SignInAsync(idle, name, Password);
            app.Clock.Advance(TimeSpan.FromMinutes(29));
            Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/Tasks")).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(31));
            Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/Tasks")).StatusCode);

            app.Clock.Set(start);
            using var busy = Browser();
            await SignInAsync(busy, name, Password);
            // Active every twenty minutes: the sliding window keeps the session until the eighth hour.
            for (var minutes = 20; minutes < 8 * 60; minutes += 20)
            {
                app.Clock.Set(start.AddMinutes(minutes));
                Assert.True((await busy.GetAsync("/Tasks")).StatusCode == HttpStatusCode.OK, $"signed out after {minutes} minutes");
            }
            app.Clock.Set(start.AddMinutes(8 * 60 + 5));
            Assert.Equal(HttpStatusCode.Redirect, (await busy.GetAsync("/Tasks")).StatusCode);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task Changing_ones_password_follows_the_policy_in_Vietnamese()
    {
        var name = await NewUserAsync(Roles.Viewer);
        using var browser = Browser();
        await SignInAsync(browser, name, Password);
        async Task<IReadOnlyList<string>> ChangeAsync(string current, string next, string confirm)
        {
            var form = PageForm.Of(await PageForm.ParseAsync(await browser.GetAsync("/Accounts/ChangePassword")), "form-change-password");
            form["Input.Current"] = current;
            form["Input.New"] = next;
            form["Input.Confirm"] = confirm;
            var response = await form.PostAsync(browser);
            return response.StatusCode == HttpStatusCode.Redirect ? [] : PageForm.Problems(await PageForm.ParseAsync(response));
        }

        Assert.Equal(["Mật khẩu hiện tại không đúng."], await ChangeAsync("Sai-mat-khau-1", "Mat-khau-moi-2026", "Mat-khau-moi-2026"));
        Assert.Equal(["Hai lần nhập mật khẩu mới không giống nhau."], await ChangeAsync(Password, "Mat-khau-moi-2026", "Mat-khau-khac-2026"));
        var weak = await ChangeAsync(Password, "aaaa", "aaaa");
        Assert.Contains("Mật khẩu phải dài ít nhất 10 ký tự.", weak);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0–9).", weak);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa (A–Z).", weak);
        Assert.Contains("Mật khẩu phải có ít nhất 5 ký tự khác nhau.", weak);

        Assert.Empty(await ChangeAsync(Password, "Mat-khau-moi-2026", "Mat-khau-moi-2026"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Tasks")).StatusCode);
        using var again = Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(again, name, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(again, name, "Mat-khau-moi-2026")).StatusCode);
    }

    [DbFact]
    public async Task The_administrator_creates_accounts_resets_passwords_and_locks_them()
    {
        using var admin = await AdminBrowserAsync();
        var create = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync("/Accounts/Users/Create")), "form-user-create");
        create["Input.UserName"] = "nguyen.van.binh";
        create["Input.Account.DisplayName"] = "Nguyễn Văn Bình";
        create["Input.Account.UnitCode"] = app.Units.BaDinh.Code;
        create["Input.Account.Roles"] = Roles.Leader;
        create["Input.Password"] = "ngan";
        var refused = PageForm.Problems(await PageForm.ParseAsync(await create.PostAsync(admin)));
        Assert.Contains("Mật khẩu phải dài ít nhất 10 ký tự.", refused);

        create["Input.Password"] = null;
        create["Input.Account.UnitCode"] = null;
        Assert.Contains("Nhập mã đơn vị", string.Join(" ", PageForm.Problems(await PageForm.ParseAsync(await create.PostAsync(admin)))));
        create["Input.Account.UnitCode"] = app.Units.BaDinh.Code;
        var created = await PageForm.ParseAsync(await create.PostAsync(admin));
        var drawn = created.GetElementById("user-password")!.TextContent;
        using (var binh = Browser())
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(binh, "nguyen.van.binh", drawn)).StatusCode);

        var id = await UserIdAsync("nguyen.van.binh");
        var edit = await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}"));
        var reset = PageForm.Of(edit, "form-user-reset");
        reset["Reset.Password"] = "Mat-khau-cap-lai-2026";
        Assert.Equal(HttpStatusCode.Redirect, (await reset.PostAsync(admin)).StatusCode);
        using (var binh = Browser())
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(binh, "nguyen.van.binh", drawn)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(binh, "nguyen.van.binh", "Mat-khau-cap-lai-2026")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await binh.GetAsync("/Tasks")).StatusCode);

            var roles = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}")), "form-user-edit");
            Assert.Equal(Roles.Leader, roles["Account.Roles"]);
            var locked = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}")), "form-user-lock");
            Assert.Equal(HttpStatusCode.Redirect, (await locked.PostAsync(admin)).StatusCode);
            Assert.Contains("Đã khóa", (await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}"))).GetElementById("user-state")!.TextContent);
            // The open session ends with the next request, not when the cookie is next checked.
            Assert.Equal(HttpStatusCode.Redirect, (await binh.GetAsync("/Tasks")).StatusCode);
            Assert.Contains("tạm khóa", string.Join(" ", PageForm.Problems(await PageForm.ParseAsync(await SignInAsync(binh, "nguyen.van.binh", "Mat-khau-cap-lai-2026")))));
        }
    }

    [DbFact]
    public async Task The_last_administrator_cannot_be_demoted()
    {
        using var admin = await AdminBrowserAsync();
        var id = await UserIdAsync(AccountSeed.AdminUserName);
        var form = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}")), "form-user-edit");
        form["Account.Roles"] = Roles.Viewer;
        form["Account.UnitCode"] = app.Units.Root.Code;
        var problems = PageForm.Problems(await PageForm.ParseAsync(await form.PostAsync(admin)));
        Assert.Contains("quản trị hệ thống duy nhất", string.Join(" ", problems));
    }

    [DbFact]
    public async Task An_account_changed_since_its_form_was_opened_is_not_overwritten()
    {
        using var admin = await AdminBrowserAsync();
        var name = await NewUserAsync(Roles.Viewer);
        var id = await UserIdAsync(name);
        var first = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}")), "form-user-edit");
        var second = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync($"/Accounts/Users/Edit/{id}")), "form-user-edit");
        first.Add("Account.Roles", Roles.Inspector);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync(admin)).StatusCode);

        second["Account.DisplayName"] = "Trần Thị Thanh";
        var refused = await PageForm.ParseAsync(await second.PostAsync(admin));
        var message = string.Join(" ", PageForm.Problems(refused));
        Assert.Contains("chưa được lưu", message);
        Assert.Contains($"Vai trò: {Roles.Label(Roles.Viewer)} → {Roles.Label(Roles.Viewer)} + {Roles.Label(Roles.Inspector)}", message);
        Assert.Equal([Roles.Inspector, Roles.Viewer], await RolesOfAsync(name));

        // The refusal shows the account as it is now; saved from there, both changes stand.
        var again = PageForm.Of(refused, "form-user-edit");
        Assert.NotEqual("Trần Thị Thanh", again["Account.DisplayName"]);
        again["Account.DisplayName"] = "Trần Thị Thanh";
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(admin)).StatusCode);
        Assert.Equal([Roles.Inspector, Roles.Viewer], await RolesOfAsync(name));
        Assert.Equal("Trần Thị Thanh", await app.WithServicesAsync(async services =>
            (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name))!.DisplayName));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> AdminBrowserAsync()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, AccountSeed.AdminUserName, TestApp.AdminPassword)).StatusCode);
        return browser;
    }

    private async Task<string> NewUserAsync(string role)
    {
        var name = $"nguoi-dung-{Guid.NewGuid():N}"[..24];
        await app.CreateUserAsync(name, role, app.Units.BaDinh, Password);
        return name;
    }

    private Task<List<string>> RolesOfAsync(string name) => app.WithServicesAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetRolesAsync((await users.FindByNameAsync(name))!)).Order(StringComparer.Ordinal).ToList();
    });

    private Task<int> UserIdAsync(string name) => app.WithServicesAsync(async services =>
        (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name))!.Id);

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string password, string? returnUrl = null)
    {
        var url = "/Accounts/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = PageForm.Of(await PageForm.ParseAsync(await browser.GetAsync(url)), "form-login");
        form["Input.UserName"] = name;
        form["Input.Password"] = password;
        return await form.PostAsync(browser);
    }

    [DbFact]
    public async Task An_account_and_its_roles_are_saved_together_or_not_at_all()
    {
        var name = $"nguoidung.{Guid.NewGuid():N}"[..24];
        Task<(int, int)> CountAsync() => app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.AuditEntries.CountAsync()));
        var before = await CountAsync();
        var result = await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var admin = services.GetRequiredService<Features.Accounts.Users.UserAdmin>();
            // The account is written, then a later step is refused: the account must go with it.
            return await admin.AllOrNothingAsync(async () =>
            {
                var created = await users.CreateAsync(new AppUser { UserName = name, DisplayName = "Người thử", UnitId = app.Units.TayHo.Id }, "Thu-nghiem-2026A");
                Assert.True(created.Succeeded);
                return IdentityResult.Failed(new IdentityError { Code = "Test", Description = "Bước sau bị từ chối." });
            }, CancellationToken.None);
        });
        Assert.False(result.Succeeded);
        Assert.Equal(before, await CountAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)));
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class SignInOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
