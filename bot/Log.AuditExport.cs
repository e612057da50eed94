using SesBot.Core.Domain;

namespace SesBot.Bot;

/// <summary>Audit export links and downloads (event ids 4400–4449). Never log a token.</summary>
internal static partial class Log
{
    [LoggerMessage(4401, LogLevel.Information, "Audit export link created for {ActorId}; it expires at {ExpiresAt:O}.")]
    public static partial void AuditExportLinkCreated(ILogger logger, string actorId, DateTimeOffset expiresAt);

    [LoggerMessage(4402, LogLevel.Warning, "Audit export link refused to {ActorId}: a {Role} is not an admin.")]
    public static partial void AuditExportLinkRefused(ILogger logger, string actorId, Role role);

    [LoggerMessage(4403, LogLevel.Information, "Audit export downloaded by {ActorId}: {Rows} events, read in {ReadMs:0} ms, sent in {TotalMs:0} ms.")]
    public static partial void AuditExportDownloaded(ILogger logger, string actorId, int rows, double readMs, double totalMs);

    [LoggerMessage(4404, LogLevel.Warning, "Audit export download refused: the link is not one SesBot signed, or was altered.")]
    public static partial void AuditExportInvalidLink(ILogger logger);

    [LoggerMessage(4405, LogLevel.Information, "Audit export download refused: the link made for {ActorId} expired at {ExpiresAt:O}.")]
    public static partial void AuditExportExpiredLink(ILogger logger, string actorId, DateTimeOffset expiresAt);

    [LoggerMessage(4406, LogLevel.Warning, "Audit export download refused: {ActorId}, for whom the link was made, is no longer an admin.")]
    public static partial void AuditExportNotAdmin(ILogger logger, string actorId);
}
