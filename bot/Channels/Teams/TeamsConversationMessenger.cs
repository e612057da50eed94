using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Writes into a stored Teams conversation (a personal chat, or a channel thread): a <see cref="TeamsOutboundMessage.Kind"/> send.</summary>
public sealed class TeamsConversationMessenger(TeamsReplyRenderer renderer) : IConversationMessenger
{
    public string Channel => TeamsInboundMapper.ChannelName;

    public OutboxMessage? Send(ConversationAddress address, string? conversationKey, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reply);
        if (address.BlockedAt is not null)
        {
            return null;
        }

        var reference = TeamsConversationStore.Read(address);
        var conversationId = string.IsNullOrEmpty(conversationKey) ? reference.ConversationId : conversationKey;
        var payload = new TeamsOutboundMessage
        {
            Operation = TeamsOutboundOperation.Send,
            ServiceUrl = reference.ServiceUrl,
            ConversationId = conversationId,
            ConversationKey = address.ConversationKey,
            Activity = renderer.ToActivity(reply),
        };
        return new OutboxMessage(
            TeamsOutboundMessage.Kind,
            idempotencyKey,
            $"{TeamsInboundMapper.ChannelName}:{conversationId}",
            JsonSerializer.Serialize(payload, ProtocolJson.Options),
            now);
    }
}
