namespace SesBot.Core.Support;

/// <summary>
/// The reminder schedule of one open request: who it waits on since when, how far the follow-up has gone, and when
/// the next reminder is due. Kept in the database so reminders survive restarts; a reminder is written to the outbox in
/// the same transaction that moves <see cref="Stage"/> on, and <see cref="Revision"/> is a concurrency token, so the
/// same reminder is never written twice.
/// </summary>
public sealed class RequestFollowUp
{
    public RequestFollowUp(string requestId, WaitingOn waitingOn, DateTimeOffset waitingSince, int requestVersion, DateTimeOffset? dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        RequestId = requestId;
        WaitingOn = waitingOn;
        WaitingSince = waitingSince;
        RequestVersion = requestVersion;
        Stage = FollowUpStage.Waiting;
        DueAt = dueAt;
    }

    private RequestFollowUp()
    {
        RequestId = string.Empty;
    }

    public string RequestId { get; private set; }

    public WaitingOn WaitingOn { get; private set; }

    /// <summary>When the current wait began: the request's last change.</summary>
    public DateTimeOffset WaitingSince { get; private set; }

    /// <summary>The request's version this wait belongs to; another version means the request moved and the wait starts again.</summary>
    public int RequestVersion { get; private set; }

    public FollowUpStage Stage { get; private set; }

    /// <summary>When the next reminder or escalation is due; null when nothing more is due for this wait.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? LastSentAt { get; private set; }

    /// <summary>Concurrency token: every change increments it.</summary>
    public int Revision { get; private set; }

    /// <summary>The request moved on (or was seen changed): a new wait starts, nothing sent for it yet.</summary>
    public void Restart(WaitingOn waitingOn, DateTimeOffset waitingSince, int requestVersion, DateTimeOffset? dueAt)
    {
        WaitingOn = waitingOn;
        WaitingSince = waitingSince;
        RequestVersion = requestVersion;
        Stage = FollowUpStage.Waiting;
        DueAt = dueAt;
        Revision++;
    }

    /// <summary>A reminder (or escalation) was written to the outbox, in the same transaction as this change.</summary>
    public void Sent(FollowUpStage stage, DateTimeOffset at, DateTimeOffset? nextDueAt)
    {
        if (stage <= Stage)
        {
            throw new InvalidOperationException($"The follow-up of request {RequestId} is already {Stage}.");
        }

        Stage = stage;
        LastSentAt = at;
        DueAt = nextDueAt;
        Revision++;
    }
}
