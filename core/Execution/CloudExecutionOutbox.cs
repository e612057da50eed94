using System.Text.Json;
using SesBot.Core.Outbox;

namespace SesBot.Core.Execution;

/// <summary>
/// The outbox messages of cloud work: <see cref="ExecuteKind"/> carries out (or reconciles) one execution;
/// <see cref="PreflightKind"/> reads an account for a request's card; <see cref="AzureTenantKind"/> checks a tenant id
/// support entered and records it. All are handled only by the dispatcher, never
/// inside an inbound request.
/// </summary>
public static class CloudExecutionOutbox
{
    public const string ExecuteKind = "cloud.execute";
    public const string PreflightKind = "cloud.preflight";
    public const string AzureTenantKind = "cloud.azure-tenant";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The message that carries the execution out; the first one per execution has the key <c>cloud.execute:&lt;id&gt;</c>.</summary>
    public static OutboxMessage Execute(CloudExecution execution, DateTimeOffset now, string? recheck = null)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var key = recheck is null ? $"{ExecuteKind}:{execution.Id}" : $"{ExecuteKind}:{execution.Id}:check:{recheck}";
        return new OutboxMessage(ExecuteKind, key, OrderingKey(execution.RequestId), JsonSerializer.Serialize(new ExecutePayload(execution.Id), Json), now);
    }

    public static OutboxMessage Preflight(PreflightAsk ask, string key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return new OutboxMessage(PreflightKind, $"{PreflightKind}:{ask.RequestId}:{key}", OrderingKey(ask.RequestId), JsonSerializer.Serialize(ask, Json), now);
    }

    /// <summary>The check of an entered tenant id; <paramref name="key"/> makes each click its own message.</summary>
    public static OutboxMessage AzureTenant(AzureTenantAsk ask, string key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return new OutboxMessage(AzureTenantKind, $"{AzureTenantKind}:{ask.RequestId}:{key}", OrderingKey(ask.RequestId), JsonSerializer.Serialize(ask, Json), now);
    }

    /// <exception cref="JsonException">Not a payload of this kind.</exception>
    public static AzureTenantAsk AzureTenantOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ask = JsonSerializer.Deserialize<AzureTenantAsk>(message.PayloadJson, Json);
        return string.IsNullOrWhiteSpace(ask?.RequestId) || string.IsNullOrWhiteSpace(ask.TenantId) || ask.Actor is null
            ? throw new JsonException($"Outbox message {message.Id} names no request, tenant or actor.")
            : ask;
    }

    /// <exception cref="JsonException">Not a payload of this kind.</exception>
    public static string ExecutionIdOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<ExecutePayload>(message.PayloadJson, Json);
        return string.IsNullOrWhiteSpace(payload?.ExecutionId) ? throw new JsonException($"Outbox message {message.Id} names no execution.") : payload.ExecutionId;
    }

    /// <exception cref="JsonException">Not a payload of this kind.</exception>
    public static PreflightAsk PreflightOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ask = JsonSerializer.Deserialize<PreflightAsk>(message.PayloadJson, Json);
        return string.IsNullOrWhiteSpace(ask?.RequestId) ? throw new JsonException($"Outbox message {message.Id} names no request.") : ask;
    }

    /// <summary>Cloud work of one request runs in order, beside its other messages.</summary>
    public static string OrderingKey(string requestId) => $"request:{requestId}";

    private sealed record ExecutePayload(string ExecutionId);
}
