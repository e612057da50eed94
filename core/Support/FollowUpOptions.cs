using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>
/// The <c>Support</c> section's reminder settings. <c>Support:RemindAfter</c> and <c>Support:EscalateAfter</c> are
/// keyed by a request kind (<see cref="RemovalOption"/> name, e.g. <c>AwsTransferOwnership</c>), by its workflow
/// (<see cref="RequestWorkflow"/> name, e.g. <c>TransferOfOwnership</c>), by <c>Urgent</c> (kinds the catalog marks
/// urgent) or by <c>Default</c>, looked up in that order. Times are measured from when the request started waiting.
/// </summary>
public sealed class FollowUpOptions
{
    public const string Section = SupportOptions.Section;

    public const string UrgentKey = "Urgent";
    public const string DefaultKey = "Default";

    public static readonly TimeSpan DefaultRemindAfter = TimeSpan.FromDays(1);
    public static readonly TimeSpan DefaultEscalateAfter = TimeSpan.FromDays(2);
    public static readonly TimeSpan DefaultUrgentRemindAfter = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultUrgentEscalateAfter = TimeSpan.FromHours(4);

    /// <summary>How long a request may wait on support before a reminder goes into its support thread.</summary>
    public Dictionary<string, TimeSpan> RemindAfter { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a request may wait on support before the escalation person or channel is told.</summary>
    public Dictionary<string, TimeSpan> EscalateAfter { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a request may wait on the reseller before the requester is reminded in their chat.</summary>
    public TimeSpan RemindResellerAfter { get; set; } = TimeSpan.FromDays(3);

    public EscalationOptions Escalation { get; set; } = new();

    /// <summary>How often new and changed requests are looked at when no reminder falls due sooner.</summary>
    public TimeSpan FollowUpSweep { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after the bot starts the first look waits, so that a fresh process answers its first turns first
    /// (reminders fall due hours apart; a few seconds later changes nothing).
    /// </summary>
    public TimeSpan FirstSweepDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The reminder time of a request kind.</summary>
    public TimeSpan RemindAfterFor(RemovalOption kind) =>
        Lookup(RemindAfter, kind) ?? (RemovalOptionCatalog.Get(kind).IsUrgent ? DefaultUrgentRemindAfter : DefaultRemindAfter);

    /// <summary>
    /// The escalation time of a request kind. Always after its reminder: one not later than the reminder (say, only
    /// the reminder was configured, longer than the default escalation) becomes twice the reminder time.
    /// </summary>
    public TimeSpan EscalateAfterFor(RemovalOption kind)
    {
        var escalate = Lookup(EscalateAfter, kind) ?? (RemovalOptionCatalog.Get(kind).IsUrgent ? DefaultUrgentEscalateAfter : DefaultEscalateAfter);
        var remind = RemindAfterFor(kind);
        return escalate > remind ? escalate : remind * 2;
    }

    private static TimeSpan? Lookup(Dictionary<string, TimeSpan> times, RemovalOption kind)
    {
        var info = RemovalOptionCatalog.Get(kind);
        foreach (var key in new[] { kind.ToString(), info.IsUrgent ? UrgentKey : null, info.Workflow.ToString(), DefaultKey })
        {
            if (key is not null && times.TryGetValue(key, out var time) && time > TimeSpan.Zero)
            {
                return time;
            }
        }

        return null;
    }
}
