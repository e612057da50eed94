using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>Reminders and escalation of waiting requests (event ids 6350–6399).</summary>
internal static partial class Log
{
    [LoggerMessage(6350, LogLevel.Debug, "Reminder schedules: {Changed} changed, {Open} open requests.")]
    public static partial void FollowUpsPlanned(ILogger logger, int changed, int open);
}
