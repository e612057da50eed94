using System.Globalization;
using SesBot.Core.Domain;

namespace SesBot.Core.Policy;

/// <summary>The words the policy uses, in one place.</summary>
internal static class PolicyTexts
{
    public const string BillingDataWarning =
        "This account has billing data in SES. It stays in the platform so its invoicing history is kept; " +
        "SES cannot stop its charges: that is done in the cloud provider's console.";

    public const string DeleteWarning =
        "Deleting removes the account and all of its usage and billing history from SES. Use it only to undo " +
        "an account that was added by mistake.";

    public static string DeleteDeniedBillingData(int months) =>
        $"This account has {(months == 1 ? "1 month" : $"{months} months")} of billing data. Deleting it would erase invoicing history and could " +
        "create invoicing discrepancies, so it stays in SES. Stop its billing in the cloud provider's console instead.";

    public static string OpenRequest(OpenRequestRef open) =>
        $"Request {open.RequestId} ({RemovalOptionCatalog.Get(open.Kind).InSentence}) is already open for this. It has to finish or be cancelled first.";

    /// <summary>Why an option for members of the payer organization does not apply to an account billed through Billing Transfer.</summary>
    public static string MemberOnly(string why) =>
        $"This account is billed through AWS Billing Transfer. {why} End the billing transfer instead.";

    public static string NotActive(CloudAccount account) => account.State switch
    {
        AccountState.Departed when account.BillingTransfer?.EndsAt is { } ends =>
            $"The billing transfer was ended: the distributor pays for this account until {ends.ToUniversalTime().ToString("d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} UTC.",
        AccountState.Suspended => $"The subscription was suspended on {Day(account.ClosedAt)}.",
        AccountState.Departed => $"The account already left the distributor on {Day(account.ClosedAt)}.",
        AccountState.Deleted => $"The account was deleted from SES on {Day(account.ClosedAt)}.",
        _ => "The account is active.",
    };

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset? at) =>
        at?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "an earlier date";
}
