using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Pipeline;

/// <summary>One inbound delivery, as a channel's inbound mapper hands it to the turn pipeline.</summary>
public sealed record TurnRequest
{
    public required string Channel { get; init; }

    public required string ConversationKey { get; init; }

    /// <summary>The channel's id of this delivery (Teams activity id, Slack event id); null when it has none.</summary>
    public string? DeliveryId { get; init; }

    public required TurnKind Kind { get; init; }

    /// <summary>Who and what; required for <see cref="TurnKind.Dialog"/> and <see cref="TurnKind.Welcome"/>.</summary>
    public TurnInput? Input { get; init; }

    /// <summary>The conversation to remember (or refresh), in the same transaction as the turn.</summary>
    public ConversationRecord? Conversation { get; init; }

    /// <summary>The channel said SesBot may no longer write into this conversation (uninstalled).</summary>
    public bool ConversationRemoved { get; init; }

    public required IReplyRoute Route { get; init; }

    /// <summary>What to tell the person when the turn fails (the route delivers it like any reply).</summary>
    public string ApologyReference => DeliveryId ?? ConversationKey;
}
