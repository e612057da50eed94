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

        var warnings = new List<string> { PolicyTexts.CustomerRemovalDeletesAccounts };
        var usageMonths = new[] { thisMonth, lastMonth }.Where(m => live.Exists(a => a.HadUsageIn(m))).ToList();
        if (usageMonths.Count > 0)
        {
            warnings.Add(PolicyTexts.CustomerUsage(customer.Name, usageMonths));
        }

        string? denial = null;
        var billed = live.Where(a => a.HasBillingData).ToList();
        if (customer.IsRemoved)
        {
            denial = PolicyTexts.CustomerAlreadyRemoved(customer.Name);
        }
        else if (openRequest is not null)
        {
            denial = PolicyTexts.OpenRequest(openRequest);
        }
        else if (billed.Count > 0)
        {
            denial = PolicyTexts.CustomerBilled([.. billed.Select(a => a.ExternalId)]);
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
                DenialReason = PolicyTexts.WrongCloud(cloud),
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
            RemovalOption.AzureTransferToCsp, denial, account.HasBillingData ? [PolicyTexts.AzureTransferKeepsHistory] : []);
    }

    private static OptionDecision AzureSuspend(CloudAccount account, OpenRequestRef? open) =>
        Decision(RemovalOption.AzureSuspend, Blocked(account, open), [PolicyTexts.AzureSuspendStopsServices]);

    private static OptionDecision AwsTransferOwnership(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.Origin switch
        {
            AccountOrigin.CustomerOwned => PolicyTexts.TransferDeniedCustomerOwned,
            AccountOrigin.BillingTransfer => MemberOnly(account, PolicyTexts.TransferDeniedBillingTransfer),
            _ => Blocked(account, open),
        };
        return Decision(RemovalOption.AwsTransferOwnership, denial, []);
    }

    private static OptionDecision AwsRemoveFromPayer(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.Origin switch
        {
            AccountOrigin.DistributorAssigned => PolicyTexts.PayerRemovalDeniedAssigned,
            AccountOrigin.BillingTransfer => MemberOnly(account, PolicyTexts.PayerRemovalDeniedBillingTransfer),
            _ => Blocked(account, open),
        };
        return Decision(RemovalOption.AwsRemoveFromPayer, denial, [PolicyTexts.PayerRemovalInvoice]);
    }

    private static OptionDecision AwsSelfUnlink(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.Origin switch
        {
            AccountOrigin.DistributorAssigned => PolicyTexts.SelfUnlinkDeniedAssigned,
            AccountOrigin.BillingTransfer => MemberOnly(account, PolicyTexts.SelfUnlinkDeniedBillingTransfer),
            _ => Blocked(account, open),
        };
        return Decision(RemovalOption.AwsSelfUnlink, denial, [PolicyTexts.SelfUnlinkPaymentMethod]);
    }

    private static OptionDecision AwsEndBillingTransfer(CloudAccount account, OpenRequestRef? open)
    {
        var transfer = account.BillingTransfer;
        var denial = account.Origin != AccountOrigin.BillingTransfer
            ? PolicyTexts.EndTransferDeniedMember
            : transfer is null && account.State == AccountState.Active
                ? PolicyTexts.EndTransferDeniedNoRecord
                : Blocked(account, open);
        IReadOnlyList<string> warnings = transfer is null
            ? []
            : [PolicyTexts.EndTransferAtMonthEnd, PolicyTexts.EndTransferWholeOrganization(transfer.SourceManagementAccountId)];
        return Decision(RemovalOption.AwsEndBillingTransfer, denial, warnings);
    }

    /// <summary>A member-only option on an account billed through Billing Transfer: once the transfer has ended, why nothing applies any more.</summary>
    private static string MemberOnly(CloudAccount account, string why) =>
        account.State == AccountState.Active ? PolicyTexts.MemberOnly(why) : PolicyTexts.NotActive(account);

    private static OptionDecision DeletedInError(CloudAccount account, OpenRequestRef? open)
    {
        var denial = account.State != AccountState.Deleted
            ? PolicyTexts.DeletedInErrorDeniedNotDeleted
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
