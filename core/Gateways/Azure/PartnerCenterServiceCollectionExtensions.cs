using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SesBot.Core.Gateways.Azure;

/// <summary>Registers the Partner Center client: options, the app's Entra ID credential and the typed <see cref="PartnerCenterClient"/>.</summary>
public static class PartnerCenterServiceCollectionExtensions
{
    /// <summary>The service key of the <see cref="TokenCredential"/> the client signs in with; register your own under it first to replace it.</summary>
    public const string CredentialKey = "PartnerCenter";

    /// <summary>
    /// Binds <see cref="PartnerCenterOptions"/> from <c>PartnerCenter:</c> (validated at start), registers the credential
    /// (<see cref="PartnerCenterCredentials.Create"/>, unless one is already registered under <see cref="CredentialKey"/>)
    /// and the typed client with its retry pipeline and token handler.
    /// </summary>
    public static IServiceCollection AddPartnerCenter(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PartnerCenterOptions>()
            .BindConfiguration(PartnerCenterOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TokenCredential>(
            CredentialKey,
            (provider, _) => PartnerCenterCredentials.Create(provider.GetRequiredService<IOptions<PartnerCenterOptions>>().Value));

        var client = services.AddHttpClient<PartnerCenterClient>(http => http.Timeout = Timeout.InfiniteTimeSpan); // the pipeline owns timeouts
        client.RedactLoggedHeaders(["Authorization"]);
        client.AddResilienceHandler(PartnerCenterResilience.PipelineName, (builder, context) =>
        {
            var provider = context.ServiceProvider;
            PartnerCenterResilience.Configure(
                builder,
                provider.GetRequiredService<IOptions<PartnerCenterOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<PartnerCenterClient>());
        });

        // Added after the resilience handler, so it runs inside the retry loop: every attempt gets a current token.
        client.AddHttpMessageHandler(provider => new PartnerCenterAuthorizationHandler(
            provider.GetRequiredKeyedService<TokenCredential>(CredentialKey),
            provider.GetRequiredService<ILogger<PartnerCenterClient>>()));
        return services;
    }
}
