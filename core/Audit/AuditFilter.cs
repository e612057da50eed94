namespace SesBot.Core.Audit;

/// <summary>
/// Which audit events to read: one reseller's (or every reseller's), in the time range [<see cref="From"/>,
/// <see cref="To"/>), about one cloud account (SES's own id, <see cref="Domain.CloudAccount.Id"/>) or all. Null means no limit.
/// </summary>
public sealed record AuditFilter(string? ResellerId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? AccountId = null)
{
    public static AuditFilter Everything { get; } = new();
}
