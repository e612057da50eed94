namespace SesBot.Bot.Dialogs;

/// <summary>The dialogs SesBot hosts, by name.</summary>
public sealed class DialogRouter(IEnumerable<IDialog> dialogs)
{
    private readonly Dictionary<string, IDialog> _dialogs = dialogs.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public IDialog? Find(string name) => _dialogs.GetValueOrDefault(name);

    /// <summary>The dialog a state belongs to (it was read by that dialog, so it is there).</summary>
    public IDialog For(IDialogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _dialogs[state.DialogName];
    }
}
