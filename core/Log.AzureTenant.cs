using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>9250–9299: Azure customers' Microsoft Entra tenant ids (core/Execution/CloudPreflight.Tenant.cs).</summary>
internal static partial class Log
{
    [LoggerMessage(9250, LogLevel.Information, "Customer {CustomerId}: tenant {Previous} → {TenantId}, entered by {ActorId} for request {RequestId} and found in Partner Center (to be committed with the card)")]
    public static partial void AzureTenantRecorded(ILogger logger, string customerId, string? previous, string tenantId, string actorId, string requestId);
}
