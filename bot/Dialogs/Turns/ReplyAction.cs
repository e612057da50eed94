namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A button: its verb (an <c>ActionIds</c> constant) and the ids it carries back. Ids are re-checked on the server.</summary>
public sealed record ReplyAction(string Title, string Verb, IReadOnlyDictionary<string, string>? Data = null, ActionStyle Style = ActionStyle.Default);
