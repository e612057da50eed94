using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Audit;

/// <summary>"history &lt;account id&gt;" in chat: the whole timeline for whoever may see the account, "not found" for anyone else.</summary>
public sealed class AuditChatCommandsTests : DialogTestBase
{
    [Fact]
    public async Task History_OwnerSupportAndAdmin_SeeTheTimelineOthersGetNotFound()
    {
        await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        var id = (await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted")).ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
        var asked = $"Alex Wilber asked to remove the account from the payer organization ({id}).";

        foreach (var person in new[] { Person.Alex, Person.Patti, Person.Megan, Person.Isaiah })
        {
            await Alex.As(person).Send("history 3456-7890-1234")
                .AssertText("History of AWS 345678901234")
                .AssertFact("Customer", "Adventure Works Cycles")
                .AssertFact("Reseller", "Northwind Cloud Partners")
                .AssertFact("18 Nov 2026 10:00 UTC", asked);
        }

        // Another reseller's user: word for word what an account that does not exist gets.
        var adele = Alex.As(Person.Adele);
        var refused = await adele.Send("history 345678901234");
        var missing = await adele.Send("history 999999999999");
        Assert.Equal(Text(missing).Replace("999999999999", "345678901234", StringComparison.Ordinal), Text(refused));
        refused.AssertNoText(id).AssertNoText("Adventure");

        await Alex.As(Person.Stranger).Send("history 345678901234").AssertNoText("History of").AssertNoText(id);
        await Alex.Send("history").AssertText("Which account?");
    }

    [Fact]
    public async Task History_InTheMiddleOfADialog_AnswersAndKeepsTheDialog()
    {
        await Alex.Send("remove account").AssertText("Which customer?");

        await Alex.Send("show history of 345678901234").AssertText("Nothing has happened to this account in SesBot yet.");

        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure")).AssertAction(ActionIds.SelectAccount);
    }

    [Fact]
    public async Task ExportAudit_NotAnAdmin_Refused()
    {
        await Alex.Send("export audit").AssertText("Only SES admins can export the audit log.");
        await Alex.As(Person.Megan).Send("export audit for Northwind").AssertText("Only SES admins can export the audit log.");
    }

    [Theory]
    [InlineData("history 345678901234", CommandKind.History, "345678901234")]
    [InlineData("History of account 3456-7890-1234?", CommandKind.History, "3456-7890-1234")]
    [InlineData("show me the history for 5c7a1f0e-0000-4000-8000-000000000001", CommandKind.History, "5c7a1f0e-0000-4000-8000-000000000001")]
    [InlineData("history", CommandKind.History, null)]
    [InlineData("export audit", CommandKind.ExportAudit, "")]
    [InlineData("Export the audit log for Northwind from 2026-11-01 to 2026-11-30", CommandKind.ExportAudit, "for Northwind from 2026-11-01 to 2026-11-30")]
    [InlineData("what is the history of SES", CommandKind.None, null)]
    [InlineData("history channel", CommandKind.None, null)]
    public void Parse_AuditCommands(string text, CommandKind kind, string? argument)
    {
        var command = CommandParser.Parse(text);
        Assert.Equal((kind, argument), (command.Kind, command.Argument));
    }

    private static string Text(Turn turn) => string.Join("\n", turn.Replies.SelectMany(r => r.Blocks).OfType<ParagraphBlock>().Select(p => p.Text));
}
