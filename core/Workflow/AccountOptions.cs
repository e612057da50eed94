using SesBot.Core.Domain;
using SesBot.Core.Policy;

namespace SesBot.Core.Workflow;

/// <summary>What a reseller sees for one account: the policy's options and, for a removal from the payer organization, the billing impact now.</summary>
public sealed record AccountOptions(
    Customer Customer,
    CloudAccount Account,
    PolicyDecision Decision,
    BillingImpact? RemoveFromPayerImpact,
    OpenRequestRef? OpenRequest)
{
    /// <summary>
    /// SES's billing data for the month of <see cref="RemoveFromPayerImpact"/> (or <see cref="EndTransferImpact"/>) so far (one amount per currency), when
    /// there is any: the amount accrued in the linked part of the month up to the last import. Empty otherwise.
    /// </summary>
    public IReadOnlyList<MonthToDateAmount> MonthToDate { get; init; } = [];

    /// <summary>
    /// For an account billed through AWS Billing Transfer, when ending the transfer is allowed: what the distributor
    /// still pays for, and the reseller invoices, if support ends it now (up to 23:59:59 UTC on the month's last day).
    /// </summary>
    public BillingImpact? EndTransferImpact { get; init; }

    /// <summary>The customer's other accounts billed through the same transfer: ending it ends it for them too.</summary>
    public IReadOnlyList<CloudAccount> TransferAccounts { get; init; } = [];
}
