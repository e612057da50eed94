using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;

namespace SesBot.Bot.Dialogs;

/// <summary>The welcome, help and "who are you" messages.</summary>
public static class HelpReplies
{
    public static Reply Welcome(ConversationScope scope) => scope == ConversationScope.Personal
        ? Reply.Card(
            "Hi, I'm SesBot.",
            new HeadingBlock("Hi, I'm SesBot"),
            new ParagraphBlock(
                "I help you take cloud accounts away from your customers the way SES allows: delete an account added by " +
                "mistake, transfer or suspend Azure subscriptions, transfer AWS accounts to a new owner or remove them from " +
                "the payer organization, and send unlink steps to your end customers."),
            new ParagraphBlock("Pick a start below, or type a command such as \"remove account\" or \"my requests\".", Tone.Subtle),
            Menu())
        : Reply.Card(
            "SesBot is now in this conversation.",
            new HeadingBlock("SesBot is here"),
            new ParagraphBlock(
                "Mention me (@SesBot) with a command, e.g. \"@SesBot my requests\". Support notifications for removal requests " +
                "can be posted to this channel."),
            Menu());

    public static Reply Help() => Reply.Card(
        "What I can do",
        new HeadingBlock("What I can do"),
        new FactsBlock(
        [
            new ReplyFact("remove account", "Choose a customer and one of its cloud accounts, see what SES allows, and file the request."),
            new ReplyFact("remove customer", "Remove a customer that never had billing data."),
            new ReplyFact("my requests", "Your removal requests and where they stand."),
            new ReplyFact("status R-XXXXXX", "One request in detail."),
            new ReplyFact("cancel", "Stop what we are doing (you can also cancel an open request from its card)."),
            new ReplyFact("help", "This list."),
        ]),
        Menu());

    public static Reply NotLinked() => Reply.Text(
        "Your account is not linked to a reseller in SES yet, so I can't show you any customers. Ask your SES admin to link it, then say hello again.");

    public static Reply NotUnderstood() => Reply.Card(
        "I didn't catch that.",
        new ParagraphBlock("I didn't catch that. Here is what I can do:"),
        Menu());

    public static ActionsBlock Menu() => new(
    [
        new ReplyAction("Remove an account", ActionIds.StartRemoveAccount, Style: ReplyActionStyle.Primary),
        new ReplyAction("Remove a customer", ActionIds.StartRemoveCustomer),
        new ReplyAction("My requests", ActionIds.ShowMyRequests),
        new ReplyAction("Help", ActionIds.Help),
    ]);
}
