using System.Net;

namespace SesBot.Bot;

/// <summary>2300–2399: the Teams endpoint's trust boundary (refusals, local mode, rate limits, Connector limits).</summary>
internal static partial class Log
{
    [LoggerMessage(2301, LogLevel.Warning, "Local mode refuses every request without a token: the server listens on {Address}, which is not a loopback address. Listen on 127.0.0.1 or ::1 only, or configure the Azure Bot registration.")]
    public static partial void LocalModeNotLoopback(ILogger logger, string address);

    [LoggerMessage(2302, LogLevel.Warning, "Teams request refused with {StatusCode}: {Reason} (remote {RemoteAddress}; {Suppressed} more refusals from this address were not logged)")]
    public static partial void InboundRefused(ILogger logger, int statusCode, string reason, IPAddress? remoteAddress, int suppressed);

    [LoggerMessage(2303, LogLevel.Warning, "Bot Connector {Operation} answered with more than {Limit} bytes; the answer was not read.")]
    public static partial void ConnectorResponseTooLarge(ILogger logger, string operation, long limit);
}
