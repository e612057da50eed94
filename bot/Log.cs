namespace SesBot.Bot;

/// <summary>Every log message of the bot, source-generated. Event ids: 1xxx host, 2xxx Teams, 3xxx dialogs, 4xxx support, 5xxx Slack.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "SesBot runs in LOCAL MODE: no channel or cloud credentials are configured. Demo data is seeded and unauthenticated channel requests are accepted from loopback addresses only.")]
    public static partial void LocalMode(ILogger logger);

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
}
