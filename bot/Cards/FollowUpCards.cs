using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;

namespace SesBot.Bot.Cards;

/// <summary>The reminders SesBot sends about requests that wait too long: to support, to the escalation, to the reseller.</summary>
public static class FollowUpCards
{
    /// <summary>Into the request's support thread: it has waited for support longer than it should.</summary>
    public static Reply SupportReminder(RemovalRequest request, string customerName, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(request);
        var urgent = RemovalOptionCatalog.Get(request.Kind).IsUrgent;
        var headline = $"Reminder: request {request.Id} has waited {SupportCards.Waiting(waited)} for support.";
        return Reply.Card(
            headline,
            new ParagraphBlock(headline, urgent ? Tone.Attention : Tone.Normal),
            new FactsBlock(Facts(request, customerName)),
            new ParagraphBlock(urgent ? "This is an urgent ticket." : "Please pick it up or move it on.", urgent ? Tone.Attention : Tone.Subtle));
    }

    /// <summary>To the escalation person or channel: support has not moved the request on despite the reminder.</summary>
    public static Reply Escalation(RemovalRequest request, string resellerName, string customerName, TimeSpan waited, DateTimeOffset? remindedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headline = $"Escalation: request {request.Id} has waited {SupportCards.Waiting(waited)} for support.";
        var facts = Facts(request, customerName);
        facts.Insert(1, new ReplyFact("Reseller", resellerName));
        if (remindedAt is { } at)
        {
            facts.Add(new ReplyFact("Reminded", $"{Texts.Instant(at)}, in its support thread"));
        }

        return Reply.Card(
            headline,
            new ParagraphBlock(headline, Tone.Attention),
            new FactsBlock(facts),
            new ParagraphBlock("Nobody in support has moved it on since the reminder.", Tone.Subtle));
    }

    /// <summary>To the person who filed the request: it waits on them (their end customer, or an answer support asked for).</summary>
    public static Reply ResellerReminder(RemovalRequest request, string customerName, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headline = $"Request {request.Id} has waited {SupportCards.Waiting(waited)} on you.";
        var what = request.Status == RequestStatus.InstructionsSent
            ? $"The unlink instructions went to {request.EndCustomerEmail ?? customerName} ({customerName}) on {Texts.Day(request.UpdatedAt)}. Once the account has left the organization, SES support completes the request; if the end customer won't do it, cancel the request."
            : "SES support is waiting for your answer.";
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
            new ActionsBlock([new ReplyAction($"Open {request.Id}", ActionIds.RefreshStatus, data) { SubmitsInputs = false }]));
    }

    private static List<ReplyFact> Facts(RemovalRequest request, string customerName) =>
    [
        new("Request", $"{request.Id}: {Texts.Option(request.Kind)}"),
        new("Customer", customerName),
        new("Status", $"{Texts.Status(request.Status)} since {Texts.Instant(request.UpdatedAt)}"),
        new("Requested by", $"{request.RequestedByName}, {Texts.Instant(request.CreatedAt)}"),
    ];
}
