using System.Globalization;
using PhoneNumbers;
using SesBot.Core.Domain;

namespace SesBot.Bot.Cards;

/// <summary>How SesBot writes domain values for people.</summary>
public static class Texts
{
    public static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A stored phone number (E.164, "+15035550142") as people of its country write it with the country code
    /// ("+1 503-555-0142", "+49 30 901820"); what cannot be read as a number is shown as stored.
    /// </summary>
    public static string Phone(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            return util.Format(util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>A country's English name from its ISO code ("US" → "United States"); the code itself when unknown.</summary>
    public static string Country(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            return code.Length == 2 ? new RegionInfo(code).EnglishName : code;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

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

    /// <summary>The billing status as a short badge: "no billing data", "billing data: 1 month", "billing data: 3 months".</summary>
    public static string BillingBadge(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var months = account.BillingRecords.Select(r => r.Month).Distinct().Count();
        return months switch
        {
            0 => "no billing data",
            1 => "billing data: 1 month",
            _ => $"billing data: {months} months",
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

    /// <summary>An option in one short line, for the list of what the reseller can do with an account.</summary>
    public static string OptionLine(RemovalOption option) => option switch
    {
        RemovalOption.DeleteFromPlatform => "Removes it from SES at once, with all its history. Only for an account added by mistake.",
        RemovalOption.AzureTransferToCsp => "Another CSP partner takes the subscription over; SES support approves.",
        RemovalOption.AzureSuspend => "SES support suspends it; it stays in SES and can be reactivated.",
        RemovalOption.AwsTransferOwnership => "A new owner takes the account over; SES support works it out with AWS.",
        RemovalOption.AwsRemoveFromPayer => "SES support takes it out of the payer organization at once; the owner then pays AWS.",
        RemovalOption.AwsSelfUnlink => "The end customer leaves the organization themselves; SesBot emails them the steps.",
        RemovalOption.DeletedInErrorTicket => "An urgent ticket for SES support to restore the account.",
        _ => RemovalOptionCatalog.Get(option).Description,
    };

    /// <summary>What a request for the option is called (the catalog's request title).</summary>
    public static string Option(RemovalOption option) => RemovalOptionCatalog.Get(option).RequestTitle;

    /// <summary>What happens next to an open request, at its status; null once it is closed.</summary>
    public static string? NextStep(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Status switch
        {
            RequestStatus.Submitted => RemovalOptionCatalog.Get(request.Kind).NextSteps,
            RequestStatus.Accepted => "Next: SES support carries it out. This card shows when it is done.",
            RequestStatus.AwsContacted => "Next: the transfer paperwork with AWS.",
            RequestStatus.PaperworkComplete => "Next: SES support gives the new owner the account's credentials.",
            RequestStatus.CredentialsDelivered => "Next: SES support removes the account from the payer organization.",
            RequestStatus.InstructionsSent => "Next: the end customer follows the steps; the account leaves the organization when they do.",
            RequestStatus.Failed => "Next: SES support looks at what went wrong and tells you.",
            _ => null,
        };
    }

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
