namespace SesBot.Core.Gateways.Azure;

/// <summary>The result of <see cref="PartnerCenterClient.SuspendSubscriptionAsync"/>: the subscription before and as read back after.</summary>
public sealed record SubscriptionSuspension(
    SuspensionOutcome Outcome,
    PartnerCenterSubscription Before,
    PartnerCenterSubscription After)
{
    public bool IsSuspended => After.IsSuspended;
}
