using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>FactSet</c>: a two-column list of facts (e.g. account id, provider, status).</summary>
public sealed record FactSet : CardElement
{
    [JsonPropertyName("facts")]
    public required IReadOnlyList<Fact> Facts { get; init; }
}
