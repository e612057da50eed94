using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Action.ShowCard</c>: unfolds an inline card (e.g. a confirmation step) under the actions.</summary>
public sealed record ShowCardAction : CardAction
{
    [JsonPropertyName("card")]
    public required AdaptiveCard Card { get; init; }
}
