using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Support;

namespace SesBot.Bot.Support;

/// <summary>
/// Messages about a request that nobody asked for in this conversation: into the request's support thread, to the
/// person who filed it (their personal chat), or to support's escalation person or channel. Each adds one outbox row to
/// the caller's unit of work (a turn, or a reminder's commit) under the caller's idempotency key, and says whether it
/// could; it never sends anything itself.
/// </summary>
public sealed class RequestNotices(
    SesBotDbContext db,
    SupportChannels channels,
    IEnumerable<IConversationPoster> posters,
    IEnumerable<ISupportThreadPoster> threadPosters,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<RequestNotices> logger)
{
    /// <summary>
    /// A reply in the request's support thread; when the thread was never opened (no support channel then, or its post
    /// failed), a new thread in today's support channel instead.
    /// </summary>
    public async Task<bool> ToSupportThreadAsync(RemovalRequest request, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var threadKey = SupportDesk.ThreadKey(request.Id);
        var thread = db.OutboxMessages.Local.FirstOrDefault(m => m.IdempotencyKey == threadKey)
            ?? await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == threadKey, cancellationToken);
        if (thread is not null)
        {
            foreach (var poster in posters)
            {
                if (poster.ReplyInThread(thread, reply, idempotencyKey, clock.GetUtcNow()) is { } message)
                {
                    return Add(message);
                }
            }
        }

        var current = await channels.CurrentAsync(cancellationToken);
        if (current is not null && await NewThreadAsync(current.Channel, current.ConversationKey, reply, idempotencyKey, cancellationToken))
        {
            return true;
        }

        Log.NoticeUndeliverable(logger, idempotencyKey, "the support thread");
        return false;
    }

    /// <summary>A message in the personal chat of the person who filed the request.</summary>
    public Task<bool> ToRequesterAsync(RemovalRequest request, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ToPersonAsync(request.RequestedById, reply, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// A message in a person's personal chat with SesBot, the person named by their actor id (<c>channel:tenant:user</c>).
    /// False when SesBot has no such chat (they never wrote to it) or may no longer write there.
    /// </summary>
    public async Task<bool> ToPersonAsync(string actorId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        var parts = actorId.Split(':', 3);
        if (parts.Length == 3)
        {
            var (channel, tenant, user) = (parts[0], parts[1], parts[2]);
            var chats = await db.ConversationAddresses.AsNoTracking()
                .Where(a => a.Channel == channel && a.UserKey == user && a.Scope == ConversationScope.Personal && a.BlockedAt == null)
                .OrderByDescending(a => a.Id)
                .ToListAsync(cancellationToken);
            var chat = chats.Find(a => a.TenantKey is null || a.TenantKey == tenant);
            var poster = posters.FirstOrDefault(p => p.Channel == channel);
            if (chat is not null && poster?.Send(chat, reply, idempotencyKey, clock.GetUtcNow()) is { } message)
            {
                return Add(message);
            }
        }

        Log.NoticeUndeliverable(logger, idempotencyKey, "a personal chat");
        return false;
    }

    /// <summary>
    /// Support's escalation: to <c>Support:Escalation:Email</c>'s personal chat, else as a new thread in
    /// <c>Support:Escalation:ChannelConversationId</c>, else into the request's support thread.
    /// </summary>
    public async Task<bool> ToEscalationAsync(RemovalRequest request, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var escalation = options.Value.Escalation;
        if (!string.IsNullOrWhiteSpace(escalation.Email))
        {
            var email = escalation.Email.Trim();
            var people = await db.ChannelUsers.AsNoTracking().Where(u => u.Email != null).ToListAsync(cancellationToken);
            var person = people.Find(u => string.Equals(u.Email!.Trim(), email, StringComparison.OrdinalIgnoreCase) && !u.IsPending);
            if (person is not null && await ToPersonAsync(person.ToActor().Id, reply, idempotencyKey, cancellationToken))
            {
                return true;
            }

            Log.EscalationPersonUnreachable(logger, request.Id);
        }

        if (!string.IsNullOrWhiteSpace(escalation.ChannelConversationId)
            && await NewThreadAsync(escalation.Channel, escalation.ChannelConversationId.Trim(), reply, idempotencyKey, cancellationToken))
        {
            return true;
        }

        return await ToSupportThreadAsync(request, reply, idempotencyKey, cancellationToken);
    }

    private async Task<bool> NewThreadAsync(string channel, string conversationKey, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        var address = await db.ConversationAddresses.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Channel == channel && a.ConversationKey == conversationKey && a.BlockedAt == null, cancellationToken);
        var poster = threadPosters.FirstOrDefault(p => p.Channel == channel);
        return address is not null && poster?.NewThread(address, reply, idempotencyKey, clock.GetUtcNow()) is { } message && Add(message);
    }

    private bool Add(OutboxMessage message)
    {
        db.OutboxMessages.Add(message);
        return true;
    }
}
