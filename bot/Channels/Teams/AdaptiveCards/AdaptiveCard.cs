using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// An Adaptive Card, version 1.5 by default (what Teams renders for bots). Serialize it with
/// <see cref="AdaptiveCardSerializer"/>, or put it as is into an attachment's <c>content</c>.
/// </summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string DefaultVersion = "1.5";

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-99)]
    public string? Schema { get; init; } = SchemaUrl;

    [JsonPropertyName("version")]
    [JsonPropertyOrder(-98)]
    public string Version { get; init; } = DefaultVersion;

    [JsonPropertyName("body")]
    public IReadOnlyList<CardElement>? Body { get; init; }

    [JsonPropertyName("actions")]
    public IReadOnlyList<CardAction>? Actions { get; init; }

    [JsonPropertyName("refresh")]
    public CardRefresh? Refresh { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    [JsonPropertyName("fallbackText")]
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }
}
