using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary><c>Action.OpenUrl</c>: opens a link in the browser.</summary>
public sealed record OpenUrlAction : CardAction
{
    [JsonPropertyName("url")]
    public required Uri Url { get; init; }
}
