using SesBot.Core.Domain;

namespace SesBot.Core.Audit;

/// <summary>A cloud account, whose it is, and everything the audit log holds about it, oldest first.</summary>
public sealed record AccountTimeline(CloudAccount Account, Customer Customer, Reseller Reseller, IReadOnlyList<AuditEntry> Entries);
