using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// <c>ActionSet</c>: buttons inside the body. Put every <see cref="ExecuteAction"/> in one: older Teams clients only
/// honour its Action.Submit fallback there.
/// </summary>
public sealed record ActionSet : CardElement
{
    [JsonPropertyName("actions")]
    public required IReadOnlyList<CardAction> Actions { get; init; }
}
