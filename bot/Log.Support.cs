namespace SesBot.Bot;

/// <summary>The support desk (event ids 4000–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Warning, "No support channel is set (neither chosen nor Support:ChannelConversationId): request {RequestId} and later ones are not posted to support. Logged once.")]
    public static partial void NoSupportChannel(ILogger logger, string requestId);

    [LoggerMessage(4002, LogLevel.Warning, "The support channel {Channel}/{ConversationKey} cannot be written to (unknown, blocked, or no poster): request {RequestId} is not posted to support.")]
    public static partial void SupportChannelUnreachable(ILogger logger, string channel, string conversationKey, string requestId);

    [LoggerMessage(4003, LogLevel.Information, "Request {RequestId} queued for a new thread in the support channel {ConversationKey}.")]
    public static partial void SupportThreadQueued(ILogger logger, string requestId, string conversationKey);

    [LoggerMessage(4004, LogLevel.Information, "{ActorId} chose {ConversationKey} as the support channel.")]
    public static partial void SupportChannelChosen(ILogger logger, string actorId, string conversationKey);

    [LoggerMessage(4005, LogLevel.Warning, "Support thread {IdempotencyKey}: the channel blocked SesBot or removed it from the team.")]
    public static partial void SupportThreadBlocked(ILogger logger, string idempotencyKey);
}
