using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// One clear path per screen: accounts as rows with badges and their own button, options as short rows with the usual
/// choice marked, what a request card shows, and the reminder for typed text while a card waits.
/// </summary>
public sealed class ClearScreensTests : DialogTestBase
{
    [Fact]
    public async Task AccountPicker_ContosoAccounts_EachOnceAsRowWithBadgesAndItsOwnButton()
    {
        await Alex.Send("remove account");
        var turn = await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"));

        var rows = turn.Blocks.OfType<ItemsBlock>().Single().Items;
        Assert.Equal(["a-contoso-lab", "a-contoso-prod", "z-contoso-analytics"], rows.Select(r => r.Action!.Data![DataKeys.AccountId]));
        Assert.All(rows, r => Assert.Equal((ActionIds.SelectAccount, "Select"), (r.Action!.Verb, r.Action.Title)));
        Assert.Empty(turn.Blocks.OfType<ChoiceInputBlock>());
        Assert.Empty(turn.Blocks.OfType<FactsBlock>());

        var production = rows.Single(r => r.Title == "AWS 123456789012 · Contoso Production");
        Assert.Equal("assigned by the distributor, linked 1 Sep 2025", production.Detail);
        Assert.Equal([("billing data: 12 months", Tone.Warning), ("active", Tone.Good)], production.Badges.Select(b => (b.Text, b.Tone)));
        Assert.Equal("no billing data", rows.Single(r => r.Title.Contains("Contoso Lab", StringComparison.Ordinal)).Badges[0].Text);
    }

    [Fact]
    public async Task AccountPicker_AccountWithOpenRequest_ShowsTheRequestAsBadge()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var id = (await Alex.Click(ActionIds.ConfirmRemoveFromPayer)).ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);

        await Alex.Send("remove account");
        var turn = await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure"));

        var rows = turn.Blocks.OfType<ItemsBlock>().Single().Items;
        Assert.Contains(new ReplyBadge($"open request {id}", Tone.Attention), rows.Single(r => r.Title.Contains("Adventure Works Web", StringComparison.Ordinal)).Badges);
        Assert.DoesNotContain(rows.Single(r => r.Title.Contains("Adventure Works Data", StringComparison.Ordinal)).Badges, b => b.Text.StartsWith("open request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_LabAccount_OneRowPerOptionUsualChoiceMarkedDeleteWarningInItsRow()
    {
        var turn = await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-lab");

        var rows = turn.Blocks.OfType<ItemsBlock>().Single().Items;
        Assert.Equal(["Delete from SES", "Transfer of ownership"], rows.Select(r => r.Title));
        var delete = rows[0];
        var transfer = rows[1];
        Assert.Equal((ReplyActionStyle.Destructive, nameof(RemovalOption.DeleteFromPlatform)), (delete.Action!.Style, delete.Action.Data![DataKeys.Option]));
        Assert.Contains(delete.Warnings, w => w.Contains("all of its usage and billing history", StringComparison.Ordinal));
        Assert.Empty(delete.Badges);
        Assert.Equal([new ReplyBadge("usual choice", Tone.Good)], transfer.Badges);
        Assert.Equal(ReplyActionStyle.Primary, transfer.Action!.Style);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Detail)));
        turn.AssertText("Not available for this account:").AssertBadge("no billing data").AssertBadge("active");
    }

    [Fact]
    public async Task Options_EverythingHeldByAnOpenRequest_SaysSoAndTheRequestIsThePrimaryButton()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var id = (await Alex.Click(ActionIds.ConfirmRemoveFromPayer)).ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);

        var turn = await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web");

        Assert.Empty(turn.Blocks.OfType<ItemsBlock>());
        turn.AssertParagraph($"Request {id} holds this account", Tone.Attention).AssertBadge($"open request {id}");
        var open = turn.Actions.Single(a => a.Verb == ActionIds.RefreshStatus);
        Assert.Equal(($"Open request {id}", ReplyActionStyle.Primary), (open.Title, open.Style));
    }

    [Fact]
    public async Task Status_AzureTransfer_ShowsWhatWasSubmittedAndTheNextStep()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureTransferDetails);
        var submitted = await Alex.Click(ActionIds.SubmitAzureTransfer,
            (DataKeys.PartnerName, "Litware CSP"), (DataKeys.PartnerTenantId, "4f2e1d0c-9b8a-4765-a432-10fedcba9876"));
        var id = submitted.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);

        await Alex.Send($"status {id}")
            .AssertBadge("Status: Submitted, waiting for support")
            .AssertText("What was submitted")
            .AssertFact("New partner", "Litware CSP")
            .AssertFact("New partner's tenant id", "4f2e1d0c-9b8a-4765-a432-10fedcba9876")
            .AssertText("Next: SES support approves the transfer")
            .AssertAction(ActionIds.CancelRequest, DataKeys.RequestId, id);
    }

    [Fact]
    public async Task Submitted_TransferOfOwnership_ShowsTheContactWithPhonesAsWrittenInTheCountry()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ReviewTransfer);

        await Alex.Click(ActionIds.SubmitTransferRequest)
            .AssertParagraph("is submitted.", Tone.Good)
            .AssertFact("New owner", "Globex Corporation, Hank Scorpio, +1 503-555-0142")
            .AssertFact("Address", "1 Cypress Creek Rd, Cypress Creek, OR 97201, United States")
            .AssertFact("Billing contact", "Sam Billing, +1 206-555-0100, billing@globex.example")
            .AssertFact("Account assignment email", "aws-owner@globex.example")
            .AssertText("Next: SES support contacts AWS");
    }

    [Fact]
    public async Task Submitted_Unlink_ShowsTheEmailAndTheLanguageChosen()
    {
        await OpenOptionsAsync(Alex, "c-wingtip", "a-wingtip-sandbox");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink)));

        await Alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, "it@wingtiptoys.example"), (DataKeys.Language, "fr"))
            .AssertFact("End customer's email", "it@wingtiptoys.example")
            .AssertFact("Language", "French");
    }

    [Theory]
    [InlineData(FlowStep.SelectAccount, "choose one of the customer's accounts")]
    [InlineData(FlowStep.ChooseOption, "choose what to do with the account")]
    [InlineData(FlowStep.AzureSuspendDetails, "fill in the form on the card")]
    public async Task TypedText_WhileACardWaits_ReminderOfTheStepThenTheCardNotTheMenu(FlowStep step, string reminder)
    {
        var card = await FlowWalker.WalkToAsync(Alex, step);

        var turn = await Alex.Send("what now?").AssertStatus(TurnStatus.Waiting);

        Assert.Equal(2, turn.Replies.Count);
        Assert.True(turn.Replies[0].IsPlainText);
        turn.AssertText($"I'm waiting for your answer on the card: {reminder}").AssertNoText("What I can do");
        Assert.Equal(card.Replies[^1].AllActions.Select(a => a.Verb), turn.Replies[1].AllActions.Select(a => a.Verb));
    }
}
