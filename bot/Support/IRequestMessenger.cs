using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Support;

/// <summary>
/// A channel's outbox messages for a request's updates outside the turn's own conversation: the support thread's card
/// updated in place and replies in that thread (both found through the outbox message that opened the thread), the
/// reseller's status card updated in place, and messages into a stored conversation (the reseller's personal chat).
/// </summary>
public interface IRequestMessenger
{
    /// <summary>The channel it writes to (<see cref="ConversationAddress.Channel"/>).</summary>
    string Channel { get; }

    /// <summary>Replaces the card that opened a thread. <paramref name="thread"/> is the outbox message that opened it.</summary>
    OutboxMessage UpdateThreadCard(OutboxMessage thread, Reply card, string idempotencyKey, DateTimeOffset now);

    /// <summary>Posts <paramref name="reply"/> into the thread <paramref name="thread"/> opened.</summary>
    OutboxMessage ReplyInThread(OutboxMessage thread, Reply reply, string idempotencyKey, DateTimeOffset now);

    /// <summary>Replaces message <paramref name="messageKey"/> of conversation <paramref name="conversationKey"/> (stored under <paramref name="address"/>); null when the address cannot take it.</summary>
    OutboxMessage? UpdateMessage(ConversationAddress address, string conversationKey, string messageKey, Reply card, string idempotencyKey, DateTimeOffset now);

    /// <summary>Sends <paramref name="reply"/> into conversation <paramref name="conversationKey"/> (stored under <paramref name="address"/>); null when the address cannot take it.</summary>
    OutboxMessage? Send(ConversationAddress address, string conversationKey, Reply reply, string idempotencyKey, DateTimeOffset now);

    /// <summary>
    /// Opens (or finds) a personal chat with the person the channel knows as <paramref name="userChannelKey"/>, starting
    /// with <paramref name="reply"/>, for someone SesBot has no personal chat with yet; <paramref name="seenIn"/> is a
    /// conversation SesBot and the person share (where they filed). Null when the channel cannot do that from there.
    /// </summary>
    OutboxMessage? StartPersonalChat(ConversationAddress seenIn, string userChannelKey, Reply reply, string idempotencyKey, DateTimeOffset now);
}
