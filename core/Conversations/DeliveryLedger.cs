using Microsoft.EntityFrameworkCore;
using SesBot.Core.Persistence;

namespace SesBot.Core.Conversations;

/// <summary>
/// Records each inbound delivery once, as part of the turn it starts: the record is committed with the turn's
/// changes, so it exists exactly when the turn took effect. The unique index decides between two deliveries of the
/// same id racing each other: the commit that loses means "already handled".
/// </summary>
public sealed class DeliveryLedger(SesBotDbContext db, TimeProvider clock, DatabaseWrites writes)
{
    /// <summary>
    /// Adds the delivery to the turn's unit of work (nothing is written until the turn commits). It is inserted untracked
    /// (<see cref="SesBotDbContext.Insert"/>): the turn only sets its answer on it.
    /// </summary>
    public InboundDelivery Record(string channel, string conversationKey, string deliveryKey)
    {
        var delivery = new InboundDelivery(channel, conversationKey, deliveryKey, clock.GetUtcNow());
        db.Insert(delivery);
        return delivery;
    }

    /// <summary>The delivery as recorded by the turn that handled it, or null when no turn has handled it.</summary>
    public Task<InboundDelivery?> FindAsync(string channel, string conversationKey, string deliveryKey, CancellationToken cancellationToken = default) =>
        db.InboundDeliveries.AsNoTracking().FirstOrDefaultAsync(
            d => d.Channel == channel && d.ConversationKey == conversationKey && d.DeliveryKey == deliveryKey, cancellationToken);

    /// <summary>
    /// Forgets deliveries older than the given age (channels stop redelivering long before). Keys follow the order rows
    /// were written in, which is the order they were received in but for turns that overlapped (milliseconds): the
    /// first row, in key order, received since the cutoff bounds the rows to look at, and of those before it, only rows
    /// received before the cutoff go. A row written meanwhile with a smaller key (PostgreSQL hands out keys before the
    /// commit) is recent and stays; an old row after the bound waits for the next prune; a row dated in the future (a
    /// clock set back) does not hold the bound up. So no index on the time is needed, and a turn's commit writes none.
    /// </summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - olderThan;
        var bound = await db.InboundDeliveries.AsNoTracking()
            .Where(d => d.ReceivedAt >= cutoff && d.ReceivedAt <= now)
            .OrderBy(d => d.Id)
            .Select(d => (long?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return await writes.RunAsync(
            ct => bound is { } first
                ? db.InboundDeliveries.Where(d => d.Id < first && d.ReceivedAt < cutoff).ExecuteDeleteAsync(ct)
                : db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(ct), // nothing recent: one pass over them all
            cancellationToken);
    }
}
