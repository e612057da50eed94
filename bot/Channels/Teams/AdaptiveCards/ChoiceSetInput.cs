using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// <c>Input.ChoiceSet</c>. For long lists use <see cref="ChoiceInputStyle.Filtered"/> (static typeahead) or
/// <see cref="ChoicesData"/> (dynamic typeahead). Keep at least one static choice even with
/// <see cref="ChoicesData"/>: the official renderer rejects an empty <see cref="Choices"/>.
/// </summary>
public sealed record ChoiceSetInput : CardInput
{
    [JsonPropertyName("choices")]
    public required IReadOnlyList<Choice> Choices { get; init; }

    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }

    [JsonPropertyName("style")]
    public ChoiceInputStyle? Style { get; init; }

    [JsonPropertyName("isMultiSelect")]
    public bool? IsMultiSelect { get; init; }

    /// <summary>The initially selected value; comma-separated values when <see cref="IsMultiSelect"/>.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }
}
