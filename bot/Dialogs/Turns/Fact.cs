namespace SesBot.Bot.Dialogs.Turns;

public sealed record Fact(string Label, string Value);
