using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>
/// The 1:1 messages a reseller gets when support moves their request on in a way that matters to them: accepted,
/// rejected (with the reason), more information needed (with a box to answer), each transfer milestone, completed; a
/// removal from the payer organization carries what the reseller still invoices for the month.
/// </summary>
public static class ResellerNotices
{
    private static readonly Strings S = Strings.For(typeof(ResellerNotices));

    /// <summary>The message for what just happened (the latest audit action), or null when it is nothing to tell the reseller about.</summary>
    public static Reply? For(RequestDetails details, string action, string actorName, (BillingImpact Impact, IReadOnlyList<MonthToDateAmount> MonthToDate)? removal = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var about = About(details);
        var (key, tone) = action switch
        {
            nameof(RequestTrigger.Accept) => ("Accepted", Tone.Good),
            nameof(RequestTrigger.Reject) => ("Rejected", Tone.Attention),
            nameof(RequestTrigger.MarkAwsContacted) => ("AwsContacted", Tone.Good),
            nameof(RequestTrigger.MarkPaperworkComplete) => ("PaperworkComplete", Tone.Good),
            nameof(RequestTrigger.MarkCredentialsDelivered) => ("CredentialsDelivered", Tone.Good),
            nameof(RequestTrigger.MarkRemovedFromPayer) => ("RemovedFromPayer", Tone.Good),
            nameof(RequestTrigger.Complete) => ("Completed", Tone.Good),
            "InformationRequested" => ("InformationRequested", Tone.Attention),
            _ => (null, Tone.Normal),
        };
        if (key is null)
        {
            return null;
        }

        // {0} the request, {1} what it is about, {2} who in support; a completion says what came of it instead.
        var headline = S.Format("Headline." + key, request.Id, key == "Completed" ? Completed(details) : about, actorName);

        var blocks = new List<ReplyBlock> { new ParagraphBlock(headline, tone) };
        if (action == nameof(RequestTrigger.Reject) && request.LastNote is { } reason)
        {
            blocks.Add(new FactsBlock([new ReplyFact(S["Fact.Reason"], reason)]));
        }

        if (action == "InformationRequested" && request.OpenQuestion is { } question)
        {
            blocks.Add(new FactsBlock([new ReplyFact(S["Fact.Question"], question)]));
            blocks.AddRange(AnswerBox(request));
        }

        if (removal is { } figures)
        {
            blocks.Add(new ParagraphBlock(S["Removal.Intro"], Tone.Subtle));
            var facts = new List<ReplyFact>
            {
                new(S["Fact.LinkedThisMonth"], BillingTexts.Period(figures.Impact)),
                new(S["Fact.Days"], BillingTexts.Days(figures.Impact)),
                new(S["Fact.Share"], BillingTexts.Share(figures.Impact)),
            };
            if (figures.MonthToDate.Count > 0)
            {
                facts.Add(new(S.Format("Fact.BilledSoFar", BillingTexts.Month(figures.Impact)), BillingTexts.Amounts(figures.MonthToDate)));
            }

            blocks.Add(new FactsBlock(facts));
            blocks.Add(new ParagraphBlock(BillingTexts.Basis, Tone.Subtle));
        }

        blocks.Add(new ActionsBlock([new ReplyAction(S.Format("Open", request.Id), ActionIds.RefreshStatus, Data(request)) { SubmitsInputs = false }]));
        return new Reply(blocks) { Summary = headline };
    }

    /// <summary>The box and button for answering support's question (also on the status card while the question is open).</summary>
    public static IReadOnlyList<ReplyBlock> AnswerBox(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return
        [
            new ParagraphBlock(S["Answer.Intro"], Tone.Subtle),
            new TextInputBlock(SupportFields.Answer, S["Answer.Label"]) { IsRequired = false, MaxLength = FieldLimits.SupportNote, Kind = TextInputKind.Multiline },
            new ActionsBlock([new ReplyAction(S["Answer.Send"], ActionIds.AnswerSupport, Data(request), ReplyActionStyle.Primary)]),
        ];
    }

    private static string About(RequestDetails details) =>
        details.Account is { } account
            ? S.Format("About.Account", Texts.Option(details.Request.Kind), details.Customer.Name, Texts.Provider(account.Provider), account.ExternalId)
            : S.Format("About.Customer", Texts.Option(details.Request.Kind), details.Customer.Name);

    private static string Completed(RequestDetails details) => details.Request.Kind switch
    {
        RemovalOption.DeletedInErrorTicket => details.Account is { } a ? S.Format("Completed.Restored", Texts.AccountLabel(a)) : S["Completed.Restored.Unknown"],
        RemovalOption.AzureSuspend => S.Format("Completed.Suspended", About(details)),
        RemovalOption.AzureTransferToCsp => S.Format("Completed.Transferred", About(details)),
        _ => About(details),
    };

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
