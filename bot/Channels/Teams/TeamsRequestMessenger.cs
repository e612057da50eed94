using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// A request's updates in Teams as outbox messages: the support thread's card and replies follow the message that
/// opened the thread (<see cref="TeamsFollowUpMessage"/>, same ordering key, so after it); the reseller's card is
/// updated with a PUT and messages go into a stored conversation (<see cref="TeamsOutboundMessage"/>).
/// </summary>
public sealed class TeamsRequestMessenger(TeamsReplyRenderer renderer) : IRequestMessenger
{
    public string Channel => TeamsInboundMapper.ChannelName;

    public OutboxMessage UpdateThreadCard(OutboxMessage thread, Reply card, string idempotencyKey, DateTimeOffset now) =>
        FollowUp(thread, TeamsOutboundOperation.Update, card, idempotencyKey, now);

    public OutboxMessage ReplyInThread(OutboxMessage thread, Reply reply, string idempotencyKey, DateTimeOffset now) =>
        FollowUp(thread, TeamsOutboundOperation.Send, reply, idempotencyKey, now);

    public OutboxMessage? UpdateMessage(ConversationAddress address, string conversationKey, string messageKey, Reply card, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        return Outbound(address, conversationKey, TeamsOutboundOperation.Update, messageKey, card, idempotencyKey, now);
    }

    public OutboxMessage? Send(ConversationAddress address, string conversationKey, Reply reply, string idempotencyKey, DateTimeOffset now) =>
        Outbound(address, conversationKey, TeamsOutboundOperation.Send, null, reply, idempotencyKey, now);

    public OutboxMessage? StartPersonalChat(ConversationAddress seenIn, string userChannelKey, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seenIn);
        ArgumentException.ThrowIfNullOrEmpty(userChannelKey);
        ArgumentNullException.ThrowIfNull(reply);
        if (seenIn.Channel != Channel)
        {
            return null;
        }

        var reference = TeamsConversationStore.Read(seenIn);
        var tenantId = reference.TenantId ?? seenIn.TenantKey;
        if (string.IsNullOrEmpty(reference.BotId) || string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        var payload = new TeamsPersonalChatMessage
        {
            ServiceUrl = reference.ServiceUrl,
            Bot = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
            UserId = userChannelKey,
            TenantId = tenantId,
            Activity = renderer.ToActivity(reply),
        };
        return new OutboxMessage(
            TeamsPersonalChatMessage.Kind, idempotencyKey, $"{TeamsInboundMapper.ChannelName}:personal:{userChannelKey}", JsonSerializer.Serialize(payload, ProtocolJson.Options), now);
    }

    private OutboxMessage FollowUp(OutboxMessage thread, TeamsOutboundOperation operation, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(reply);
        var payload = new TeamsFollowUpMessage { Operation = operation, TargetKey = thread.IdempotencyKey, Activity = renderer.ToActivity(reply) };
        return new OutboxMessage(TeamsFollowUpMessage.Kind, idempotencyKey, thread.OrderingKey, JsonSerializer.Serialize(payload, ProtocolJson.Options), now);
    }

    private OutboxMessage? Outbound(
        ConversationAddress address, string conversationKey, TeamsOutboundOperation operation, string? activityId, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ArgumentNullException.ThrowIfNull(reply);
        if (address.BlockedAt is not null || address.Channel != Channel)
        {
            return null;
        }

        var reference = TeamsConversationStore.Read(address);
        var payload = new TeamsOutboundMessage
        {
            Operation = operation,
            ServiceUrl = reference.ServiceUrl,
            ConversationId = conversationKey,
            ConversationKey = address.ConversationKey,
            ActivityId = activityId,
            Activity = renderer.ToActivity(reply),
        };
        return new OutboxMessage(
            TeamsOutboundMessage.Kind,
            idempotencyKey,
            $"{TeamsInboundMapper.ChannelName}:{conversationKey}",
            JsonSerializer.Serialize(payload, ProtocolJson.Options),
            now);
    }
}
