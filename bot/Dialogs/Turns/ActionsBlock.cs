namespace SesBot.Bot.Dialogs.Turns;

/// <summary>Buttons.</summary>
public sealed record ActionsBlock(IReadOnlyList<ReplyAction> Actions) : ReplyBlock;
