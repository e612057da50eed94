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
    /// Forgets deliveries older than the given age (channels stop redelivering long before). Rows are keyed in the order
    /// their turns committed, which is the order they were received in but for turns that overlapped (milliseconds):
    /// the first row, in key order, received since the cutoff bounds the rows forgotten. Every row before it was received
    /// before the cutoff (it was read on the way); an old row after it waits for the next prune. No index on the time is
    /// needed, and a turn's commit writes none.
    /// </summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - olderThan;
        var boundary = await db.InboundDeliveries.AsNoTracking()
            .Where(d => d.ReceivedAt >= cutoff)
            .OrderBy(d => d.Id)
            .Select(d => (long?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return await writes.RunAsync(
            ct => boundary is { } first
                ? db.InboundDeliveries.Where(d => d.Id < first).ExecuteDeleteAsync(ct)
                : db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(ct), // all are old (or none): one pass over them
            cancellationToken);
    }
}
