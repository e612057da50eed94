using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Opens support threads in a Teams channel: an outbox message of kind <see cref="TeamsChannelThreadMessage.Kind"/>.</summary>
public sealed class TeamsSupportThreadPoster(TeamsReplyRenderer renderer) : ISupportThreadPoster
{
    public string Channel => TeamsInboundMapper.ChannelName;

    public OutboxMessage? NewThread(ConversationAddress address, Reply card, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        if (address.Scope != ConversationScope.TeamChannel)
        {
            return null;
        }

        var reference = TeamsConversationStore.Read(address);
        var tenantId = reference.TenantId ?? address.TenantKey;
        if (string.IsNullOrEmpty(reference.BotId) || string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        var channelId = reference.ChannelId ?? address.ConversationKey;
        var payload = new TeamsChannelThreadMessage
        {
            ServiceUrl = reference.ServiceUrl,
            ChannelId = channelId,
            TeamId = reference.TeamId ?? address.TeamKey,
            TenantId = tenantId,
            Bot = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
            Activity = renderer.ToActivity(card),
        };
        return new OutboxMessage(
            TeamsChannelThreadMessage.Kind,
            idempotencyKey,
            $"{TeamsInboundMapper.ChannelName}:{channelId}",
            JsonSerializer.Serialize(payload, ProtocolJson.Options),
            now);
    }
}
