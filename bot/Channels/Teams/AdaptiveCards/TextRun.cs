using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>TextRun</c>: a span of a <see cref="RichTextBlock"/> with its own formatting (no Markdown).</summary>
public sealed record TextRun
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public string Type => "TextRun";

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("weight")]
    public TextWeight? Weight { get; init; }

    [JsonPropertyName("size")]
    public TextSize? Size { get; init; }

    [JsonPropertyName("color")]
    public TextColor? Color { get; init; }

    [JsonPropertyName("isSubtle")]
    public bool? IsSubtle { get; init; }

    [JsonPropertyName("italic")]
    public bool? Italic { get; init; }
}
