using Microsoft.Extensions.Logging;
using SesBot.Core.Execution;

namespace SesBot.Core;

/// <summary>The cloud-gateway port, the simulated gateways and exactly-once execution (event ids 6400-6449).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6400, Level = LogLevel.Information, Message = "Simulated AWS Organizations: {Operation} for account {AccountId} (simulated, no AWS call)")]
    public static partial void SimulatedAwsCall(ILogger logger, string operation, string accountId);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Simulated Partner Center: {Operation} for subscription {SubscriptionId} (simulated, no Partner Center call)")]
    public static partial void SimulatedAzureCall(ILogger logger, string operation, string subscriptionId);

    [LoggerMessage(EventId = 6410, Level = LogLevel.Information, Message = "Execution {ExecutionId} ({Operation}) of request {RequestId} claimed by {ActorId}")]
    public static partial void ExecutionClaimed(ILogger logger, string executionId, CloudOperation operation, string requestId, string actorId);

    [LoggerMessage(EventId = 6411, Level = LogLevel.Information, Message = "Execution {ExecutionId}: calling {Operation} for {Target} (attempt {Attempt}, simulated {Simulated})")]
    public static partial void ExecutionCalling(ILogger logger, string executionId, CloudOperation operation, string target, int attempt, bool simulated);

    [LoggerMessage(EventId = 6412, Level = LogLevel.Information, Message = "Execution {ExecutionId} ended {Status}: {Detail}")]
    public static partial void ExecutionEnded(ILogger logger, string executionId, CloudExecutionStatus status, string detail);

    [LoggerMessage(EventId = 6413, Level = LogLevel.Warning, Message = "Execution {ExecutionId}: the call was already started (restart, redelivery or another dispatcher); reconciling instead of calling again")]
    public static partial void ExecutionReconciling(ILogger logger, string executionId);

    [LoggerMessage(EventId = 6414, Level = LogLevel.Warning, Message = "Execution {ExecutionId}: another dispatcher claimed the call first; not calling")]
    public static partial void ExecutionCallLost(ILogger logger, string executionId);

    [LoggerMessage(EventId = 6415, Level = LogLevel.Error, Message = "Execution {ExecutionId} succeeded at the provider but request {RequestId} could not be completed: {Reason}")]
    public static partial void ExecutionRequestNotCompleted(ILogger logger, string executionId, string requestId, string reason);
}
