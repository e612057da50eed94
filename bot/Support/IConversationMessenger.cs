using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Support;

/// <summary>A channel's way to write into a conversation SesBot knows, later and unasked: the outbox message that will do it.</summary>
public interface IConversationMessenger
{
    /// <summary>The channel it writes to (<see cref="ConversationAddress.Channel"/>), e.g. <c>msteams</c>.</summary>
    string Channel { get; }

    /// <summary>
    /// The outbox message that sends <paramref name="reply"/> into the stored conversation, or into one of its threads
    /// (<paramref name="conversationKey"/>, e.g. a support thread of a channel); null when the address cannot take one.
    /// </summary>
    OutboxMessage? Send(ConversationAddress address, string? conversationKey, Reply reply, string idempotencyKey, DateTimeOffset now);
}
