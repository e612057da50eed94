using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Back, empty choices, made-up options, many customers, and the policy asked again when things change under a card.</summary>
public sealed class RemovalDialogNavigationTests : DialogTestBase
{
    [Fact]
    public async Task Back_FromEachStep_ShowsThePreviousCard()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmDelete);
        await Alex.Click(ActionIds.Back).AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform));
        await Alex.Click(ActionIds.Back).AssertText("Which account of Contoso Ltd?");
        await Alex.Click(ActionIds.Back).AssertText("Which customer?");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-tailspin")).AssertText("Which account of Tailspin Toys?");

        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveCustomer);
        await Alex.Click(ActionIds.Back).AssertText("Choose the customer you want to remove.");
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Continue_WithNothingChosen_AsksToChooseFirst()
    {
        await Alex.Send("remove account");
        await Alex.Click(ActionIds.SelectCustomer).AssertError(DataKeys.CustomerId, "Choose a customer first.");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"));
        // Each account row has its own button, so a click always names one; an empty one can only be sent by hand.
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, string.Empty)).AssertParagraph("Choose an account first.", Tone.Attention);
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-does-not-exist")).AssertParagraph("doesn't belong to this customer", Tone.Attention);
    }

    [Theory]
    [InlineData("Nuke")]
    [InlineData("awsremovefrompayer")]
    [InlineData("RemoveCustomer")]
    [InlineData("")]
    public async Task ChooseOption_MadeUpOption_RefusedWithTheOptionsAgain(string option)
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ChooseOption);
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, option))
            .AssertStatus(TurnStatus.Waiting)
            .AssertText("That option isn't available for this account.")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task SubmitUnlink_AnotherUserSubmittedMeanwhile_DeniedWithTheOpenRequest()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.UnlinkDetails);
        var patti = Alex.As(Person.Patti);
        await FlowWalker.WalkToAsync(patti, FlowStep.ConfirmRemoveFromPayer);
        var id = (await patti.Click(ActionIds.ConfirmRemoveFromPayer)).ActionValue(ActionIds.CancelRequest, DataKeys.RequestId);

        await Alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, "it@adventure-works.example"))
            .AssertText($"Not submitted: Request {id} (remove from the payer organization) is already open")
            .AssertFact("Send unlink instructions", $"Request {id}")
            .AssertNoAction(ActionIds.SubmitUnlink);
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task ConfirmDelete_BillingDataArrivedAfterTheCard_NotDeleted()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmDelete);
        await Host.DbAsync(async db =>
        {
            var lab = await db.CloudAccounts.Include(a => a.BillingRecords).SingleAsync(a => a.Id == "a-contoso-lab");
            lab.AddBillingRecord(new DateOnly(2026, 11, 1), 12.5m, "USD");
            await db.SaveChangesAsync();
        });

        await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654321"))
            .AssertStatus(TurnStatus.Waiting)
            .AssertText("Not submitted: This account has 1 month of billing data.")
            .AssertParagraph("This account has billing data in SES", Tone.Warning)
            .AssertNoAction(ActionIds.ConfirmDelete)
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform));
        Assert.Equal(AccountState.Active, (await AccountAsync("a-contoso-lab")).State);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task SelectCustomer_ThousandsOfCustomers_FirstPageThenSearchAndTypeaheadReachAnyOfThem()
    {
        await Host.DbAsync(async db =>
        {
            for (var i = 1; i <= 2000; i++)
            {
                db.Customers.Add(new Customer($"c-bulk-{i:0000}", "r-northwind", $"Bulk Customer {i:0000}"));
            }

            await db.SaveChangesAsync();
        });

        var picker = await Alex.Send("remove account").AssertChoice("Adventure Works Cycles").AssertNoChoice("Wingtip Toys");
        var list = Assert.Single(picker.Blocks.OfType<ChoiceInputBlock>());
        Assert.Equal((25, RemovalCards.CustomersDataset), (list.Choices.Count, list.SearchDataset));

        await Alex.Send("customer 1999").AssertChoice("Bulk Customer 1999").AssertNoChoice("Bulk Customer 0001");
        var typeahead = await Alex.SearchAsync(RemovalCards.CustomersDataset, "bulk customer 19", skip: 25, take: 25);
        Assert.Equal(25, typeahead.Count);
        Assert.Equal("Bulk Customer 1925", typeahead[0].Title);

        // A customer offered by the typeahead (not on the card) can be chosen.
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, typeahead[0].Value))
            .AssertText("Which account of Bulk Customer 1925?")
            .AssertText("Bulk Customer 1925 has no cloud accounts in SES.");
    }

    [Fact]
    public async Task SelectCustomer_RemovedCustomerForged_Refused()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveCustomer);
        await Alex.Click(ActionIds.ConfirmRemoveCustomer).AssertText("is removed from SES (request").AssertNoText("is submitted");

        await Alex.Send("remove account");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip"))
            .AssertError(DataKeys.CustomerId, "or was removed")
            .AssertNoAction(ActionIds.SelectAccount);
    }
}
