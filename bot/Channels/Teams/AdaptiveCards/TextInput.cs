using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Input.Text</c>.</summary>
public sealed record TextInput : CardInput
{
    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("isMultiline")]
    public bool? IsMultiline { get; init; }

    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; init; }

    /// <summary>A JavaScript regular expression the whole value must match (checked by the client only).</summary>
    [JsonPropertyName("regex")]
    public string? Regex { get; init; }

    [JsonPropertyName("style")]
    public TextInputStyle? Style { get; init; }
}
