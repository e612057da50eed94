using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Pipeline;

/// <summary>
/// How a turn's replies reach the person, decided by the channel that received the delivery: which reply (if any) is
/// answered synchronously in the HTTP response, and the outbox messages that carry the others.
/// </summary>
public interface IReplyRoute
{
    /// <summary>
    /// The synchronous answer for this delivery (e.g. a Teams invoke response) as the JSON to write in the HTTP
    /// response, built from the first reply; null when the channel answers nothing but 200.
    /// </summary>
    string? Inline(IReadOnlyList<Reply> replies);

    /// <summary>The synchronous answer when the turn failed (an error the client shows without losing the card), or null.</summary>
    string? InlineApology(Reply apology);

    /// <summary>Outbox messages for the replies not answered inline, in order; keys start with <paramref name="idempotencyPrefix"/>.</summary>
    IEnumerable<OutboxMessage> Outbound(IReadOnlyList<Reply> replies, string idempotencyPrefix, DateTimeOffset now);
}
