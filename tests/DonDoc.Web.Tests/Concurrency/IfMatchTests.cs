using System.Net;
using System.Security.Claims;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DonDoc.Web.Tests.Concurrency;

/// <summary>How the API reads the version a client read, and how a change's author and address are taken from the request.</summary>
public sealed class IfMatchTests
{
    [Theory]
    [InlineData(null, true, null)]
    [InlineData("*", true, null)]
    [InlineData("\"3\"", true, 3)]
    [InlineData("W/\"3\"", true, 3)]
    [InlineData("3", true, 3)]
    [InlineData("\"3\", \"4\"", false, null)]
    [InlineData("\"ba\"", false, null)]
    [InlineData("\"-1\"", false, null)]
    public void If_match_names_one_version_or_none(string? header, bool valid, int? version)
    {
        Assert.Equal(valid, Versions.TryParseIfMatch(header is null ? StringValues.Empty : new StringValues(header), out var parsed));
        Assert.Equal(version, parsed);
    }

    [Fact]
    public void The_actor_is_the_signed_in_user_and_the_remote_address()
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:192.0.2.10");
        Assert.Equal(new Actor(Actor.Anonymous, "192.0.2.10"), Actor.Of(http));
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "canbo.badinh")], "Cookies"));
        Assert.Equal(new Actor("canbo.badinh", "192.0.2.10"), Actor.Of(http));
        Assert.Equal(new Actor(Actor.System, null), Actor.Of(null));
    }
}
