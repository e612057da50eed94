using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// Two turns of the same person at once (a double click, two quick messages): the store only changes the tracked
/// row, and the turn's commit catches the other turn's save, so the pipeline runs the slower turn again.
/// </summary>
public sealed class DialogStoreTests : DialogTestBase
{
    [Fact]
    public async Task Save_AnotherTurnSavedMeanwhile_CommitConflictsAndTheFirstSaveStands()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var input = Alex.Input() with { Verb = ActionIds.Back };

        // A slow turn loads the dialog…
        await using var slow = Host.Services.CreateAsyncScope();
        var store = slow.ServiceProvider.GetRequiredService<DialogStore>();
        var loaded = await store.LoadAsync(input, CancellationToken.None);
        Assert.Equal(nameof(FlowStep.ConfirmRemoveFromPayer), loaded.State?.StepName);

        // …a quicker one (the same button clicked twice) submits and ends it…
        await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");

        // …then the slow one saves what it decided on the old state: its commit loses.
        store.Save(input, (FlowState)loaded.State! with { Step = FlowStep.ChooseOption });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slow.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync());

        await Alex.Send("yes").AssertText("I didn't catch that.");
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Save_FirstTurnsOfANewPersonAtOnce_SecondInsertConflictsAndTheFirstStands()
    {
        var patti = Alex.As(Person.Patti);
        var input = patti.Input() with { Text = "remove customer" };
        await using var slow = Host.Services.CreateAsyncScope();
        var store = slow.ServiceProvider.GetRequiredService<DialogStore>();
        var loaded = await store.LoadAsync(input, CancellationToken.None);
        Assert.Null(loaded.State);

        await patti.Send("remove account").AssertText("Choose the customer you want to take an account from.");
        store.Save(input, new FlowState { FlowId = "slow", Kind = FlowKind.RemoveCustomer, Step = FlowStep.SelectCustomer });
        await Assert.ThrowsAsync<DbUpdateException>(() => slow.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync());

        Assert.Equal(1, await Host.DbAsync(db => db.DialogStates.CountAsync()));
        await patti.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso")).AssertText("Which account of Contoso Ltd?");
    }
}
