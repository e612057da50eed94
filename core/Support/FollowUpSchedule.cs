using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>
/// When the next follow-up of a wait is due: waiting on support, a reminder after <c>RemindAfter</c>, then an
/// escalation after <c>EscalateAfter</c>; waiting on the reseller, one reminder after <c>RemindResellerAfter</c>.
/// Both measured from the start of the wait. A pure function of the settings.
/// </summary>
public static class FollowUpSchedule
{
    /// <summary>The stage the next follow-up moves to and when it is due; null when nothing more is due for this wait.</summary>
    public static (FollowUpStage Stage, DateTimeOffset DueAt)? Next(
        FollowUpOptions options, RemovalOption kind, WaitingOn waitingOn, DateTimeOffset waitingSince, FollowUpStage stage)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (waitingOn, stage) switch
        {
            (WaitingOn.Support, FollowUpStage.Waiting) => (FollowUpStage.Reminded, waitingSince + options.RemindAfterFor(kind)),
            (WaitingOn.Support, FollowUpStage.Reminded) => (FollowUpStage.Escalated, waitingSince + options.EscalateAfterFor(kind)),
            (WaitingOn.Reseller, FollowUpStage.Waiting) => (FollowUpStage.Reminded, waitingSince + options.RemindResellerAfter),
            _ => null,
        };
    }
}
