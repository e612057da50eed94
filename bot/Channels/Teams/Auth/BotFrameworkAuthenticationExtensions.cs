using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>Registers the inbound Bot Framework authentication; called from the Teams channel wiring.</summary>
public static class BotFrameworkAuthenticationExtensions
{
    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> (at start), registers the metadata HTTP client, the signing key
    /// cache, <see cref="LocalModeGuard"/>, <see cref="InboundRefusalLog"/>,
    /// <see cref="AuthenticatedCallers"/> and <see cref="BotFrameworkAuthenticator"/> as singletons, and the rate limit
    /// policy <see cref="TeamsRateLimitPolicy.Name"/>. Uses the registered <see cref="TimeProvider"/> (the system clock
    /// if none) and <see cref="LocalMode"/> (from <paramref name="configuration"/> if none).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => BotFrameworkSigningKeys.IsAllowedUri(o.OpenIdMetadataUrl, out _), "Teams:OpenIdMetadataUrl must be an https URL (http only for a loopback host).")
            .Validate(o => BotFrameworkSigningKeys.IsAllowedUri(o.AuthorityHost, out _), "Teams:AuthorityHost must be an https URL (http only for a loopback host).")
            .Validate(o => o.RateLimit is not null && Validator.TryValidateObject(o.RateLimit, new ValidationContext(o.RateLimit), null, validateAllProperties: true), "Teams:RateLimit:PermitLimit must be 1 to 1000000 and Teams:RateLimit:Window 1 second to 1 hour.")
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
        services.TryAddSingleton(LocalMode.From(configuration));
        services.TryAddSingleton<LocalModeGuard>();
        services.TryAddSingleton<AuthenticatedCallers>();
        services.TryAddSingleton<InboundRefusalLog>();
        services.TryAddSingleton(sp => new BotFrameworkAuthenticator(
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<BotFrameworkSigningKeys>(),
            sp.GetRequiredService<LocalModeGuard>(),
            sp.GetRequiredService<AuthenticatedCallers>(),
            sp.GetRequiredService<InboundRefusalLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkAuthenticator>>()));
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<TeamsOptions>, AuthenticatedCallers>((limiter, teams, callers) =>
                limiter.AddPolicy(TeamsRateLimitPolicy.Name, new TeamsRateLimitPolicy(teams.Value.RateLimit, callers)));
        return services;
    }
}
