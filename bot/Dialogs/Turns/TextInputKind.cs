namespace SesBot.Bot.Dialogs.Turns;

public enum TextInputKind
{
    Text,
    Email,
    Phone,
    Multiline,
}
