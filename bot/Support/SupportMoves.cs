using SesBot.Bot.Cards;
using SesBot.Core.Domain;

namespace SesBot.Bot.Support;

/// <summary>
/// The support card's workflow buttons, once: each verb with the trigger it pulls and its label. The card offers a
/// button only where the request's workflow allows the trigger now; the server checks again on every click.
/// </summary>
public static class SupportMoves
{
    private static readonly (string Verb, RequestTrigger Trigger)[] Verbs =
    [
        (ActionIds.SupportAccept, RequestTrigger.Accept),
        (ActionIds.SupportReject, RequestTrigger.Reject),
        (ActionIds.SupportAwsContacted, RequestTrigger.MarkAwsContacted),
        (ActionIds.SupportPaperworkComplete, RequestTrigger.MarkPaperworkComplete),
        (ActionIds.SupportCredentialsDelivered, RequestTrigger.MarkCredentialsDelivered),
        (ActionIds.SupportRemovedFromPayer, RequestTrigger.MarkRemovedFromPayer),
        (ActionIds.SupportComplete, RequestTrigger.Complete),
    ];

    /// <summary>The trigger a support-card verb pulls; null for a verb that is not a workflow move.</summary>
    public static RequestTrigger? TriggerOf(string? verb)
    {
        foreach (var (candidate, trigger) in Verbs)
        {
            if (candidate == verb)
            {
                return trigger;
            }
        }

        return null;
    }

    public static string? VerbOf(RequestTrigger trigger) => Verbs.FirstOrDefault(v => v.Trigger == trigger).Verb;

    /// <summary>The button's words for a move of a request of this kind.</summary>
    public static string Label(RequestTrigger trigger, RemovalOption kind) => trigger switch
    {
        RequestTrigger.Accept => "Accept",
        RequestTrigger.Reject => "Reject",
        RequestTrigger.MarkAwsContacted => "AWS contacted",
        RequestTrigger.MarkPaperworkComplete => "Paperwork complete",
        RequestTrigger.MarkCredentialsDelivered => "Credentials delivered",
        RequestTrigger.MarkRemovedFromPayer => "Removed from payer",
        RequestTrigger.Complete => kind switch
        {
            RemovalOption.AzureTransferToCsp => "Transfer done",
            RemovalOption.AzureSuspend => "Suspension done",
            RemovalOption.DeletedInErrorTicket => "Restore the account",
            RemovalOption.AwsSelfUnlink => "Customer has left: complete",
            _ => "Complete",
        },
        _ => trigger.ToString(),
    };

    /// <summary>What was done, for a note on a card: "accepted", "marked AWS contacted".</summary>
    public static string Done(string action, RemovalOption kind) => action switch
    {
        nameof(RequestTrigger.Accept) => "Already accepted",
        nameof(RequestTrigger.Reject) => "Already rejected",
        nameof(RequestTrigger.Cancel) => "Already cancelled",
        nameof(RequestTrigger.Complete) => kind == RemovalOption.DeletedInErrorTicket ? "Already restored" : "Already completed",
        nameof(RequestTrigger.MarkAwsContacted) => "AWS contact already recorded",
        nameof(RequestTrigger.MarkPaperworkComplete) => "Paperwork already recorded as complete",
        nameof(RequestTrigger.MarkCredentialsDelivered) => "Credentials already recorded as delivered",
        nameof(RequestTrigger.MarkRemovedFromPayer) => "Already removed from the payer organization",
        "Assigned" => "Already taken",
        "InformationRequested" => "The reseller was already asked",
        "InformationProvided" => "The reseller already answered",
        _ => "Already changed",
    };
}
