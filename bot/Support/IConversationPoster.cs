using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Support;

/// <summary>
/// A channel's way to write, unasked, into a conversation SesBot knows (a person's chat) or into a support thread it
/// opened: the outbox message that will do it, for the caller to add to its unit of work.
/// </summary>
public interface IConversationPoster
{
    /// <summary>The channel it writes to (<see cref="ConversationAddress.Channel"/>), e.g. <c>msteams</c>.</summary>
    string Channel { get; }

    /// <summary>A new message in a personal or group chat; null when the address cannot take one (a team channel: open a thread instead).</summary>
    OutboxMessage? Send(ConversationAddress address, Reply reply, string idempotencyKey, DateTimeOffset now);

    /// <summary>
    /// A reply in the thread that <paramref name="thread"/> (an <see cref="ISupportThreadPoster.NewThread"/> message) opened,
    /// read from its delivered result; null when it was not delivered or is not this channel's.
    /// </summary>
    OutboxMessage? ReplyInThread(OutboxMessage thread, Reply reply, string idempotencyKey, DateTimeOffset now);
}
