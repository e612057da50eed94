using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Keeps a durable reference to every Teams conversation SesBot may write to later.</summary>
public sealed class TeamsConversationStore(SesBotDbContext db, TimeProvider clock)
{
    /// <summary>Records (or refreshes) where this activity came from. Channel threads are stored as their channel.</summary>
    public async Task<ConversationAddress?> RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        var scope = TeamsInboundMapper.ScopeOf(activity);
        var channelId = activity.ChannelData?.Channel?.Id ?? activity.ChannelData?.Settings?.SelectedChannel?.Id;
        var conversationId = scope == ConversationScope.TeamChannel
            ? channelId ?? ThreadRoot(activity.Conversation.Id)
            : activity.Conversation.Id;
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
        var json = JsonSerializer.Serialize(reference, ProtocolJson.Options);
        var now = clock.GetUtcNow();

        var address = await db.ConversationAddresses.FirstOrDefaultAsync(
            a => a.Channel == TeamsInboundMapper.ChannelName && a.ConversationKey == conversationId, cancellationToken);
        if (address is null)
        {
            address = new ConversationAddress(TeamsInboundMapper.ChannelName, conversationId, scope, json, now);
            db.ConversationAddresses.Add(address);
        }
        else if (address.ReferenceJson != json || address.BlockedAt is not null)
        {
            address.Refresh(json, now);
        }

        address.UserKey = reference.UserAadObjectId ?? reference.UserId ?? address.UserKey;
        address.TeamKey = reference.TeamId ?? address.TeamKey;
        address.TenantKey = reference.TenantId ?? address.TenantKey;
        address.DisplayName = activity.ChannelData?.Team?.Name ?? activity.Conversation.Name ?? address.DisplayName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another delivery stored the same conversation at the same moment: theirs is as good as ours.
            db.ChangeTracker.Clear();
        }

        return address;
    }

    public async Task MarkBlockedAsync(string conversationId, CancellationToken cancellationToken)
    {
        // A channel's threads are stored as the channel itself.
        var key = ThreadRoot(conversationId);
        var address = await db.ConversationAddresses.FirstOrDefaultAsync(
            a => a.Channel == TeamsInboundMapper.ChannelName && a.ConversationKey == key, cancellationToken);
        if (address is not null)
        {
            address.MarkBlocked(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static TeamsConversationReference Read(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return JsonSerializer.Deserialize<TeamsConversationReference>(address.ReferenceJson, ProtocolJson.Options)
            ?? throw new InvalidOperationException($"Conversation {address.ConversationKey} has no readable reference.");
    }

    /// <summary>A channel thread id is <c>&lt;channel id&gt;;messageid=&lt;root&gt;</c>; the channel is the part before it.</summary>
    private static string ThreadRoot(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
