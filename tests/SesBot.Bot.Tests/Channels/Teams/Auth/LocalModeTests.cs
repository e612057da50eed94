using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>
/// Local mode fails closed: tokenless requests only when no credential of any kind is configured AND every address the
/// server listens on is loopback.
/// </summary>
public sealed class LocalModeTests
{
    private readonly TestSigningKey _key = new("key-1", 0, "msteams");

    [Theory]
    [InlineData("Teams:AppId")]
    [InlineData("Teams:AppPassword")]
    [InlineData("Teams:TenantId")]
    [InlineData("Slack:BotToken")]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Slack:Anything:Nested")]
    [InlineData("Aws:AccessKeyId")]
    [InlineData("Aws:Region")]
    [InlineData("Smtp:User")]
    [InlineData("Smtp:Password")]
    [InlineData("PartnerCenter:ClientSecret")]
    public void From_AnyCredentialConfigured_NotLocal(string key)
    {
        var configuration = Configuration(new() { [key] = "value" });

        Assert.False(LocalMode.From(configuration).IsLocal);
        Assert.Equal([key], CredentialSettings.Configured(configuration));
    }

    [Fact]
    public void From_OnlyNonCredentialsOrEmptyValues_Local()
    {
        var configuration = Configuration(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Teams:AppId"] = " ",
            ["Slack:BotToken"] = string.Empty,
            ["Database:Provider"] = "Sqlite",
        });

        Assert.True(LocalMode.From(configuration).IsLocal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("https://localhost:5001", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://10.0.0.4:3978", false)]
    [InlineData("http://bot.example.com:80", false)]
    [InlineData("http://unix:/tmp/sesbot.sock", false)]
    [InlineData("http://pipe:/sesbot", false)]
    public void IsLoopback_ServerAddress(string address, bool expected) => Assert.Equal(expected, LocalModeGuard.IsLoopback(address));

    [Fact]
    public void AllowsAnonymous_OneNonLoopbackListener_RefusesAndLogsOnce()
    {
        var logs = new AuthHarness.LogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var guard = new LocalModeGuard(new LocalMode(true), () => ["http://127.0.0.1:3978", "http://0.0.0.0:3979"], factory.CreateLogger<LocalModeGuard>());

        Assert.False(guard.AllowsAnonymous);
        Assert.False(guard.AllowsAnonymous);

        var line = Assert.Single(logs.Lines, l => l.Contains(" 2301 ", StringComparison.Ordinal));
        Assert.Contains("http://0.0.0.0:3979", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowsAnonymous_NoAddressesYet_RefusesUntilTheServerHasStarted()
    {
        ICollection<string> addresses = [];
        var guard = new LocalModeGuard(new LocalMode(true), () => addresses, NullLogger<LocalModeGuard>.Instance);

        Assert.False(guard.AllowsAnonymous);
        addresses = ["http://127.0.0.1:3978"];
        Assert.True(guard.AllowsAnonymous);
    }

    [Fact]
    public void AllowsAnonymous_NotLocal_Refuses()
    {
        var guard = new LocalModeGuard(new LocalMode(false), () => ["http://127.0.0.1:3978"], NullLogger<LocalModeGuard>.Instance);

        Assert.False(guard.AllowsAnonymous);
    }

    [Fact]
    public async Task AuthenticateAsync_NoTokenFromLoopbackButListeningOnAllInterfaces_401()
    {
        await using var auth = await AuthHarness.StartAsync(null, ["http://127.0.0.1:3978", "http://[::]:3978"], [], _key);

        var result = await auth.Authenticator.AuthenticateAsync(null, IPAddress.Loopback, CancellationToken.None);

        Assert.Equal(InboundAuthStatus.Unauthorized, result.Status);
        Assert.Contains(auth.Logs.Lines, l => l.Contains(" 2301 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Teams:AppPassword")]
    [InlineData("Aws:SecretAccessKey")]
    public async Task AuthenticateAsync_NoTokenFromLoopbackWithSomeCredentialButNoAppId_401(string credential)
    {
        await using var auth = await AuthHarness.StartAsync(null, ["http://127.0.0.1:3978"], new() { [credential] = "x" }, _key);

        var result = await auth.Authenticator.AuthenticateAsync(null, IPAddress.Loopback, CancellationToken.None);

        Assert.Equal(InboundAuthStatus.Unauthorized, result.Status);
        Assert.Equal("No Authorization header", result.FailureReason);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
