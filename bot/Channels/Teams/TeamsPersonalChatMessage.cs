using System.Text.Json.Serialization;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// The payload of an outbox message that opens (or finds) a 1:1 chat with a user and posts into it in one call
/// (POST /v3/conversations with the activity, FACTS §A.4): for a person SesBot has no personal chat with yet.
/// </summary>
public sealed record TeamsPersonalChatMessage
{
    public const string Kind = "msteams.personal-chat";

    [JsonPropertyName("serviceUrl")]
    public required string ServiceUrl { get; init; }

    [JsonPropertyName("bot")]
    public required ChannelAccount Bot { get; init; }

    /// <summary>The user's Teams id (<c>29:…</c>); Teams addresses no one by email or UPN.</summary>
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    [JsonPropertyName("activity")]
    public required Activity Activity { get; init; }
}
