using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;
using SesBot.Core.Localization;

namespace SesBot.Bot.Dialogs;

/// <summary>The welcome, help and "who are you" messages, in the turn's language (resources: Resources/Dialogs/HelpReplies.resx).</summary>
public static class HelpReplies
{
    private static readonly Strings S = Strings.For(typeof(HelpReplies));

    public static Reply Welcome(ConversationScope scope) => scope == ConversationScope.Personal
        ? Reply.Card(
            S["Welcome.Summary"],
            new HeadingBlock(S["Welcome.Heading"]),
            new ParagraphBlock(S["Welcome.Intro"]),
            new ParagraphBlock(S["Welcome.Start"], Tone.Subtle),
            Menu())
        : Reply.Card(
            S["Joined.Summary"],
            new HeadingBlock(S["Joined.Heading"]),
            new ParagraphBlock(S["Joined.Intro"]),
            Menu());

    /// <summary>The commands stay in English (the parser reads them); what they do is said in the person's language.</summary>
    public static Reply Help() => Reply.Card(
        S["Help.Heading"],
        new HeadingBlock(S["Help.Heading"]),
        new FactsBlock(
        [
            new ReplyFact(S["Help.RemoveAccount.Command"], S["Help.RemoveAccount"]),
            new ReplyFact(S["Help.RemoveCustomer.Command"], S["Help.RemoveCustomer"]),
            new ReplyFact(S["Help.MyRequests.Command"], S["Help.MyRequests"]),
            new ReplyFact(S["Help.Status.Command"], S["Help.Status"]),
            new ReplyFact(S["Help.Cancel.Command"], S["Help.Cancel"]),
            new ReplyFact(S["Help.Help.Command"], S["Help.Help"]),
        ]),
        Menu());

    public static Reply NotLinked() => Reply.Text(S["NotLinked"]);

    public static Reply NotUnderstood() => Reply.Card(
        S["NotUnderstood.Summary"],
        new ParagraphBlock(S["NotUnderstood"]),
        Menu());

    public static ActionsBlock Menu() => new(
    [
        new ReplyAction(S["Menu.RemoveAccount"], ActionIds.StartRemoveAccount, Style: ReplyActionStyle.Primary),
        new ReplyAction(S["Menu.RemoveCustomer"], ActionIds.StartRemoveCustomer),
        new ReplyAction(S["Menu.MyRequests"], ActionIds.ShowMyRequests),
        new ReplyAction(S["Menu.Help"], ActionIds.Help),
    ]);
}
