using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Gateways;

namespace SesBot.Bot.Support;

/// <summary>
/// Wires cloud work into the host: the gateway ports (real with <c>Aws</c> / <c>PartnerCenter</c> configured, simulated
/// otherwise), exactly-once execution, where results go, and the outbox handlers of execution, pre-flight and the Azure tenant id check (the turn side, <see cref="CloudDesk"/>, comes with the dialogs).
/// </summary>
public static class CloudExecutionExtensions
{
    public static WebApplicationBuilder AddCloudExecution(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCloudGateways(builder.Configuration);
        builder.Services.AddScoped<CloudResults>();
        builder.Services.AddSingleton<IConversationMessenger, TeamsConversationMessenger>();
        builder.Services.AddSingleton<IOutboxHandler, CloudExecutionHandler>();
        builder.Services.AddSingleton<IOutboxHandler, CloudPreflightHandler>();
        builder.Services.AddSingleton<IOutboxHandler, AzureTenantHandler>();
        builder.Services.AddHostedService<CloudGatewayModeLogger>();
        builder.Services.AddHostedService<SimulatedCloudSeeder>();
        return builder;
    }
}
