using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Gateways;

/// <summary>
/// Azure subscriptions sold through Partner Center, as the suspension workflow needs them: read one, suspend it
/// (PATCH of the full resource with <c>status: suspended</c>, then read back). Implemented by <see cref="PartnerCenterSubscriptionGateway"/>
/// or by a simulated store in the project database; called only from the outbox dispatcher. Failures throw
/// <see cref="PartnerCenterException"/>.
/// </summary>
public interface IAzureSubscriptionGateway
{
    bool IsSimulated { get; }

    /// <summary>The subscription's Partner Center status (<c>active</c>, <c>suspended</c>, …).</summary>
    Task<AzureSubscriptionFacts> ReadAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Suspends it and reads it back; already suspended sends nothing.</summary>
    Task<AzureSuspensionResult> SuspendAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken);
}
