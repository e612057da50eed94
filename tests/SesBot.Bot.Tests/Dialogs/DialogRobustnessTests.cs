using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Cancel and new commands at any step, free text, stale clicks, restarts, expiry and unreadable state.</summary>
public sealed class DialogRobustnessTests : DialogTestBase
{
    public static TheoryData<FlowStep, bool> EveryStep()
    {
        var data = new TheoryData<FlowStep, bool>();
        foreach (var step in Enum.GetValues<FlowStep>())
        {
            data.Add(step, true);
            data.Add(step, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public async Task Cancel_AtEveryStep_EndsTheDialogWithNothingSubmitted(FlowStep step, bool typed)
    {
        var card = await FlowWalker.WalkToAsync(Alex, step);
        var before = await RequestsAsync();

        var cancel = typed ? Alex.Send("Cancel") : Alex.Click(ActionIds.Cancel);
        await cancel.AssertStatus(TurnStatus.Cancelled).AssertText("OK, I stopped. Nothing was submitted.");

        Assert.Equal(before.Select(r => r.Id), (await RequestsAsync()).Select(r => r.Id));
        var primary = card.Actions.First(a => a.Verb is not ActionIds.Back and not ActionIds.Cancel).Verb;
        await Alex.ClickFrom(card, primary)
            .AssertText("That card is from an earlier conversation that has ended, so I ignored it.")
            .AssertAction(ActionIds.StartRemoveAccount);
        Assert.Equal(before.Count, (await RequestsAsync()).Count);
        await Alex.Send("cancel").AssertText("There's nothing in progress to cancel.");
    }

    [Theory]
    [InlineData("remove account", "Choose the customer you want to take an account from.")]
    [InlineData("remove customer", "Choose the customer you want to remove.")]
    public async Task NewCommand_MidFlow_StartsOverAndOldCardIsOutdated(string command, string expected)
    {
        var form = await FlowWalker.WalkToAsync(Alex, FlowStep.TransferContact);

        await Alex.Send(command).AssertStatus(TurnStatus.Waiting).AssertText(expected);
        await Alex.ClickFrom(form, ActionIds.ReviewTransferContact, FlowWalker.ContactInputs)
            .AssertText("That card is out of date, so I ignored it. Here is where we are now:")
            .AssertText("Which customer?")
            .AssertNoAction(ActionIds.SubmitTransferRequest);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task MyRequestsAndHelp_MidFlow_AnswerAndKeepTheDialogWhereItWas()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);

        await Alex.Send("help").AssertStatus(TurnStatus.Waiting).AssertText("What I can do");
        await Alex.Send("my requests").AssertStatus(TurnStatus.Waiting).AssertText("You have no removal requests yet.");
        await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        Assert.Single(await RequestsAsync());
    }

    [Theory]
    [InlineData(FlowStep.SelectAccount)]
    [InlineData(FlowStep.ChooseOption)]
    [InlineData(FlowStep.TransferContact)]
    [InlineData(FlowStep.ConfirmRemoveFromPayer)]
    [InlineData(FlowStep.ConfirmRemoveCustomer)]
    public async Task FreeText_WhereACardIsExpected_RepromptsWithTheCurrentCard(FlowStep step)
    {
        var card = await FlowWalker.WalkToAsync(Alex, step);

        var turn = await Alex.Send("yes do it")
            .AssertStatus(TurnStatus.Waiting)
            .AssertText("I'm waiting for your answer on the card. Use its buttons, or type \"cancel\" to stop.");
        Assert.Equal(card.Replies[^1].Blocks.OfType<HeadingBlock>().Select(h => h.Text), turn.Replies[^1].Blocks.OfType<HeadingBlock>().Select(h => h.Text));
        Assert.Equal(
            card.Actions.Select(a => (a.Verb, a.Data?.GetValueOrDefault(DataKeys.Step))),
            turn.Actions.Select(a => (a.Verb, a.Data?.GetValueOrDefault(DataKeys.Step))));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task FreeText_OnTheCustomerStep_Searches()
    {
        await Alex.Send("remove account");

        await Alex.Send("TAIL")
            .AssertText("Customers whose name contains \"TAIL\":")
            .AssertChoice("Tailspin Toys")
            .AssertNoChoice("Contoso Ltd")
            .AssertInputValue(DataKeys.Search, "TAIL");
        await Alex.Send("woodgrove")
            .AssertParagraph("No customer's name contains \"woodgrove\".", Tone.Attention)
            .AssertNoAction(ActionIds.SelectCustomer);
        await Alex.Click(ActionIds.SearchCustomers, (DataKeys.Search, "works"))
            .AssertChoice("Adventure Works Cycles")
            .AssertNoChoice("Tailspin Toys");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure")).AssertText("Which account of Adventure Works Cycles?");
    }

    [Fact]
    public async Task StaleClick_OnAnEarlierStep_ChangesNothingAndShowsCurrentCard()
    {
        await Alex.Send("remove account");
        var customers = await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"));
        var accounts = await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-lab"));
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform))).AssertAction(ActionIds.ConfirmDelete);

        // The account picker again, now choosing another account; and the options card, choosing delete again.
        await Alex.ClickFrom(customers, ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-prod"))
            .AssertParagraph("That card is out of date, so I ignored it. Here is where we are now:", Tone.Attention)
            .AssertText("Delete AWS 210987654321")
            .AssertAction(ActionIds.ConfirmDelete);
        await Alex.ClickFrom(accounts, ActionIds.ChooseOption)
            .AssertText("That card is out of date")
            .AssertAction(ActionIds.ConfirmDelete);
        await AssertNothingChangedAsync();

        // The dialog is still where it was.
        await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654321")).AssertText("is deleted from SES");
        Assert.Equal("a-contoso-lab", (await SingleRequestAsync()).CloudAccountId);
    }

    [Fact]
    public async Task StaleClick_OnACardOfAPreviousFlow_ChangesNothingAndShowsCurrentCard()
    {
        var oldConfirm = await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);

        await Alex.ClickFrom(oldConfirm, ActionIds.ConfirmRemoveFromPayer)
            .AssertText("That card is out of date")
            .AssertText("Suspend Azure 0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6")
            .AssertAction(ActionIds.SubmitAzureSuspend);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Restart_InTheMiddleOfTheTransferForm_ReviewAndSubmitStillWork()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.TransferContact);
        await Alex.Click(ActionIds.ReviewTransferContact, (DataKeys.Contact(ContactField.CompanyName), "Globex Corporation"))
            .AssertError(DataKeys.Contact(ContactField.ContactName));

        await Alex.RestartAsync();

        await Alex.Click(ActionIds.ReviewTransferContact, FlowWalker.ContactInputs)
            .AssertText("Check and submit the transfer of ownership")
            .AssertFact("Company name", "Globex Corporation");
        await Alex.RestartAsync();
        await Alex.Click(ActionIds.SubmitTransferRequest).AssertText("is submitted");
        Assert.Equal("+15035550142", (await SingleRequestAsync()).Contact?.ContactPhone);
    }

    [Fact]
    public async Task Review_StoredContactNoLongerValid_FormShownAndItsReviewButtonWorks()
    {
        // E.g. a deploy made the validator stricter while a review card waited.
        await FlowWalker.WalkToAsync(Alex, FlowStep.ReviewTransfer);
        // Written by another process (a new version of the bot), so its version moves on like any write does.
        await Host.DbAsync(db => db.DialogStates.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.DataJson, d => d.DataJson.Replace("1 503 555 0142", "555"))
            .SetProperty(d => d.Version, d => d.Version + 1)));

        await Alex.Send("looks good")
            .AssertInputValue(DataKeys.Contact(ContactField.ContactPhone), "+555")
            .AssertNoAction(ActionIds.SubmitTransferRequest);
        await Alex.Click(ActionIds.ReviewTransferContact, (DataKeys.Contact(ContactField.ContactPhone), "+1 503 555 0199"))
            .AssertNoText("out of date")
            .AssertFact("Contact phone", "+15035550199");
        await Alex.Click(ActionIds.SubmitTransferRequest).AssertText("is submitted");
        Assert.Equal("+15035550199", (await SingleRequestAsync()).Contact?.ContactPhone);
    }

    [Fact]
    public async Task Expiry_AfterThirtyMinutes_PoliteNoteAndNothingSubmitted()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        Alex.Advance(TimeSpan.FromMinutes(29));
        await Alex.Send("hmm").AssertText("I'm waiting for your answer on the card.");

        // Each answer keeps it alive; silence for longer than the expiry ends it.
        Alex.Advance(TimeSpan.FromMinutes(31));
        var turn = await Alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertText("Our earlier conversation expired after 30 minutes without a reply, so I closed it. Nothing was submitted from it.")
            .AssertText("That card is from an earlier conversation that has ended");
        Assert.True(turn.Replies[0].IsPlainText);
        await AssertNothingChangedAsync();

        await Alex.Send("hello").AssertNoText("expired").AssertText("What I can do");
    }

    [Fact]
    public async Task Expiry_Configured_UsesTheConfiguredTime()
    {
        await using var host = await DialogHost.StartAsync(settings: new Dictionary<string, string?> { ["Dialogs:Expiry"] = "00:05:00" });
        var alex = new DialogTranscript(host, Person.Alex);
        await alex.Send("remove account");
        host.Clock.Advance(TimeSpan.FromMinutes(6));

        await alex.Send("remove customer")
            .AssertText("expired after 5 minutes")
            .AssertText("Choose the customer you want to remove.");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("{\"flowId\":\"f\",\"kind\":\"RemoveAccount\",\"step\":\"StepFromTheFuture\"}")]
    [InlineData("{\"kind\":\"RemoveAccount\"}")]
    [InlineData("schema:99")]
    public async Task UnreadableState_OnNextInput_PoliteRestart(string corruption)
    {
        var card = await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var changed = await Host.DbAsync(db => corruption.StartsWith("schema:", StringComparison.Ordinal)
            ? db.DialogStates.ExecuteUpdateAsync(s => s.SetProperty(d => d.SchemaVersion, 99).SetProperty(d => d.Version, d => d.Version + 1))
            : db.DialogStates.ExecuteUpdateAsync(s => s.SetProperty(d => d.DataJson, corruption).SetProperty(d => d.Version, d => d.Version + 1)));
        Assert.Equal(1, changed);

        await Alex.ClickFrom(card, ActionIds.ConfirmRemoveFromPayer)
            .AssertText("I updated since we last spoke and lost track of where we were; nothing was submitted. Let's start again.")
            .AssertText("That card is from an earlier conversation that has ended");
        await AssertNothingChangedAsync();

        await Alex.Send("remove account").AssertNoText("lost track").AssertText("Which customer?");
    }

    [Fact]
    public async Task UnknownUser_AnyInput_OnlyTheNotLinkedReply()
    {
        var stranger = Alex.As(Person.Stranger);
        foreach (var turn in new[]
        {
            await stranger.Send("remove account"),
            await stranger.Send("status R-ABCDEF"),
            await stranger.Forge(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso")),
            await stranger.Forge(ActionIds.CancelRequest, (DataKeys.RequestId, "R-ABCDEF")),
        })
        {
            var reply = Assert.Single(turn.Replies);
            Assert.True(reply.IsPlainText);
            turn.AssertText("Your account is not linked to a reseller in SES yet").AssertStatus(TurnStatus.Complete);
        }

        Assert.Empty(await stranger.SearchAsync(RemovalCards.CustomersDataset, null));
        Assert.Equal(0, await Host.DbAsync(db => db.DialogStates.CountAsync()));
    }

    [Fact]
    public async Task UnknownUser_SameUserKeyInAnotherTenant_NotLinked()
    {
        var impostor = Alex.As(Person.Alex with { TenantKey = "11111111-2222-3333-4444-555555555555" });
        await impostor.Send("my requests").AssertText("Your account is not linked to a reseller in SES yet");
    }
}
