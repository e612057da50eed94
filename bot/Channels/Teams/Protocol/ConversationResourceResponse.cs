using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>What <c>POST /v3/conversations</c> answers: the conversation id and, when an activity was sent, its id.</summary>
public sealed record ConversationResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("activityId")]
    public string? ActivityId { get; init; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; init; }
}
