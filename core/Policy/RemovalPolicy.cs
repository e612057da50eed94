using SesBot.Core.Domain;

namespace SesBot.Core.Policy;

/// <summary>
/// The rules for taking a cloud account or a customer away, as pure functions. They are asked when the reseller
/// chooses, and again when a request is carried out, because billing data may have appeared in between.
/// </summary>
public static class RemovalPolicy
{
    /// <summary>The options for one cloud account.</summary>
    public static PolicyDecision EvaluateAccount(CloudAccount account, OpenRequestRef? openRequest = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var warnings = new List<string>();
        if (account.HasBillingData)
        {
            warnings.Add(PolicyTexts.BillingDataWarning);
        }

        if (account.State == AccountState.Deleted)
        {
            return new PolicyDecision([DeletedInError(account, openRequest)], warnings);
        }

        var options = new List<OptionDecision> { Delete(account, openRequest) };
        if (account.Provider == CloudProvider.Azure)
        {
            options.Add(AzureTransfer(account, openRequest));
            options.Add(AzureSuspend(account, openRequest));
        }
        else if (account.Origin == AccountOrigin.BillingTransfer)
        {
            // Not a member of the payer organization: its billing ends with the transfer; the member-only options are denied.
            options.Add(AwsEndBillingTransfer(account, openRequest));
            options.Add(AwsTransferOwnership(account, openRequest));
            options.Add(AwsRemoveFromPayer(account, openRequest));
            options.Add(AwsSelfUnlink(account, openRequest));
        }
        else
        {
            options.Add(AwsTransferOwnership(account, openRequest));
            options.Add(AwsRemoveFromPayer(account, openRequest));
            options.Add(AwsSelfUnlink(account, openRequest));
        }

        return new PolicyDecision(options, warnings);
    }

    /// <summary>Whether a customer can be removed, with the warnings about its recent usage.</summary>
    public static OptionDecision EvaluateCustomerRemoval(Customer customer, DateTimeOffset now, OpenRequestRef? openRequest = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var utc = now.ToUniversalTime();
        var thisMonth = new DateOnly(utc.Year, utc.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var live = customer.Accounts.Where(a => a.State != AccountState.Deleted).ToList();

        var warnings = new List<string>
        {
            "Removing a customer also deletes its accounts that have no billing data from SES.",
        };
        var usageMonths = new[] { thisMonth, lastMonth }.Where(m => live.Exists(a => a.HadUsageIn(m))).ToList();
        if (usageMonths.Count > 0)
        {
            warnings.Add(
                $"{customer.Name} had usage in {string.Join(" and ", usageMonths.Select(PolicyTexts.Month))}. " +
                "Removing a customer with current or recent usage is not recommended.");
        }

        string? denial = null;
        var billed = live.Where(a => a.HasBillingData).ToList();
        if (customer.IsRemoved)
        {
            denial = $"{customer.Name} was already removed.";
        }
        else if (openRequest is not null)
        {
            denial = PolicyTexts.OpenRequest(openRequest);
        }
        else if (billed.Count > 0)
        {
            denial =
                $"{billed.Count} of the customer's accounts have billing data ({string.Join(", ", billed.Select(a => a.ExternalId))}). " +
                "A customer with billing data stays in SES so its invoicing history is kept.";
        }

        return Decision(RemovalOption.RemoveCustomer, denial, warnings);
    }

    /// <summary>
    /// Asks the policy again for an option about to be carried out. <paramref name="openRequest"/> is any other open
    /// request for the same subject (the one being carried out does not count).
    /// </summary>
    public static OptionDecision Recheck(RemovalOption option, CloudAccount account, OpenRequestRef? openRequest = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var decision = option switch
        {
            RemovalOption.DeleteFromPlatform => Delete(account, openRequest),
            RemovalOption.AzureTransferToCsp => AzureTransfer(account, openRequest),
            RemovalOption.AzureSuspend => AzureSuspend(account, openRequest),
            RemovalOption.AwsTransferOwnership => AwsTransferOwnership(account, openRequest),
            RemovalOption.AwsRemoveFromPayer => AwsRemoveFromPayer(account, openRequest),
            RemovalOption.AwsSelfUnlink => AwsSelfUnlink(account, openRequest),
            RemovalOption.DeletedInErrorTicket => DeletedInError(account, openRequest),
            RemovalOption.AwsEndBillingTransfer => AwsEndBillingTransfer(account, openRequest),
            _ => throw new ArgumentOutOfRangeException(nameof(option), option, "Customer removal is checked with EvaluateCustomerRemoval."),
        };

        // A submission names its option; one meant for the other cloud is never allowed, whatever the account's state.
        var cloud = RemovalOptionCatalog.Get(option).Provider ?? account.Provider;
        return cloud == account.Provider
            ? decision
            : decision with
            {
                IsAllowed = false,
                DenialReason = cloud == CloudProvider.Azure
                    ? "This option is only for Azure subscriptions; this is an AWS account."
                    : "This option is only for AWS accounts; this is an Azure subscription.",
            };
    }

    private static OptionDecision Delete(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.HasBillingData
            ? PolicyTexts.DeleteDeniedBillingData(account.BillingRecords.Select(r => r.Month).Distinct().Count())
            : Blocked(account, open);
        return Decision(RemovalOption.DeleteFromPlatform, denial, [PolicyTexts.DeleteWarning]);
    }

    private static OptionDecision AzureTransfer(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.State is AccountState.Active or AccountState.Suspended && open is null
            ? null
            : open is not null ? PolicyTexts.OpenRequest(open) : PolicyTexts.NotActive(account);
        return Decision(
            RemovalOption.AzureTransferToCsp, denial, account.HasBillingData ? ["The subscription's billing history stays in SES after the transfer."] : []);
    }

    private static OptionDecision AzureSuspend(CloudAccount account, OpenRequestRef? open) =>
        Decision(RemovalOption.AzureSuspend, Blocked(account, open), ["A suspended subscription stops its services."]);

    private static OptionDecision AwsTransferOwnership(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.Origin switch
        {
            AccountOrigin.CustomerOwned => "The customer already owns this account, so there is no ownership to transfer. Remove it from the payer organization instead.",
            AccountOrigin.BillingTransfer => MemberOnly(account, "The customer owns this account and its organization, so there is no ownership to transfer."),
            _ => Blocked(account, open),
        };
        return Decision(RemovalOption.AwsTransferOwnership, denial, []);
    }

    private static OptionDecision AwsRemoveFromPayer(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.Origin switch
        {
            AccountOrigin.DistributorAssigned => "The distributor assigned this account, so it leaves through a transfer of ownership, not a removal from the payer organization.",
            AccountOrigin.BillingTransfer => MemberOnly(account, "It is not a member of the distributor's payer organization, so there is nothing to remove it from."),
            _ => Blocked(account, open),
        };
        return Decision(RemovalOption.AwsRemoveFromPayer, denial, ["Mid-month, you invoice the customer only for the days the account was linked this month."]);
    }

    private static OptionDecision AwsSelfUnlink(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.Origin switch
        {
            AccountOrigin.DistributorAssigned => "The distributor holds root access to assigned accounts, so the end customer cannot unlink it themselves.",
            AccountOrigin.BillingTransfer => MemberOnly(account, "It is not in the distributor's organization, so there is no organization for the end customer to leave."),
            _ => Blocked(account, open),
        };
        return Decision(RemovalOption.AwsSelfUnlink, denial, ["The end customer needs a valid payment method on the account before AWS lets it leave the organization."]);
    }

    private static OptionDecision AwsEndBillingTransfer(CloudAccount account, OpenRequestRef? open)
    {
        var transfer = account.BillingTransfer;
        var denial = account.Origin != AccountOrigin.BillingTransfer
            ? "Only an account billed through AWS Billing Transfer has a billing transfer to end; this one is a member of the distributor's payer organization."
            : transfer is null && account.State == AccountState.Active
                ? "SES has no billing transfer on record for this account (no transfer id). Ask SES support to record it first."
                : Blocked(account, open);
        IReadOnlyList<string> warnings = transfer is null
            ? []
            :
            [
                "The transfer ends at 23:59:59 UTC on the last day of the month in which support ends it, not at once: the distributor pays AWS up to then, " +
                "and you invoice the customer up to then.",
                $"It ends the transfer for the customer's whole AWS organization (management account {transfer.SourceManagementAccountId}), not only for this account. It cannot be undone.",
            ];
        return Decision(RemovalOption.AwsEndBillingTransfer, denial, warnings);
    }

    /// <summary>A member-only option on an account billed through Billing Transfer: once the transfer has ended, why nothing applies any more.</summary>
    private static string MemberOnly(CloudAccount account, string why) =>
        account.State == AccountState.Active ? PolicyTexts.MemberOnly(why) : PolicyTexts.NotActive(account);

    private static OptionDecision DeletedInError(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.State != AccountState.Deleted
            ? "Only an account that was deleted from SES can be reported as deleted in error."
            : open is not null ? PolicyTexts.OpenRequest(open) : null;
        return Decision(RemovalOption.DeletedInErrorTicket, denial, []);
    }

    /// <summary>An option's decision, in the catalog's words.</summary>
    private static OptionDecision Decision(RemovalOption option, string? denial, IReadOnlyList<string> warnings)
    {
        var info = RemovalOptionCatalog.Get(option);
        return new OptionDecision(
            option,
            denial is null,
            info.Label,
            info.Description,
            denial,
            warnings,
            info.ConfirmsByTypingAccountId ? ConfirmationKind.TypeAccountId : ConfirmationKind.Confirm);
    }

    private static string? Blocked(CloudAccount account, OpenRequestRef? open) =>
        account.State != AccountState.Active ? PolicyTexts.NotActive(account)
        : open is not null ? PolicyTexts.OpenRequest(open)
        : null;
}
