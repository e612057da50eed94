using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// A conversation with steps (the removal, later the support desk's), hosted by <see cref="DialogRouter"/>: its state
/// is stored under its name, and the host hands it the person's next input once it has checked that a card action
/// belongs to the run and step the dialog is at.
/// </summary>
public interface IDialog
{
    string Name { get; }

    /// <summary>Bumped when the stored shape changes incompatibly; an older stored state restarts the dialog politely.</summary>
    int SchemaVersion { get; }

    /// <summary>The stored state, or null when it cannot be read (the dialog then restarts).</summary>
    IDialogState? Read(string json);

    string Write(IDialogState state);

    Task<FlowOutcome> OnActionAsync(IDialogState state, TurnInput input, Actor actor, CancellationToken cancellationToken);

    Task<FlowOutcome> OnTextAsync(IDialogState state, string text, Actor actor, CancellationToken cancellationToken);

    /// <summary>The card for where the dialog stands now.</summary>
    Task<Reply> RenderAsync(IDialogState state, Actor actor, CancellationToken cancellationToken);
}
