using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Two people of the same reseller on the same account, and the same submit clicked twice: one request.</summary>
public sealed class ConcurrentRequestTests : DialogTestBase
{
    [Fact]
    public async Task RemoveFromPayer_TwoUsersOfTheSameResellerBothSubmit_OneRequestAndClearAlreadyOpenMessage()
    {
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmRemoveFromPayer);

        var first = await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertStatus(TurnStatus.Complete).AssertText("is submitted");
        var id = first.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);

        await patti.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertStatus(TurnStatus.Waiting)
            .AssertText($"Not submitted: Request {id} (remove from the payer organization) is already open for this. It has to finish or be cancelled first.")
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer))
            .AssertNoAction(ActionIds.ConfirmRemoveFromPayer);

        var request = await SingleRequestAsync();
        Assert.Equal((id, Person.Alex.ActorId), (request.Id, request.RequestedById));
    }

    [Fact]
    public async Task RemoveFromPayer_TwoUsersSubmitAtTheSameMoment_OneRequest()
    {
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmRemoveFromPayer);

        // Microsoft.Data.Sqlite runs synchronously: each click on its own thread so that the two turns truly overlap.
        var turns = await Task.WhenAll(Task.Run(() => Alex.Click(ActionIds.ConfirmRemoveFromPayer)), Task.Run(() => patti.Click(ActionIds.ConfirmRemoveFromPayer)));

        var request = await SingleRequestAsync();
        Assert.Single(turns, t => t.Lines.Any(l => l.Contains("is submitted", StringComparison.Ordinal)));
        Assert.Single(turns, t => t.Lines.Any(l => l.Contains($"Request {request.Id} (remove from the payer organization) is already open", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Delete_TwoUsersOfTheSameResellerBothConfirm_DeletedOnceAndSecondToldItIsGone()
    {
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmDelete);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmDelete);

        await Alex.Send("210987654321").AssertText("is deleted from SES (request").AssertNoText("is submitted");
        await patti.Send("210987654321")
            .AssertText("Not submitted: The account was deleted from SES on 18 Nov 2026.")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeletedInErrorTicket))
            .AssertNoAction(ActionIds.ConfirmDelete);

        var request = await SingleRequestAsync();
        Assert.Equal(Person.Alex.ActorId, request.RequestedById);
        Assert.Single(await AuditAsync("a-contoso-lab"));
    }

    [Fact]
    public async Task RemoveCustomer_TwoUsersBothConfirm_RemovedOnceAndSecondToldItAlreadyIs()
    {
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveCustomer);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmRemoveCustomer);

        await patti.Click(ActionIds.ConfirmRemoveCustomer).AssertText("The customer is removed from SES.");
        await Alex.Click(ActionIds.ConfirmRemoveCustomer)
            .AssertStatus(TurnStatus.Waiting)
            .AssertText("Not submitted: Wingtip Toys was already removed.")
            .AssertNoAction(ActionIds.ConfirmRemoveCustomer);

        Assert.Equal(Person.Patti.ActorId, (await SingleRequestAsync()).RequestedById);
        Assert.Single(await AuditAsync("c-wingtip"));
    }

    [Fact]
    public async Task RemoveFromPayer_AnotherUserSubmittedWhileTheConfirmCardWaits_OptionsCardShownStillWorks()
    {
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmRemoveFromPayer);
        await patti.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");

        // Alex's confirmation can no longer be shown: he gets the options as they are now…
        await Alex.Send("hmm")
            .AssertText("I'm waiting for your answer on the card:")
            .AssertFact("Remove from the payer organization", "is already open")
            .AssertNoAction(ActionIds.ConfirmRemoveFromPayer);

        // …and that card's buttons work: they are not "out of date".
        var options = Alex.Last;
        await Alex.Click(ActionIds.Back).AssertNoText("out of date");
        await Alex.Click(ActionIds.Back).AssertText("Which account of Adventure Works Cycles?");
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-data"))
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer));
        Assert.Single(await RequestsAsync());
        Assert.NotNull(options);
    }

    [Fact]
    public async Task RemoveFromPayer_AnotherUserSubmittedWhileTheConfirmCardWaits_CancelOnTheOptionsShownStops()
    {
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmRemoveFromPayer);
        await patti.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");

        await Alex.Send("hmm").AssertNoAction(ActionIds.ConfirmRemoveFromPayer);
        await Alex.Click(ActionIds.Cancel).AssertStatus(TurnStatus.Cancelled).AssertText("OK, I stopped.");
    }

    [Fact]
    public async Task FinalSubmit_ClickedTwice_OneRequest()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        var form = Alex.Last;

        await Alex.ClickFrom(form, ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended.")).AssertText("is submitted");
        await Alex.ClickFrom(form, ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended.")).AssertNoText("is submitted");

        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task FinalSubmit_DoubleClickedAtTheSameMoment_OneRequestAndBothAnswered()
    {
        var review = await FlowWalker.WalkToAsync(Alex, FlowStep.ReviewTransfer);

        var turns = await Task.WhenAll(Task.Run(() => Alex.ClickFrom(review, ActionIds.SubmitTransferRequest)), Task.Run(() => Alex.ClickFrom(review, ActionIds.SubmitTransferRequest)));

        var request = await SingleRequestAsync();
        Assert.All(turns, t => Assert.NotEmpty(t.Replies));
        Assert.Contains(turns, t => t.Lines.Any(l => l.Contains($"Request {request.Id} is submitted", StringComparison.Ordinal)));
    }
}
