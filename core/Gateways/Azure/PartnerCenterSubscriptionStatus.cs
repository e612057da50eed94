namespace SesBot.Core.Gateways.Azure;

/// <summary>The values of a subscription's <c>status</c> on the wire (Partner Center's SubscriptionStatus, camel-cased).</summary>
public static class PartnerCenterSubscriptionStatus
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Deleted = "deleted";
    public const string Expired = "expired";
    public const string Pending = "pending";
    public const string Disabled = "disabled";
}
