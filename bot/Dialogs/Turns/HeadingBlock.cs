namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A title line.</summary>
public sealed record HeadingBlock(string Text) : ReplyBlock;
