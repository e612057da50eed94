using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>Registers the outbound Teams side: <see cref="IBotTokenProvider"/> and the typed <see cref="IConnectorClient"/>.</summary>
public static class TeamsConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => o.IsLocalMode || (!string.IsNullOrEmpty(o.AppPassword) && (o.AppType != TeamsAppType.SingleTenant || !string.IsNullOrWhiteSpace(o.TenantId))),
                "Teams:AppId is set, so Teams:AppPassword is required, and Teams:TenantId too for a single-tenant bot.")
            .ValidateOnStart();
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The token request has no side effect, so the standard retry (5xx, 408, 429, transport errors) may replay it.
        services.AddHttpClient(BotTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddResilienceHandler("bot-token", builder => builder
                .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(500), BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                .AddTimeout(TimeSpan.FromSeconds(10)));
        services.TryAddSingleton<IBotTokenProvider, BotTokenProvider>();

        services.TryAddTransient<BotAuthorizationHandler>();
        var connector = services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan); // the pipeline owns timeouts
        connector.RedactLoggedHeaders(["Authorization"]); // the factory's trace-level header logging never shows the token
        connector.AddResilienceHandler(ConnectorResilience.PipelineName, (builder, context) =>
            {
                var provider = context.ServiceProvider;
                ConnectorResilience.Configure(
                    builder,
                    provider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>());
            });
        connector.AddHttpMessageHandler<BotAuthorizationHandler>(); // added after, so it runs inside the retry loop
        return services;
    }
}
