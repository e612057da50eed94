using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>Audit history and export (event ids 9100–9199).</summary>
internal static partial class Log
{
    [LoggerMessage(9101, LogLevel.Information, "{ActorId} asked for the history of account {AccountId}, which belongs to another reseller; answered as not found.")]
    public static partial void AccountHistoryRefused(ILogger logger, string actorId, string accountId);
}
