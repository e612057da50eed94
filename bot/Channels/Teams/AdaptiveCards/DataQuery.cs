using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// <c>Data.Query</c>: makes an <see cref="ChoiceSetInput"/> a dynamic typeahead. Teams sends the bot an
/// <c>application/search</c> invoke with the typed text and this <see cref="Dataset"/>.
/// </summary>
public sealed record DataQuery
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public string Type => "Data.Query";

    [JsonPropertyName("dataset")]
    public required string Dataset { get; init; }

    /// <summary>How many results to ask for (Teams shows at most 15).</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }
}
