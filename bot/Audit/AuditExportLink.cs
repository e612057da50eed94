namespace SesBot.Bot.Audit;

/// <summary>A signed download link for an audit export, and when it stops working.</summary>
public sealed record AuditExportLink(Uri Url, DateTimeOffset ExpiresAt);
