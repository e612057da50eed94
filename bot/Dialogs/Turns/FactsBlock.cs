namespace SesBot.Bot.Dialogs.Turns;

/// <summary>Label/value pairs.</summary>
public sealed record FactsBlock(IReadOnlyList<ReplyFact> Facts) : ReplyBlock;
