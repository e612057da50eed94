using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>What the Connector answers to send, reply and update: the id of the activity it stored.</summary>
public sealed record ResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
}
