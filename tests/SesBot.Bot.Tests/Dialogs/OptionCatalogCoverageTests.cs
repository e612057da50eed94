using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Every option has a place in the dialog, and every input on its form carries the catalog's id and limit.</summary>
public sealed class OptionCatalogCoverageTests : DialogTestBase
{
    public static TheoryData<RemovalOption> Options => [.. Enum.GetValues<RemovalOption>()];

    public static TheoryData<string> FormSteps =>
    [
        nameof(FlowStep.ConfirmDelete), nameof(FlowStep.TransferContact), nameof(FlowStep.UnlinkDetails),
        nameof(FlowStep.AzureTransferDetails), nameof(FlowStep.AzureSuspendDetails), nameof(FlowStep.DeletedInErrorDetails),
    ];

    [Theory]
    [MemberData(nameof(Options))]
    public void FormStep_EveryOption_HasOneStepOfItsOwn(RemovalOption option)
    {
        var step = OptionSteps.FormStep(option);

        Assert.Equal(option, OptionSteps.OptionAt(step));
        Assert.Equal(RemovalOptionCatalog.Get(option).RequestTitle, Texts.Option(option));
    }

    [Theory]
    [MemberData(nameof(FormSteps))]
    public async Task FormCard_EveryInput_HasTheCatalogsLimit(string stepName)
    {
        var step = Enum.Parse<FlowStep>(stepName);
        var card = await FlowWalker.WalkToAsync(Alex, step);
        var fields = RemovalOptionCatalog.Get(OptionSteps.OptionAt(step)!.Value).Fields;
        var inputs = card.Blocks.OfType<TextInputBlock>().ToList();

        Assert.NotEmpty(inputs);
        Assert.All(inputs, input =>
        {
            var field = Assert.Single(fields, f => f.Id == input.Id);
            Assert.Equal(field.MaxLength, input.MaxLength);
        });
        var shownIds = card.Blocks.Select(b => b switch
        {
            TextInputBlock t => t.Id,
            ChoiceInputBlock c => c.Id,
            _ => null,
        }).OfType<string>();
        Assert.Equal(fields.Select(f => f.Id).Order(StringComparer.Ordinal), shownIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CustomerPicker_OneWayToSearch_TheDropdownItselfNoSearchField()
    {
        var card = await FlowWalker.WalkToAsync(Alex, FlowStep.SelectCustomer);

        Assert.DoesNotContain(card.Blocks.OfType<TextInputBlock>(), i => i.Id == DataKeys.Search);
        card.AssertNoAction(ActionIds.SearchCustomers);
        var picker = card.Blocks.OfType<ChoiceInputBlock>().Single(c => c.Id == DataKeys.CustomerId);
        Assert.True(picker.IsSearchable);

        // Alex's four customers fit on one page: all listed at once, nothing to ask the server.
        Assert.Equal(["Adventure Works Cycles", "Coho Winery", "Contoso Ltd", "Tailspin Toys", "Wingtip Toys"], picker.Choices.Select(c => c.Title));
        Assert.Null(picker.SearchDataset);
        Assert.Null(picker.Value);

        // A typed search with one match has it chosen already.
        var searched = (await Alex.Send("tailspin")).Blocks.OfType<ChoiceInputBlock>().Single(c => c.Id == DataKeys.CustomerId);
        Assert.Equal(("c-tailspin", (string?)null), (searched.Value, searched.SearchDataset));
        await Alex.Click(ActionIds.SelectCustomer).AssertText("Which account of Tailspin Toys?");
    }
}
