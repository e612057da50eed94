using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>Cards about submitted requests: the confirmation, the status card (which refreshes itself) and the list.</summary>
public static class RequestCards
{
    /// <summary>
    /// The answer to a submission, saying what really happened: carried out at once ("deleted", "completed"), queued
    /// (an email not sent yet), or submitted to support. <paramref name="supportAlerted"/> false: the request was not
    /// posted to support (no support channel), so the card says so under what support does next.
    /// </summary>
    public static Reply Submitted(RequestDetails details, bool supportAlerted = true)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var status = Status(details);
        var (headline, summary) = Outcome(details);
        List<ReplyBlock> top = [new ParagraphBlock(headline, Tone.Good), new ParagraphBlock(NextSteps(request))];
        if (!supportAlerted && RemovalOptionCatalog.Get(request.Kind).Handling != OptionHandling.SelfService)
        {
            top.Add(new ParagraphBlock($"SES support has not been alerted yet: no support channel is set up in SesBot. Please tell SES support about request {request.Id}.", Tone.Attention));
        }

        return status with
        {
            Blocks = [.. top, .. status.Blocks],
            Summary = summary,
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

        facts.Add(new ReplyFact("Status", StatusText(details)));
        if (details.Email is { } email)
        {
            facts.Add(new ReplyFact("Instructions email", EmailText(email)));
        }

        facts.Add(new ReplyFact("Requested by", $"{request.RequestedByName}, {Texts.Instant(request.CreatedAt)}"));
        if (request.LastNote is { } note)
        {
            facts.Add(new ReplyFact("Note", note));
        }

        if (request.BillingImpact is { } impact && request.Kind == RemovalOption.AwsEndBillingTransfer)
        {
            // Previewed at submission; once support has ended the transfer, as it turned out.
            var ended = request.Status == RequestStatus.Completed;
            facts.Add(new ReplyFact(ended ? "Transfer ends" : "Transfer ends (if ended this month)", BillingTexts.TransferEnd(impact)));
            facts.Add(new ReplyFact("You invoice", BillingTexts.Summary(impact)));
        }
        else if (request.BillingImpact is { } linked)
        {
            facts.Add(new ReplyFact("Linked this month (at submission)", BillingTexts.Summary(linked)));
        }

        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"{Texts.Option(request.Kind)}: {request.Id}"),
            new FactsBlock(facts),
        };
        if (details.Timeline.Count > 0)
        {
            blocks.Add(new ParagraphBlock("History", Tone.Subtle));
            blocks.Add(new FactsBlock([.. details.Timeline.Select(e => new ReplyFact(Texts.Instant(e.At), HistoryCards.Sentence(RequestAuditEntries.Of(e, request))))]));
        }

        var refresh = new ReplyAction("Refresh", ActionIds.RefreshStatus, Data(request));
        var actions = new List<ReplyAction> { refresh with { SubmitsInputs = false } };

        // Whenever the workflow lets the requester cancel (the server checks who clicks).
        if (request.AvailableTriggers().Contains(RequestTrigger.Cancel))
        {
            actions.Add(new ReplyAction("Cancel this request", ActionIds.CancelRequest, Data(request), ReplyActionStyle.Destructive) { SubmitsInputs = false });
        }

        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks)
        {
            Summary = $"{request.Id}: {StatusText(details)}",
            Refresh = request.IsOpen ? refresh : null,
        };
    }

    public static Reply List(IReadOnlyList<RequestSummary> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return Reply.Card("You have no removal requests.", new ParagraphBlock("You have no removal requests yet."), HelpReplies.Menu());
        }

        var open = requests.Where(r => r.Request.IsOpen).ToList();
        var closed = requests.Where(r => !r.Request.IsOpen).ToList();
        var blocks = new List<ReplyBlock> { new HeadingBlock("Your removal requests") };
        blocks.Add(new ParagraphBlock(open.Count == 0 ? "Open: none." : "Open:", Tone.Subtle));
        if (open.Count > 0)
        {
            blocks.Add(new FactsBlock([.. open.Select(Line)]));
        }

        if (closed.Count > 0)
        {
            blocks.Add(new ParagraphBlock("Closed:", Tone.Subtle));
            blocks.Add(new FactsBlock([.. closed.Select(Line)]));
        }

        // Buttons for the open ones first: those are the ones a reseller follows up on.
        blocks.Add(new ActionsBlock([.. open.Concat(closed).Take(5).Select(r => new ReplyAction($"Open {r.Request.Id}", ActionIds.RefreshStatus, Data(r.Request)) { SubmitsInputs = false })]));
        return new Reply(blocks) { Summary = requests.Count == 1 ? "1 removal request" : $"{requests.Count} removal requests" };

        static ReplyFact Line(RequestSummary r)
        {
            var subject = r.AccountExternalId is { } id && r.Provider is { } provider
                ? $"{r.CustomerName}, {Texts.Provider(provider)} {id}"
                : r.CustomerName;
            return new ReplyFact(r.Request.Id, $"{Texts.Option(r.Request.Kind)} · {subject} · {ListStatus(r.Request)} · {Texts.Day(r.Request.CreatedAt)}");
        }
    }

    public static Reply NotFound(string requestId) => Reply.Text($"I can't find a request {requestId} among yours. Type \"my requests\" to see them.");

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static string NextSteps(RemovalRequest request) => RemovalOptionCatalog.Get(request.Kind).NextSteps;

    /// <summary>What the submission came to, and the card's summary.</summary>
    private static (string Headline, string Summary) Outcome(RequestDetails details)
    {
        var request = details.Request;
        if (request.Status == RequestStatus.Completed)
        {
            return request.Kind switch
            {
                RemovalOption.DeleteFromPlatform =>
                    ($"{(details.Account is { } a ? Texts.AccountLabel(a) : "The account")} is deleted from SES (request {request.Id}, completed).", $"Request {request.Id} completed: account deleted"),
                RemovalOption.RemoveCustomer =>
                    ($"{details.Customer.Name} is removed from SES (request {request.Id}, completed).", $"Request {request.Id} completed: customer removed"),
                _ => ($"Request {request.Id} is completed.", $"Request {request.Id} completed"),
            };
        }

        if (details.Email is { State: EmailDeliveryState.Queued } email)
        {
            return ($"Request {request.Id} is submitted. The instructions are {EmailText(email)}.", $"Request {request.Id} submitted: instructions queued");
        }

        return ($"Request {request.Id} is submitted.", $"Request {request.Id} submitted");
    }

    /// <summary>The status as it really is: an unlink request waiting for its email says so, not "waiting for support".</summary>
    private static string StatusText(RequestDetails details)
    {
        var request = details.Request;
        if (request.Status != RequestStatus.Submitted || details.Email is not { } email)
        {
            return Texts.Status(request.Status);
        }

        return email.State switch
        {
            EmailDeliveryState.Queued => "Submitted, instructions queued for sending",
            EmailDeliveryState.Sent => "Instructions sent to the end customer",
            EmailDeliveryState.Failed => "Submitted, sending the instructions failed",
            _ => "Submitted, the instructions may not have been sent; support is checking",
        };
    }

    /// <summary>The status in the list, where the email's state is not read: an unlink request waits for its email, not for support.</summary>
    private static string ListStatus(RemovalRequest request) =>
        request is { Kind: RemovalOption.AwsSelfUnlink, Status: RequestStatus.Submitted }
            ? "Submitted, instructions not sent yet"
            : Texts.Status(request.Status);

    /// <summary>"queued for sending to it@example.com in German", "sent to … on …", "sending failed: reason".</summary>
    private static string EmailText(EmailDelivery email)
    {
        var to = $"to {email.To} in {UnlinkInstructionsEmail.LanguageName(email.Language)}";
        return email.State switch
        {
            EmailDeliveryState.Queued when email.Problem is { } last => $"queued for sending {to} (the last try failed: {last}; trying again)",
            EmailDeliveryState.Queued => $"queued for sending {to}",
            EmailDeliveryState.Sent => $"sent {to}" + (email.At is { } at ? $", {Texts.Instant(at)}" : string.Empty),
            EmailDeliveryState.Failed => $"sending failed: {email.Problem ?? "the mail server refused it"} (was {to})",
            _ => $"may not have been sent {to}: {email.Problem ?? "the send was interrupted"}",
        };
    }
}
