using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Column</c>: one column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-100)]
    public string Type => "Column";

    [JsonPropertyName("width")]
    public ColumnWidth? Width { get; init; }

    /// <summary>"top", "center" or "bottom": where the column's items sit when a neighbour is taller.</summary>
    [JsonPropertyName("verticalContentAlignment")]
    public string? VerticalContentAlignment { get; init; }

    [JsonPropertyName("items")]
    public required IReadOnlyList<CardElement> Items { get; init; }
}
