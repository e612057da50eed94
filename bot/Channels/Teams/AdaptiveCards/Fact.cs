using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>One title/value row of a <see cref="FactSet"/>.</summary>
public sealed record Fact
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}
