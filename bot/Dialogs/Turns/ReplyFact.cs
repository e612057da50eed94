namespace SesBot.Bot.Dialogs.Turns;

public sealed record ReplyFact(string Label, string Value);
