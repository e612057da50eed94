using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Deleting an account added by mistake, the denial where billing data exists, and reporting a deletion in error.</summary>
public sealed class RemovalDialogDeleteTests : DialogTestBase
{
    private const string LabNumber = "210987654321";

    [Fact]
    public async Task Delete_WrongIdThenRightId_ErrorKeepsTypedValueThenDeletesAndAudits()
    {
        await Alex.Send("remove account")
            .AssertText("Which customer?")
            .AssertChoice("Contoso Ltd")
            .AssertNoChoice("Woodgrove Bank");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"))
            .AssertText("Which account of Contoso Ltd?")
            .AssertRow($"AWS {LabNumber} · Contoso Lab (added by mistake)", ActionIds.SelectAccount)
            .AssertAction(ActionIds.SelectAccount, DataKeys.AccountId, "a-contoso-lab")
            .AssertBadge("no billing data");
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-lab"))
            .AssertBadge("no billing data")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform))
            .AssertNoText("has billing data in SES");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform)))
            .AssertText($"Delete AWS {LabNumber}")
            .AssertParagraph("ALL of its usage and billing history", Tone.Attention)
            .AssertText($"To confirm, type the account id {LabNumber}")
            .AssertAction(ActionIds.ConfirmDelete);

        await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654320"))
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(DataKeys.Confirmation, "Nothing was deleted")
            .AssertInputValue(DataKeys.Confirmation, "210987654320");
        await AssertNothingChangedAsync();

        await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "2109-8765-4321"))
            .AssertStatus(TurnStatus.Complete)
            .AssertText("AWS 210987654321 · Contoso Lab (added by mistake) is deleted from SES (request R-")
            .AssertNoText("is submitted")
            .AssertText("The account is deleted from SES.")
            .AssertBadge("Status: Completed");

        var account = await AccountAsync("a-contoso-lab");
        Assert.Equal(AccountState.Deleted, account.State);
        Assert.Equal(Host.Clock.GetUtcNow(), account.ClosedAt);
        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.DeleteFromPlatform, RequestStatus.Completed, "a-contoso-lab", Person.Alex.ActorId),
            (request.Kind, request.Status, request.CloudAccountId, request.RequestedById));
        var audit = Assert.Single(await AuditAsync("a-contoso-lab"));
        Assert.Equal(("Deleted", "Alex Wilber", nameof(CloudAccount)), (audit.Action, audit.ActorName, audit.EntityType));
        Assert.Equal(["Submitted", "Complete"], (await AuditAsync(request.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Delete_AccountIdTypedAsMessage_DeletesTheAccount()
    {
        await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-lab");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform)));

        await Alex.Send("not the id")
            .AssertError(DataKeys.Confirmation, $"type the account id {LabNumber}")
            .AssertInputValue(DataKeys.Confirmation, "not the id");
        await AssertNothingChangedAsync();

        await Alex.Send($" {LabNumber} ")
            .AssertStatus(TurnStatus.Complete)
            .AssertText("is deleted from SES");
        Assert.Equal(AccountState.Deleted, (await AccountAsync("a-contoso-lab")).State);
    }

    [Theory]
    [InlineData("c-contoso", "a-contoso-prod", "12 months of billing data")]
    [InlineData("c-tailspin", "z-tailspin-prod", "20 months of billing data")]
    public async Task Options_AccountWithBillingData_DeleteDeniedWithReasonAndWarningProminent(string customerId, string accountId, string reason)
    {
        await OpenOptionsAsync(Alex, customerId, accountId)
            .AssertParagraph("This account has billing data in SES", Tone.Warning)
            .AssertFact("Delete from SES", reason)
            .AssertText("Not available for this account:")
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform));

        // A forged click on the denied option is refused by the server as well.
        var options = Alex.Last;
        await Alex.ClickFrom(options, ActionIds.Back) // any button of the card gives the flow and step
            .AssertText("Which account of");
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, accountId));
        await Alex.Forge(ActionIds.ChooseOption,
                (DataKeys.Flow, Alex.Last.ActionValue(ActionIds.Back, DataKeys.Flow)),
                (DataKeys.Step, nameof(FlowStep.ChooseOption)),
                (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform)))
            .AssertText(reason)
            .AssertNoAction(ActionIds.ConfirmDelete);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task DeletedInError_AfterDeletingTheLabAccount_OnlyOptionIsUrgentTicket()
    {
        await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-lab");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform)));
        await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, LabNumber)).AssertText("is deleted from SES");
        Host.Clock.Advance(TimeSpan.FromHours(2));

        var options = await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-lab")
            .AssertBadge("deleted from SES on 18 Nov 2026")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeletedInErrorTicket));
        Assert.Equal(
            [nameof(RemovalOption.DeletedInErrorTicket)],
            options.Actions.Where(a => a.Verb == ActionIds.ChooseOption).Select(a => a.Data![DataKeys.Option]));

        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeletedInErrorTicket)))
            .AssertParagraph("deleted from SES on 18 Nov 2026 10:00 UTC", Tone.Warning);
        await Alex.Click(ActionIds.SubmitDeletedInError, (DataKeys.Note, "Deleted the wrong lab account."))
            .AssertStatus(TurnStatus.Complete)
            .AssertText("Next: SES support restores the account urgently.")
            .AssertText("SES support has not been alerted yet: no support channel is set up in SesBot.");

        var requests = await RequestsAsync();
        Assert.Equal(2, requests.Count);
        var ticket = requests[1];
        Assert.Equal((RemovalOption.DeletedInErrorTicket, RequestStatus.Submitted, "a-contoso-lab", "Deleted the wrong lab account."),
            (ticket.Kind, ticket.Status, ticket.CloudAccountId, ticket.Reason));
        Assert.Equal(AccountState.Deleted, (await AccountAsync("a-contoso-lab")).State);
    }
}
