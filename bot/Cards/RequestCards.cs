using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>Cards about submitted requests: the confirmation, the status card (which refreshes itself) and the list.</summary>
public static class RequestCards
{
    /// <summary>
    /// The confirmation of a submitted request. <paramref name="supportAlerted"/> false: the request was not posted to
    /// support (no support channel), so the card says so under what support does next.
    /// </summary>
    public static Reply Submitted(RequestDetails details, bool supportAlerted = true)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var status = Status(details);
        List<ReplyBlock> top = [new ParagraphBlock($"Request {request.Id} is submitted.", Tone.Good), new ParagraphBlock(NextSteps(request))];
        if (!supportAlerted && RemovalOptionCatalog.Get(request.Kind).Handling != OptionHandling.SelfService)
        {
            top.Add(new ParagraphBlock($"SES support has not been alerted yet: no support channel is set up in SesBot. Please tell SES support about request {request.Id}.", Tone.Attention));
        }

        return status with
        {
            Blocks = [.. top, .. status.Blocks],
            Summary = $"Request {request.Id} submitted",
        };
    }

    public static Reply Status(RequestDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var facts = new List<ReplyFact>
        {
            new("Request", request.Id),
            new("What", Texts.Option(request.Kind)),
            new("Customer", details.Customer.Name),
        };
        if (details.Account is { } account)
        {
            facts.Add(new ReplyFact("Account", Texts.AccountLabel(account)));
        }

        facts.Add(new ReplyFact("Status", Texts.Status(request.Status)));
        facts.Add(new ReplyFact("Requested by", $"{request.RequestedByName}, {Texts.Instant(request.CreatedAt)}"));
        if (request.LastNote is { } note)
        {
            facts.Add(new ReplyFact("Note", note));
        }

        if (request.BillingImpact is { } impact)
        {
            facts.Add(new ReplyFact("Linked this month (at submission)",
                $"{impact.LinkedDays} of {impact.DaysInMonth} days ({(impact.FractionOfMonth * 100m).ToString("0.##", CultureInfo.InvariantCulture)} %)"));
        }

        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"{Texts.Option(request.Kind)}: {request.Id}"),
            new FactsBlock(facts),
        };
        if (details.Timeline.Count > 0)
        {
            blocks.Add(new ParagraphBlock("History", Tone.Subtle));
            blocks.Add(new FactsBlock([.. details.Timeline.Select(e => new ReplyFact(Texts.Instant(e.At), $"{e.Action} by {e.ActorName}"))]));
        }

        var refresh = new ReplyAction("Refresh", ActionIds.RefreshStatus, Data(request));
        var actions = new List<ReplyAction> { refresh with { SubmitsInputs = false } };
        if (request.Status == RequestStatus.Submitted)
        {
            actions.Add(new ReplyAction("Cancel this request", ActionIds.CancelRequest, Data(request), ReplyActionStyle.Destructive) { SubmitsInputs = false });
        }

        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks)
        {
            Summary = $"{request.Id}: {Texts.Status(request.Status)}",
            Refresh = request.IsOpen ? refresh : null,
        };
    }

    public static Reply List(IReadOnlyList<RemovalRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return Reply.Card("You have no removal requests.", new ParagraphBlock("You have no removal requests yet."), HelpReplies.Menu());
        }

        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock("Your removal requests"),
            new FactsBlock([.. requests.Select(r => new ReplyFact(r.Id, $"{Texts.Option(r.Kind)} · {Texts.Status(r.Status)} · {Texts.Day(r.CreatedAt)}"))]),
        };
        blocks.Add(new ActionsBlock([.. requests.Take(5).Select(r => new ReplyAction($"Open {r.Id}", ActionIds.RefreshStatus, Data(r)) { SubmitsInputs = false })]));
        return new Reply(blocks) { Summary = $"{requests.Count} removal request(s)" };
    }

    public static Reply NotFound(string requestId) => Reply.Text($"I can't find a request {requestId} among yours. Type \"my requests\" to see them.");

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static string NextSteps(RemovalRequest request) => RemovalOptionCatalog.Get(request.Kind).NextSteps;
}
