using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>One option of an <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}
