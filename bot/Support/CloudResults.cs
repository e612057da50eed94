using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Support;

/// <summary>Where the results of cloud work go: the conversation of the click, and the reseller's personal chat.</summary>
public sealed class CloudResults(
    SesBotDbContext db, IEnumerable<IConversationMessenger> messengers, IEnumerable<IRequestMessenger> updaters, TimeProvider clock)
{
    /// <summary>
    /// Queues the replacement of card <paramref name="messageKey"/> (the card that was clicked) in a conversation SesBot has
    /// stored with <paramref name="card"/>; false when it cannot (the caller then sends it as a new message).
    /// </summary>
    public async Task<bool> UpdateCardAsync(
        string? channel, string? addressKey, string? conversationKey, string messageKey, Reply card, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (channel is null || addressKey is null || conversationKey is null || updaters.FirstOrDefault(u => u.Channel == channel) is not { } updater)
        {
            return false;
        }

        var address = await db.ConversationAddresses.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Channel == channel && a.ConversationKey == addressKey, cancellationToken);
        var message = address is null ? null : updater.UpdateMessage(address, conversationKey, messageKey, card, idempotencyKey, clock.GetUtcNow());
        if (message is null)
        {
            return false;
        }

        db.OutboxMessages.Add(message);
        return true;
    }

    /// <summary>Queues <paramref name="reply"/> into a conversation SesBot has stored (a thread of it when <paramref name="conversationKey"/> says so); false when it cannot.</summary>
    public async Task<bool> ToConversationAsync(string? channel, string? addressKey, string? conversationKey, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (channel is null || addressKey is null)
        {
            return false;
        }

        var address = await db.ConversationAddresses.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Channel == channel && a.ConversationKey == addressKey, cancellationToken);
        return Queue(address, conversationKey, reply, idempotencyKey);
    }

    /// <summary>Queues <paramref name="reply"/> into the personal chat of the person behind an actor id (<c>channel:tenant:user</c>).</summary>
    public async Task<bool> ToPersonAsync(string actorId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        var user = await db.ChannelUsers.AsNoTracking()
            .Where(u => u.Channel + ":" + u.TenantKey + ":" + u.UserKey == actorId)
            .Select(u => new { u.Channel, u.TenantKey, u.UserKey })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        var address = await db.ConversationAddresses.AsNoTracking()
            .Where(a => a.Channel == user.Channel && a.Scope == ConversationScope.Personal && a.UserKey == user.UserKey)
            .OrderByDescending(a => a.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return Queue(address, null, reply, idempotencyKey);
    }

    public Task SaveAsync() => db.SaveChangesAsync(CancellationToken.None);

    private bool Queue(ConversationAddress? address, string? conversationKey, Reply reply, string idempotencyKey)
    {
        var messenger = address is null ? null : messengers.FirstOrDefault(m => m.Channel == address.Channel);
        var message = messenger?.Send(address!, conversationKey, reply, idempotencyKey, clock.GetUtcNow());
        if (message is null)
        {
            return false;
        }

        db.OutboxMessages.Add(message);
        return true;
    }
}
