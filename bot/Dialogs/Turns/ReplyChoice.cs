namespace SesBot.Bot.Dialogs.Turns;

public sealed record ReplyChoice(string Title, string Value);
