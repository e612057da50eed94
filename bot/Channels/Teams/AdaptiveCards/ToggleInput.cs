using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Input.Toggle</c>: a check box; submits <see cref="ValueOn"/> or <see cref="ValueOff"/>.</summary>
public sealed record ToggleInput : CardInput
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("valueOn")]
    public string? ValueOn { get; init; }

    [JsonPropertyName("valueOff")]
    public string? ValueOff { get; init; }
}
