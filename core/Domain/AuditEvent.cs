namespace SesBot.Core.Domain;

/// <summary>One line of the append-only audit log: who changed what, when and why.</summary>
public sealed class AuditEvent
{
    public AuditEvent(DateTimeOffset at, Actor actor, string entityType, string entityId, string action, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        At = at.ToUniversalTime();
        ActorId = actor.Id;
        ActorName = actor.DisplayName;
        ActorRole = actor.Role;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Details = details;
    }

    private AuditEvent()
    {
        ActorId = ActorName = EntityType = EntityId = Action = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Role ActorRole { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public string Action { get; private set; }

    public string? Details { get; private set; }
}
