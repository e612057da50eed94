namespace SesBot.Bot.Dialogs.Turns;

/// <summary>Where a dialog stands after a turn.</summary>
public enum TurnStatus
{
    /// <summary>The dialog waits for the person's next input.</summary>
    Waiting,

    Complete,

    Cancelled,
}
