using SesBot.Core.Gateways.Azure;
using static SesBot.Core.Tests.Gateways.Azure.PartnerCenterTestHost;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>Reads against a local Partner Center: the exact routes, methods and headers, and what comes back typed.</summary>
public sealed class PartnerCenterClientTests
{
    [Fact]
    public async Task GetSubscription_ExistingSubscription_SendsDocumentedRouteAndHeaders()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        var credential = new TestTokenCredential();
        await using var provider = Build(server.Url, credential);

        var subscription = await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1/customers/{Customer}/subscriptions/{SubscriptionId}", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("v1", request.Header("MS-Contract-Version"));
        Assert.True(Guid.TryParse(request.Header("MS-RequestId"), out _));
        Assert.True(Guid.TryParse(request.Header("MS-CorrelationId"), out _));
        Assert.NotEqual(request.Header("MS-RequestId"), request.Header("MS-CorrelationId"));
        Assert.Equal(string.Empty, request.Body);
        Assert.Equal([PartnerCenterOptions.Scope], Assert.Single(credential.ScopesRequested));

        Assert.Equal(SubscriptionId, subscription.Id);
        Assert.Equal("Azure plan", subscription.OfferName);
        Assert.Equal("Contoso production", subscription.FriendlyName);
        Assert.Equal(PartnerCenterSubscriptionStatus.Active, subscription.Status);
        Assert.False(subscription.IsSuspended);
        Assert.Equal(1, subscription.Quantity);
        Assert.Equal("usage", subscription.BillingType);
        Assert.Equal("eyJpZCI6ImE", subscription.Attributes?.Etag);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 30, 120, TimeSpan.Zero), subscription.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), subscription.EffectiveFrom);
        Assert.NotNull(subscription.ExtensionData);
        Assert.True(subscription.ExtensionData.ContainsKey("links"));
        Assert.True(subscription.ExtensionData.ContainsKey("creationDate"));
        Assert.True(subscription.ExtensionData.ContainsKey("termDuration"));
        Assert.Equal("Microsoft Corporation", subscription.ExtensionData["publisherName"].GetString());
    }

    [Fact]
    public async Task GetSubscription_TwoCalls_EachGetsItsOwnRequestAndCorrelationIds()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        await using var provider = Build(server.Url, new TestTokenCredential());

        await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);
        await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);

        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0].Header("MS-RequestId"), requests[1].Header("MS-RequestId"));
        Assert.NotEqual(requests[0].Header("MS-CorrelationId"), requests[1].Header("MS-CorrelationId"));
    }

    [Fact]
    public async Task ListSubscriptions_Customer_ReadsTheCollection()
    {
        var page = $$"""
            { "totalCount": 2, "items": [ {{SubscriptionJson()}}, {{SubscriptionJson("suspended").Replace(SubscriptionId, "0d7a3f51-5d4b-4d5e-8f1c-3c1e2b4a5d6e", StringComparison.Ordinal)}} ],
              "links": { "self": { "uri": "/customers/{{Customer}}/subscriptions", "method": "GET", "headers": [] } },
              "attributes": { "objectType": "Collection" } }
            """;
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, page));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var subscriptions = await provider.Client().ListSubscriptionsAsync(Customer);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1/customers/{Customer}/subscriptions", request.RawTarget);
        Assert.Equal(2, subscriptions.TotalCount);
        Assert.Equal([PartnerCenterSubscriptionStatus.Active, PartnerCenterSubscriptionStatus.Suspended], subscriptions.Items.Select(s => s.Status));
        Assert.Equal("Collection", subscriptions.Attributes?.ObjectType);
        Assert.True(subscriptions.ExtensionData?.ContainsKey("links"));
    }

    [Fact]
    public async Task ListCustomers_SizeOne_AsksForOnePage()
    {
        const string page = """
            { "totalCount": 1, "items": [ { "id": "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
              "companyProfile": { "tenantId": "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04", "domain": "contoso.onmicrosoft.com", "companyName": "Contoso Ltd" },
              "relationshipToPartner": "reseller", "attributes": { "objectType": "Customer" } } ],
              "attributes": { "objectType": "Collection" } }
            """;
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, page));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var customers = await provider.Client().ListCustomersAsync(1);

        Assert.Equal("/v1/customers?size=1", Assert.Single(server.Requests).RawTarget);
        var customer = Assert.Single(customers.Items);
        Assert.Equal("Contoso Ltd", customer.CompanyProfile?.CompanyName);
        Assert.Equal("contoso.onmicrosoft.com", customer.CompanyProfile?.Domain);
    }

    [Theory]
    [InlineData("not-a-guid", SubscriptionId)]
    [InlineData(Customer, "../../profiles")]
    [InlineData("", SubscriptionId)]
    public async Task GetSubscription_IdNotAGuid_RefusedWithoutACall(string customer, string subscription)
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        await using var provider = Build(server.Url, new TestTokenCredential());

        await Assert.ThrowsAnyAsync<ArgumentException>(() => provider.Client().GetSubscriptionAsync(customer, subscription));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetSubscription_EndpointWithPath_KeepsThePath()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        await using var provider = Build(server.Url + "/partner-center", new TestTokenCredential());

        await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal($"/partner-center/v1/customers/{Customer}/subscriptions/{SubscriptionId}", Assert.Single(server.Requests).RawTarget);
    }
}
