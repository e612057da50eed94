using SesBot.Core.Gateways;

namespace SesBot.Bot.Support;

/// <summary>Says at start which gateways are real and which are simulated.</summary>
public sealed class CloudGatewayModeLogger(IConfiguration configuration, ILogger<CloudGatewayModeLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.CloudGatewayModes(
            logger,
            CloudGatewayServiceCollectionExtensions.UsesRealAws(configuration) ? "real" : "simulated",
            CloudGatewayServiceCollectionExtensions.UsesRealPartnerCenter(configuration) ? "real" : "simulated");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
