using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Container</c>: groups elements, optionally on a styled background.</summary>
public sealed record Container : CardElement
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<CardElement> Items { get; init; }

    [JsonPropertyName("style")]
    public ContainerStyle? Style { get; init; }

    /// <summary>Lets the styled background reach the card's edges.</summary>
    [JsonPropertyName("bleed")]
    public bool? Bleed { get; init; }
}
