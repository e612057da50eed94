using SesBot.Core.Domain;

namespace SesBot.Core.Audit;

/// <summary>
/// One audit event with what it is about: the request, reseller, customer and account it concerns (each null when the
/// event does not concern one), and, for a request's move, the statuses before and after and the note left with it.
/// </summary>
public sealed record AuditEntry
{
    public required long EventId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>What happened: "Submitted", a request trigger ("Accept", "MarkRemovedFromPayer"…) or an account event ("Deleted"…).</summary>
    public required string Action { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public required Role ActorRole { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public string? RequestId { get; init; }

    public RemovalOption? RequestKind { get; init; }

    public string? ResellerId { get; init; }

    public string? ResellerName { get; init; }

    public string? CustomerId { get; init; }

    public string? CustomerName { get; init; }

    /// <summary>SES's id of the cloud account.</summary>
    public string? AccountId { get; init; }

    public CloudProvider? Provider { get; init; }

    /// <summary>The AWS account number or Azure subscription id.</summary>
    public string? AccountExternalId { get; init; }

    public RequestStatus? FromStatus { get; init; }

    public RequestStatus? ToStatus { get; init; }

    /// <summary>The note left with a request's move (a rejection reason, a failure).</summary>
    public string? Note { get; init; }

    /// <summary>The event's details as recorded.</summary>
    public string? Details { get; init; }
}
