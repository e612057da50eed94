namespace SesBot.Bot.Pipeline;

/// <summary>
/// The turn's unit of work, as seen by the components taking part in it: what to do once its one commit succeeded
/// (e.g. remember in memory what is now in the database). Scoped: one per attempt of a turn.
/// </summary>
public sealed class TurnTransaction
{
    private readonly List<Action> _onCommitted = [];

    public void OnCommitted(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _onCommitted.Add(action);
    }

    internal void Committed()
    {
        foreach (var action in _onCommitted)
        {
            action();
        }
    }
}
