namespace SesBot.Bot;

/// <summary>Failures of the simulated cloud chosen in configuration, <c>Simulation:Failures</c> (event ids 9400-9449).</summary>
internal static partial class Log
{
    [LoggerMessage(9400, LogLevel.Warning, "Simulation:Failures has {Count} entr(ies), ignored: AWS Organizations and Partner Center are both real (configured under Aws: and PartnerCenter:), nothing is simulated.")]
    public static partial void SimulatedFailuresIgnored(ILogger logger, int count);

    [LoggerMessage(9401, LogLevel.Warning, "The failures of Simulation:Failures could not be put on the simulated cloud at start; the rows keep what they had.")]
    public static partial void SimulatedFailuresFailed(ILogger logger, Exception exception);
}
