using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Image</c>: PNG, JPEG or GIF up to 1024×1024 in Teams (no SVG, no animation).</summary>
public sealed record Image : CardElement
{
    [JsonPropertyName("url")]
    public required Uri Url { get; init; }

    [JsonPropertyName("altText")]
    public string? AltText { get; init; }

    [JsonPropertyName("size")]
    public ImageSize? Size { get; init; }
}
