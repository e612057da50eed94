using SesBot.Bot.Dialogs;

namespace SesBot.Bot.Tests.Dialogs;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("remove account", CommandKind.RemoveAccount, null)]
    [InlineData("Remove Account", CommandKind.RemoveAccount, null)]
    [InlineData("  please REMOVE an account for my customer  ", CommandKind.RemoveAccount, null)]
    [InlineData("I need to delete a subscription", CommandKind.RemoveAccount, null)]
    [InlineData("unlink aws acct", CommandKind.RemoveAccount, null)]
    [InlineData("transfer an account", CommandKind.RemoveAccount, null)]
    [InlineData("remove the customer's account", CommandKind.RemoveAccount, null)]
    [InlineData("remove an account from a customer", CommandKind.RemoveAccount, null)]
    [InlineData("delete accounts of my customers", CommandKind.RemoveAccount, null)]
    [InlineData("remove customer account 123456789012", CommandKind.RemoveAccount, null)]
    [InlineData("remove customer", CommandKind.RemoveCustomer, null)]
    [InlineData("offboard two clients", CommandKind.RemoveCustomer, null)]
    [InlineData("Please remove a customer!", CommandKind.RemoveCustomer, null)]
    [InlineData("delete client", CommandKind.RemoveCustomer, null)]
    [InlineData("remove customer with all its accounts", CommandKind.RemoveCustomer, null)]
    [InlineData("my requests", CommandKind.MyRequests, null)]
    [InlineData("My Requests please", CommandKind.MyRequests, null)]
    [InlineData("requests", CommandKind.MyRequests, null)]
    [InlineData("show my tickets", CommandKind.MyRequests, null)]
    [InlineData("what's the status of my requests", CommandKind.MyRequests, null)]
    [InlineData("status R-7KD2QX", CommandKind.Status, "R-7KD2QX")]
    [InlineData("STATUS r-7kd2qx", CommandKind.Status, "R-7KD2QX")]
    [InlineData("what is the status of R-7KD2QX?", CommandKind.Status, "R-7KD2QX")]
    [InlineData("status", CommandKind.Status, null)]
    [InlineData("help", CommandKind.Help, null)]
    [InlineData("Hi", CommandKind.Help, null)]
    [InlineData("hello there", CommandKind.Help, null)]
    [InlineData("?", CommandKind.Help, null)]
    [InlineData("cancel", CommandKind.Cancel, null)]
    [InlineData("CANCEL!", CommandKind.Cancel, null)]
    [InlineData("stop please", CommandKind.Cancel, null)]
    [InlineData("never mind, quit", CommandKind.Cancel, null)]
    [InlineData("use this channel for support requests", CommandKind.UseSupportChannel, null)]
    [InlineData("Please set this as the support channel", CommandKind.UseSupportChannel, null)]
    [InlineData("use this channel for support", CommandKind.UseSupportChannel, null)]
    [InlineData("support channel", CommandKind.ShowSupportChannel, null)]
    [InlineData("which support channel?", CommandKind.ShowSupportChannel, null)]
    [InlineData("queue", CommandKind.Queue, null)]
    [InlineData("show the queue", CommandKind.Queue, null)]
    [InlineData("queue mine", CommandKind.Queue, CommandParser.Mine)]
    [InlineData("my queue", CommandKind.Queue, CommandParser.Mine)]
    public void Parse_Command_Recognised(string text, CommandKind kind, string? argument)
    {
        Assert.Equal(new Command(kind, argument), CommandParser.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Contoso")]
    [InlineData("210987654321")]
    [InlineData("2109-8765-4321")]
    [InlineData("yes do it")]
    [InlineData("the new owner is Globex")]
    [InlineData("status of the account migration project in our team")]
    [InlineData("cancel R-7KD2QX")]
    [InlineData("please don't cancel the subscription migration yet")]
    [InlineData("remove")]
    [InlineData("we set up a support channel with the customer's IT team last week")]
    [InlineData("the project is in a queue behind two other migrations")]
    public void Parse_NotACommand_None(string? text)
    {
        Assert.Equal(CommandKind.None, CommandParser.Parse(text).Kind);
    }
}
