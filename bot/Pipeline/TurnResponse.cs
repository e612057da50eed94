namespace SesBot.Bot.Pipeline;

/// <summary>What the channel answers on the inbound HTTP request once the turn has committed.</summary>
/// <param name="InlineJson">The synchronous answer (e.g. an invoke response), or null for a plain 200.</param>
/// <param name="Redelivered">The delivery had been handled before; <paramref name="InlineJson"/> is the answer it got then.</param>
/// <param name="Failed">The turn failed; <paramref name="InlineJson"/> carries the apology for channels that answer inline.</param>
public sealed record TurnResponse(string? InlineJson, bool Redelivered = false, bool Failed = false)
{
    /// <summary>What the dialogs answered, as committed (null for a redelivery, an event or a failure).</summary>
    public Dialogs.Turns.TurnResult? Result { get; init; }
}
