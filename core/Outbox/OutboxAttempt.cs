namespace SesBot.Core.Outbox;

/// <summary>One try at delivering an outbox message, kept for whoever investigates a delivery.</summary>
public sealed class OutboxAttempt
{
    public OutboxAttempt(long outboxMessageId, int number, DateTimeOffset startedAt, TimeSpan duration, string outcome, string? detail)
        : this(outboxMessageId, number, startedAt, (int)Math.Min(int.MaxValue, duration.TotalMilliseconds), outcome, detail)
    {
    }

    private OutboxAttempt(long outboxMessageId, int number, DateTimeOffset startedAt, int durationMs, string outcome, string? detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        OutboxMessageId = outboxMessageId;
        Number = number;
        StartedAt = startedAt;
        DurationMs = durationMs;
        Outcome = outcome;
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail;
    }

    public long Id { get; private set; }

    public long OutboxMessageId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>sent, retry, failed, unknown.</summary>
    public string Outcome { get; private set; }

    public string? Detail { get; private set; }
}
