using System.Globalization;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Support;

/// <summary>
/// The "Send the instructions again" button of a request's status card: a new outbox attempt for the failed email
/// (once per failure, however often it is clicked), answered with the status card as it is now.
/// </summary>
public sealed class RequestEmailRetry(InstructionsEmailRetry retry, ResellerCatalog catalog, ILogger<RequestEmailRetry> logger)
{
    private static readonly Strings S = Strings.For(typeof(RequestEmailRetry));

    public async Task<Reply> RetryAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var requestId = (input.Value(DataKeys.RequestId) ?? string.Empty).Trim().ToUpperInvariant();
        var shown = long.TryParse(input.Value(DataKeys.EmailMessageId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        var result = await retry.RetryAsync(actor, requestId, shown, cancellationToken);
        var details = result.Kind == OutcomeKind.NotFound ? null : await catalog.FindRequestAsync(actor, requestId, cancellationToken);
        if (details is null)
        {
            return RequestCards.NotFound(requestId);
        }

        if (result.Kind == OutcomeKind.Ok)
        {
            Log.EmailRetryQueued(logger, actor.Id, requestId, shown);
        }

        var (text, tone) = result.Kind switch
        {
            OutcomeKind.Ok => (S.Format("Queued", details.Request.EndCustomerEmail), Tone.Good),
            OutcomeKind.Duplicate => (result.Message ?? S["AlreadyQueued"], Tone.Good),
            _ => (S.Format("NotSent", result.Message), Tone.Attention),
        };
        var status = RequestCards.Status(details);
        return status with { Blocks = [new ParagraphBlock(text, tone), .. status.Blocks] };
    }
}
