using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>The body of <c>POST /v3/conversations</c>: a proactive 1:1 chat or a new thread in a team channel.</summary>
public sealed record ConversationParameters
{
    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; init; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; init; }

    [JsonPropertyName("members")]
    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    [JsonPropertyName("topicName")]
    public string? TopicName { get; init; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    /// <summary>The first message of the conversation (a channel thread starts with it).</summary>
    [JsonPropertyName("activity")]
    public Activity? Activity { get; init; }

    [JsonPropertyName("channelData")]
    public TeamsChannelData? ChannelData { get; init; }
}
