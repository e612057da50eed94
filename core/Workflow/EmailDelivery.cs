using SesBot.Core.Outbox;

namespace SesBot.Core.Workflow;

/// <summary>An email SesBot sends for a request: to whom, in which language, and what became of it.</summary>
/// <param name="Problem">Why it failed, may not have arrived, or (while queued) why the last try did not send it; null otherwise.</param>
/// <param name="At">When it was sent or given up; null while queued.</param>
public sealed record EmailDelivery(EmailDeliveryState State, string To, string Language, string? Problem, DateTimeOffset? At, int Attempts)
{
    /// <summary>The outbox message of this delivery (the latest attempt of the request's email); 0 while not yet saved.</summary>
    public long MessageId { get; init; }

    /// <summary>How many times a person asked to send it again before this delivery.</summary>
    public int Retries { get; init; }

    public static EmailDelivery Of(OutboxMessage message, string to, string language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var state = message.Status switch
        {
            OutboxStatus.Sent => EmailDeliveryState.Sent,
            OutboxStatus.Failed => EmailDeliveryState.Failed,
            OutboxStatus.NeedsAttention => EmailDeliveryState.Unknown,
            _ => EmailDeliveryState.Queued,
        };
        return new EmailDelivery(state, to, language, state == EmailDeliveryState.Sent ? null : message.LastError, message.CompletedAt, message.Attempts)
        {
            MessageId = message.Id,
        };
    }
}
