namespace SesBot.Bot.Pipeline;

/// <summary>What an inbound delivery asks of SesBot.</summary>
public enum TurnKind
{
    /// <summary>A person typed or clicked: the dialogs answer.</summary>
    Dialog,

    /// <summary>SesBot was added to a conversation: it introduces itself.</summary>
    Welcome,

    /// <summary>Nothing to answer (typing, reactions, a group message that does not mention SesBot); only recorded.</summary>
    Event,
}
