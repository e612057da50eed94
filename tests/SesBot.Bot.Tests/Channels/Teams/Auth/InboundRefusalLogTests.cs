using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>Repeated refusals do not flood the log: one warning per remote address per minute, with a count of the rest.</summary>
public sealed class InboundRefusalLogTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly AuthHarness.LogCollector _logs = new();
    private readonly ILoggerFactory _factory;
    private readonly InboundRefusalLog _log;

    public InboundRefusalLogTests()
    {
        _factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        _log = new InboundRefusalLog(_clock, _factory.CreateLogger<InboundRefusalLog>());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Write_ManyFromOneAddressWithinAMinute_OneWarning()
    {
        for (var i = 0; i < 500; i++)
        {
            _log.Write(401, "No Authorization header", IPAddress.Parse("203.0.113.7"));
        }

        var line = Assert.Single(_logs.Lines);
        Assert.StartsWith("Warning 2302 ", line, StringComparison.Ordinal);
        Assert.Contains("203.0.113.7", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AfterAMinute_LogsAgainWithTheCountOfTheSuppressedOnes()
    {
        var attacker = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < 100; i++)
        {
            _log.Write(401, "The token's signature is not valid", attacker);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        _log.Write(401, "The token's signature is not valid", attacker);

        Assert.Equal(2, _logs.Lines.Count);
        Assert.Contains("99 more refusals", _logs.Lines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DifferentAddresses_EachLogged()
    {
        _log.Write(401, "No Authorization header", IPAddress.Parse("203.0.113.7"));
        _log.Write(401, "No Authorization header", IPAddress.Parse("203.0.113.8"));
        _log.Write(403, "The activity's channelId is not msteams", null);

        Assert.Equal(3, _logs.Lines.Count);
    }

    [Fact]
    public async Task AuthenticateAsync_RepeatedBadTokens_OneWarningPerMinute()
    {
        await using var auth = await AuthHarness.StartAsync(AuthHarness.AppId, new TestSigningKey("key-1", 0, "msteams"));

        for (var i = 0; i < 50; i++)
        {
            await auth.AuthenticateAsync("Bearer not.a.token", IPAddress.Parse("198.51.100.9"));
        }

        Assert.Single(auth.Logs.Lines, l => l.Contains(" 2302 ", StringComparison.Ordinal));
    }
}
