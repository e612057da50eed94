namespace SesBot.Bot.Audit;

/// <summary>The outcome of reading a download token; the ticket is there unless the token is invalid.</summary>
internal sealed record AuditLinkCheck(AuditLinkStatus Status, AuditExportTicket? Ticket = null);
