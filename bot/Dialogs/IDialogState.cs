namespace SesBot.Bot.Dialogs;

/// <summary>What every dialog's stored state tells the dialog host: whose it is, which run, which step.</summary>
public interface IDialogState
{
    /// <summary>The <see cref="IDialog.Name"/> of the dialog this state belongs to.</summary>
    string DialogName { get; }

    /// <summary>Identifies this run of the dialog: a card from another run is outdated.</summary>
    string FlowId { get; }

    /// <summary>The step the dialog waits at; a card carries it and is outdated once the dialog moved on.</summary>
    string StepName { get; }
}
