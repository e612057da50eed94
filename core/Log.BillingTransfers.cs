using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>Ending AWS Billing Transfers through the gateway port (event ids 6550-6599).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6550, Level = LogLevel.Information, Message = "Simulated AWS Organizations: {Operation} for billing transfer {TransferId} (simulated, no AWS call)")]
    public static partial void SimulatedTransferCall(ILogger logger, string operation, string transferId);
}
