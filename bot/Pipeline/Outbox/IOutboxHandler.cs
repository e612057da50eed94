using SesBot.Core.Outbox;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>Delivers the outbox messages of one kind (a channel's messages, emails, cloud calls).</summary>
public interface IOutboxHandler
{
    /// <summary>The <see cref="OutboxMessage.Kind"/> this handler delivers.</summary>
    string Kind { get; }

    /// <summary>
    /// Whether delivering the same message twice has the same effect as once (a PUT of a card). A message of an
    /// idempotent kind whose send was interrupted is simply sent again; any other is handed to a person.
    /// </summary>
    bool IsIdempotent(OutboxMessage message);

    /// <summary>One attempt. Never throws for an expected failure: it returns the outcome.</summary>
    Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
