using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>Cards about submitted requests: the confirmation, the status card (which refreshes itself) and the list.</summary>
public static class RequestCards
{
    private static readonly Strings S = Strings.For(typeof(RequestCards));

    /// <summary>
    /// The answer to a submission, saying what really happened: carried out at once ("deleted", "completed"), queued
    /// (an email not sent yet), or submitted to support. <paramref name="supportAlerted"/> false: the request was not
    /// posted to support (no support channel), so the card says so under what support does next.
    /// </summary>
    public static Reply Submitted(RequestDetails details, bool supportAlerted = true)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var status = Status(details, withNextStep: false);
        var (headline, summary) = Outcome(details);
        List<ReplyBlock> top = [new ParagraphBlock(headline, Tone.Good), new ParagraphBlock(NextSteps(request))];
        if (!supportAlerted && RemovalOptionCatalog.Get(request.Kind).Handling != OptionHandling.SelfService)
        {
            top.Add(new ParagraphBlock(S.Format("Submitted.SupportNotAlerted", request.Id), Tone.Attention));
        }

        return status with
        {
            Blocks = [.. top, .. status.Blocks],
            Summary = summary,
        };
    }

    /// <summary>
    /// A request as it stands: its status as a badge, what it is about, what was submitted (contact, reason, partner,
    /// email and language), the next step while it is open, the history, and Cancel while the workflow allows it.
    /// </summary>
    public static Reply Status(RequestDetails details) => Status(details, withNextStep: true);

    private static Reply Status(RequestDetails details, bool withNextStep)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var facts = new List<ReplyFact>
        {
            new(S["Fact.Request"], request.Id),
            new(S["Fact.What"], Texts.Option(request.Kind)),
            new(S["Fact.Customer"], details.Customer.Name),
        };
        if (details.Account is { } account)
        {
            facts.Add(new ReplyFact(S["Fact.Account"], Texts.AccountLabel(account)));
        }

        if (details.Email is { } email)
        {
            facts.Add(new ReplyFact(S["Fact.Email"], EmailText(email)));
        }

        facts.Add(new ReplyFact(S["Fact.RequestedBy"], S.Format("Fact.RequestedByValue", request.RequestedByName, Texts.Instant(request.CreatedAt))));
        if (request.AssignedToName is { } assignee && request.IsOpen)
        {
            facts.Add(new ReplyFact(S["Fact.HandledBy"], S.Format("Fact.HandledByValue", assignee)));
        }

        if (request.LastNote is { } note)
        {
            facts.Add(new ReplyFact(S["Fact.Note"], note));
        }

        if (request.BillingImpact is { } impact && request.Kind == RemovalOption.AwsEndBillingTransfer)
        {
            // Previewed at submission; once support has ended the transfer, as it turned out.
            var ended = request.Status == RequestStatus.Completed;
            facts.Add(new ReplyFact(S[ended ? "Fact.TransferEnds" : "Fact.TransferEnds.Preview"], BillingTexts.TransferEnd(impact)));
            facts.Add(new ReplyFact(S["Fact.YouInvoice"], BillingTexts.Summary(impact)));
        }
        else if (request.BillingImpact is { } linked)
        {
            facts.Add(new ReplyFact(S["Fact.Linked"], BillingTexts.Summary(linked)));
        }

        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("Status.Heading", Texts.Option(request.Kind), request.Id)),
            new BadgesBlock([new ReplyBadge(S.Format("Status.Badge", StatusText(details)), StatusTone(request.Status))]),
            new FactsBlock(facts),
        };
        if (SubmittedFacts(request) is { Count: > 0 } submitted)
        {
            blocks.Add(new SectionBlock(S["Status.Submitted"], [new FactsBlock(submitted)]));
        }

        if (withNextStep && Texts.NextStep(request) is { } next)
        {
            blocks.Add(new ParagraphBlock(next));
        }

        if (details.Timeline.Count > 0)
        {
            blocks.Add(new ParagraphBlock(S["Status.History"], Tone.Subtle));
            blocks.Add(new FactsBlock([.. details.Timeline.Select(e => new ReplyFact(Texts.Instant(e.At), HistoryCards.Sentence(RequestAuditEntries.Of(e, request))))]));
        }

        if (request.OpenQuestion is { } question)
        {
            // Support waits on the reseller: the question and a box to answer it, on the card they look at.
            blocks.Add(new ParagraphBlock(S.Format("Status.Question", question), Tone.Attention));
            blocks.AddRange(ResellerNotices.AnswerBox(request));
        }

        var refresh = new ReplyAction(S["Status.Refresh"], ActionIds.RefreshStatus, Data(request));
        var actions = new List<ReplyAction> { refresh with { SubmitsInputs = false } };

        // Whenever the workflow lets the requester cancel (the server checks who clicks).
        if (request.AvailableTriggers().Contains(RequestTrigger.Cancel))
        {
            actions.Add(new ReplyAction(S["Status.Cancel"], ActionIds.CancelRequest, Data(request), ReplyActionStyle.Destructive) { SubmitsInputs = false });
        }

        // A failed instructions email can be sent again (the server checks who clicks, and that this failure is still the latest).
        if (details.Email is { State: EmailDeliveryState.Failed } failed && request.Status == RequestStatus.Submitted)
        {
            var retry = Data(request);
            retry[DataKeys.EmailMessageId] = failed.MessageId.ToString(CultureInfo.InvariantCulture);
            actions.Add(new ReplyAction(S["Status.RetryEmail"], ActionIds.RetryEmail, retry, ReplyActionStyle.Primary) { SubmitsInputs = false });
        }

        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks)
        {
            Summary = S.Format("Status.Summary", request.Id, StatusText(details)),
            Refresh = request.IsOpen ? refresh : null,
        };
    }

    public static Reply List(IReadOnlyList<RequestSummary> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return Reply.Card(S["List.None.Summary"], new ParagraphBlock(S["List.None"]), HelpReplies.Menu());
        }

        var open = requests.Where(r => r.Request.IsOpen).ToList();
        var closed = requests.Where(r => !r.Request.IsOpen).ToList();
        var blocks = new List<ReplyBlock> { new HeadingBlock(S["List.Heading"]) };
        blocks.Add(new ParagraphBlock(S[open.Count == 0 ? "List.OpenNone" : "List.Open"], Tone.Subtle));
        if (open.Count > 0)
        {
            blocks.Add(new FactsBlock([.. open.Select(Line)]));
        }

        if (closed.Count > 0)
        {
            blocks.Add(new ParagraphBlock(S["List.Closed"], Tone.Subtle));
            blocks.Add(new FactsBlock([.. closed.Select(Line)]));
        }

        // Buttons for the open ones first: those are the ones a reseller follows up on.
        blocks.Add(new ActionsBlock([.. open.Concat(closed).Take(5).Select(r => new ReplyAction(S.Format("List.OpenButton", r.Request.Id), ActionIds.RefreshStatus, Data(r.Request)) { SubmitsInputs = false })]));
        return new Reply(blocks) { Summary = S.Plural("List.Summary", requests.Count) };

        static ReplyFact Line(RequestSummary r)
        {
            var subject = r.AccountExternalId is { } id && r.Provider is { } provider
                ? S.Format("List.Subject", r.CustomerName, Texts.Provider(provider), id)
                : r.CustomerName;
            return new ReplyFact(r.Request.Id, S.Format("List.Line", Texts.Option(r.Request.Kind), subject, ListStatus(r.Request), Texts.Day(r.Request.CreatedAt)));
        }
    }

    /// <summary>"Cancel this request" asks first: what cancelling means, and a button to go ahead or to keep the request.</summary>
    public static Reply ConfirmCancel(RequestDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var subject = details.Account is { } account ? Texts.AccountLabel(account) : details.Customer.Name;
        return new Reply(
        [
            new HeadingBlock(S.Format("ConfirmCancel.Heading", request.Id)),
            new ParagraphBlock(S.Format("ConfirmCancel.What", Texts.Option(request.Kind), subject)),
            new ParagraphBlock(S["ConfirmCancel.Warning"], Tone.Warning),
            new ActionsBlock(
            [
                new ReplyAction(S["ConfirmCancel.Yes"], ActionIds.ConfirmCancelRequest, Data(request), ReplyActionStyle.Destructive) { SubmitsInputs = false },
                new ReplyAction(S["ConfirmCancel.No"], ActionIds.RefreshStatus, Data(request)) { SubmitsInputs = false },
            ]),
        ])
        { Summary = S.Format("ConfirmCancel.Heading", request.Id) };
    }

    public static Reply NotFound(string requestId) => Reply.Text(S.Format("NotFound", requestId));

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The status badge's tone: done is good, refused or failed needs attention, open is neutral. The text says which.</summary>
    private static Tone StatusTone(RequestStatus status) => status switch
    {
        RequestStatus.Completed => Tone.Good,
        RequestStatus.Failed or RequestStatus.Rejected => Tone.Attention,
        RequestStatus.Cancelled => Tone.Normal,
        _ => Tone.Warning,
    };

    /// <summary>What the reseller entered for the request, as facts: contact, reason or note, partner, email and language.</summary>
    private static List<ReplyFact> SubmittedFacts(RemovalRequest request)
    {
        var facts = new List<ReplyFact>();
        if (request.Contact is { } c)
        {
            facts.Add(new ReplyFact(S["Submitted.NewOwner"], S.Format("Submitted.NewOwnerValue", c.CompanyName, c.ContactName, Texts.Phone(c.ContactPhone))));
            facts.Add(new ReplyFact(S["Submitted.Address"], S.Format("Submitted.AddressValue", c.StreetAddress, c.City, c.StateOrRegion, c.PostalCode, Texts.Country(c.Country))));
            facts.Add(new ReplyFact(S["Submitted.BillingContact"], S.Format("Submitted.BillingContactValue", c.BillingContactName, Texts.Phone(c.BillingContactPhone), c.BillingContactEmail)));
            facts.Add(new ReplyFact(S["Submitted.AssignmentEmail"], c.AssignmentEmail));
        }

        if (request.Reason is { } reason)
        {
            facts.Add(new ReplyFact(S[request.Kind == RemovalOption.DeletedInErrorTicket ? "Submitted.Note" : "Submitted.Reason"], reason));
        }

        if (request.TargetPartnerName is { } partner)
        {
            facts.Add(new ReplyFact(S["Submitted.Partner"], partner));
        }

        if (request.TargetPartnerTenantId is { } tenant)
        {
            facts.Add(new ReplyFact(S["Submitted.PartnerTenant"], tenant));
        }

        if (request.EndCustomerEmail is { } email)
        {
            facts.Add(new ReplyFact(S["Submitted.EndCustomerEmail"], email));
            facts.Add(new ReplyFact(S["Submitted.Language"], LanguageName(request.EndCustomerLanguage)));
        }

        return facts;
    }

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
                    (details.Account is { } a ? S.Format("Outcome.Deleted", Texts.AccountLabel(a), request.Id) : S.Format("Outcome.Deleted.Unknown", request.Id), S.Format("Outcome.Deleted.Summary", request.Id)),
                RemovalOption.RemoveCustomer =>
                    (S.Format("Outcome.CustomerRemoved", details.Customer.Name, request.Id), S.Format("Outcome.CustomerRemoved.Summary", request.Id)),
                _ => (S.Format("Outcome.Completed", request.Id), S.Format("Outcome.Completed.Summary", request.Id)),
            };
        }

        if (details.Email is { State: EmailDeliveryState.Queued } email)
        {
            return (S.Format("Outcome.Queued", request.Id, EmailText(email)), S.Format("Outcome.Queued.Summary", request.Id));
        }

        return (S.Format("Outcome.Submitted", request.Id), S.Format("Outcome.Submitted.Summary", request.Id));
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
            EmailDeliveryState.Queued => S["EmailStatus.Queued"],
            EmailDeliveryState.Sent => S["EmailStatus.Sent"],
            EmailDeliveryState.Failed => S["EmailStatus.Failed"],
            _ => S["EmailStatus.Unknown"],
        };
    }

    /// <summary>The status in the list, where the email's state is not read: an unlink request waits for its email, not for support.</summary>
    private static string ListStatus(RemovalRequest request) =>
        request is { Kind: RemovalOption.AwsSelfUnlink, Status: RequestStatus.Submitted }
            ? S["EmailStatus.NotSentYet"]
            : Texts.Status(request.Status);

    /// <summary>"queued for sending to it@example.com in German", "sent to … on …", "sending failed: reason".</summary>
    private static string EmailText(EmailDelivery email)
    {
        var to = S.Format("Email.To", email.To, LanguageName(email.Language));
        return email.State switch
        {
            EmailDeliveryState.Queued when email.Problem is { } last => S.Format("Email.Queued.Retrying", to, last),
            EmailDeliveryState.Queued => S.Format("Email.Queued", to),
            EmailDeliveryState.Sent => email.At is { } at ? S.Format("Email.Sent.At", to, Texts.Instant(at)) : S.Format("Email.Sent", to),
            EmailDeliveryState.Failed => S.Format("Email.Failed", email.Problem ?? S["Email.Failed.Refused"], to),
            _ => S.Format("Email.Unknown", to, email.Problem ?? S["Email.Unknown.Interrupted"]),
        };
    }

    /// <summary>The instructions' language as the reader's language names it ("German", "Deutsch", "allemand").</summary>
    private static string LanguageName(string? code) => S.Find("Language." + code) ?? UnlinkInstructionsEmail.LanguageName(code);
}
