using Microsoft.Extensions.Logging;
using SesBot.Core.Email;

namespace SesBot.Core;

/// <summary>Email (event ids 9000-9099). SesBot logs no address or body, only the Message-Id (a server's reply is logged as the server gave it).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Email {MessageId} sent via SMTP {Host}:{Port}: {ServerResponse}")]
    public static partial void EmailSent(ILogger logger, string messageId, string host, int port, string serverResponse);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Email {MessageId} not sent via SMTP {Host}:{Port}, {Status} ({Reason}, SMTP code {SmtpStatusCode}): {Detail}")]
    public static partial void EmailNotSent(
        ILogger logger, string messageId, string host, int port, EmailSendStatus status, EmailFailureReason reason, int? smtpStatusCode, string detail);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Email {MessageId} written to the pickup directory as {File}")]
    public static partial void EmailWrittenToPickup(ILogger logger, string messageId, string file);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Email {MessageId} could not be written to the pickup directory {Directory}, {Status}")]
    public static partial void EmailPickupFailed(ILogger logger, Exception exception, string messageId, string directory, EmailSendStatus status);
}
