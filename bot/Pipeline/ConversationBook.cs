using Microsoft.EntityFrameworkCore;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Pipeline;

/// <summary>Keeps a durable address for every conversation SesBot may write to later, within the turn's transaction.</summary>
public sealed class ConversationBook(SesBotDbContext db, TimeProvider clock, ConversationCache cache, TurnTransaction transaction)
{
    /// <summary>Records (or refreshes) the conversation; nothing is read when this process stored it as it is.</summary>
    public async Task RememberAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (cache.IsStored(record))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var address = await FindAsync(record.Channel, record.ConversationKey, cancellationToken);
        if (address is null)
        {
            address = new ConversationAddress(record.Channel, record.ConversationKey, record.Scope, record.ReferenceJson, now);
            db.ConversationAddresses.Add(address);
        }
        else if (address.ReferenceJson != record.ReferenceJson || address.BlockedAt is not null)
        {
            address.Refresh(record.ReferenceJson, now);
        }

        address.UserKey = record.UserKey ?? address.UserKey;
        address.TeamKey = record.TeamKey ?? address.TeamKey;
        address.TenantKey = record.TenantKey ?? address.TenantKey;
        address.DisplayName = record.DisplayName ?? address.DisplayName;
        transaction.OnCommitted(() => cache.Stored(record));
    }

    /// <summary>The channel said SesBot may no longer write there (uninstalled, blocked).</summary>
    public async Task MarkBlockedAsync(string channel, string conversationKey, CancellationToken cancellationToken)
    {
        cache.Forget(channel, conversationKey);
        var address = await FindAsync(channel, conversationKey, cancellationToken);
        address?.MarkBlocked(clock.GetUtcNow());
    }

    public Task<ConversationAddress?> FindAsync(string channel, string conversationKey, CancellationToken cancellationToken) =>
        db.ConversationAddresses.FirstOrDefaultAsync(a => a.Channel == channel && a.ConversationKey == conversationKey, cancellationToken);
}
