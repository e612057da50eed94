using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Proactive Teams messages as outbox rows of kind <see cref="TeamsOutboundMessage.Kind"/>: into a stored personal or
/// group chat (POST …/activities), or as a reply in a support thread SesBot opened (POST …/activities/{root}, the
/// thread's conversation id and root activity id taken from the Connector's answer kept on the thread's row).
/// </summary>
public sealed class TeamsConversationPoster(TeamsReplyRenderer renderer) : IConversationPoster
{
    private const string ThreadMarker = ";messageid=";

    public string Channel => TeamsInboundMapper.ChannelName;

    public OutboxMessage? Send(ConversationAddress address, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reply);
        if (address.Channel != Channel || address.Scope == ConversationScope.TeamChannel)
        {
            return null;
        }

        var reference = TeamsConversationStore.Read(address);
        return Message(TeamsOutboundOperation.Send, reference.ServiceUrl, reference.ConversationId, address.ConversationKey, null, reply, idempotencyKey, now);
    }

    public OutboxMessage? ReplyInThread(OutboxMessage thread, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(reply);
        if (thread.Kind != TeamsChannelThreadMessage.Kind || thread.Status != OutboxStatus.Sent || string.IsNullOrEmpty(thread.ResultJson))
        {
            return null;
        }

        TeamsChannelThreadMessage? opened;
        ConversationResourceResponse? answer;
        try
        {
            opened = JsonSerializer.Deserialize<TeamsChannelThreadMessage>(thread.PayloadJson, ProtocolJson.Options);
            answer = JsonSerializer.Deserialize<ConversationResourceResponse>(thread.ResultJson, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        if (opened is null || answer?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        // Teams answers the thread's conversation id ("<channel>;messageid=<root>"); the root is the card's activity.
        var cut = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        var root = answer.ActivityId ?? (cut < 0 ? null : conversationId[(cut + ThreadMarker.Length)..]);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        if (cut < 0)
        {
            conversationId = opened.ChannelId + ThreadMarker + root;
        }

        return Message(TeamsOutboundOperation.Reply, answer.ServiceUrl ?? opened.ServiceUrl, conversationId, opened.ChannelId, root, reply, idempotencyKey, now);
    }

    private OutboxMessage Message(
        TeamsOutboundOperation operation, string serviceUrl, string conversationId, string conversationKey, string? activityId, Reply reply, string idempotencyKey, DateTimeOffset now)
    {
        var payload = new TeamsOutboundMessage
        {
            Operation = operation,
            ServiceUrl = serviceUrl,
            ConversationId = conversationId,
            ConversationKey = conversationKey,
            ActivityId = activityId,
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
