namespace SesBot.Bot.Dialogs.Turns;

/// <summary>Badges on one line (a request's status).</summary>
public sealed record BadgesBlock(IReadOnlyList<ReplyBadge> Badges) : ReplyBlock;
