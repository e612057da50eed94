using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Gateways;

/// <summary>
/// The distributor's inbound AWS Billing Transfers: read one by id (pre-flight, verification, reconciliation) and end
/// it. Implemented over the Organizations client (<see cref="AwsBillingTransferGateway"/>) or by simulated transfers in
/// the project database (<see cref="Simulated.SimulatedBillingTransferGateway"/>); called only from the outbox
/// dispatcher. Failures throw <see cref="AwsOrganizationsException"/> with a typed error.
/// </summary>
public interface IAwsBillingTransferGateway
{
    /// <summary>True for the simulated transfers: cards and logs say so.</summary>
    bool IsSimulated { get; }

    /// <summary>ListInboundResponsibilityTransfers (type BILLING) filtered by id; null when AWS does not know the transfer.</summary>
    Task<BillingTransferFacts?> ReadTransferAsync(string transferId, CancellationToken cancellationToken);

    /// <summary>
    /// TerminateResponsibilityTransfer at <paramref name="endsAt"/> (the last second of a UTC month), sent once; returns
    /// the transfer as AWS answered (its end). An ambiguous failure is <see cref="AwsErrorKind.OutcomeUnknown"/>.
    /// </summary>
    Task<BillingTransferFacts> EndTransferAsync(string transferId, DateTimeOffset endsAt, CancellationToken cancellationToken);
}
