namespace SesBot.Core.Outbox;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (first try, or a retry once <see cref="OutboxMessage.NextAttemptAt"/> has come).</summary>
    Pending,

    /// <summary>A dispatcher claimed it and is sending it now (until its lease runs out).</summary>
    Sending,

    Sent,

    /// <summary>The receiver refused it for good (or the retries ran out); the reason is kept.</summary>
    Failed,

    /// <summary>
    /// A send whose outcome is unknown (the connection dropped after a non-idempotent POST went out, or the bot stopped
    /// mid-send): it may or may not have arrived, so it is never replayed blindly; a person decides.
    /// </summary>
    NeedsAttention,
}
