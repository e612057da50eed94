using System.Text.Json;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Delivers <see cref="TeamsChannelThreadMessage"/>s: POST /v3/conversations creates the thread. The POST is not
/// idempotent, so an ambiguous failure is an unknown outcome (a person looks), never a blind second post. The
/// Connector's answer (the thread's conversation id and the card's activity id) is kept as the message's result, so
/// the card can be updated in place later.
/// </summary>
public sealed class TeamsChannelThreadHandler(IConnectorClient connector, ILogger<TeamsChannelThreadHandler> logger) : IOutboxHandler
{
    public string Kind => TeamsChannelThreadMessage.Kind;

    public bool IsIdempotent(OutboxMessage message) => false;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = Read(message);
        if (payload is null)
        {
            return OutboxOutcome.Failed("The message could not be read.");
        }

        return await ConnectorOutcome.OfAsync(
            () => connector.CreateChannelThreadAsync(
                payload.ServiceUrl, payload.Bot, payload.ChannelId, payload.TeamId, payload.TenantId, payload.Activity, cancellationToken),
            idempotent: false,
            blocked: () =>
            {
                Log.SupportThreadBlocked(logger, message.IdempotencyKey);
                return Task.FromResult("SesBot may no longer write into the support channel (removed from the team or blocked).");
            });
    }

    private static TeamsChannelThreadMessage? Read(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<TeamsChannelThreadMessage>(message.PayloadJson, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
