namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>What one delivery attempt of an outbox message came to.</summary>
public sealed record OutboxOutcome(OutboxOutcomeKind Kind, string? Detail = null, string? ResultJson = null, TimeSpan? RetryAfter = null)
{
    public static OutboxOutcome Sent(string? resultJson = null) => new(OutboxOutcomeKind.Sent, ResultJson: resultJson);

    public static OutboxOutcome Retry(string reason, TimeSpan? retryAfter = null) => new(OutboxOutcomeKind.Retry, reason, RetryAfter: retryAfter);

    public static OutboxOutcome Failed(string reason) => new(OutboxOutcomeKind.Failed, reason);

    public static OutboxOutcome Unknown(string reason) => new(OutboxOutcomeKind.Unknown, reason);
}
