using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Azure;
using static SesBot.Core.Tests.Gateways.Azure.PartnerCenterTestHost;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>The real Partner Center client wired through the port, against a local Partner Center keeping the subscription's state.</summary>
public sealed class PartnerCenterSubscriptionGatewayTests
{
    [Fact]
    public async Task Suspend_ThroughThePort_OnePatchReadBackSuspended()
    {
        var stored = SubscriptionJson();
        await using var server = await PartnerCenterServer.StartAsync((context, request) =>
        {
            if (request.Method == "PATCH")
            {
                stored = request.Body;
            }

            return PartnerCenterServer.Json(context, 200, stored);
        });
        await using var provider = Build(server.Url, new TestTokenCredential());
        var gateway = new PartnerCenterSubscriptionGateway(provider.Client());

        var before = await gateway.ReadAsync(Customer, SubscriptionId, CancellationToken.None);
        var result = await gateway.SuspendAsync(Customer, SubscriptionId, CancellationToken.None);
        var after = await gateway.ReadAsync(Customer, SubscriptionId, CancellationToken.None);

        Assert.False(gateway.IsSimulated);
        Assert.Equal(("active", "Azure plan"), (before.Status, before.OfferName));
        Assert.Equal((SuspensionOutcome.Suspended, "active", "suspended"), (result.Outcome, result.StatusBefore, result.StatusAfter));
        Assert.True(after.IsSuspended);
        Assert.Single(server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Suspend_NoCustomerTenant_RefusedBeforeAnythingIsSent()
    {
        await using var server = await PartnerCenterServer.StartAsync((context, _) => PartnerCenterServer.Json(context, 200, SubscriptionJson()));
        await using var provider = Build(server.Url, new TestTokenCredential());
        var gateway = new PartnerCenterSubscriptionGateway(provider.Client());

        var ex = await Assert.ThrowsAsync<PartnerCenterException>(() => gateway.SuspendAsync(null, SubscriptionId, CancellationToken.None));

        Assert.Equal(PartnerCenterErrorKind.BadRequest, ex.Kind);
        Assert.Contains("tenant id", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
