using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>
/// The 1:1 messages a reseller gets when support moves their request on in a way that matters to them: accepted,
/// rejected (with the reason), more information needed (with a box to answer), each transfer milestone, completed; a
/// removal from the payer organization carries what the reseller still invoices for the month.
/// </summary>
public static class ResellerNotices
{
    /// <summary>The message for what just happened (the latest audit action), or null when it is nothing to tell the reseller about.</summary>
    public static Reply? For(RequestDetails details, string action, string actorName, (BillingImpact Impact, IReadOnlyList<MonthToDateAmount> MonthToDate)? removal = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var about = About(details);
        var (headline, tone) = action switch
        {
            nameof(RequestTrigger.Accept) => ($"SES support ({actorName}) accepted your request {request.Id}: {about}.", Tone.Good),
            nameof(RequestTrigger.Reject) => ($"SES support ({actorName}) rejected your request {request.Id}: {about}.", Tone.Attention),
            nameof(RequestTrigger.MarkAwsContacted) => ($"Request {request.Id} ({about}): SES support has contacted AWS about the transfer.", Tone.Good),
            nameof(RequestTrigger.MarkPaperworkComplete) => ($"Request {request.Id} ({about}): the transfer paperwork is complete.", Tone.Good),
            nameof(RequestTrigger.MarkCredentialsDelivered) => ($"Request {request.Id} ({about}): the credentials were delivered to the new owner.", Tone.Good),
            nameof(RequestTrigger.MarkRemovedFromPayer) => ($"Request {request.Id} is completed: the account was removed from the payer organization ({about}).", Tone.Good),
            nameof(RequestTrigger.Complete) => ($"Request {request.Id} is completed: {Completed(details)}.", Tone.Good),
            "InformationRequested" => ($"SES support ({actorName}) needs more information about your request {request.Id}: {about}.", Tone.Attention),
            _ => (null, Tone.Normal),
        };
        if (headline is null)
        {
            return null;
        }

        var blocks = new List<ReplyBlock> { new ParagraphBlock(headline, tone) };
        if (action == nameof(RequestTrigger.Reject) && request.LastNote is { } reason)
        {
            blocks.Add(new FactsBlock([new ReplyFact("Reason", reason)]));
        }

        if (action == "InformationRequested" && request.OpenQuestion is { } question)
        {
            blocks.Add(new FactsBlock([new ReplyFact("Question", question)]));
            blocks.AddRange(AnswerBox(request));
        }

        if (removal is { } figures)
        {
            blocks.Add(new ParagraphBlock("To invoice for the part of the month the account was linked:", Tone.Subtle));
            var facts = new List<ReplyFact>
            {
                new("Linked this month", BillingTexts.Period(figures.Impact)),
                new("Days", BillingTexts.Days(figures.Impact)),
                new("Share of the month", BillingTexts.Share(figures.Impact)),
            };
            if (figures.MonthToDate.Count > 0)
            {
                facts.Add(new($"SES billing for {BillingTexts.Month(figures.Impact)} so far", BillingTexts.Amounts(figures.MonthToDate)));
            }

            blocks.Add(new FactsBlock(facts));
            blocks.Add(new ParagraphBlock(BillingTexts.Basis, Tone.Subtle));
        }

        blocks.Add(new ActionsBlock([new ReplyAction($"Open {request.Id}", ActionIds.RefreshStatus, Data(request)) { SubmitsInputs = false }]));
        return new Reply(blocks) { Summary = headline };
    }

    /// <summary>The box and button for answering support's question (also on the status card while the question is open).</summary>
    public static IReadOnlyList<ReplyBlock> AnswerBox(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return
        [
            new ParagraphBlock("Answer here, or just type your answer as your next message to SesBot.", Tone.Subtle),
            new TextInputBlock(SupportFields.Answer, "Your answer") { IsRequired = false, MaxLength = FieldLimits.SupportNote, Kind = TextInputKind.Multiline },
            new ActionsBlock([new ReplyAction("Send the answer", ActionIds.AnswerSupport, Data(request), ReplyActionStyle.Primary)]),
        ];
    }

    private static string About(RequestDetails details) =>
        details.Account is { } account
            ? $"{Texts.Option(details.Request.Kind)}, {details.Customer.Name}, {Texts.Provider(account.Provider)} {account.ExternalId}"
            : $"{Texts.Option(details.Request.Kind)}, {details.Customer.Name}";

    private static string Completed(RequestDetails details) => details.Request.Kind switch
    {
        RemovalOption.DeletedInErrorTicket => $"{(details.Account is { } a ? Texts.AccountLabel(a) : "the account")} is restored in SES, with its billing history as it was",
        RemovalOption.AzureSuspend => $"the subscription is suspended ({About(details)})",
        RemovalOption.AzureTransferToCsp => $"the subscription is transferred to the new CSP ({About(details)})",
        _ => About(details),
    };

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
