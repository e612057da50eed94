using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>Teams' <c>channelData</c>: team, channel, tenant and the conversationUpdate event type.</summary>
public sealed record TeamsChannelData
{
    [JsonPropertyName("team")]
    public TeamsInfo? Team { get; init; }

    [JsonPropertyName("channel")]
    public TeamsInfo? Channel { get; init; }

    [JsonPropertyName("tenant")]
    public TeamsInfo? Tenant { get; init; }

    [JsonPropertyName("eventType")]
    public string? EventType { get; init; }

    [JsonPropertyName("settings")]
    public TeamsSettings? Settings { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
