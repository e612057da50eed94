namespace SesBot.Core.Gateways;

/// <summary>A subscription as Partner Center (or the simulation) reports it.</summary>
public sealed record AzureSubscriptionFacts(string SubscriptionId, string? Status, string? OfferName)
{
    public bool IsSuspended => string.Equals(Status, Azure.PartnerCenterSubscriptionStatus.Suspended, StringComparison.OrdinalIgnoreCase);
}
