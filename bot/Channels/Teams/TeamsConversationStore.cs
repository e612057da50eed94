using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline;
using SesBot.Core.Conversations;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// How a Teams conversation is remembered: the reference SesBot needs to write there later, under the key it is
/// stored by (a channel's threads are stored as the channel itself).
/// </summary>
public static class TeamsConversationStore
{
    /// <summary>The conversation this activity came from, to remember; null when the activity cannot be answered later.</summary>
    public static ConversationRecord? RecordOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        var scope = TeamsInboundMapper.ScopeOf(activity);
        var conversationId = KeyOf(activity);
        var reference = new TeamsConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ConversationId = conversationId,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.Conversation.TenantId ?? activity.ChannelData?.Tenant?.Id,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = scope == ConversationScope.Personal ? activity.From?.Id : null,
            UserAadObjectId = scope == ConversationScope.Personal ? activity.From?.AadObjectId : null,
            TeamId = activity.ChannelData?.Team?.Id,
            ChannelId = scope == ConversationScope.TeamChannel ? conversationId : null,
        };
        return new ConversationRecord(
            TeamsInboundMapper.ChannelName,
            conversationId,
            scope,
            JsonSerializer.Serialize(reference, ProtocolJson.Options),
            reference.UserAadObjectId ?? reference.UserId,
            reference.TeamId,
            reference.TenantId,
            activity.ChannelData?.Team?.Name ?? activity.Conversation.Name);
    }

    /// <summary>The key a conversation is stored by: a channel thread is stored as its channel.</summary>
    public static string KeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.Conversation?.Id ?? string.Empty;
        if (TeamsInboundMapper.ScopeOf(activity) != ConversationScope.TeamChannel)
        {
            return id;
        }

        return activity.ChannelData?.Channel?.Id ?? activity.ChannelData?.Settings?.SelectedChannel?.Id ?? ThreadRoot(id);
    }

    public static TeamsConversationReference Read(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return JsonSerializer.Deserialize<TeamsConversationReference>(address.ReferenceJson, ProtocolJson.Options)
            ?? throw new InvalidOperationException($"Conversation {address.ConversationKey} has no readable reference.");
    }

    /// <summary>A channel thread id is <c>&lt;channel id&gt;;messageid=&lt;root&gt;</c>; the channel is the part before it.</summary>
    public static string ThreadRoot(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
