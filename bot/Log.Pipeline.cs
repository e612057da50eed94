namespace SesBot.Bot;

/// <summary>The turn pipeline and the outbox (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(1101, LogLevel.Information, "{Channel} delivery {DeliveryId} was delivered again; it had been handled, so it got the same answer.")]
    public static partial void TurnRedelivered(ILogger logger, string channel, string deliveryId);

    [LoggerMessage(1102, LogLevel.Debug, "The turn's commit lost a race (attempt {Attempt}: {Reason}); running it again on what the other turn committed.")]
    public static partial void TurnConflict(ILogger logger, int attempt, string reason);

    [LoggerMessage(1110, LogLevel.Warning, "Outbox message {MessageId} ({Kind}) attempt {Attempt} not delivered; retrying in {Delay}: {Reason}")]
    public static partial void OutboxRetry(ILogger logger, long messageId, string kind, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(1111, LogLevel.Error, "Outbox message {MessageId} ({Kind}) failed for good: {Reason}")]
    public static partial void OutboxFailed(ILogger logger, long messageId, string kind, string reason);

    [LoggerMessage(1112, LogLevel.Error, "Outbox message {MessageId} ({Kind}) needs a person: its outcome is unknown ({Reason}); it is not sent again automatically.")]
    public static partial void OutboxNeedsAttention(ILogger logger, long messageId, string kind, string reason);

    [LoggerMessage(1113, LogLevel.Error, "The outbox dispatcher's pass failed; it tries again at the next wake-up.")]
    public static partial void OutboxLoopFailed(ILogger logger, Exception exception);
}
