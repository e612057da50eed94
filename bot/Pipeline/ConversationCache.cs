using System.Collections.Concurrent;

namespace SesBot.Bot.Pipeline;

/// <summary>
/// The conversations this process knows to be stored as they are now, so a turn in a known conversation does not read
/// its address again. Bounded; forgetting is always safe (the next turn reads the row).
/// </summary>
public sealed class ConversationCache
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<(string Channel, string Key), ConversationRecord> _stored = new();

    public bool IsStored(ConversationRecord record) =>
        _stored.TryGetValue((record.Channel, record.ConversationKey), out var known) && known == record;

    public void Stored(ConversationRecord record)
    {
        if (_stored.Count >= Capacity)
        {
            _stored.Clear();
        }

        _stored[(record.Channel, record.ConversationKey)] = record;
    }

    public void Forget(string channel, string conversationKey) => _stored.TryRemove((channel, conversationKey), out _);
}
