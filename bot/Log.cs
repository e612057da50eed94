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

    [LoggerMessage(2204, LogLevel.Warning, "A Teams request was refused ({Status}): {Reason}")]
    public static partial void TeamsRequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(2205, LogLevel.Warning, "A Teams request body could not be read as an activity: {Reason}")]
    public static partial void TeamsBadBody(ILogger logger, string reason);
}
