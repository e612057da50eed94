namespace SesBot.Bot.Dialogs.Turns;

/// <summary>
/// A short status label ("billing data: 3 months", "open request R-7KD2QX"). The text says it all; the tone only adds
/// colour, so nothing is conveyed by colour alone.
/// </summary>
public sealed record ReplyBadge(string Text, Tone Tone = Tone.Normal);
