using System.Text.Json.Serialization;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// The payload of an outbox message that opens a new thread in a team channel (POST /v3/conversations, FACTS §A.4):
/// everything the Connector call needs, the card already rendered.
/// </summary>
public sealed record TeamsChannelThreadMessage
{
    public const string Kind = "msteams.channel-thread";

    [JsonPropertyName("serviceUrl")]
    public required string ServiceUrl { get; init; }

    /// <summary>The team channel's id (<c>19:…@thread.tacv2</c>), also the key its address is stored by.</summary>
    [JsonPropertyName("channelId")]
    public required string ChannelId { get; init; }

    [JsonPropertyName("teamId")]
    public string? TeamId { get; init; }

    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    [JsonPropertyName("bot")]
    public required ChannelAccount Bot { get; init; }

    [JsonPropertyName("activity")]
    public required Activity Activity { get; init; }
}
