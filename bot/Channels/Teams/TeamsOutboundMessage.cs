using System.Text.Json.Serialization;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// The payload of a Teams outbox message: one Connector call with the activity already rendered, so delivering it
/// later needs nothing but the Connector.
/// </summary>
public sealed record TeamsOutboundMessage
{
    public const string Kind = "msteams.activity";

    [JsonPropertyName("operation")]
    public required TeamsOutboundOperation Operation { get; init; }

    [JsonPropertyName("serviceUrl")]
    public required string ServiceUrl { get; init; }

    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    /// <summary>The conversation as SesBot stores its address (a channel thread is stored as its channel).</summary>
    [JsonPropertyName("conversationKey")]
    public required string ConversationKey { get; init; }

    /// <summary>Reply: the activity whose thread gets the reply. Update: the activity replaced.</summary>
    [JsonPropertyName("activityId")]
    public string? ActivityId { get; init; }

    [JsonPropertyName("activity")]
    public required Activity Activity { get; init; }
}
