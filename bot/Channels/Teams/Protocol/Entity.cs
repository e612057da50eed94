using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>An activity entity; for a <c>mention</c>, who was mentioned and the text that mentions them.</summary>
public sealed record Entity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("mentioned")]
    public ChannelAccount? Mentioned { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
