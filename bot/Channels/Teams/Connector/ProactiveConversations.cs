using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// The two proactive conversations SesBot starts (FACTS §A.4): a 1:1 chat with a user, and a new thread in a team
/// channel. The bot must already be installed for the user or in the team. Teams needs the tenant id; it is sent
/// both as <c>tenantId</c> and as <c>channelData.tenant.id</c>, as in the documented example.
/// </summary>
public static class ProactiveConversations
{
    /// <summary>The body for a 1:1 chat with <paramref name="userId"/> (the <c>29:…</c> id, not an email or UPN).</summary>
    public static ConversationParameters PersonalChat(ChannelAccount bot, string userId, string tenantId, Activity? activity = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TeamsInfo { Id = tenantId } },
            Activity = activity,
        };
    }

    /// <summary>The body for a new thread in channel <paramref name="channelId"/>, started by <paramref name="activity"/>.</summary>
    public static ConversationParameters ChannelThread(ChannelAccount bot, string channelId, string? teamId, string tenantId, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationParameters
        {
            IsGroup = true,
            Bot = bot,
            TenantId = tenantId,
            ChannelData = new TeamsChannelData
            {
                Channel = new TeamsInfo { Id = channelId },
                Team = string.IsNullOrEmpty(teamId) ? null : new TeamsInfo { Id = teamId },
                Tenant = new TeamsInfo { Id = tenantId },
            },
            Activity = activity,
        };
    }

    /// <summary>Opens (or finds) the 1:1 chat with a user; send into it with the returned <see cref="ConversationResourceResponse.Id"/>.</summary>
    public static Task<ConversationResourceResponse> CreatePersonalChatAsync(
        this IConnectorClient client, string serviceUrl, ChannelAccount bot, string userId, string tenantId, Activity? activity = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.CreateConversationAsync(serviceUrl, PersonalChat(bot, userId, tenantId, activity), cancellationToken);
    }

    /// <summary>Posts <paramref name="activity"/> as a new thread in a team channel; the returned id is the thread's conversation id.</summary>
    public static Task<ConversationResourceResponse> CreateChannelThreadAsync(
        this IConnectorClient client, string serviceUrl, ChannelAccount bot, string channelId, string? teamId, string tenantId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.CreateConversationAsync(serviceUrl, ChannelThread(bot, channelId, teamId, tenantId, activity), cancellationToken);
    }
}
