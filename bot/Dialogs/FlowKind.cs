namespace SesBot.Bot.Dialogs;

public enum FlowKind
{
    RemoveAccount,
    RemoveCustomer,
}
