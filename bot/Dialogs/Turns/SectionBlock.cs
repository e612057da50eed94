namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A visibly separate part of a card with its own heading (the billing contact of a form).</summary>
public sealed record SectionBlock(string Heading, IReadOnlyList<ReplyBlock> Blocks) : ReplyBlock;
