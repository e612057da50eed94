namespace SesBot.Core.Workflow;

/// <summary>Where an email SesBot sends for a request stands, as its outbox message says.</summary>
public enum EmailDeliveryState
{
    /// <summary>Written to the outbox, not sent yet (first try pending, being sent, or waiting for a retry).</summary>
    Queued,

    Sent,

    /// <summary>Refused for good, or the retries ran out; the reason is kept.</summary>
    Failed,

    /// <summary>A send was interrupted and may or may not have arrived; a person has to look.</summary>
    Unknown,
}
