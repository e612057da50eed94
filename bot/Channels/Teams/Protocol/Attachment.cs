using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>An attachment; SesBot sends Adaptive Cards as <c>application/vnd.microsoft.card.adaptive</c>.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("contentType")]
    public required string ContentType { get; init; }

    /// <summary>Outbound: the typed card; inbound: a JsonElement.</summary>
    [JsonPropertyName("content")]
    public object? Content { get; init; }

    [JsonPropertyName("contentUrl")]
    public string? ContentUrl { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
