using System.Net;
using System.Net.Http.Headers;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Cluster;

/// <summary>
/// Two instances over one database, each caching the tokens and users its requests present: a token revoked, an
/// account locked or a role taken away on A stops working on A at once and on B for every request made after the
/// documented bound (one check interval), without any instance reading those rows while they stay unchanged.
/// </summary>
public abstract class SecurityCacheTests(TestApp app) : IAsyncLifetime
{
    private OtherInstance _a = null!;
    private OtherInstance _b = null!;

    public Task InitializeAsync()
    {
        _a = new OtherInstance(app, onKestrel: true);
        _b = new OtherInstance(app, onKestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [DbFact]
    public async Task A_token_revoked_on_A_is_refused_on_A_at_once_and_on_B_after_the_bound()
    {
        var (userId, token) = await UserAsync(Roles.OfficeStaff);
        using var onA = Client(_a, token);
        using var onB = Client(_b, token);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, "/api/tasks"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onA, "/api/tasks"));

        var tokenId = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync());
        Assert.True(await OnAsync(_a, services => services.GetRequiredService<AccessTokens>().RevokeAsync(userId, tokenId)));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onA, "/api/tasks"));
        await WaitTheBoundAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onB, "/api/tasks"));
    }

    [DbFact]
    public async Task An_account_locked_on_A_is_refused_everywhere_after_the_bound()
    {
        var (userId, token) = await UserAsync(Roles.OfficeStaff);
        using var onA = Client(_a, token);
        using var onB = Client(_b, token);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, "/api/tasks"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onA, "/api/tasks"));

        await OnAsync(_a, async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId.ToString());
            Assert.True((await users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue)).Succeeded);
            return true;
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onA, "/api/tasks"));
        await WaitTheBoundAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onB, "/api/tasks"));
    }

    [DbFact]
    public async Task A_role_taken_away_on_A_forbids_its_actions_everywhere_after_the_bound()
    {
        var (userId, token) = await UserAsync(Roles.OfficeStaff);
        using var onA = Client(_a, token);
        using var onB = Client(_b, token);
        // Registering a document takes an office role: with it, an empty body is refused as incomplete (400), without it, 403.
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync(onB, "/api/documents"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync(onA, "/api/documents"));

        await OnAsync(_a, async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId.ToString());
            Assert.True((await users.RemoveFromRoleAsync(user!, Roles.OfficeStaff)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user!, Roles.Viewer)).Succeeded);
            return true;
        });

        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(onA, "/api/documents"));
        await WaitTheBoundAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(onB, "/api/documents"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, "/api/tasks"));
    }

    [DbFact]
    public async Task While_nothing_changes_an_instance_reads_no_token_or_account_row()
    {
        var (userId, token) = await UserAsync(Roles.OfficeStaff);
        using var onB = Client(_b, token);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, "/api/tasks"));

        // Revoked behind the application's back (no version raised): B, which knows the token, reads neither row again.
        await app.WithDbAsync(db => db.AccessTokens.Where(t => t.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, DateTime.UtcNow)));
        await WaitTheBoundAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, "/api/tasks"));

        // Any change of access raises the version, and the next check drops what B kept.
        await app.WithDbAsync(db => SecurityCache.BumpAsync(db, CancellationToken.None));
        await WaitTheBoundAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onB, "/api/tasks"));
    }

    private async Task<(int UserId, string Token)> UserAsync(string role)
    {
        var user = await app.CreateUserAsync($"cache-{Guid.NewGuid():N}"[..20], role, app.Units.BaDinh);
        return (user.Id, await app.TokenForAsync(user.UserName!));
    }

    // The documented bound: a request that starts one check interval after the change has committed sees it.
    private Task WaitTheBoundAsync() =>
        Task.Delay(_b.Services.GetRequiredService<SecurityCache>().Interval + TimeSpan.FromMilliseconds(50));

    private static async Task<T> OnAsync<T>(OtherInstance instance, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> PostStatusAsync(HttpClient client, string url)
    {
        using var response = await client.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private static HttpClient Client(OtherInstance instance, string token)
    {
        var client = new HttpClient { BaseAddress = instance.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class SecurityCacheOnSqlite(SqliteApp app) : SecurityCacheTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class SecurityCacheOnPostgres(PostgresApp app) : SecurityCacheTests(app), IClassFixture<PostgresApp>;
