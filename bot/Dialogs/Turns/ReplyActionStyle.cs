namespace SesBot.Bot.Dialogs.Turns;

public enum ReplyActionStyle
{
    Default,
    Primary,
    Destructive,
}
