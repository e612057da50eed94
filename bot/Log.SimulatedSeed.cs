namespace SesBot.Bot;

/// <summary>Seeding the simulated cloud at start (event ids 9300-9349).</summary>
internal static partial class Log
{
    [LoggerMessage(9300, LogLevel.Warning, "The simulated cloud tables could not be seeded at start; simulated accounts join on first use instead.")]
    public static partial void SimulatedSeedFailed(ILogger logger, Exception exception);
}
