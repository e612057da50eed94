namespace SesBot.Bot.Dialogs.Turns;

/// <summary>
/// A button: its verb (an <c>ActionIds</c> constant) and the ids it carries back; ids are re-checked on the server.
/// A button that does not submit the card's inputs (Back, Cancel) says so, so the client does not hold it back
/// because an input is still empty.
/// </summary>
public sealed record ReplyAction(string Title, string Verb, IReadOnlyDictionary<string, string>? Data = null, ReplyActionStyle Style = ReplyActionStyle.Default)
{
    public bool SubmitsInputs { get; init; } = true;
}
