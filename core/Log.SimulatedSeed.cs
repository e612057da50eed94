using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>Seeding the simulated cloud tables in local mode (event ids 9350-9399).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9350, Level = LogLevel.Information, Message = "Simulated cloud seeded: {Members} AWS member account(s), {Transfers} billing transfer(s), {Subscriptions} Azure subscription(s) (simulated, nothing at AWS or Partner Center)")]
    public static partial void SimulatedSeeded(ILogger logger, int members, int transfers, int subscriptions);

    [LoggerMessage(EventId = 9351, Level = LogLevel.Information, Message = "Simulated cloud seeding met rows another process added first; those stand, the rest join on first use")]
    public static partial void SimulatedSeedRaced(ILogger logger, Exception exception);
}
