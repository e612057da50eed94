using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>A card's input limits are not trusted (a forged or replayed payload ignores them): the server checks them again.</summary>
public sealed class OverlongInputTests : DialogTestBase
{
    [Fact]
    public async Task AzureSuspend_ReasonOverTheLimit_ErrorOnTheCardAndNothingSubmitted()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, new string('x', 2001)))
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(DataKeys.Reason, "at most 2000 characters");
        await AssertNothingChangedAsync();

        await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, new string('x', 2000))).AssertText("is submitted");
    }

    [Fact]
    public async Task AzureTransfer_PartnerNameOverTheLimit_ErrorOnTheCardAndNothingSubmitted()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureTransferDetails);
        await Alex.Click(ActionIds.SubmitAzureTransfer, (DataKeys.PartnerName, new string('p', 201)))
            .AssertStatus(TurnStatus.Waiting)
            .AssertError("The partner's name is too long")
            .AssertAction(ActionIds.SubmitAzureTransfer);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task DeletedInError_NoteOverTheLimit_MessageOnTopOfTheFormAndNoTicket()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.DeletedInErrorDetails);
        await Alex.Click(ActionIds.SubmitDeletedInError, (DataKeys.Note, new string('n', 2001)))
            .AssertStatus(TurnStatus.Waiting)
            .AssertParagraph("That text is too long: at most 2000 characters", Tone.Attention)
            .AssertAction(ActionIds.SubmitDeletedInError);
        Assert.Single(await RequestsAsync()); // only the deletion

        await Alex.Click(ActionIds.SubmitDeletedInError, (DataKeys.Note, "Wrong account.")).AssertText("is submitted");
        Assert.Equal(2, (await RequestsAsync()).Count);
    }
}
