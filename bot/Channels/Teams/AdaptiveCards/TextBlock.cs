using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>TextBlock</c>: one block of text (Teams renders a Markdown subset in it).</summary>
public sealed record TextBlock : CardElement
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("wrap")]
    public bool? Wrap { get; init; }

    [JsonPropertyName("weight")]
    public TextWeight? Weight { get; init; }

    [JsonPropertyName("size")]
    public TextSize? Size { get; init; }

    [JsonPropertyName("color")]
    public TextColor? Color { get; init; }

    [JsonPropertyName("isSubtle")]
    public bool? IsSubtle { get; init; }
}
