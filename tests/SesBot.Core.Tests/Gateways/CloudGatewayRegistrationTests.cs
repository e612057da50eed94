using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Gateways;

/// <summary>Which gateway the configuration chooses: real with a value under <c>Aws</c> / <c>PartnerCenter</c>, simulated otherwise.</summary>
public sealed class CloudGatewayRegistrationTests
{
    [Fact]
    public void AddCloudGateways_NothingConfigured_BothSimulated()
    {
        using var provider = Build([]);

        Assert.IsType<SimulatedAwsOrganizationGateway>(provider.GetRequiredService<IAwsOrganizationGateway>());
        Assert.IsType<SimulatedAzureSubscriptionGateway>(provider.GetRequiredService<IAzureSubscriptionGateway>());
    }

    [Fact]
    public void AddCloudGateways_AwsAndPartnerCenterConfigured_BothReal()
    {
        using var provider = Build(new()
        {
            ["Aws:Endpoint"] = "http://127.0.0.1:9/",
            ["PartnerCenter:TenantId"] = "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
            ["PartnerCenter:ClientId"] = "a356ac8c-e310-44f4-bf85-c7f29044af99",
            ["PartnerCenter:ClientSecret"] = "test-secret",
        });

        var aws = provider.GetRequiredService<IAwsOrganizationGateway>();
        var azure = provider.GetRequiredService<IAzureSubscriptionGateway>();

        Assert.IsType<AwsOrganizationsGateway>(aws);
        Assert.False(aws.IsSimulated);
        Assert.IsType<PartnerCenterSubscriptionGateway>(azure);
        Assert.False(azure.IsSimulated);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSesBotDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:");
        services.AddCloudGateways(configuration);
        return services.BuildServiceProvider();
    }
}
