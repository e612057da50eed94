namespace SesBot.Bot;

/// <summary>Log messages of the dialogs' forms (event ids 3100-3149).</summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Warning, "Refused an over-long {Field} at step {Step}: {Length} characters, the limit is {Limit}. A card enforces the limit, so this came from a forged or outdated client.")]
    public static partial void OverlongInput(ILogger logger, string field, string step, int length, int limit);
}
