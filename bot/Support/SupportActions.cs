using System.Globalization;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Localization;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Support;

/// <summary>
/// The clicks on a support card and the reseller's answers to support's questions. Every click is checked on the
/// server (support only, four-eyes, the card's version against the request's); the clicker gets the card as it is now
/// (with a note when nothing changed), and every change queues its updates everywhere (<see cref="RequestUpdates"/>).
/// </summary>
public sealed class SupportActions(RemovalRequestService requests, RequestUpdates updates, TimeProvider clock, ILogger<SupportActions> logger)
{
    private static readonly Strings S = Strings.For(typeof(SupportActions));

    /// <summary>Whether the verb belongs to the support card.</summary>
    public static bool Handles(string? verb) =>
        verb is ActionIds.SupportRefresh or ActionIds.SupportAssign or ActionIds.SupportAsk || SupportMoves.TriggerOf(verb) is not null;

    public async Task<Reply> ActAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        // The support card is shared in the support channel: like the card SesBot posts there, it stays in SES support's
        // language whoever clicks (the change ends with this method; the reseller's notice is rendered in theirs).
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = SupportedCultures.Default;
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var requestId = (input.Value(DataKeys.RequestId) ?? string.Empty).Trim().ToUpperInvariant();
        int? version = int.TryParse(input.Value(DataKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (input.Verb == ActionIds.SupportRefresh)
        {
            return await CardAsync(requestId, actor, note: null, cancellationToken);
        }

        if (!actor.IsSupport)
        {
            Log.SupportActionRefused(logger, actor.Id, input.Verb ?? string.Empty, requestId, "not support");
            return await CardAsync(requestId, actor, S["OnlySupport"], cancellationToken);
        }

        var trigger = SupportMoves.TriggerOf(input.Verb);
        var result = input.Verb switch
        {
            ActionIds.SupportAssign => await requests.AssignAsync(requestId, actor, version, cancellationToken),
            ActionIds.SupportAsk => await requests.AskResellerAsync(requestId, actor, version, input.Value(SupportFields.Question), cancellationToken),
            _ => await requests.MoveAsync(
                new ApplyRequestTrigger(requestId, trigger!.Value, actor, version, trigger == RequestTrigger.Reject ? input.Value(SupportFields.RejectReason) : null),
                cancellationToken),
        };
        var action = input.Verb switch
        {
            ActionIds.SupportAssign => "Assigned",
            ActionIds.SupportAsk => "InformationRequested",
            _ => trigger!.Value.ToString(),
        };

        if (result.Kind == OutcomeKind.Ok && result.Details is { } changed)
        {
            Log.SupportActionTaken(logger, actor.Id, action, changed.Request.Id, changed.Request.Version);
            await QueueAsync(changed, action, actor.DisplayName, cancellationToken);
            return SupportCards.Work(changed, await updates.ResellerNameAsync(changed.Request, cancellationToken), clock.GetUtcNow(), actor);
        }

        Log.SupportActionRefused(logger, actor.Id, action, requestId, result.Kind.ToString());
        if (result.Kind == OutcomeKind.Denied && result.Request is { Status: RequestStatus.Rejected } rejected)
        {
            // The policy no longer allowed carrying it out, so SesBot rejected it: that is a change, sent everywhere.
            var details = await requests.DetailsAsync(rejected.Id, actor, cancellationToken);
            if (details is not null)
            {
                await QueueAsync(details, nameof(RequestTrigger.Reject), Actor.System.DisplayName, cancellationToken);
                return SupportCards.Work(details, await updates.ResellerNameAsync(rejected, cancellationToken), clock.GetUtcNow(), actor, result.Message);
            }
        }

        if (result.Kind == OutcomeKind.Conflict)
        {
            var now = result.Details ?? await requests.DetailsAsync(requestId, actor, cancellationToken);
            return now is null
                ? Reply.Text(result.Message ?? S["Changed"])
                : SupportCards.Work(now, await updates.ResellerNameAsync(now.Request, cancellationToken), clock.GetUtcNow(), actor, SupportCards.AlreadyNote(now));
        }

        return await CardAsync(requestId, actor, result.Message ?? S["NothingChanged"], cancellationToken);
    }

    /// <summary>
    /// The reseller's answer to support's open question, from the card's box (<paramref name="requestId"/> given) or typed
    /// as their next message (the newest request of theirs that waits on them). Null when nothing waits on them.
    /// </summary>
    public async Task<Reply?> AnswerAsync(string? requestId, Actor actor, string? answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var id = requestId?.Trim().ToUpperInvariant() ?? await requests.OpenQuestionForAsync(actor, cancellationToken);
        if (id is null)
        {
            return null;
        }

        var result = await requests.AnswerAsync(id, actor, answer, cancellationToken);
        switch (result.Kind)
        {
            case OutcomeKind.Ok when result.Details is { } details:
                var question = details.Timeline.LastOrDefault(e => e.Action == "InformationRequested")?.Details ?? string.Empty;
                // Into the support thread: SES support's language, not the reseller's.
                var reply = SupportedCultures.In(SupportedCultures.Default, () => SupportCards.AnswerInThread(details.Request, question, answer!.Trim(), actor.DisplayName));
                await updates.QueueAsync(details, notice: null, threadReply: reply, cancellationToken);
                Log.ResellerAnswered(logger, details.Request.Id);
                return WithParagraph(RequestCards.Status(details), S["Answered"], Tone.Good);
            case OutcomeKind.NotFound:
                return RequestCards.NotFound(id);
            default:
                var current = result.Details ?? await requests.DetailsAsync(id, actor, cancellationToken);
                return current is null
                    ? Reply.Text(result.Message ?? S["NothingSent"])
                    : WithParagraph(RequestCards.Status(current), result.Message ?? S["NothingSent"], Tone.Attention);
        }
    }

    private async Task QueueAsync(RequestDetails details, string action, string actorName, CancellationToken cancellationToken)
    {
        var removal = action == nameof(RequestTrigger.MarkRemovedFromPayer)
            ? await requests.RemovalImpactAsync(details.Request, details.Request.UpdatedAt, cancellationToken)
            : null;
        // In the reseller's language, not the support agent's whose click this is.
        var culture = await updates.CultureOfAsync(details.Request.RequestedById, cancellationToken);
        var notice = SupportedCultures.In(culture, () => ResellerNotices.For(details, action, actorName, removal));
        await updates.QueueAsync(details, notice, threadReply: null, cancellationToken);
    }

    private async Task<Reply> CardAsync(string requestId, Actor actor, string? note, CancellationToken cancellationToken)
    {
        var details = await requests.DetailsAsync(requestId, actor, cancellationToken);
        return details is null
            ? Reply.Text(S.Format("NotFound", requestId))
            : SupportCards.Work(details, await updates.ResellerNameAsync(details.Request, cancellationToken), clock.GetUtcNow(), actor, note);
    }

    private static Reply WithParagraph(Reply reply, string text, Tone tone) =>
        reply with { Blocks = [new ParagraphBlock(text, tone), .. reply.Blocks] };
}
