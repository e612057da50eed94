using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>The client as the application registers it (<c>AddPartnerCenter</c>), pointed at a local server, with a test credential.</summary>
internal static class PartnerCenterTestHost
{
    public const string Customer = "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04";
    public const string SubscriptionId = "a356ac8c-e310-44f4-bf85-c7f29044af99";

    public static ServiceProvider Build(string endpoint, TokenCredential credential, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = endpoint,
            ["PartnerCenter:MaxRetryAttempts"] = "2",
            ["PartnerCenter:BaseDelay"] = "00:00:00",
            ["PartnerCenter:MaxRetryAfter"] = "00:00:02",
            ["PartnerCenter:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug));
        services.AddKeyedSingleton(PartnerCenterServiceCollectionExtensions.CredentialKey, credential);
        services.AddPartnerCenter();
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static PartnerCenterClient Client(this ServiceProvider provider) => provider.GetRequiredService<PartnerCenterClient>();

    /// <summary>A subscription as Partner Center documents it, with fields SesBot does not type (dates, links, billing details).</summary>
    public static string SubscriptionJson(string status = "active") => $$"""
        {
          "id": "{{SubscriptionId}}",
          "offerId": "DZH318Z0BPS6:0001",
          "entitlementId": "1ea7a7a8-3d8f-4fe1-9f0c-1f0a0e0b7c11",
          "offerName": "Azure plan",
          "friendlyName": "Contoso production",
          "quantity": 1,
          "unitType": "Licenses",
          "hasPurchasableAddons": false,
          "creationDate": "2024-03-01T10:15:30.12Z",
          "effectiveStartDate": "2024-03-01T00:00:00Z",
          "commitmentEndDate": "9999-12-14T00:00:00Z",
          "status": "{{status}}",
          "autoRenewEnabled": false,
          "isTrial": false,
          "billingType": "usage",
          "billingCycle": "monthly",
          "termDuration": null,
          "contractType": "subscription",
          "partnerId": "1234567",
          "orderId": "8a7e4b2d-0c4c-4f3e-b9e5-2b9d3c1a0f55",
          "links": {
            "offer": { "uri": "/offers/DZH318Z0BPS6:0001?country=US", "method": "GET", "headers": [] },
            "self": { "uri": "/customers/{{Customer}}/subscriptions/{{SubscriptionId}}", "method": "GET", "headers": [] }
          },
          "publisherName": "Microsoft Corporation",
          "refundOptions": [ { "type": "Full", "expiresAt": "2024-03-08T10:15:30.12Z" } ],
          "productType": { "id": "Azure", "displayName": "Azure" },
          "attributes": { "etag": "eyJpZCI6ImE", "objectType": "Subscription", "lastModified": 1709288130 }
        }
        """;
}
