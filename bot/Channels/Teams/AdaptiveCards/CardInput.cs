using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// What every <c>Input.*</c> has. The value comes back under <see cref="Id"/> in the action's data; a required input
/// needs a <see cref="Label"/> and an <see cref="ErrorMessage"/> (the renderer reports it otherwise).
/// </summary>
public abstract record CardInput : CardElement
{
    /// <summary>Unique in the card; the key of the input's value in the submitted data.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    [JsonPropertyName("label")]
    [JsonPropertyOrder(-1)]
    public string? Label { get; init; }

    [JsonPropertyName("isRequired")]
    [JsonPropertyOrder(50)]
    public bool? IsRequired { get; init; }

    /// <summary>Shown when the input fails its validation (required, regex, min/max).</summary>
    [JsonPropertyName("errorMessage")]
    [JsonPropertyOrder(51)]
    public string? ErrorMessage { get; init; }
}
