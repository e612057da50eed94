using SesBot.Bot.Cards;
using SesBot.Core.Domain;
using SesBot.Core.Localization;

namespace SesBot.Bot.Support;

/// <summary>
/// The support card's workflow buttons, once: each verb with the trigger it pulls and its label. The card offers a
/// button only where the request's workflow allows the trigger now; the server checks again on every click.
/// </summary>
public static class SupportMoves
{
    private static readonly Strings S = Strings.For(typeof(SupportMoves));

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
    public static string Label(RequestTrigger trigger, RemovalOption kind) =>
        (trigger == RequestTrigger.Complete ? S.Find("Label.Complete." + kind) : null)
        ?? S.Find("Label." + trigger)
        ?? trigger.ToString();

    /// <summary>What was done, for a note on a card: "Already accepted", "AWS contact already recorded".</summary>
    public static string Done(string action, RemovalOption kind) =>
        (action == nameof(RequestTrigger.Complete) ? S.Find("Done.Complete." + kind) : null)
        ?? S.Find("Done." + action)
        ?? S["Done.Changed"];
}
