namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A part of a reply. The closed set of kinds below is what every channel renders.</summary>
public abstract record ReplyBlock;
