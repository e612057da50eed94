using System.Collections.Concurrent;
using SesBot.Core.Dialogs;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// The dialog rows this process last committed, so a person's next turn need not read theirs again. A turn takes the
/// row out while it runs and puts it back only after its commit succeeded; a turn that fails or conflicts leaves
/// nothing behind, and the next one reads the database. The row keeps its version, so if the database changed
/// meanwhile (another process) the turn's commit conflicts and runs again on a fresh read. Bounded; forgetting is
/// always safe.
/// </summary>
public sealed class DialogStateCache
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<(string Channel, string Conversation, string User), DialogState> _rows = new();

    public DialogState? Take(string channel, string conversationKey, string userKey) =>
        _rows.TryRemove((channel, conversationKey, userKey), out var row) ? row : null;

    public void Put(DialogState row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_rows.Count >= Capacity)
        {
            _rows.Clear();
        }

        _rows[(row.Channel, row.ConversationKey, row.UserKey)] = row;
    }
}
