namespace SesBot.Bot;

/// <summary>Support entering an Azure customer's Microsoft Entra tenant id on a pre-flight card (event ids 9200–9249).</summary>
internal static partial class Log
{
    [LoggerMessage(9200, LogLevel.Information, "{ActorId} entered tenant {TenantId} for request {RequestId}; Partner Center will be asked.")]
    public static partial void AzureTenantEntered(ILogger logger, string actorId, string requestId, string tenantId);

    [LoggerMessage(9201, LogLevel.Information, "{ActorId}'s tenant id for request {RequestId} was refused: {Why}.")]
    public static partial void AzureTenantRefused(ILogger logger, string actorId, string requestId, string why);

    [LoggerMessage(9202, LogLevel.Information, "Tenant {TenantId} for request {RequestId}: {Outcome} (simulated {Simulated}).")]
    public static partial void AzureTenantChecked(ILogger logger, string requestId, string tenantId, string outcome, bool simulated);

    [LoggerMessage(9203, LogLevel.Warning, "The answer about tenant {TenantId} for request {RequestId} has nowhere to go: the conversation that asked is not known.")]
    public static partial void AzureTenantAnswerUndeliverable(ILogger logger, string requestId, string tenantId);
}
