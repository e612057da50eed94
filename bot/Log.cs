namespace SesBot.Bot;

/// <summary>Every log message of the bot, source-generated. Event ids: 1xxx host, 2xxx Teams, 3xxx dialogs, 4xxx support, 5xxx Slack.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "SesBot runs in LOCAL MODE: no channel or cloud credentials are configured. Demo data is seeded and unauthenticated channel requests are accepted from loopback addresses only.")]
    public static partial void LocalMode(ILogger logger);

    [LoggerMessage(1002, LogLevel.Information, "Forgot {Count} inbound deliveries past their retention.")]
    public static partial void DeliveriesPruned(ILogger logger, int count);

    [LoggerMessage(1003, LogLevel.Warning, "Pruning old inbound deliveries failed; trying again tomorrow.")]
    public static partial void DeliveriesPruneFailed(ILogger logger, Exception exception);


    [LoggerMessage(2202, LogLevel.Error, "The turn failed; the user was given the reference {Reference}.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string reference);

    [LoggerMessage(2203, LogLevel.Warning, "The apology for a failed turn could not be sent either.")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    // 2001–2099: Teams inbound authentication (bot/Channels/Teams/Auth). Never log a token.
    [LoggerMessage(2003, LogLevel.Debug, "Teams request accepted without a token from loopback {RemoteAddress} (local mode)")]
    public static partial void InboundAnonymousAccepted(ILogger logger, System.Net.IPAddress? remoteAddress);

    [LoggerMessage(2004, LogLevel.Debug, "Teams token accepted (key {KeyId})")]
    public static partial void InboundTokenAccepted(ILogger logger, string keyId);

    [LoggerMessage(2005, LogLevel.Information, "Bot Framework signing keys fetched: {KeyCount} keys, {EndorsedCount} with endorsements")]
    public static partial void SigningKeysFetched(ILogger logger, int keyCount, int endorsedCount);

    [LoggerMessage(2006, LogLevel.Warning, "Fetching the Bot Framework signing keys failed; previous keys kept: {KeptPrevious}")]
    public static partial void SigningKeysFetchFailed(ILogger logger, bool keptPrevious, Exception exception);

    // 2100–2199: Teams outbound (Bot Connector client and its token). Never log a token or the secret.
    [LoggerMessage(2101, LogLevel.Debug, "Bot Connector token acquired from {Host}; it expires at {ExpiresAt:O}")]
    public static partial void BotTokenAcquired(ILogger logger, string host, DateTimeOffset expiresAt);

    [LoggerMessage(2102, LogLevel.Error, "Bot Connector token request to {Host} failed: status {Status}, error {Error}")]
    public static partial void BotTokenFailed(ILogger logger, string host, int? status, string? error);

    [LoggerMessage(2103, LogLevel.Warning, "Bot Connector token refresh failed ({Error}); the cached token stays in use until {ExpiresAt:O}")]
    public static partial void BotTokenRefreshFailed(ILogger logger, string? error, DateTimeOffset expiresAt);

    [LoggerMessage(2110, LogLevel.Warning, "Bot Connector {Operation} got {Cause}; retry {Attempt} in {Delay}")]
    public static partial void ConnectorRetrying(ILogger logger, string operation, string? cause, int attempt, TimeSpan delay);

    [LoggerMessage(2111, LogLevel.Warning, "Bot Connector {Operation} failed with {Status} {ErrorCode} (X-Correlating-OperationId {CorrelationId})")]
    public static partial void ConnectorFailed(ILogger logger, string operation, int status, string? errorCode, string? correlationId);

    [LoggerMessage(2112, LogLevel.Information, "Bot Connector {Operation}: the conversation is blocked ({ErrorCode}); the user blocked or uninstalled the bot (X-Correlating-OperationId {CorrelationId})")]
    public static partial void ConnectorConversationBlocked(ILogger logger, string operation, string? errorCode, string? correlationId);

    [LoggerMessage(2113, LogLevel.Warning, "Bot Connector {Operation} got no answer ({Exception}); outcome unknown: {OutcomeUnknown}, not replayed")]
    public static partial void ConnectorNoAnswer(ILogger logger, string operation, string exception, bool outcomeUnknown);

    [LoggerMessage(2206, LogLevel.Warning, "Teams said SesBot may no longer write to conversation {ConversationId} (blocked or uninstalled).")]
    public static partial void ConversationBlocked(ILogger logger, string conversationId);

    // 3xxx: dialogs
    [LoggerMessage(3001, LogLevel.Warning, "Dialog state {StateId} could not be read; the dialog restarts.")]
    public static partial void DialogStateUnreadable(ILogger logger, Exception? exception, long stateId);

    [LoggerMessage(2207, LogLevel.Warning, "Looking up an unknown Teams user's email failed ({Status}); they are treated as not linked.")]
    public static partial void MemberLookupFailed(ILogger logger, int status);

    [LoggerMessage(2208, LogLevel.Warning, "Teams: no app id is configured (Teams:AppId), so /api/messages accepts requests without a token from loopback addresses only, and replies are sent without a token. Configure the Azure Bot registration before exposing the bot.")]
    public static partial void TeamsLocalMode(ILogger logger);

}
