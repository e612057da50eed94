namespace SesBot.Bot.Dialogs.Turns;

public enum ActionStyle
{
    Default,
    Primary,
    Destructive,
}
