using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Gateways;

/// <summary>Azure subscriptions through the real Partner Center client (chosen when the <c>PartnerCenter</c> section is configured).</summary>
public sealed class PartnerCenterSubscriptionGateway(PartnerCenterClient client) : IAzureSubscriptionGateway
{
    public bool IsSimulated => false;

    public async Task<AzureSubscriptionFacts> ReadAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await client.GetSubscriptionAsync(TenantOf(customerTenantId), subscriptionId, cancellationToken);
        return new AzureSubscriptionFacts(subscriptionId, subscription.Status, subscription.OfferName ?? subscription.FriendlyName);
    }

    public async Task<AzureSuspensionResult> SuspendAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        var result = await client.SuspendSubscriptionAsync(TenantOf(customerTenantId), subscriptionId, cancellationToken);
        return new AzureSuspensionResult(result.Outcome, result.Before.Status, result.After.Status);
    }

    /// <summary>The tenant to address Partner Center with; none is refused before any call (<see cref="PartnerCenterErrorKind.BadRequest"/>).</summary>
    internal static string TenantOf(string? customerTenantId) => string.IsNullOrWhiteSpace(customerTenantId)
        ? throw new PartnerCenterException(
            PartnerCenterErrorKind.BadRequest,
            "SuspendSubscription",
            GatewayTexts.S["PartnerCenter.NoTenant"])
        : customerTenantId;
}
