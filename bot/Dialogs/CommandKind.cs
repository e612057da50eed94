namespace SesBot.Bot.Dialogs;

/// <summary>The typed commands SesBot understands.</summary>
public enum CommandKind
{
    None,
    RemoveAccount,
    RemoveCustomer,
    MyRequests,
    Status,
    Help,
    Cancel,
}
