namespace SesBot.Core.Gateways.Simulated;

/// <summary>An Azure subscription in the simulated Partner Center (local mode), created from SES's own subscription on first use.</summary>
public sealed class SimulatedAzureSubscription
{
    public SimulatedAzureSubscription(string subscriptionId, string offerName, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        SubscriptionId = subscriptionId;
        OfferName = offerName;
        Status = status;
    }

    public string SubscriptionId { get; private set; }

    public string OfferName { get; private set; }

    /// <summary><c>active</c>, <c>suspended</c>, …</summary>
    public string Status { get; set; }

    /// <summary>The error a suspension produces (a <c>PartnerCenterErrorKind</c> name), or null.</summary>
    public string? Failure { get; set; }

    /// <summary>How many suspension PATCHes reached the simulation.</summary>
    public int PatchCalls { get; set; }
}
