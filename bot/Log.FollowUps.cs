using SesBot.Core.Support;

namespace SesBot.Bot;

/// <summary>Reminders, escalation and the request's email retry (event ids 4200–4299).</summary>
internal static partial class Log
{
    [LoggerMessage(4201, LogLevel.Information, "{Stage} of request {RequestId} (waiting on {WaitingOn} since {WaitingSince}) written to the outbox.")]
    public static partial void FollowUpWritten(ILogger logger, FollowUpStage stage, string requestId, WaitingOn waitingOn, DateTimeOffset waitingSince);

    [LoggerMessage(4202, LogLevel.Warning, "{Stage} of request {RequestId}: nowhere to send it (no support thread or channel, no chat with the person); recorded as done.")]
    public static partial void FollowUpUndeliverable(ILogger logger, FollowUpStage stage, string requestId);

    [LoggerMessage(4203, LogLevel.Information, "The follow-up of request {RequestId} was written by someone else meanwhile; not written again.")]
    public static partial void FollowUpConflict(ILogger logger, string requestId);

    [LoggerMessage(4204, LogLevel.Error, "The reminder loop failed; trying again at the next sweep.")]
    public static partial void FollowUpLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(4205, LogLevel.Warning, "Message {IdempotencyKey} cannot go to {Where}: SesBot has no address there, or may not write there.")]
    public static partial void NoticeUndeliverable(ILogger logger, string idempotencyKey, string where);

    [LoggerMessage(4206, LogLevel.Warning, "The escalation person (Support:Escalation:Email) of request {RequestId} is unknown to SesBot or has no chat with it; escalating elsewhere.")]
    public static partial void EscalationPersonUnreachable(ILogger logger, string requestId);

    [LoggerMessage(4210, LogLevel.Information, "{ActorId} asked to send the instructions of request {RequestId} again after outbox message {FailedMessageId} failed: a new attempt is queued.")]
    public static partial void EmailRetryQueued(ILogger logger, string actorId, string requestId, long failedMessageId);
}
