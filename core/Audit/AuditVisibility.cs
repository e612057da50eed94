using SesBot.Core.Domain;

namespace SesBot.Core.Audit;

/// <summary>
/// Who may see which audit records: admins and support agents see every reseller's, a reseller user only their own
/// reseller's. Every audit query asks here.
/// </summary>
public static class AuditVisibility
{
    /// <summary>
    /// The reseller whose records the actor may see, or null when they may see every reseller's. A reseller user
    /// without a reseller gets a scope no record has.
    /// </summary>
    public static string? ResellerScope(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Role.Admin or Role.SupportAgent => null,
            _ => string.IsNullOrWhiteSpace(actor.ResellerId) ? NoReseller : actor.ResellerId,
        };
    }

    /// <summary>Whether the actor may see a record of this reseller (null: a record of no reseller, for admins and support only).</summary>
    public static bool MaySee(Actor actor, string? resellerId)
    {
        var scope = ResellerScope(actor);
        return scope is null || (resellerId is not null && string.Equals(scope, resellerId, StringComparison.Ordinal));
    }

    /// <summary>Matches no reseller id (ids are never empty).</summary>
    private const string NoReseller = "";
}
