using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Input.Date</c>; dates travel as <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInput : CardInput
{
    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("value")]
    public DateOnly? Value { get; init; }

    [JsonPropertyName("min")]
    public DateOnly? Min { get; init; }

    [JsonPropertyName("max")]
    public DateOnly? Max { get; init; }
}
