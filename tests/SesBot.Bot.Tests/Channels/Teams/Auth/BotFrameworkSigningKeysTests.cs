using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>How the signing keys are fetched and refreshed: rotation, the periodic refresh, outages.</summary>
public sealed class BotFrameworkSigningKeysTests : IAsyncLifetime
{
    private readonly TestSigningKey _old = new("key-old", 0, "msteams");
    private readonly TestSigningKey _new = new("key-new", 1, "msteams");
    private AuthHarness _auth = null!;

    public async Task InitializeAsync() => _auth = await AuthHarness.StartAsync(AuthHarness.AppId, _old);

    public async Task DisposeAsync() => await _auth.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_KeysRotated_NewKeyAcceptedOnceTheMinimumIntervalHasPassed()
    {
        Assert.True((await _auth.AuthenticateActivityAsync(_auth.Token(_old))).Succeeded);
        _auth.Server.Publish(_new);

        // An unknown kid right after a fetch does not fetch again (a stream of bogus kids cannot hammer the metadata).
        Assert.Equal(401, (await _auth.AuthenticateActivityAsync(_auth.Token(_new))).StatusCode);
        Assert.Equal(1, _auth.Server.KeysRequests);

        _auth.Clock.Advance(TimeSpan.FromMinutes(5));
        var rotated = await _auth.AuthenticateActivityAsync(_auth.Token(_new));

        Assert.True(rotated.Succeeded, rotated.FailureReason);
        Assert.Equal(2, _auth.Server.KeysRequests);
        Assert.Equal(401, (await _auth.AuthenticateActivityAsync(_auth.Token(_old))).StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_RefreshIntervalPassed_KeysFetchedAgainEvenForAKnownKid()
    {
        Assert.True((await _auth.AuthenticateActivityAsync(_auth.Token(_old))).Succeeded);
        _auth.Clock.Advance(TimeSpan.FromHours(11));
        Assert.True((await _auth.AuthenticateActivityAsync(_auth.Token(_old))).Succeeded);
        Assert.Equal(1, _auth.Server.KeysRequests);

        // The old key is withdrawn; after the refresh interval it is no longer trusted.
        _auth.Server.Publish(_new);
        _auth.Clock.Advance(TimeSpan.FromHours(1));
        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_old));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(2, _auth.Server.MetadataRequests);
        Assert.Equal(2, _auth.Server.KeysRequests);
        Assert.True((await _auth.AuthenticateActivityAsync(_auth.Token(_new))).Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_ConcurrentFirstRequests_KeysFetchedOnce()
    {
        var token = _auth.Token(_old);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _auth.AuthenticateActivityAsync(token)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(1, _auth.Server.KeysRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachableAndNoKeys_503ThenRecovers()
    {
        _auth.Server.Failing = true;

        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_old));

        Assert.Equal(InboundAuthStatus.Unavailable, result.Status);
        Assert.Equal(503, result.StatusCode);
        Assert.Contains(_auth.Logs.Lines, l => l.Contains(" 2006 ", StringComparison.Ordinal));

        _auth.Server.Failing = false;
        _auth.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await _auth.AuthenticateActivityAsync(_auth.Token(_old))).Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_RefreshFails_PreviousKeysKept()
    {
        Assert.True((await _auth.AuthenticateActivityAsync(_auth.Token(_old))).Succeeded);
        _auth.Server.Failing = true;
        _auth.Clock.Advance(TimeSpan.FromHours(12));

        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_old));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, _auth.Server.MetadataRequests);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("not a url")]
    public void AddBotFrameworkAuthentication_MetadataUrlNotHttps_FailsOptionsValidation(string url)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AuthHarness.AppId,
            ["Teams:OpenIdMetadataUrl"] = url,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddBotFrameworkAuthentication(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);
    }

    [Fact]
    public void AddBotFrameworkAuthentication_RefreshIntervalOverADay_FailsOptionsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:SigningKeysRefreshInterval"] = "2.00:00:00",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddBotFrameworkAuthentication(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);
    }

    [Fact]
    public void AddBotFrameworkAuthentication_Defaults_PointAtTheBotFrameworkMetadata()
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddBotFrameworkAuthentication(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TeamsOptions>>().Value;

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.True(options.IsLocalMode);
        Assert.NotNull(provider.GetRequiredService<BotFrameworkAuthenticator>());
    }
}
