using SesBot.Bot.Localization;

namespace SesBot.Bot;

// 5300–5349: languages (bot/Localization).
internal static partial class Log
{
    [LoggerMessage(5300, LogLevel.Debug, "Turn answered in {Culture} (activity locale {Locale}, culture from {Source})")]
    public static partial void TurnCulture(ILogger logger, string culture, string? locale, CultureSource source);
}
