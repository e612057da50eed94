using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>"remove customer": only a customer that never had billing data, after a confirmation.</summary>
public sealed class RemoveCustomerDialogTests : DialogTestBase
{
    [Fact]
    public async Task RemoveCustomer_NoBillingData_ConfirmsAndRemovesCustomerWithItsAccounts()
    {
        await Alex.Send("Remove a customer please")
            .AssertText("Choose the customer you want to remove.")
            .AssertChoice("Wingtip Toys");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip"))
            .AssertText("Remove Wingtip Toys?")
            .AssertText("AWS 567890123456 · Wingtip Sandbox")
            .AssertBadge("no billing data")
            .AssertParagraph("also deletes its accounts that have no billing data", Tone.Warning)
            .AssertAction(ActionIds.ConfirmRemoveCustomer);

        await Alex.Click(ActionIds.ConfirmRemoveCustomer)
            .AssertStatus(TurnStatus.Complete)
            .AssertText("The customer is removed from SES.")
            .AssertFact("What", "Remove the customer");

        var customer = await CustomerAsync("c-wingtip");
        Assert.Equal(Host.Clock.GetUtcNow(), customer.RemovedAt);
        Assert.Equal(AccountState.Deleted, (await AccountAsync("a-wingtip-sandbox")).State);
        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.RemoveCustomer, RequestStatus.Completed, "c-wingtip", (string?)null),
            (request.Kind, request.Status, request.CustomerId, request.CloudAccountId));
        Assert.Equal(["Removed"], (await AuditAsync("c-wingtip")).Select(e => e.Action));
        Assert.Equal(["Deleted"], (await AuditAsync("a-wingtip-sandbox")).Select(e => e.Action));

        // Gone from the lists and the typeahead.
        await Alex.Send("remove customer").AssertNoChoice("Wingtip Toys").AssertChoice("Contoso Ltd");
        Assert.DoesNotContain(await Alex.SearchAsync(RemovalCards.CustomersDataset, "wingtip"), c => c.Value == "c-wingtip");
    }

    [Fact]
    public async Task RemoveCustomer_WithBillingData_DeniedWithReasonAndNoConfirmButton()
    {
        await Alex.Send("remove customer");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"))
            .AssertParagraph("Contoso Ltd can't be removed: 2 of the customer's accounts have billing data (123456789012, 6f1c2a4e-8a7b-4c1d-9e3f-2b5d7a9c1e40)", Tone.Attention)
            .AssertText("Contoso Ltd had usage in November 2026 and October 2026.")
            .AssertNoAction(ActionIds.ConfirmRemoveCustomer)
            .AssertAction(ActionIds.Back);

        // A confirmation forged onto this step is refused by the server too.
        await Alex.Forge(ActionIds.ConfirmRemoveCustomer,
                (DataKeys.Flow, Alex.Last.ActionValue(ActionIds.Back, DataKeys.Flow)),
                (DataKeys.Step, nameof(FlowStep.ConfirmRemoveCustomer)))
            .AssertText("Not submitted:")
            .AssertNoAction(ActionIds.ConfirmRemoveCustomer);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task RemoveCustomer_AccountHasOpenRequest_DeniedUntilItFinishes()
    {
        // Alex asked support to take Wingtip's sandbox out of the payer organization; the request is open.
        await OpenOptionsAsync(Alex, "c-wingtip", "a-wingtip-sandbox");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        var submitted = await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        var requestId = submitted.ActionValue(ActionIds.CancelRequest, DataKeys.RequestId);

        // Patti, of the same reseller, must not delete the account under support's feet by removing the customer.
        var patti = Alex.As(Person.Patti);
        await patti.Send("remove customer");
        await patti.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip"))
            .AssertText($"Request {requestId} (remove from the payer organization) is already open")
            .AssertNoAction(ActionIds.ConfirmRemoveCustomer);
        await patti.Forge(ActionIds.ConfirmRemoveCustomer,
                (DataKeys.Flow, patti.Last.ActionValue(ActionIds.Back, DataKeys.Flow)),
                (DataKeys.Step, nameof(FlowStep.ConfirmRemoveCustomer)))
            .AssertText("Not submitted:");

        Assert.Null((await CustomerAsync("c-wingtip")).RemovedAt);
        Assert.Equal(AccountState.Active, (await AccountAsync("a-wingtip-sandbox")).State);
        Assert.Single(await RequestsAsync());
    }
}
