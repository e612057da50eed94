using Microsoft.Extensions.Logging;
using SesBot.Core.Gateways.Simulated;

namespace SesBot.Core;

/// <summary>Failures of the simulated cloud chosen in configuration, <c>Simulation:Failures</c> (event ids 9450-9499).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9450, Level = LogLevel.Information, Message = "Simulated failure from Simulation:Failures: {Target} {Id} now fails with {Code} (simulated, nothing at AWS or Partner Center)")]
    public static partial void SimulatedFailureApplied(ILogger logger, SimulatedTarget target, string id, string code);

    [LoggerMessage(EventId = 9451, Level = LogLevel.Information, Message = "Simulated failure from Simulation:Failures: {Target} {Id} has its Failure cleared (simulated)")]
    public static partial void SimulatedFailureCleared(ILogger logger, SimulatedTarget target, string id);

    [LoggerMessage(EventId = 9452, Level = LogLevel.Warning, Message = "Simulation:Failures:{Id} = \"{Code}\" ignored: a simulated {Target} takes none of this code. Valid codes: {ValidCodes} (an empty value clears the failure)")]
    public static partial void SimulatedFailureUnknownCode(ILogger logger, string id, string? code, SimulatedTarget target, string validCodes);

    [LoggerMessage(EventId = 9453, Level = LogLevel.Warning, Message = "Simulation:Failures:{Id} = \"{Code}\" ignored: no simulated AWS account, billing transfer or Azure subscription has this id. Simulated ids ({Total} in all, up to 30 here): {KnownIds}")]
    public static partial void SimulatedFailureUnknownId(ILogger logger, string id, string? code, string knownIds, int total);

    [LoggerMessage(EventId = 9454, Level = LogLevel.Warning, Message = "Simulation:Failures:{Id} = \"{Code}\" ignored: AWS Organizations is real (Aws: is configured), so no AWS account or billing transfer is simulated, and no simulated Azure subscription has this id. Simulated ids ({Total} in all, up to 30 here): {KnownIds}")]
    public static partial void SimulatedFailureAwsReal(ILogger logger, string id, string? code, string knownIds, int total);

    [LoggerMessage(EventId = 9455, Level = LogLevel.Warning, Message = "Simulation:Failures:{Id} = \"{Code}\" ignored: Partner Center is real (PartnerCenter: is configured), so no Azure subscription is simulated, and no simulated AWS account or billing transfer has this id. Simulated ids ({Total} in all, up to 30 here): {KnownIds}")]
    public static partial void SimulatedFailurePartnerCenterReal(ILogger logger, string id, string? code, string knownIds, int total);
}
