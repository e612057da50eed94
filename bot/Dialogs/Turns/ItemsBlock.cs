namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A list where each thing appears once, as a row with its own button (accounts, options).</summary>
public sealed record ItemsBlock(IReadOnlyList<ReplyItem> Items) : ReplyBlock;
