using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Two turns of the same person at once (a double click, two quick messages): the first to save wins, nobody gets an error.</summary>
public sealed class DialogStoreTests : DialogTestBase
{
    [Fact]
    public async Task SaveAsync_AnotherTurnSavedMeanwhile_FirstSaveStandsWithoutError()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        var input = Alex.Input() with { Verb = ActionIds.Back };

        // A slow turn loads the dialog…
        await using var slow = Host.Services.CreateAsyncScope();
        var store = slow.ServiceProvider.GetRequiredService<DialogStore>();
        var loaded = await store.LoadAsync(input, CancellationToken.None);
        Assert.Equal(FlowStep.ConfirmRemoveFromPayer, loaded.State?.Step);

        // …a quicker one (the same button clicked twice) submits and ends it…
        await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");

        // …then the slow one saves what it decided on the old state.
        await store.SaveAsync(input, loaded.State! with { Step = FlowStep.ChooseOption }, CancellationToken.None);

        await Alex.Send("yes").AssertText("I didn't catch that.");
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task SaveAsync_FirstTurnsOfANewPersonAtOnce_FirstSaveStandsWithoutError()
    {
        var patti = Alex.As(Person.Patti);
        var input = patti.Input() with { Text = "remove customer" };
        await using var slow = Host.Services.CreateAsyncScope();
        var store = slow.ServiceProvider.GetRequiredService<DialogStore>();
        var loaded = await store.LoadAsync(input, CancellationToken.None);
        Assert.Null(loaded.State);

        await patti.Send("remove account").AssertText("Choose the customer you want to take an account from.");
        await store.SaveAsync(input, new FlowState { FlowId = "slow", Kind = FlowKind.RemoveCustomer, Step = FlowStep.SelectCustomer }, CancellationToken.None);

        Assert.Equal(1, await Host.DbAsync(db => db.DialogStates.CountAsync()));
        await patti.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso")).AssertText("Which account of Contoso Ltd?");
    }
}
