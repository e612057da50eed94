namespace SesBot.Bot.Dialogs.Turns;

public sealed record Choice(string Title, string Value);
