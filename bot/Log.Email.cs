namespace SesBot.Bot;

/// <summary>Log messages of the emails SesBot sends through the outbox (event ids 3150-3199).</summary>
internal static partial class Log
{
    [LoggerMessage(3150, LogLevel.Information, "Unlink instructions for request {RequestId} emailed ({MessageId}).")]
    public static partial void UnlinkInstructionsSent(ILogger logger, string requestId, string messageId);

    [LoggerMessage(3151, LogLevel.Warning, "Unlink instructions for request {RequestId} not sent ({Status}, {Reason}): {Detail}")]
    public static partial void UnlinkInstructionsNotSent(ILogger logger, string requestId, Core.Email.EmailSendStatus status, Core.Email.EmailFailureReason reason, string detail);

    [LoggerMessage(3152, LogLevel.Information, "Unlink instructions for request {RequestId} not sent: the request is {Status}.")]
    public static partial void UnlinkInstructionsSkipped(ILogger logger, string requestId, Core.Domain.RequestStatus status);

    [LoggerMessage(3153, LogLevel.Information, "Request {RequestId} changed while it was marked \"instructions sent\"; reading it again.")]
    public static partial void UnlinkInstructionsMarkConflict(ILogger logger, string requestId);

    [LoggerMessage(3154, LogLevel.Error, "The unlink instructions of request {RequestId} were sent, but the request could not be marked \"instructions sent\".")]
    public static partial void UnlinkInstructionsMarkFailed(ILogger logger, Exception exception, string requestId);
}
