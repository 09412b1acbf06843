using System.Net;
using System.Net.Http.Headers;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Accounts;

/// <summary>Personal access tokens: made and revoked by their owner on a page, shown once, kept only as a hash.</summary>
public abstract class TokenTests(TestApp app)
{
    private const string Password = "Mat-khau-Tay-Ho-2026";

    [DbFact]
    public async Task A_token_made_on_the_page_opens_the_API_until_it_is_revoked()
    {
        var name = $"lap-trinh-{Guid.NewGuid():N}"[..20];
        await app.CreateUserAsync(name, Roles.Viewer, app.Units.TayHo, Password);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = PageForm.Of(await PageForm.ParseAsync(await browser.GetAsync("/Accounts/Login")), "form-login");
        login["Input.UserName"] = name;
        login["Input.Password"] = Password;
        Assert.Equal(HttpStatusCode.Redirect, (await login.PostAsync(browser)).StatusCode);

        var form = PageForm.Of(await PageForm.ParseAsync(await browser.GetAsync("/Accounts/Tokens")), "form-token");
        form["Input.Name"] = "";
        Assert.Contains("Đặt tên", string.Join(" ", PageForm.Problems(await PageForm.ParseAsync(await form.PostAsync(browser)))));
        form["Input.Name"] = "Bảng tổng hợp tuần";
        form["Input.Days"] = "30";
        var created = await form.PostAsync(browser);
        Assert.True(created.Headers.CacheControl?.NoStore, "the answer holding the secret may be stored");
        var token = (await PageForm.ParseAsync(created)).GetElementById("token-secret")!.TextContent.Trim();
        Assert.StartsWith(AccessTokens.Marker, token);

        // Shown once: neither the list nor the database holds it.
        var list = await browser.GetStringAsync("/Accounts/Tokens");
        Assert.DoesNotContain(token, list);
        Assert.Contains(token[..10], list);
        var stored = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.Name == "Bảng tổng hợp tuần").SingleAsync());
        Assert.NotEqual(token, stored.Hash);
        Assert.Equal(AccessTokens.HashOf(token), stored.Hash);

        using var program = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await program.GetAsync($"/api/units/{app.Units.BaDinh.Id}")).StatusCode);

        var revoke = PageForm.Of(await PageForm.ParseAsync(await browser.GetAsync("/Accounts/Tokens")), "form-token");
        var revoked = await browser.PostAsync($"/Accounts/Tokens?handler=Revoke&tokenId={stored.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", revoke["__RequestVerificationToken"]!)]));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await program.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [DbFact]
    public async Task Forged_expired_and_locked_out_tokens_are_refused_with_401()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            using var anonymous = app.AnonymousClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks")).StatusCode);
            foreach (var forged in new[] { "dd_khong-phai-ma-that", "abc", AccessTokens.NewSecret().Token })
                Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(forged).GetAsync("/api/tasks")).StatusCode);

            var user = await app.CreateUserAsync($"het-han-{Guid.NewGuid():N}"[..16], Roles.Viewer, app.Units.TayHo);
            var token = await app.WithDbAsync(async db =>
                (await AccessTokens.AddAsync(db, user.Id, "một ngày", app.Clock.GetUtcNow().UtcDateTime, days: 1)).Token);
            using var program = Bearer(token);
            Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/tasks")).StatusCode);
            app.Clock.Advance(TimeSpan.FromDays(2));
            Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/tasks")).StatusCode);

            app.Clock.Set(start);
            var locked = await app.WithDbAsync(async db =>
                (await AccessTokens.AddAsync(db, user.Id, "bị khóa", app.Clock.GetUtcNow().UtcDateTime, days: null)).Token);
            // Locked as the application locks (through its save, which tells every instance's cache), not behind its back.
            await app.WithServicesAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<AppUser>>();
                return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.UtcNow.AddYears(1));
            });
            Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(locked).GetAsync("/api/tasks")).StatusCode);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task No_one_revokes_another_users_token()
    {
        var owner = await app.CreateUserAsync($"chu-so-huu-{Guid.NewGuid():N}"[..20], Roles.Viewer, app.Units.TayHo);
        var (row, token) = await app.WithDbAsync(async db => await AccessTokens.AddAsync(db, owner.Id, "của người khác", app.Clock.GetUtcNow().UtcDateTime, null));
        using var admin = app.AdminClient();
        var page = PageForm.Of(await PageForm.ParseAsync(await admin.GetAsync("/Accounts/Tokens")), "form-token");
        var response = await admin.PostAsync($"/Accounts/Tokens?handler=Revoke&tokenId={row.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", page["__RequestVerificationToken"]!)]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/tasks")).StatusCode);
    }

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class TokensOnSqlite(SqliteApp app) : TokenTests(app), IClassFixture<SqliteApp>
{
    /// <summary>The command-line verb prints the token and nothing else, so a script can capture it.</summary>
    [Fact]
    public async Task The_token_verb_prints_only_a_working_token()
    {
        await app.CreateUserAsync("may-chu-bao-cao", Roles.Viewer, app.Units.HoanKiem);
        var (exitCode, output, error) = await RunAsync("token", "create", "may-chu-bao-cao");
        Assert.True(exitCode == 0, error);
        var token = output.Trim();
        Assert.Matches("^dd_[A-Za-z0-9_-]{43}$", token);
        using var program = app.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync($"/api/units/{app.Units.HoanKiem.Id}")).StatusCode);

        var unknown = await RunAsync("token", "create", "khong-co-ai");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Không có tài khoản", unknown.Error);
        Assert.Equal("", unknown.Output);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        Verb.RunAsync(app.ConnectionString, Path.GetTempPath(), args);
}

[OnPostgres]
public sealed class TokensOnPostgres(PostgresApp app) : TokenTests(app), IClassFixture<PostgresApp>;
