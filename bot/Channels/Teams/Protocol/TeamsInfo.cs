using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>A team, channel or tenant reference inside channelData.</summary>
public sealed record TeamsInfo
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("aadGroupId")]
    public string? AadGroupId { get; init; }
}
