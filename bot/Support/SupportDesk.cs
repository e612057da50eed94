using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;
using SesBot.Core.Support;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Support;

/// <summary>
/// The support desk in chat: choosing and showing the support channel, the queue, and the card every new request posts
/// to the support channel as its own thread, written to the outbox in the turn that made the request.
/// </summary>
public sealed class SupportDesk(
    SesBotDbContext db,
    SupportChannels channels,
    SupportQueue queue,
    IEnumerable<ISupportThreadPoster> posters,
    TimeProvider clock,
    ILogger<SupportDesk> logger)
{
    private static readonly Strings S = Strings.For(typeof(SupportDesk));

    private static int _warnedNoChannel;

    private TurnInput? _turn;

    /// <summary>The idempotency key of a request's support thread: its outbox row keeps where the card went (ResultJson).</summary>
    public static string ThreadKey(string requestId) => $"support-thread:{requestId}";

    /// <summary>
    /// Queues the new request's card for the support channel (in the turn's unit of work). False when there is no
    /// support channel, or SesBot cannot write there: support was not told.
    /// </summary>
    public async Task<bool> AnnounceAsync(RequestDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        RecordOrigin(details.Request);
        var current = await channels.CurrentAsync(cancellationToken);
        if (current is null)
        {
            if (Interlocked.Exchange(ref _warnedNoChannel, 1) == 0)
            {
                Log.NoSupportChannel(logger, details.Request.Id);
            }

            return false;
        }

        var address = await AddressAsync(current.Channel, current.ConversationKey, cancellationToken);
        var poster = posters.FirstOrDefault(p => p.Channel == current.Channel);
        if (address is null || address.BlockedAt is not null || poster is null)
        {
            Log.SupportChannelUnreachable(logger, current.Channel, current.ConversationKey, details.Request.Id);
            return false;
        }

        var reseller = await db.Resellers.AsNoTracking()
            .Where(r => r.Id == details.Request.ResellerId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        // The support channel reads SES support's language (the neutral resources), whatever the reseller's turn speaks.
        var card = SupportedCultures.In(SupportedCultures.Default, () => SupportCards.Work(details, reseller ?? details.Request.ResellerId, clock.GetUtcNow()));
        var message = poster.NewThread(address, card, ThreadKey(details.Request.Id), clock.GetUtcNow());
        if (message is null)
        {
            Log.SupportChannelUnreachable(logger, current.Channel, current.ConversationKey, details.Request.Id);
            return false;
        }

        db.OutboxMessages.Add(message);
        Log.SupportThreadQueued(logger, details.Request.Id, current.ConversationKey);
        return true;
    }

    /// <summary>The turn being handled (this desk lives for one turn): where a request filed in it comes from.</summary>
    public void Attend(TurnInput input) => _turn = input ?? throw new ArgumentNullException(nameof(input));

    /// <summary>"use this channel for support requests": admins only, in a team channel.</summary>
    public async Task<Reply> UseThisChannelAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Admin)
        {
            return SupportCards.ChannelChanged(await channels.UseAsync(actor, input.Channel, input.AddressKey, null, cancellationToken));
        }

        if (input.Scope != ConversationScope.TeamChannel)
        {
            return Reply.Text(S["UseChannel.NotInChannel"]);
        }

        var address = await AddressAsync(input.Channel, input.AddressKey, cancellationToken);
        var change = await channels.UseAsync(actor, input.Channel, input.AddressKey, address?.DisplayName, cancellationToken);
        if (change.Kind == OutcomeKind.Ok)
        {
            Log.SupportChannelChosen(logger, actor.Id, input.AddressKey);
        }

        return SupportCards.ChannelChanged(change);
    }

    /// <summary>"support channel": which one is used, for support agents and admins.</summary>
    public async Task<Reply> ShowChannelAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsSupport
            ? SupportCards.ChannelShown(await channels.CurrentAsync(cancellationToken))
            : Reply.Text(S["ShowChannel.Refused"]);
    }

    /// <summary>"queue" / "queue mine": in the support channel or a personal chat, for support agents and admins.</summary>
    public async Task<Reply> QueueAsync(TurnInput input, Actor actor, bool mine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entries = await queue.OpenAsync(actor, mine, cancellationToken);
        if (entries is null)
        {
            return SupportCards.QueueRefused();
        }

        if (input.Scope != ConversationScope.Personal)
        {
            var current = await channels.CurrentAsync(cancellationToken);
            if (current is null || current.Channel != input.Channel || current.ConversationKey != input.AddressKey)
            {
                return Reply.Text(S["Queue.WrongPlace"]);
            }
        }

        return SupportCards.Queue(entries, clock.GetUtcNow(), mine);
    }

    /// <summary>
    /// Keeps where the request was filed, so support's updates reach the reseller there: the conversation, the card the
    /// filing click came from (its status card, updated in place later) and the requester's id in the channel.
    /// </summary>
    private void RecordOrigin(RemovalRequest request)
    {
        if (_turn is not { } turn || request.Origin is not null)
        {
            return;
        }

        string? Fit(string? key) => key is { Length: > 0 and <= RequestOrigin.KeyLength } ? key : null;
        if (Fit(turn.ConversationKey) is not { } conversation || Fit(turn.AddressKey) is not { } address)
        {
            return;
        }

        request.RecordOrigin(new RequestOrigin(turn.Channel, conversation, address, turn.IsAction ? Fit(turn.ReplyToKey) : null, Fit(turn.ChannelUserId)));
    }

    /// <summary>The stored address, including one this turn has just remembered (not yet committed).</summary>
    private async Task<ConversationAddress?> AddressAsync(string channel, string key, CancellationToken cancellationToken) =>
        db.ConversationAddresses.Local.FirstOrDefault(a => a.Channel == channel && a.ConversationKey == key)
        ?? await db.ConversationAddresses.FirstOrDefaultAsync(a => a.Channel == channel && a.ConversationKey == key, cancellationToken);
}
