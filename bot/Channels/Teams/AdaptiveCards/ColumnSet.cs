using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>ColumnSet</c>: elements side by side.</summary>
public sealed record ColumnSet : CardElement
{
    [JsonPropertyName("columns")]
    public required IReadOnlyList<Column> Columns { get; init; }
}
