using System.Text.Json;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Delivers <see cref="TeamsPersonalChatMessage"/>s: one POST /v3/conversations that opens the 1:1 chat and posts the
/// message. Not idempotent (a second call posts again), so an ambiguous failure goes to a person, never a blind retry.
/// </summary>
public sealed class TeamsPersonalChatHandler(IConnectorClient connector, ILogger<TeamsPersonalChatHandler> logger) : IOutboxHandler
{
    public string Kind => TeamsPersonalChatMessage.Kind;

    public bool IsIdempotent(OutboxMessage message) => false;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        TeamsPersonalChatMessage? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TeamsPersonalChatMessage>(message.PayloadJson, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return OutboxOutcome.Failed("The message could not be read.");
        }

        Log.FollowUpDelivering(logger, message.IdempotencyKey, "personal-chat", payload.UserId);
        return await ConnectorOutcome.OfAsync(
            () => connector.CreatePersonalChatAsync(payload.ServiceUrl, payload.Bot, payload.UserId, payload.TenantId, payload.Activity, cancellationToken),
            idempotent: false,
            blocked: () => Task.FromResult("The person blocked or uninstalled SesBot."));
    }
}
