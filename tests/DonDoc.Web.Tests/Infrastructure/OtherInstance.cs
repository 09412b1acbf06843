using DonDoc.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>
/// One more instance of the application over a test app's database and settings, as a second
/// server of a cluster would be; on its own Kestrel port when the test talks to it over HTTP.
/// </summary>
public sealed class OtherInstance : WebApplicationFactory<Program>
{
    private readonly TestApp _app;

    public OtherInstance(TestApp app, bool onKestrel = false)
    {
        _app = app;
        if (!onKestrel)
            return;
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        Token = app.TokenForAsync(AccountSeed.AdminUserName).GetAwaiter().GetResult();
    }

    public Uri? Address { get; }

    /// <summary>An administrator's access token, for the API of a Kestrel instance.</summary>
    public string? Token { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => _app.ConfigureInstance(builder);
}
