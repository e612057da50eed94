namespace SesBot.Core.Outbox;

/// <summary>
/// Something SesBot must send (a chat message, a card update, a proactive message, an email, a cloud call), written in
/// the same transaction as the turn that decided it and delivered afterwards by the dispatcher. The idempotency key is
/// unique, so the same effect is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    public OutboxMessage(string kind, string idempotencyKey, string orderingKey, string payloadJson, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderingKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        Kind = kind;
        IdempotencyKey = idempotencyKey;
        OrderingKey = orderingKey;
        PayloadJson = payloadJson;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = OutboxStatus.Pending;
    }

    public long Id { get; private set; }

    /// <summary>Which handler delivers it, e.g. <c>msteams.activity</c>.</summary>
    public string Kind { get; private set; }

    public string IdempotencyKey { get; private set; }

    /// <summary>Messages with the same ordering key (a conversation) are delivered one after the other, in order.</summary>
    public string OrderingKey { get; private set; }

    public string PayloadJson { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While <see cref="OutboxStatus.Sending"/>: until when the claim holds.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>What the receiver answered (e.g. the id of the message it created).</summary>
    public string? ResultJson { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// Claimed for sending (Pending → Sending, one more attempt): what the dispatcher's conditional claim wrote, applied
    /// to a copy read before it, or a new message claimed with the commit that writes it.
    /// </summary>
    public void Claimed(DateTimeOffset leaseUntil)
    {
        Status = OutboxStatus.Sending;
        LeaseUntil = leaseUntil;
        Attempts++;
    }

    /// <summary>What renewing the claim wrote: the lease runs from now again, before a send that waited since it was claimed.</summary>
    public void Renewed(DateTimeOffset leaseUntil)
    {
        if (Status != OutboxStatus.Sending)
        {
            throw new InvalidOperationException($"Outbox message {Id} is {Status}; only a claimed one can be renewed.");
        }

        LeaseUntil = leaseUntil;
    }

    /// <summary>
    /// Gives back a claim that was never attempted (the message was claimed with its turn's commit, but the dispatcher
    /// stopped, or an earlier message of the same conversation was not sent): pending again, its attempt not counted.
    /// </summary>
    public void Release()
    {
        if (Status != OutboxStatus.Sending)
        {
            throw new InvalidOperationException($"Outbox message {Id} is {Status}; only a claimed one can be given back.");
        }

        Status = OutboxStatus.Pending;
        LeaseUntil = null;
        Attempts--;
    }

    public void Sent(string? resultJson, DateTimeOffset at)
    {
        Status = OutboxStatus.Sent;
        ResultJson = resultJson;
        CompletedAt = at;
        LeaseUntil = null;
        LastError = null;
    }

    public void RetryAt(DateTimeOffset at, string reason)
    {
        Status = OutboxStatus.Pending;
        NextAttemptAt = at;
        LeaseUntil = null;
        LastError = reason;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Status = OutboxStatus.Failed;
        LastError = reason;
        CompletedAt = at;
        LeaseUntil = null;
    }

    public void NeedsAttention(string reason, DateTimeOffset at)
    {
        Status = OutboxStatus.NeedsAttention;
        LastError = reason;
        CompletedAt = at;
        LeaseUntil = null;
    }

    /// <summary>A person looked at a message whose outcome was unknown and decided to send it again.</summary>
    public void Requeue(DateTimeOffset at)
    {
        if (Status is not (OutboxStatus.NeedsAttention or OutboxStatus.Failed))
        {
            throw new InvalidOperationException($"Outbox message {Id} is {Status}; only a failed or unknown one can be queued again.");
        }

        Status = OutboxStatus.Pending;
        NextAttemptAt = at;
        CompletedAt = null;
    }
}
