namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A paragraph; the tone colours it (a warning stands out).</summary>
public sealed record ParagraphBlock(string Text, Tone Tone = Tone.Normal) : ReplyBlock;
