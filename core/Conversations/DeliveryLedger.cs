using Microsoft.EntityFrameworkCore;
using SesBot.Core.Persistence;

namespace SesBot.Core.Conversations;

/// <summary>
/// Records each inbound delivery once. The unique index decides: an insert that conflicts means the delivery was
/// already handled (no check-then-insert race between two instances).
/// </summary>
public sealed class DeliveryLedger(SesBotDbContext db, TimeProvider clock)
{
    /// <summary>True the first time a (channel, key) is seen; false for a redelivery.</summary>
    public async Task<bool> TryRecordAsync(string channel, string deliveryKey, CancellationToken cancellationToken = default)
    {
        // The common redelivery is answered without a failing insert; the unique index still decides any race.
        if (await db.InboundDeliveries.AnyAsync(d => d.Channel == channel && d.DeliveryKey == deliveryKey, cancellationToken))
        {
            return false;
        }

        var delivery = new InboundDelivery(channel, deliveryKey, clock.GetUtcNow());
        db.InboundDeliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(delivery).State = EntityState.Detached;
            if (await db.InboundDeliveries.AnyAsync(d => d.Channel == channel && d.DeliveryKey == deliveryKey, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Forgets deliveries older than the given age (channels stop redelivering long before).</summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - olderThan;
        return await db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
