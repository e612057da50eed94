using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Bot.Channels.Teams.Connector;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

public sealed class TeamsConnectorRegistrationTests
{
    [Theory]
    [InlineData("Teams:AppPassword")]
    [InlineData("Teams:TenantId")]
    public async Task AddTeamsConnector_AppIdWithoutItsCredentials_FailsValidation(string missing)
    {
        var settings = ConnectorTestHost.Credentials("https://login.microsoftonline.com");
        settings[missing] = null;
        await using var services = ConnectorTestHost.Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IBotTokenProvider>().GetTokenAsync().AsTask());

        Assert.Contains("Teams:AppPassword is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTeamsConnector_RetryAttemptsOutOfRange_FailsValidation()
    {
        var settings = ConnectorTestHost.Credentials("https://login.microsoftonline.com");
        settings["Teams:Connector:MaxRetryAttempts"] = "50";
        await using var services = ConnectorTestHost.Build(settings);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);
    }

    [Fact]
    public async Task AddTeamsConnector_LocalMode_NeedsNoCredentials()
    {
        await using var services = ConnectorTestHost.Build(new Dictionary<string, string?>());

        Assert.Null(await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync());
        Assert.NotNull(services.GetRequiredService<IConnectorClient>());
    }
}
