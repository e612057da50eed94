namespace SesBot.Bot;

/// <summary>Every log message of the bot, source-generated. Event ids: 1xxx host, 2xxx Teams, 3xxx dialogs, 4xxx support, 5xxx Slack.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "SesBot runs in LOCAL MODE: no channel or cloud credentials are configured. Demo data is seeded and unauthenticated channel requests are accepted from loopback addresses only.")]
    public static partial void LocalMode(ILogger logger);
}
