namespace SesBot.Bot;

/// <summary>Every log message of the bot, source-generated. Event ids: 1xxx host, 2xxx Teams, 3xxx dialogs, 4xxx support, 5xxx Slack.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "SesBot runs in LOCAL MODE: no channel or cloud credentials are configured. Demo data is seeded and unauthenticated channel requests are accepted from loopback addresses only.")]
    public static partial void LocalMode(ILogger logger);

    [LoggerMessage(2201, LogLevel.Information, "Teams activity {ActivityId} was delivered again; it was handled the first time.")]
    public static partial void TeamsRedelivery(ILogger logger, string activityId);

    [LoggerMessage(2202, LogLevel.Error, "The turn failed; the user was given the reference {Reference}.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string reference);

    [LoggerMessage(2203, LogLevel.Warning, "The apology for a failed turn could not be sent either.")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(2205, LogLevel.Warning, "A Teams request body could not be read as an activity: {Reason}")]
    public static partial void TeamsBadBody(ILogger logger, string reason);

    // 2001–2099: Teams inbound authentication (bot/Channels/Teams/Auth). Never log a token.
    [LoggerMessage(2001, LogLevel.Warning, "Teams request refused with {StatusCode}: {Reason} (remote {RemoteAddress})")]
    public static partial void InboundRequestRejected(ILogger logger, int statusCode, string reason, System.Net.IPAddress? remoteAddress);

    [LoggerMessage(2002, LogLevel.Warning, "Teams activity refused with 403: {Reason} (channel {ChannelId}, key {KeyId})")]
    public static partial void InboundActivityForbidden(ILogger logger, string reason, string? channelId, string? keyId);

    [LoggerMessage(2003, LogLevel.Debug, "Teams request accepted without a token from loopback {RemoteAddress} (local mode)")]
    public static partial void InboundAnonymousAccepted(ILogger logger, System.Net.IPAddress? remoteAddress);

    [LoggerMessage(2004, LogLevel.Debug, "Teams token accepted (key {KeyId})")]
    public static partial void InboundTokenAccepted(ILogger logger, string keyId);

    [LoggerMessage(2005, LogLevel.Information, "Bot Framework signing keys fetched: {KeyCount} keys, {EndorsedCount} with endorsements")]
    public static partial void SigningKeysFetched(ILogger logger, int keyCount, int endorsedCount);

    [LoggerMessage(2006, LogLevel.Warning, "Fetching the Bot Framework signing keys failed; previous keys kept: {KeptPrevious}")]
    public static partial void SigningKeysFetchFailed(ILogger logger, bool keptPrevious, Exception exception);
}
