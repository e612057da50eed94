using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>One open request as support's queue lists it. Nobody is assigned yet (assignment comes later): null.</summary>
public sealed record QueueEntry(
    string RequestId,
    RemovalOption Kind,
    RequestStatus Status,
    string ResellerName,
    string CustomerName,
    CloudProvider? Provider,
    string? AccountExternalId,
    DateTimeOffset CreatedAt,
    string? AssigneeName = null);
