using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>Registers the inbound Bot Framework authentication; called from the Teams channel wiring.</summary>
public static class BotFrameworkAuthenticationExtensions
{
    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> (at start), registers the metadata HTTP client, the signing key
    /// cache and <see cref="BotFrameworkAuthenticator"/> as singletons. Uses the registered <see cref="TimeProvider"/>
    /// (the system clock if none).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => BotFrameworkSigningKeys.IsAllowedUri(o.OpenIdMetadataUrl, out _), "Teams:OpenIdMetadataUrl must be an https URL (http only for a loopback host).")
            .Validate(o => o.SigningKeysMinimumRefreshInterval <= o.SigningKeysRefreshInterval, "Teams:SigningKeysMinimumRefreshInterval must not exceed Teams:SigningKeysRefreshInterval.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddSingleton(sp => new BotFrameworkSigningKeys(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkSigningKeys>>()));
        services.TryAddSingleton(sp => new BotFrameworkAuthenticator(
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<BotFrameworkSigningKeys>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkAuthenticator>>()));
        return services;
    }
}
