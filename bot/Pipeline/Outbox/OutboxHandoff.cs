using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>
/// Hands a turn's replies, claimed with the turn's own commit, to the running dispatcher in memory: no read to find
/// them and no separate claim, so a reply leaves as soon as its turn has committed. Only while the dispatcher runs
/// (<see cref="Accepting"/>), and while fewer than <see cref="OutboxOptions.HandoffLimit"/> wait here; otherwise turns
/// leave their messages pending for it to find, in the database rather than in memory.
/// </summary>
public sealed class OutboxHandoff(IOptions<OutboxOptions> options)
{
    private readonly Channel<IReadOnlyList<OutboxMessage>> _claimed = Channel.CreateUnbounded<IReadOnlyList<OutboxMessage>>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<long, byte> _waiting = new();
    private readonly Lock _gate = new();
    private volatile bool _accepting;
    private int _backlog;
    private int _waitingCount; // _waiting's size, read on every turn: ConcurrentDictionary.Count would take all its locks

    /// <summary>Whether a dispatcher is running to take claimed messages, and has room for more.</summary>
    public bool Accepting => _accepting && Volatile.Read(ref _waitingCount) < options.Value.HandoffLimit;

    /// <summary>
    /// Claimed messages of one commit, in order, for the dispatcher to send at once; false when it has stopped in the
    /// meantime (the caller gives the claims back).
    /// </summary>
    public bool Offer(IReadOnlyList<OutboxMessage> claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        lock (_gate)
        {
            if (!_accepting)
            {
                return false;
            }

            foreach (var message in claimed)
            {
                if (_waiting.TryAdd(message.Id, 0))
                {
                    Interlocked.Increment(ref _waitingCount);
                }
            }

            if (_claimed.Writer.TryWrite(claimed))
            {
                return true;
            }

            foreach (var message in claimed)
            {
                Leave(message.Id);
            }

            return false;
        }
    }

    /// <summary>
    /// Whether this message was handed over here and its send has not started: claimed, but never attempted, however
    /// long it has waited (for a slot, or behind its conversation's earlier messages), so not an interrupted send.
    /// </summary>
    internal bool Waiting(long id) => _waiting.ContainsKey(id);

    /// <summary>The message's send starts, or its claim is given back: it no longer waits here.</summary>
    internal void Leave(long id)
    {
        if (_waiting.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref _waitingCount);
        }
    }

    /// <summary>
    /// A turn left a message pending because its conversation had one not yet sent: once the messages in hand are
    /// delivered, the dispatcher must look for it.
    /// </summary>
    public void NoteBacklog() => Interlocked.Exchange(ref _backlog, 1);

    internal bool TakeBacklog() => Interlocked.Exchange(ref _backlog, 0) == 1;

    internal ChannelReader<IReadOnlyList<OutboxMessage>> Reader => _claimed.Reader;

    internal void Open()
    {
        lock (_gate)
        {
            _accepting = true;
        }
    }

    /// <summary>Stops taking messages; what was offered and not yet taken is returned, for the claims to be given back.</summary>
    internal List<OutboxMessage> Close()
    {
        lock (_gate)
        {
            _accepting = false;
            foreach (var id in _waiting.Keys)
            {
                Leave(id);
            }

            List<OutboxMessage> left = [];
            while (_claimed.Reader.TryRead(out var batch))
            {
                left.AddRange(batch);
            }

            return left;
        }
    }
}
