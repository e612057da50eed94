using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Localization;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Support;

/// <summary>
/// Everything a change of a request sends, queued in the turn's unit of work (so it commits with the change, or not at
/// all): the support card updated in place in its thread, the reseller's status card updated in place where the request
/// was filed, and a 1:1 message to the reseller for what matters to them. Keys carry the request's new version, so the
/// same change never queues twice and every change gets its own.
/// </summary>
public sealed class RequestUpdates(SesBotDbContext db, IEnumerable<IRequestMessenger> messengers, TimeProvider clock, ILogger<RequestUpdates> logger)
{
    public static string SupportCardKey(RemovalRequest request) => $"support-card:{Id(request)}";

    public static string StatusCardKey(RemovalRequest request) => $"status-card:{Id(request)}";

    public static string NoticeKey(RemovalRequest request) => $"notice:{Id(request)}";

    public static string ThreadReplyKey(RemovalRequest request) => $"thread-reply:{Id(request)}";

    /// <summary>The language of messages to the person with this actor id (their last known locale, else English).</summary>
    public Task<CultureInfo> CultureOfAsync(string actorId, CancellationToken cancellationToken) =>
        PersonCulture.OfAsync(db, actorId, cancellationToken);

    /// <summary>Queues the updates of a change that <paramref name="details"/> shows as this turn leaves it.</summary>
    public async Task QueueAsync(RequestDetails details, Reply? notice, Reply? threadReply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var now = clock.GetUtcNow();

        var thread = await db.OutboxMessages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.IdempotencyKey == SupportDesk.ThreadKey(request.Id), cancellationToken);
        if (thread is not null && For(thread.Kind) is { } threadMessenger)
        {
            var reseller = await ResellerNameAsync(request, cancellationToken);
            db.OutboxMessages.Add(threadMessenger.UpdateThreadCard(thread,
                SupportedCultures.In(SupportedCultures.Default, () => SupportCards.Work(details, reseller, now)), SupportCardKey(request), now));
            if (threadReply is not null)
            {
                db.OutboxMessages.Add(threadMessenger.ReplyInThread(thread, threadReply, ThreadReplyKey(request), now));
            }
        }

        if (request.Origin is { } origin && Messenger(origin.Channel) is { } messenger)
        {
            var filedIn = await AddressAsync(origin.Channel, origin.AddressKey, cancellationToken);
            // The requester's card speaks the requester's language, whoever's turn changed the request.
            var culture = await CultureOfAsync(request.RequestedById, cancellationToken);
            var status = origin.CardMessageKey is { } messageKey && filedIn is not null
                ? messenger.UpdateMessage(filedIn, origin.ConversationKey, messageKey,
                    SupportedCultures.In(culture, () => RequestCards.Status(details)), StatusCardKey(request), now)
                : null;
            if (status is null)
            {
                Log.ResellerUnreachable(logger, request.Id, "status card");
            }
            else
            {
                db.OutboxMessages.Add(status);
            }
        }

        if (notice is not null)
        {
            var personal = await PersonalChatAsync(request.RequestedById, cancellationToken);
            var message = personal is null
                ? await StartPersonalChatAsync(request, notice, now, cancellationToken)
                : Messenger(personal.Channel)?.Send(personal, personal.ConversationKey, notice, NoticeKey(request), now);
            if (message is null)
            {
                Log.ResellerUnreachable(logger, request.Id, "personal chat");
            }
            else
            {
                db.OutboxMessages.Add(message);
            }
        }
    }

    public async Task<string> ResellerNameAsync(RemovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await db.Resellers.AsNoTracking().Where(r => r.Id == request.ResellerId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
            ?? request.ResellerId;
    }

    private static string Id(RemovalRequest request) => $"{request.Id}:v{request.Version}";

    private IRequestMessenger? Messenger(string channel) => messengers.FirstOrDefault(m => m.Channel == channel);

    /// <summary>The messenger of an outbox kind ("msteams.channel-thread" → msteams).</summary>
    private IRequestMessenger? For(string kind) => Messenger(kind.Split('.')[0]);

    private async Task<ConversationAddress?> AddressAsync(string channel, string key, CancellationToken cancellationToken) =>
        db.ConversationAddresses.Local.FirstOrDefault(a => a.Channel == channel && a.ConversationKey == key)
        ?? await db.ConversationAddresses.AsNoTracking().FirstOrDefaultAsync(a => a.Channel == channel && a.ConversationKey == key, cancellationToken);

    /// <summary>No personal chat yet (the request was filed in a group chat or channel): open one from where they filed.</summary>
    private async Task<Core.Outbox.OutboxMessage?> StartPersonalChatAsync(RemovalRequest request, Reply notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.Origin is not { RequesterChannelKey: { } user } origin || Messenger(origin.Channel) is not { } messenger)
        {
            return null;
        }

        var filedIn = await AddressAsync(origin.Channel, origin.AddressKey, cancellationToken);
        return filedIn is null || filedIn.BlockedAt is not null ? null : messenger.StartPersonalChat(filedIn, user, notice, NoticeKey(request), now);
    }

    /// <summary>The person's personal chat with SesBot, by their actor id (<c>channel:tenant:user</c>); null when SesBot has none.</summary>
    private async Task<ConversationAddress?> PersonalChatAsync(string actorId, CancellationToken cancellationToken)
    {
        var parts = actorId.Split(':', 3);
        if (parts.Length != 3)
        {
            return null;
        }

        var (channel, tenant, user) = (parts[0], parts[1], parts[2]);
        return await db.ConversationAddresses.AsNoTracking()
            .Where(a => a.Channel == channel && a.Scope == ConversationScope.Personal && a.TenantKey == tenant && a.UserKey == user && a.BlockedAt == null)
            .OrderByDescending(a => a.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
