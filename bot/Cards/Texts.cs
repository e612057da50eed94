using System.Globalization;
using SesBot.Core.Domain;

namespace SesBot.Bot.Cards;

/// <summary>How SesBot writes domain values for people.</summary>
public static class Texts
{
    public static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Provider(CloudProvider provider) => provider == CloudProvider.Aws ? "AWS" : "Azure";

    public static string Origin(CloudAccount account) => account.Provider == CloudProvider.Azure
        ? "Azure subscription"
        : account.Origin switch
        {
            AccountOrigin.DistributorAssigned => "assigned by the distributor",
            AccountOrigin.BillingTransfer => "billed through AWS Billing Transfer",
            _ => "owned by the customer",
        };

    /// <summary>An instant to the second: "31 Dec 2026 23:59:59 UTC" (a billing transfer's end).</summary>
    public static string Second(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string BillingStatus(CloudAccount account)
    {
        var months = account.BillingRecords.Select(r => r.Month).Distinct().Count();
        return months switch
        {
            0 => "no billing data",
            1 => "billing data for 1 month",
            _ => $"billing data for {months} months",
        };
    }

    public static string State(CloudAccount account) => account.State switch
    {
        AccountState.Active => "active",
        AccountState.Suspended => $"suspended since {Day(account.ClosedAt ?? account.LinkedAt)}",
        AccountState.Departed when account.BillingTransfer?.EndsAt is { } ends => $"billing transfer ended: billed through the distributor until {Second(ends)}",
        AccountState.Departed => $"left the distributor on {Day(account.ClosedAt ?? account.LinkedAt)}",
        AccountState.Deleted => $"deleted from SES on {Day(account.ClosedAt ?? account.LinkedAt)}",
        _ => account.State.ToString(),
    };

    public static string AccountLabel(CloudAccount account) => $"{Provider(account.Provider)} {account.ExternalId} · {account.DisplayName}";

    /// <summary>What a request for the option is called (the catalog's request title).</summary>
    public static string Option(RemovalOption option) => RemovalOptionCatalog.Get(option).RequestTitle;

    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => "Submitted, waiting for support",
        RequestStatus.Accepted => "Accepted by support",
        RequestStatus.AwsContacted => "Support has contacted AWS",
        RequestStatus.PaperworkComplete => "Transfer paperwork complete",
        RequestStatus.CredentialsDelivered => "Credentials delivered to the new owner",
        RequestStatus.InstructionsSent => "Instructions sent to the end customer",
        RequestStatus.Failed => "Failed, support is looking at it",
        RequestStatus.Completed => "Completed",
        RequestStatus.Rejected => "Rejected",
        RequestStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
