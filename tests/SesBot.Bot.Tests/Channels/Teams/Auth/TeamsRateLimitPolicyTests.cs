using System.Net;
using Microsoft.AspNetCore.Http;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>
/// Requests are counted per caller: the validated token's serviceurl/appid claim, else the remote address. A token
/// that was never validated cannot choose its partition.
/// </summary>
public sealed class TeamsRateLimitPolicyTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", 0, "msteams");
    private AuthHarness _auth = null!;
    private TeamsRateLimitPolicy _policy = null!;

    public async Task InitializeAsync()
    {
        _auth = await AuthHarness.StartAsync(AuthHarness.AppId, _key);
        _policy = new TeamsRateLimitPolicy(new TeamsRateLimitOptions(), (AuthenticatedCallers)_auth.Services.GetService(typeof(AuthenticatedCallers))!);
    }

    public async Task DisposeAsync() => await _auth.DisposeAsync();

    [Fact]
    public async Task PartitionOf_ValidatedToken_TheCallerFromAnyAddress()
    {
        var token = _auth.Token(_key);
        Assert.True((await _auth.AuthenticateAsync("Bearer " + token)).Succeeded);

        Assert.Equal("caller:" + AuthHarness.ServiceUrl, _policy.PartitionOf(Request("Bearer " + token, "52.112.0.10")));
        Assert.Equal("caller:" + AuthHarness.ServiceUrl, _policy.PartitionOf(Request("Bearer " + token, "52.112.0.11")));
    }

    [Fact]
    public async Task PartitionOf_TokenWithAnAppIdClaim_TheAppId()
    {
        var token = _auth.Token(_key, d => d.Claims["appid"] = "caller-app");
        Assert.True((await _auth.AuthenticateAsync("Bearer " + token)).Succeeded);

        Assert.Equal("caller:caller-app", _policy.PartitionOf(Request("Bearer " + token, "52.112.0.10")));
    }

    [Fact]
    public async Task PartitionOf_ForgedOrUnseenToken_TheRemoteAddress()
    {
        var forged = _auth.Token(new TestSigningKey("key-1", 2, "msteams"), d => d.Claims["appid"] = "someone-else");
        Assert.False((await _auth.AuthenticateAsync("Bearer " + forged)).Succeeded);

        Assert.Equal("address:203.0.113.7", _policy.PartitionOf(Request("Bearer " + forged, "203.0.113.7")));
        Assert.Equal("address:203.0.113.7", _policy.PartitionOf(Request("Bearer " + _auth.Token(_key), "::ffff:203.0.113.7")));
        Assert.Equal("address:203.0.113.7", _policy.PartitionOf(Request(null, "203.0.113.7")));
    }

    [Fact]
    public async Task PartitionOf_ExpiredToken_TheRemoteAddressAgain()
    {
        var token = _auth.Token(_key);
        Assert.True((await _auth.AuthenticateAsync("Bearer " + token)).Succeeded);

        _auth.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal("address:203.0.113.7", _policy.PartitionOf(Request("Bearer " + token, "203.0.113.7")));
    }

    private static DefaultHttpContext Request(string? authorization, string remote)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }
}
