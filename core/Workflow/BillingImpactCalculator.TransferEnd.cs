using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>What the reseller invoices when a billing transfer is ended: the same basis, up to the month's end.</summary>
public static partial class BillingImpactCalculator
{
    /// <summary>
    /// The part of the month the distributor still pays for when a billing transfer started at
    /// <paramref name="transferStart"/> is ended at <paramref name="endedAt"/>: the transfer runs to 23:59:59 UTC on the
    /// month's last day (<see cref="BillingTransferTerms.EndIfEndedAt"/>), so every day from the later of the month start
    /// and the transfer start to that last day counts. <see cref="BillingImpact.PeriodEnd"/> is the transfer's end.
    /// </summary>
    public static BillingImpact UntilTransferEnds(DateTimeOffset transferStart, DateTimeOffset endedAt)
    {
        var end = BillingTransferTerms.EndIfEndedAt(endedAt);
        var start = transferStart.ToUniversalTime();

        // A transfer that has not started by the end (accepted for a later month) leaves nothing of this month to invoice.
        return Calculate(start > end ? end : start, end);
    }
}
