using SesBot.Core.Domain;
using SesBot.Core.Localization;

namespace SesBot.Core.Policy;

/// <summary>The words the policy uses, in one place, in the turn's language (resources: Resources/Policy/PolicyTexts.resx).</summary>
internal static class PolicyTexts
{
    private static readonly Strings S = Strings.For(typeof(PolicyTexts));

    public static string BillingDataWarning => S["BillingDataWarning"];

    public static string DeleteWarning => S["DeleteWarning"];

    public static string CustomerRemovalDeletesAccounts => S["CustomerRemoval.DeletesAccounts"];

    public static string AzureTransferKeepsHistory => S["AzureTransfer.KeepsHistory"];

    public static string AzureSuspendStopsServices => S["AzureSuspend.StopsServices"];

    public static string PayerRemovalInvoice => S["PayerRemoval.Invoice"];

    public static string SelfUnlinkPaymentMethod => S["SelfUnlink.PaymentMethod"];

    public static string TransferDeniedCustomerOwned => S["TransferOwnership.CustomerOwned"];

    public static string PayerRemovalDeniedAssigned => S["PayerRemoval.DistributorAssigned"];

    public static string SelfUnlinkDeniedAssigned => S["SelfUnlink.DistributorAssigned"];

    public static string DeletedInErrorDeniedNotDeleted => S["DeletedInError.NotDeleted"];

    public static string WrongCloud(CloudProvider optionCloud) => S[optionCloud == CloudProvider.Azure ? "WrongCloud.AzureOnly" : "WrongCloud.AwsOnly"];

    public static string DeleteDeniedBillingData(int months) => S.Plural("DeleteDenied.BillingData", months);

    public static string CustomerUsage(string customer, IEnumerable<DateOnly> months) =>
        S.Format("CustomerRemoval.Usage", customer, Formats.List(months.Select(Month)));

    public static string CustomerAlreadyRemoved(string customer) => S.Format("CustomerRemoval.AlreadyRemoved", customer);

    public static string CustomerBilled(IReadOnlyList<string> accountIds) =>
        S.Plural("CustomerRemoval.Billed", accountIds.Count, string.Join(", ", accountIds));

    public static string OpenRequest(OpenRequestRef open) =>
        S.Format("OpenRequest", open.RequestId, RemovalOptionCatalog.Get(open.Kind).InSentence);

    /// <summary>Why an option for members of the payer organization does not apply to an account billed through Billing Transfer.</summary>
    public static string MemberOnly(string why) => S.Format("BillingTransfer.MemberOnly", why);

    public static string TransferDeniedBillingTransfer => S["TransferOwnership.BillingTransfer"];

    public static string PayerRemovalDeniedBillingTransfer => S["PayerRemoval.BillingTransfer"];

    public static string SelfUnlinkDeniedBillingTransfer => S["SelfUnlink.BillingTransfer"];

    public static string EndTransferDeniedMember => S["EndBillingTransfer.Member"];

    public static string EndTransferDeniedNoRecord => S["EndBillingTransfer.NoRecord"];

    public static string EndTransferAtMonthEnd => S["EndBillingTransfer.AtMonthEnd"];

    public static string EndTransferWholeOrganization(string managementAccountId) =>
        S.Format("EndBillingTransfer.WholeOrganization", managementAccountId);

    public static string NotActive(CloudAccount account)
    {
        if (account.State == AccountState.Departed && account.BillingTransfer?.EndsAt is { } ends)
        {
            return S.Format("NotActive.BillingTransferEnded", Formats.Second(ends));
        }

        var key = account.State switch
        {
            AccountState.Suspended or AccountState.Departed or AccountState.Deleted => "NotActive." + account.State,
            _ => null,
        };
        return key is null ? S["NotActive.Active"]
            : account.ClosedAt is { } at ? S.Format(key, Formats.Day(at))
            : S[key + ".NoDate"];
    }

    public static string Month(DateOnly month) => Formats.Month(month);
}
