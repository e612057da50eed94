namespace SesBot.Bot.Dialogs.Turns;

public enum Tone
{
    Normal,
    Subtle,
    Good,
    Warning,
    Attention,
}
