using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>Teams options are validated at start: the authority host like the metadata URL, the rate limits in range.</summary>
public sealed class TeamsOptionsValidationTests
{
    [Theory]
    [InlineData("http://login.example.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://login.microsoftonline.com")]
    [InlineData("login.microsoftonline.com")]
    public void AuthorityHost_NotHttps_FailsValidation(string authorityHost)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Teams:AuthorityHost"] = authorityHost }));

        Assert.Contains(ex.Failures, f => f.Contains("AuthorityHost", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com")]
    [InlineData("http://127.0.0.1:41234")]
    [InlineData("http://localhost:41234")]
    public void AuthorityHost_HttpsOrLoopbackHttp_Valid(string authorityHost) =>
        Assert.Equal(authorityHost, Options(new() { ["Teams:AuthorityHost"] = authorityHost }).AuthorityHost);

    [Fact]
    public void RateLimit_DefaultsAreGenerous()
    {
        var options = Options([]);

        Assert.Equal(600, options.RateLimit.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RateLimit.Window);
    }

    [Theory]
    [InlineData("Teams:RateLimit:PermitLimit", "0")]
    [InlineData("Teams:RateLimit:Window", "00:00:00")]
    public void RateLimit_OutOfRange_FailsValidation(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Options(new() { [key] = value }));

        Assert.Contains(ex.Failures, f => f.Contains("RateLimit", StringComparison.Ordinal));
    }

    private static TeamsOptions Options(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotFrameworkAuthentication(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TeamsOptions>>().Value;
    }
}
