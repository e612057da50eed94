using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Delivers Teams outbox messages through the Bot Connector (the client's own retries run inside each attempt).</summary>
public sealed class TeamsOutboxHandler(
    IConnectorClient connector,
    IServiceScopeFactory scopes,
    ConversationCache conversations,
    TimeProvider clock,
    ILogger<TeamsOutboxHandler> logger) : IOutboxHandler
{
    public string Kind => TeamsOutboundMessage.Kind;

    public bool IsIdempotent(OutboxMessage message) => Read(message)?.Operation == TeamsOutboundOperation.Update;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = Read(message);
        if (payload is null)
        {
            return OutboxOutcome.Failed("The message could not be read.");
        }

        return await ConnectorOutcome.OfAsync(
            () => payload.Operation switch
            {
                TeamsOutboundOperation.Update => connector.UpdateActivityAsync(payload.ServiceUrl, payload.ConversationId, payload.ActivityId!, payload.Activity, cancellationToken),
                TeamsOutboundOperation.Reply => connector.ReplyToActivityAsync(payload.ServiceUrl, payload.ConversationId, payload.ActivityId!, payload.Activity, cancellationToken),
                _ => connector.SendToConversationAsync(payload.ServiceUrl, payload.ConversationId, payload.Activity, cancellationToken),
            },
            idempotent: payload.Operation == TeamsOutboundOperation.Update,
            blocked: async () =>
            {
                Log.ConversationBlocked(logger, payload.ConversationKey);
                await MarkBlockedAsync(payload.ConversationKey, cancellationToken);
                return "The person blocked or uninstalled SesBot in this conversation.";
            });
    }

    private static TeamsOutboundMessage? Read(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<TeamsOutboundMessage>(message.PayloadJson, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task MarkBlockedAsync(string conversationKey, CancellationToken cancellationToken)
    {
        conversations.Forget(TeamsInboundMapper.ChannelName, conversationKey);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var address = await db.ConversationAddresses.FirstOrDefaultAsync(
            a => a.Channel == TeamsInboundMapper.ChannelName && a.ConversationKey == conversationKey, cancellationToken);
        if (address is not null)
        {
            address.MarkBlocked(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
