using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>A reseller never sees or acts on another reseller's customers, accounts or requests, whatever a card sends back.</summary>
public sealed class CrossResellerTests : DialogTestBase
{
    private DialogTranscript Adele => Alex.As(Person.Adele);

    [Fact]
    public async Task CustomerLists_EachReseller_ShowsOnlyItsOwnCustomers()
    {
        await Alex.Send("remove account")
            .AssertChoice("Contoso Ltd").AssertChoice("Adventure Works Cycles").AssertChoice("Tailspin Toys").AssertChoice("Wingtip Toys")
            .AssertNoChoice("Woodgrove Bank").AssertNoChoice("Litware Inc").AssertNoChoice("Lucerne Publishing");
        await Adele.Send("remove customer")
            .AssertChoice("Woodgrove Bank").AssertChoice("Litware Inc").AssertChoice("Lucerne Publishing")
            .AssertNoChoice("Contoso Ltd").AssertNoChoice("Wingtip Toys");
        var adele = Adele;
        await adele.Send("remove account");
        await adele.Send("contoso").AssertParagraph("No customer's name contains \"contoso\".", SesBot.Bot.Dialogs.Turns.Tone.Attention);
    }

    [Fact]
    public async Task Typeahead_EachReseller_ReturnsOnlyOwnCustomers()
    {
        Assert.Empty(await Adele.SearchAsync(RemovalCards.CustomersDataset, "contoso"));
        Assert.Equal(["c-litware", "c-lucerne", "c-woodgrove"], (await Adele.SearchAsync(RemovalCards.CustomersDataset, null)).Select(c => c.Value));
        Assert.Equal(["c-adventure", "c-coho", "c-contoso", "c-tailspin", "c-wingtip"], (await Alex.SearchAsync(RemovalCards.CustomersDataset, "")).Select(c => c.Value));
        Assert.Equal(["Tailspin Toys", "Wingtip Toys"], (await Alex.SearchAsync(RemovalCards.CustomersDataset, "TOYS")).Select(c => c.Title));
        Assert.Equal(["Wingtip Toys"], (await Alex.SearchAsync(RemovalCards.CustomersDataset, "toys", skip: 1, take: 1)).Select(c => c.Title));
        Assert.Empty(await Alex.SearchAsync("accounts", "contoso"));
        Assert.Empty(await Alex.SearchAsync(RemovalCards.CustomersDataset, "%"));
    }

    [Fact]
    public async Task SelectCustomer_AnotherResellersCustomerId_Refused()
    {
        var adele = Adele;
        await adele.Send("remove account");
        await adele.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"))
            .AssertError(DataKeys.CustomerId, "That customer isn't one of yours")
            .AssertNoText("Contoso")
            .AssertNoText("210987654321");

        await adele.Send("remove customer");
        await adele.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip"))
            .AssertError(DataKeys.CustomerId, "That customer isn't one of yours")
            .AssertNoAction(ActionIds.ConfirmRemoveCustomer);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task SelectAccount_AnotherResellersAccountId_Refused()
    {
        var adele = Adele;
        await adele.Send("remove account");
        await adele.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-woodgrove"));

        await adele.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-lab"))
            .AssertError(DataKeys.AccountId, "That account doesn't belong to this customer")
            .AssertNoText("210987654321")
            .AssertNoAction(ActionIds.ChooseOption);
        // Her own customer's account id of another of her customers is refused too: the account must match the customer chosen.
        await adele.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-litware-owned"))
            .AssertError(DataKeys.AccountId, "That account doesn't belong to this customer");
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task RequestIds_OfAnotherReseller_NotFoundAndUnchanged()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var submitted = await Alex.Click(ActionIds.ConfirmRemoveFromPayer);
        var id = submitted.ActionValue(ActionIds.CancelRequest, DataKeys.RequestId);
        var version = submitted.ActionValue(ActionIds.CancelRequest, DataKeys.Version);

        var adele = Adele;
        await adele.Send($"status {id}").AssertText($"I can't find a request {id} among yours.").AssertNoText("Adventure");
        await adele.Forge(ActionIds.RefreshStatus, (DataKeys.RequestId, id)).AssertText($"I can't find a request {id} among yours.");
        await adele.Forge(ActionIds.CancelRequest, (DataKeys.RequestId, id), (DataKeys.Version, version))
            .AssertText($"I can't find a request {id} among yours.")
            .AssertNoText("cancelled");
        await adele.Send("my requests").AssertNoText(id);

        var request = await SingleRequestAsync();
        Assert.Equal((RequestStatus.Submitted, 0), (request.Status, request.Version));
    }

    [Fact]
    public async Task ForgedDialogButtons_WithAnotherPersonsFlowId_OutdatedAndNothingChanges()
    {
        // Adele replays Alex's confirm button (his flow id and step) into her own conversation.
        var alexCard = await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var adele = Adele;
        await adele.Forge(ActionIds.ConfirmRemoveFromPayer,
                (DataKeys.Flow, alexCard.ActionValue(ActionIds.ConfirmRemoveFromPayer, DataKeys.Flow)),
                (DataKeys.Step, nameof(FlowStep.ConfirmRemoveFromPayer)))
            .AssertText("That card is from an earlier conversation that has ended");
        await adele.Send("remove account");
        await adele.Forge(ActionIds.ConfirmRemoveFromPayer,
                (DataKeys.Flow, alexCard.ActionValue(ActionIds.ConfirmRemoveFromPayer, DataKeys.Flow)),
                (DataKeys.Step, nameof(FlowStep.ConfirmRemoveFromPayer)))
            .AssertText("That card is out of date")
            .AssertText("Which customer?");
        await AssertNothingChangedAsync();
    }
}
