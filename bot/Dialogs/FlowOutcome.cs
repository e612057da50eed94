using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Dialogs;

/// <summary>A dialog turn: the state to keep (null when the dialog ended) and what to say.</summary>
public sealed record FlowOutcome(IDialogState? State, TurnResult Result)
{
    public static FlowOutcome Wait(IDialogState state, params Reply[] replies) => new(state, TurnResult.Waiting(replies));

    public static FlowOutcome End(params Reply[] replies) => new(null, TurnResult.Complete(replies));

    public static FlowOutcome Cancel(params Reply[] replies) => new(null, TurnResult.Cancelled(replies));
}
