using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams;

/// <summary>What SesBot needs to write into a Teams conversation later: stored as JSON in a ConversationAddress.</summary>
public sealed record TeamsConversationReference
{
    [JsonPropertyName("serviceUrl")]
    public required string ServiceUrl { get; init; }

    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; init; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    [JsonPropertyName("botId")]
    public string? BotId { get; init; }

    [JsonPropertyName("botName")]
    public string? BotName { get; init; }

    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    [JsonPropertyName("userAadObjectId")]
    public string? UserAadObjectId { get; init; }

    [JsonPropertyName("teamId")]
    public string? TeamId { get; init; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; init; }
}
