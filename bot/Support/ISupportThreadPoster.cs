using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Support;

/// <summary>A channel's way to open a new thread in a support channel: the outbox message that will do it.</summary>
public interface ISupportThreadPoster
{
    /// <summary>The channel it posts to (<see cref="ConversationAddress.Channel"/>), e.g. <c>msteams</c>.</summary>
    string Channel { get; }

    /// <summary>The outbox message that starts a thread with <paramref name="card"/>; null when the address cannot take one.</summary>
    OutboxMessage? NewThread(ConversationAddress address, Reply card, string idempotencyKey, DateTimeOffset now);
}
