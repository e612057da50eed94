using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>A channel that sends nothing: transcript tests read the replies from the pipeline's answer.</summary>
public sealed class NoRoute : IReplyRoute
{
    public static NoRoute Instance { get; } = new();

    public string? Inline(IReadOnlyList<Reply> replies) => null;

    public string? InlineApology(Reply apology) => null;

    public IEnumerable<OutboxMessage> Outbound(IReadOnlyList<Reply> replies, string idempotencyPrefix, DateTimeOffset now) => [];
}
