using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>RichTextBlock</c>: a paragraph made of differently formatted <see cref="TextRun"/>s.</summary>
public sealed record RichTextBlock : CardElement
{
    [JsonPropertyName("inlines")]
    public required IReadOnlyList<TextRun> Inlines { get; init; }
}
