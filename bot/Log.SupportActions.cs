namespace SesBot.Bot;

/// <summary>Support-card actions and the updates they send (event ids 4100–4199).</summary>
internal static partial class Log
{
    [LoggerMessage(4101, LogLevel.Information, "{ActorId} did {Action} on request {RequestId} (version {Version}).")]
    public static partial void SupportActionTaken(ILogger logger, string actorId, string action, string requestId, int version);

    [LoggerMessage(4102, LogLevel.Information, "{ActorId} was refused {Action} on request {RequestId}: {Outcome}.")]
    public static partial void SupportActionRefused(ILogger logger, string actorId, string action, string requestId, string outcome);

    [LoggerMessage(4103, LogLevel.Warning, "Request {RequestId}: no way to reach the reseller ({What}); the update is shown only when they look.")]
    public static partial void ResellerUnreachable(ILogger logger, string requestId, string what);

    [LoggerMessage(4104, LogLevel.Debug, "Follow-up {IdempotencyKey}: {Operation} in {ConversationId}.")]
    public static partial void FollowUpDelivering(ILogger logger, string idempotencyKey, string operation, string conversationId);

    [LoggerMessage(4105, LogLevel.Information, "Request {RequestId}: the reseller's answer was recorded and queued for the support thread.")]
    public static partial void ResellerAnswered(ILogger logger, string requestId);
}
