using System.Globalization;
using System.Text.Encodings.Web;
using DonDoc.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using DonDoc.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Features.Accounts;

/// <summary>
/// Sign-in for people (a cookie) and for programs (a personal access token as a Bearer header), roles
/// as authorization policies, and everything closed unless marked [AllowAnonymous].
/// </summary>
public static class Auth
{
    public const string TokenScheme = "Token";
    // Picks the cookie or the token per request, so that the API accepts either.
    private const string EitherScheme = "CookieOrToken";
    private const string SignedInAtKey = "dondoc.signedInAt";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 5;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Users and roles without the web: what the command-line verbs need to seed accounts.</summary>
    public static IdentityBuilder AddDonDocIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<AppDb>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

    public static IServiceCollection AddDonDocAuth(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<int>>(ConfigureIdentity)
            .AddEntityFrameworkStores<AppDb>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = EitherScheme;
                o.DefaultAuthenticateScheme = EitherScheme;
                o.DefaultChallengeScheme = EitherScheme;
                o.DefaultForbidScheme = EitherScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignOutScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(EitherScheme, "Cookie hoặc mã truy cập", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    // The browser sends the cookie by itself, so a page on another site could make the API act
                    // for its user; the API's forms carry no antiforgery token, so only a token may change things.
                    || (IsApi(http.Request) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
                    ? TokenScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenScheme, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.Cookie.Name = "DonDoc.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                // Programs read status codes; only a person in a browser is sent to the sign-in page.
                if (IsApi(context.Request))
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else
                    context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnSigningIn = context =>
            {
                // Renewals copy the properties, so this marks the first sign-in of the session only.
                context.Properties.Items.TryAdd(SignedInAtKey,
                    context.Options.TimeProvider!.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                // Sliding expiration alone would keep an active session for ever.
                var now = context.Options.TimeProvider!.GetUtcNow().UtcTicks;
                if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var at)
                    || !long.TryParse(at, CultureInfo.InvariantCulture, out var ticks)
                    || now - ticks > AbsoluteTimeout.Ticks)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                // Roles as the account holds them now (from this instance's cache), not as they were at the last stamp check.
                var services = context.HttpContext.RequestServices;
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && int.TryParse(identity.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId)
                    && await services.GetRequiredService<SecurityCache>().UserAsync(services.GetRequiredService<AppDb>(), userId,
                        context.HttpContext.RequestAborted) is { } user)
                {
                    var held = identity.FindAll(identity.RoleClaimType).ToList();
                    if (!user.Roles.SetEquals(held.Select(c => c.Value)))
                    {
                        held.ForEach(identity.RemoveClaim);
                        identity.AddClaims(user.Roles.Select(role => new System.Security.Claims.Claim(identity.RoleClaimType, role)));
                        context.ShouldRenew = true;
                    }
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        // Roles, locks and password resets reach open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Office));
        services.AddSingleton<SecurityCache>();
        services.AddScoped<UserScope>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<Features.Accounts.Users.UserAdmin>();
        return services;
    }

    /// <summary>Loads the user's scope before any page or endpoint runs, so they can filter synchronously.</summary>
    public static IApplicationBuilder UseUserScope(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var scope = http.RequestServices.GetRequiredService<UserScope>();
        await scope.LoadAsync(http.User, http.RequestAborted);
        if (http.User.Identity?.IsAuthenticated == true && !scope.IsAuthenticated)
        {
            // A cookie of an account locked or deleted since its last check: the session ends now, not within the minute.
            // The 401 comes back here as the error page: a second challenge, for that page's path, would
            // send the API to the sign-in page. The error page is open to anyone.
            if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                await next(http);
                return;
            }
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            await http.ChallengeAsync();
            return;
        }
        await next(http);
    });

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

/// <summary>"Authorization: Bearer dd_…" with a personal access token; see <see cref="AccessTokens"/>.</summary>
public sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, AccessTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var principal = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
