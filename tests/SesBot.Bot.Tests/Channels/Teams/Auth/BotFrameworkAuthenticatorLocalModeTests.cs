using System.Net;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>Local mode (no Teams:AppId): anonymous from loopback only; a token is still checked, and cannot pass.</summary>
public sealed class BotFrameworkAuthenticatorLocalModeTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", 0, "msteams");
    private AuthHarness _auth = null!;

    public async Task InitializeAsync() => _auth = await AuthHarness.StartAsync(appId: null, _key);

    public async Task DisposeAsync() => await _auth.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.20.30")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task AuthenticateAsync_NoTokenFromLoopback_AcceptedAsAnonymous(string address)
    {
        var result = await _auth.Authenticator.AuthenticateAsync(null, IPAddress.Parse(address), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.Equal(BotFrameworkAuthenticator.AnonymousAuthenticationType, result.Identity?.AuthenticationType);
        Assert.Same(result, _auth.Authenticator.AuthorizeActivity(result, "msteams", "http://127.0.0.1:56150/_connector"));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("52.112.0.10")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("fe80::1")]
    [InlineData(null)]
    public async Task AuthenticateAsync_NoTokenFromElsewhere_401(string? address)
    {
        var remote = address is null ? null : IPAddress.Parse(address);

        var result = await _auth.Authenticator.AuthenticateAsync(null, remote, CancellationToken.None);

        Assert.Equal(InboundAuthStatus.Unauthorized, result.Status);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("loopback", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenPresentFromLoopback_ValidatedAndRejected()
    {
        var result = await _auth.Authenticator.AuthenticateAsync("Bearer " + _auth.Token(_key), IPAddress.Loopback, CancellationToken.None);

        Assert.Equal(InboundAuthStatus.Unauthorized, result.Status);
        Assert.Contains("audience", result.FailureReason, StringComparison.Ordinal);
        Assert.False(result.IsAnonymous);
    }

    [Fact]
    public async Task AuthenticateAsync_GarbageTokenFromLoopback_401NotAnonymous()
    {
        var result = await _auth.Authenticator.AuthenticateAsync("Bearer x", IPAddress.Loopback, CancellationToken.None);

        Assert.Equal(InboundAuthStatus.Unauthorized, result.Status);
    }
}
