using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SesBot.Core.Execution;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Gateways.Simulated;

namespace SesBot.Core.Gateways;

/// <summary>
/// Registers the cloud-gateway ports and exactly-once execution. Each provider is real when its section is
/// configured (any value under <c>Aws</c> for AWS Organizations, under <c>PartnerCenter</c> for Partner Center: the same
/// rule that ends local mode), and simulated in the project database otherwise.
/// </summary>
public static class CloudGatewayServiceCollectionExtensions
{
    public static IServiceCollection AddCloudGateways(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        if (UsesRealAws(configuration))
        {
            services.AddAwsOrganizations();
            services.TryAddTransient<IAwsOrganizationGateway, AwsOrganizationsGateway>();
            services.TryAddTransient<IAwsBillingTransferGateway, AwsBillingTransferGateway>();
        }
        else
        {
            services.TryAddSingleton<IAwsOrganizationGateway, SimulatedAwsOrganizationGateway>();
            services.TryAddSingleton<IAwsBillingTransferGateway, SimulatedBillingTransferGateway>();
        }

        if (UsesRealPartnerCenter(configuration))
        {
            services.AddPartnerCenter();
            services.TryAddTransient<IAzureSubscriptionGateway, PartnerCenterSubscriptionGateway>();
        }
        else
        {
            services.TryAddSingleton<IAzureSubscriptionGateway, SimulatedAzureSubscriptionGateway>();
        }

        services.TryAddScoped<CloudExecutions>();
        services.TryAddScoped<CloudExecutor>();
        services.TryAddScoped<CloudPreflight>();
        services.TryAddScoped<SimulatedCloudSeed>();
        services.TryAddScoped<SimulatedFailureSettings>();
        services.AddOptions<SimulationOptions>().BindConfiguration(SimulationOptions.Section);
        return services;
    }

    public static bool UsesRealAws(IConfiguration configuration) => HasValues(configuration, AwsOrganizationsOptions.Section);

    public static bool UsesRealPartnerCenter(IConfiguration configuration) => HasValues(configuration, PartnerCenterOptions.Section);

    private static bool HasValues(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(section).AsEnumerable().Any(pair => !string.IsNullOrWhiteSpace(pair.Value));
    }
}
