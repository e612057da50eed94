using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// <c>Action.Submit</c>: Teams posts a <c>message</c> whose <c>value</c> is <see cref="Data"/> merged with the inputs.
/// The bot cannot replace the card in its answer (update the message instead).
/// </summary>
public sealed record SubmitAction : CardAction
{
    [JsonPropertyName("data")]
    public object? Data { get; init; }

    /// <summary><c>Auto</c> (the default: inputs are validated and sent) or <c>None</c> (no inputs, no validation: Back, Cancel).</summary>
    [JsonPropertyName("associatedInputs")]
    public string? AssociatedInputs { get; init; }
}
