using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;

namespace SesBot.Bot.Cards;

/// <summary>The reminders SesBot sends about requests that wait too long: to support, to the escalation, to the reseller.</summary>
public static class FollowUpCards
{
    private static readonly Strings S = Strings.For(typeof(FollowUpCards));

    /// <summary>Into the request's support thread: it has waited for support longer than it should.</summary>
    public static Reply SupportReminder(RemovalRequest request, string customerName, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(request);
        var urgent = RemovalOptionCatalog.Get(request.Kind).IsUrgent;
        var headline = S.Format("Support.Headline", request.Id, SupportCards.Waiting(waited));
        return Reply.Card(
            headline,
            new ParagraphBlock(headline, urgent ? Tone.Attention : Tone.Normal),
            new FactsBlock(Facts(request, customerName)),
            new ParagraphBlock(S[urgent ? "Support.Urgent" : "Support.PickUp"], urgent ? Tone.Attention : Tone.Subtle));
    }

    /// <summary>To the escalation person or channel: support has not moved the request on despite the reminder.</summary>
    public static Reply Escalation(RemovalRequest request, string resellerName, string customerName, TimeSpan waited, DateTimeOffset? remindedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headline = S.Format("Escalation.Headline", request.Id, SupportCards.Waiting(waited));
        var facts = Facts(request, customerName);
        facts.Insert(1, new ReplyFact(S["Fact.Reseller"], resellerName));
        if (remindedAt is { } at)
        {
            facts.Add(new ReplyFact(S["Fact.Reminded"], S.Format("Fact.RemindedValue", Texts.Instant(at))));
        }

        return Reply.Card(
            headline,
            new ParagraphBlock(headline, Tone.Attention),
            new FactsBlock(facts),
            new ParagraphBlock(S["Escalation.NotMoved"], Tone.Subtle));
    }

    /// <summary>To the person who filed the request: it waits on them (their end customer, or an answer support asked for).</summary>
    public static Reply ResellerReminder(RemovalRequest request, string customerName, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headline = S.Format("Reseller.Headline", request.Id, SupportCards.Waiting(waited));
        var what = request.Status == RequestStatus.InstructionsSent
            ? S.Format("Reseller.InstructionsSent", request.EndCustomerEmail ?? customerName, customerName, Texts.Day(request.UpdatedAt))
            : S["Reseller.WaitingForAnswer"];
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DataKeys.RequestId] = request.Id,
            [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
        };
        return Reply.Card(
            headline,
            new ParagraphBlock(headline, Tone.Attention),
            new ParagraphBlock(what),
            new FactsBlock(Facts(request, customerName)),
            new ActionsBlock([new ReplyAction(S.Format("Open", request.Id), ActionIds.RefreshStatus, data) { SubmitsInputs = false }]));
    }

    private static List<ReplyFact> Facts(RemovalRequest request, string customerName) =>
    [
        new(S["Fact.Request"], S.Format("Fact.RequestValue", request.Id, Texts.Option(request.Kind))),
        new(S["Fact.Customer"], customerName),
        new(S["Fact.Status"], S.Format("Fact.StatusValue", Texts.Status(request.Status), Texts.Instant(request.UpdatedAt))),
        new(S["Fact.RequestedBy"], S.Format("Fact.RequestedByValue", request.RequestedByName, Texts.Instant(request.CreatedAt))),
    ];
}
