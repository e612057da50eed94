using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>One open request as support's queue lists it, with who has it (null: unassigned).</summary>
public sealed record QueueEntry(
    string RequestId,
    RemovalOption Kind,
    RequestStatus Status,
    string ResellerName,
    string CustomerName,
    CloudProvider? Provider,
    string? AccountExternalId,
    DateTimeOffset CreatedAt,
    string? AssigneeName = null)
{
    /// <summary>Support asked the reseller something and waits on the answer.</summary>
    public bool WaitingOnReseller { get; init; }
}
