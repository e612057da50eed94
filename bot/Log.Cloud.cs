namespace SesBot.Bot;

/// <summary>Cloud execution from the support channel (event ids 5000–5099).</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Cloud gateways: AWS Organizations {AwsMode}, Partner Center {AzureMode}.")]
    public static partial void CloudGatewayModes(ILogger logger, string awsMode, string azureMode);

    [LoggerMessage(5001, LogLevel.Information, "{ActorId} asked for the pre-flight check of request {RequestId}.")]
    public static partial void PreflightAsked(ILogger logger, string actorId, string requestId);

    [LoggerMessage(5002, LogLevel.Information, "{ActorId} clicked the cloud change of request {RequestId}: {Outcome} (execution {ExecutionId}).")]
    public static partial void CloudChangeClicked(ILogger logger, string actorId, string requestId, string outcome, string? executionId);

    [LoggerMessage(5003, LogLevel.Warning, "The result of execution {ExecutionId} has nowhere to go: {Why}.")]
    public static partial void CloudResultUndeliverable(ILogger logger, string executionId, string why);

    [LoggerMessage(5004, LogLevel.Information, "Execution {ExecutionId} ({Status}, simulated {Simulated}): result queued for {Recipients} conversation(s).")]
    public static partial void CloudResultQueued(ILogger logger, string executionId, string status, bool simulated, int recipients);
}
