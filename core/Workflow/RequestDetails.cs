using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>A request with what it is about and its timeline (the audit events of the request, oldest first).</summary>
public sealed record RequestDetails(RemovalRequest Request, Customer Customer, CloudAccount? Account, IReadOnlyList<AuditEvent> Timeline)
{
    /// <summary>The unlink-instructions email of the request and what became of it; null for other requests.</summary>
    public EmailDelivery? Email { get; init; }
}
