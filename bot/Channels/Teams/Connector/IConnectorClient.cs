using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// The outbound Bot Connector REST API (FACTS §A.4). <c>serviceUrl</c> is the one from the conversation's activity
/// (or its stored reference). Every method throws <see cref="ConnectorException"/> once retries are spent,
/// <see cref="ConversationBlockedException"/> for 403 MessageWritesBlocked and <see cref="MessageTooLargeException"/> for 413.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{activityId}</c>: a reply in the thread of that activity.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replace a message (e.g. a card after an action).</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/conversations</c>. See <see cref="ProactiveConversations"/> for the 1:1 and channel-thread bodies.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/conversations/{conversationId}/members</c>. Throttled hard by Teams: prefer <see cref="GetPagedMembersAsync"/> or <see cref="GetMemberAsync"/>.</summary>
    Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/conversations/{conversationId}/members/{memberId}</c>: one user's email, UPN and AAD object id.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/conversations/{conversationId}/pagedmembers?pageSize=&amp;continuationToken=</c>.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default);
}
