using System.Net;
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

        try
        {
            var response = payload.Operation switch
            {
                TeamsOutboundOperation.Update => await connector.UpdateActivityAsync(payload.ServiceUrl, payload.ConversationId, payload.ActivityId!, payload.Activity, cancellationToken),
                TeamsOutboundOperation.Reply => await connector.ReplyToActivityAsync(payload.ServiceUrl, payload.ConversationId, payload.ActivityId!, payload.Activity, cancellationToken),
                _ => await connector.SendToConversationAsync(payload.ServiceUrl, payload.ConversationId, payload.Activity, cancellationToken),
            };
            return OutboxOutcome.Sent(JsonSerializer.Serialize(response, ProtocolJson.Options));
        }
        catch (ConversationBlockedException)
        {
            Log.ConversationBlocked(logger, payload.ConversationKey);
            await MarkBlockedAsync(payload.ConversationKey, cancellationToken);
            return OutboxOutcome.Failed("The person blocked or uninstalled SesBot in this conversation.");
        }
        catch (MessageTooLargeException ex)
        {
            return OutboxOutcome.Failed(ex.Message);
        }
        catch (ConnectorException ex) when (ex.IsOutcomeUnknown)
        {
            return payload.Operation == TeamsOutboundOperation.Update ? OutboxOutcome.Retry(ex.Message) : OutboxOutcome.Unknown(ex.Message);
        }
        catch (ConnectorException ex) when (IsTransient(ex.StatusCode))
        {
            return OutboxOutcome.Retry(ex.Message);
        }
        catch (ConnectorException ex)
        {
            return OutboxOutcome.Failed(ex.Message);
        }
        catch (BotTokenException ex)
        {
            return OutboxOutcome.Retry(ex.Message);
        }
    }

    /// <summary>No answer at all (the connection was never made) and the answers that say "not now" are worth another try.</summary>
    private static bool IsTransient(HttpStatusCode? status) => status is null
        or HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.Unauthorized
        or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError;

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
