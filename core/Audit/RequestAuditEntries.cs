using SesBot.Core.Domain;

namespace SesBot.Core.Audit;

/// <summary>
/// A request's own audit events as <see cref="AuditEntry"/> records, read the same way the audit log reads them, so a
/// request's history and an account's history are told by one function.
/// </summary>
public static class RequestAuditEntries
{
    public static AuditEntry Of(AuditEvent audit, RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(request);
        var (from, to, note) = AuditDetails.Transition(audit.Action, audit.Details);
        return new AuditEntry
        {
            EventId = audit.Id,
            At = audit.At,
            Action = audit.Action,
            ActorId = audit.ActorId,
            ActorName = audit.ActorName,
            ActorRole = audit.ActorRole,
            EntityType = audit.EntityType,
            EntityId = audit.EntityId,
            RequestId = request.Id,
            RequestKind = request.Kind,
            ResellerId = request.ResellerId,
            CustomerId = request.CustomerId,
            AccountId = request.CloudAccountId,
            FromStatus = from,
            ToStatus = to,
            Note = note,
            Details = audit.Details,
        };
    }
}
