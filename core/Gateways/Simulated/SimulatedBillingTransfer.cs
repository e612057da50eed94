namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// An inbound billing transfer of the simulated payer (local mode), kept in the project database. Created from the SES
/// account billed through it the first time the simulation is asked about it.
/// </summary>
public sealed class SimulatedBillingTransfer
{
    public SimulatedBillingTransfer(string transferId, string sourceManagementAccountId, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transferId);
        TransferId = transferId;
        SourceManagementAccountId = sourceManagementAccountId;
        StartedAt = startedAt;
        Status = BillingTransferFacts.Accepted;
    }

    public string TransferId { get; private set; }

    public string SourceManagementAccountId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Organizations' transfer status (<c>ACCEPTED</c> while it runs).</summary>
    public string Status { get; set; }

    /// <summary>When it ends, once ended.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>
    /// The error ending it produces: an <c>AwsErrorKind</c> name, <c>OutcomeUnknown</c> (nothing ended) or
    /// <c>OutcomeUnknownAfterEnd</c> (ended, but the answer is lost).
    /// </summary>
    public string? Failure { get; set; }

    /// <summary>How many times TerminateResponsibilityTransfer reached the simulation for this transfer.</summary>
    public int TerminateCalls { get; set; }
}
