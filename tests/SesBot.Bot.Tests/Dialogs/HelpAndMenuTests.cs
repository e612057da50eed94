using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>The help card's buttons, what SesBot says to things it doesn't understand, and the status card that refreshes itself.</summary>
public sealed class HelpAndMenuTests : DialogTestBase
{
    [Fact]
    public async Task Help_MenuButtons_StartEachEntryPoint()
    {
        await Alex.Send("help")
            .AssertFact("remove account", "Choose a customer and one of its cloud accounts")
            .AssertAction(ActionIds.StartRemoveAccount)
            .AssertAction(ActionIds.StartRemoveCustomer)
            .AssertAction(ActionIds.ShowMyRequests);
        await Alex.Click(ActionIds.StartRemoveAccount).AssertText("Choose the customer you want to take an account from.");
        await Alex.Click(ActionIds.StartRemoveCustomer).AssertText("Choose the customer you want to remove.");
        await Alex.Click(ActionIds.ShowMyRequests).AssertText("You have no removal requests yet.");
        await Alex.Click(ActionIds.Help).AssertText("What I can do");
    }

    [Fact]
    public async Task FreeText_NoDialogInProgress_NotUnderstoodWithTheMenu()
    {
        await Alex.Send("what's the weather")
            .AssertStatus(TurnStatus.Complete)
            .AssertText("I didn't catch that. Here is what I can do:")
            .AssertAction(ActionIds.StartRemoveAccount);
    }

    [Fact]
    public async Task Submitted_OpenRequest_CardRefreshesItselfAndCompletedOneDoesNot()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        var ticket = await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended."));
        var id = ticket.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
        Assert.Equal((ActionIds.RefreshStatus, id), (ticket.Replies[0].Refresh?.Verb, ticket.Replies[0].Refresh?.Data?[DataKeys.RequestId]));
        ticket.AssertText($"Request {id} is submitted.").AssertFact("Request", id);

        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmDelete);
        var deleted = await Alex.Send("210987654321").AssertBadge("Status: Completed");
        Assert.Null(deleted.Replies[0].Refresh);
        deleted.AssertNoAction(ActionIds.CancelRequest);
    }

    [Fact]
    public async Task SupportAgent_RemoveAccount_SeesEveryResellersCustomers()
    {
        await Alex.As(Person.Megan).Send("remove account").AssertChoice("Contoso Ltd").AssertChoice("Woodgrove Bank");
    }
}
