using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// A card's input limits are not trusted (a forged or replayed payload ignores them): the dialog refuses an over-long
/// value before it is kept in the dialog state or shown on a card, and shows the form again with everything else kept.
/// </summary>
public sealed class OverlongInputTests : DialogTestBase
{
    private const string TenantId = "6f1b3c1e-2d4a-4b8e-9c0d-7a5e3f2b1c90";

    /// <summary>Each free-text field of a form: the step, its submit button, the limit, a valid value, and another field of the same form.</summary>
    public static TheoryData<string, string, string, int, string, string?, string?> FormFieldCases => new()
    {
        { nameof(FlowStep.AzureSuspendDetails), ActionIds.SubmitAzureSuspend, DataKeys.Reason, FieldLimits.Reason, "The customer asked.", null, null },
        { nameof(FlowStep.AzureTransferDetails), ActionIds.SubmitAzureTransfer, DataKeys.PartnerName, FieldLimits.PartnerName, "Fabrikam CSP", DataKeys.PartnerTenantId, TenantId },
        { nameof(FlowStep.AzureTransferDetails), ActionIds.SubmitAzureTransfer, DataKeys.PartnerTenantId, FieldLimits.PartnerTenantId, TenantId, DataKeys.PartnerName, "Fabrikam CSP" },
        { nameof(FlowStep.UnlinkDetails), ActionIds.SubmitUnlink, DataKeys.EndCustomerEmail, FieldLimits.Email, "it@adventure.example", DataKeys.Language, "de" },
        { nameof(FlowStep.UnlinkDetails), ActionIds.SubmitUnlink, DataKeys.Language, FieldLimits.Language, "fr", DataKeys.EndCustomerEmail, "it@adventure.example" },
        { nameof(FlowStep.DeletedInErrorDetails), ActionIds.SubmitDeletedInError, DataKeys.Note, FieldLimits.Note, "Wrong account.", null, null },
        { nameof(FlowStep.ConfirmDelete), ActionIds.ConfirmDelete, DataKeys.Confirmation, FieldLimits.ConfirmationText, "210987654321", null, null },
    };

    public static TheoryData<ContactField> ContactFields => [.. Enum.GetValues<ContactField>()];

    [Theory]
    [MemberData(nameof(FormFieldCases))]
    public async Task FormField_OverTheLimit_RefusedNamingTheLimitNotKeptOthersKept(
        string stepName, string verb, string field, int limit, string valid, string? other, string? otherValue)
    {
        var step = Enum.Parse<FlowStep>(stepName);
        await FlowWalker.WalkToAsync(Alex, step);
        var before = (await RequestsAsync()).Count;
        var tooLong = Overlong(limit + 1);
        var inputs = other is null ? new[] { (field, tooLong) } : [(field, tooLong), (other, otherValue!)];

        var refused = await Alex.Click(verb, inputs)
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(field, $"at most {limit} characters")
            .AssertParagraph($"is too long: at most {limit} characters", Tone.Attention)
            .AssertAction(verb, DataKeys.Step, stepName);
        AssertNotShown(refused, tooLong);
        if (other is not null)
        {
            refused.AssertInputValue(other, otherValue);
        }

        await AssertNotStoredAsync(tooLong);
        Assert.Equal(before, (await RequestsAsync()).Count);

        // The other values came back on the card: only the refused one is typed again.
        await Alex.Click(verb, (field, valid)).AssertText(verb == ActionIds.ConfirmDelete ? "is deleted from SES" : "is submitted");
        Assert.Equal(before + 1, (await RequestsAsync()).Count);
    }

    [Fact]
    public async Task AzureSuspend_ReasonAtTheLimit_Submitted()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);

        await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, new string('x', FieldLimits.Reason))).AssertText("is submitted");

        Assert.Equal(FieldLimits.Reason, (await SingleRequestAsync()).Reason!.Length);
    }

    [Fact]
    public async Task AzureSuspend_OneMegabyteReason_RefusedAndNeitherKeptNorShown()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        var huge = Overlong(1024 * 1024);

        var refused = await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, huge))
            .AssertError(DataKeys.Reason, "The reason is too long: at most 2000 characters");

        AssertNotShown(refused, huge);
        await AssertNotStoredAsync(huge);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task AzureTransfer_PartnerNameOverTheLimit_SubmittedLaterWithTheKeptTenantId()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureTransferDetails);
        await Alex.Click(ActionIds.SubmitAzureTransfer, (DataKeys.PartnerName, Overlong(201)), (DataKeys.PartnerTenantId, TenantId))
            .AssertError(DataKeys.PartnerName, "The partner's name is too long: at most 200 characters");
        await AssertNothingChangedAsync();

        await Alex.Click(ActionIds.SubmitAzureTransfer, (DataKeys.PartnerName, "Fabrikam CSP")).AssertText("is submitted");

        var request = await SingleRequestAsync();
        Assert.Equal("Fabrikam CSP", request.TargetPartnerName);
        Assert.Equal(TenantId, request.TargetPartnerTenantId);
    }

    [Fact]
    public async Task ConfirmDelete_TypedConfirmationOverTheLimit_RefusedAndNothingDeleted()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmDelete);
        var tooLong = Overlong(FieldLimits.ConfirmationText + 1);

        var refused = await Alex.Send(tooLong)
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(DataKeys.Confirmation, "at most 64 characters")
            .AssertAction(ActionIds.ConfirmDelete);

        AssertNotShown(refused, tooLong);
        await AssertNotStoredAsync(tooLong);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [MemberData(nameof(ContactFields))]
    public async Task TransferContact_FieldOverTheLimit_RefusedNotKeptOthersKept(ContactField field)
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.TransferContact);
        var id = DataKeys.Contact(field);
        var limit = FieldLimits.Contact(field);
        var tooLong = Overlong(limit + 1);
        var inputs = FlowWalker.ContactInputs.Select(i => i.Key == id ? (i.Key, tooLong) : i).ToArray();

        var refused = await Alex.Click(ActionIds.ReviewTransferContact, inputs)
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(id, $"at most {limit} characters")
            .AssertNoAction(ActionIds.SubmitTransferRequest);
        refused.AssertInputValue(id, null);
        foreach (var (otherField, value) in FlowWalker.ValidContact.Where(c => c.Field != field))
        {
            refused.AssertInputValue(DataKeys.Contact(otherField), value);
        }

        AssertNotShown(refused, tooLong);
        await AssertNotStoredAsync(tooLong);

        var valid = FlowWalker.ValidContact.Single(c => c.Field == field).Value;
        await Alex.Click(ActionIds.ReviewTransferContact, (id, valid)).AssertAction(ActionIds.SubmitTransferRequest);
        await Alex.Click(ActionIds.SubmitTransferRequest).AssertText("is submitted");
    }

    [Fact]
    public async Task Search_TypedTextOverTheLimitAfterASearch_RefusedAndTheEarlierSearchKept()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.SelectCustomer);
        await Alex.Send("Toys").AssertChoice("Tailspin Toys");
        var tooLong = Overlong(FieldLimits.SearchText + 1);

        var refused = await Alex.Send(tooLong)
            .AssertStatus(TurnStatus.Waiting)
            .AssertParagraph("at most 100 characters", Tone.Attention)
            .AssertText("Customers whose name contains \"Toys\"")
            .AssertChoice("Tailspin Toys")
            .AssertNoChoice("Contoso Ltd");

        AssertNotShown(refused, tooLong[..FieldLimits.SearchText]);
        await AssertNotStoredAsync(tooLong[..FieldLimits.SearchText]);
    }

    [Fact]
    public async Task Search_TypedTextOverTheLimit_RefusedNotCut()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.SelectCustomer);
        var tooLong = Overlong(FieldLimits.SearchText + 1);

        var refused = await Alex.Send(tooLong).AssertParagraph("The search is too long: at most 100 characters", Tone.Attention);

        AssertNotShown(refused, tooLong[..FieldLimits.SearchText]);
        await AssertNotStoredAsync(tooLong[..FieldLimits.SearchText]);
    }

    [Fact]
    public async Task Search_TypedTextAtTheLimit_Searched()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.SelectCustomer);
        var atLimit = Overlong(FieldLimits.SearchText);

        await Alex.Send(atLimit).AssertNoErrors().AssertText($"No customer's name contains \"{atLimit}\"");
    }

    [Fact]
    public async Task Typeahead_TextOverTheLimit_NoMatches()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.SelectCustomer);

        Assert.NotEmpty(await Alex.SearchAsync(RemovalCards.CustomersDataset, "toys"));
        Assert.Empty(await Alex.SearchAsync(RemovalCards.CustomersDataset, "toys" + new string(' ', FieldLimits.SearchText) + "toys"));
    }

    /// <summary>A value no real input has: long runs of one letter.</summary>
    private static string Overlong(int length) => new('Z', length);

    private static void AssertNotShown(Turn turn, string value)
    {
        var shown = turn.Blocks.SelectMany(b => b switch
        {
            TextInputBlock t => new[] { t.Value, t.Error, t.Label },
            ChoiceInputBlock c => [c.Value, c.Error],
            _ => [],
        }).Concat(turn.Lines).Concat(turn.Actions.SelectMany(a => a.Data?.Values ?? []));
        Assert.DoesNotContain(shown, s => s is not null && s.Contains(value, StringComparison.Ordinal));
    }

    private async Task AssertNotStoredAsync(string value)
    {
        var stored = await Host.DbAsync(db => db.DialogStates.AsNoTracking().Select(s => s.DataJson).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, json => json.Contains(value, StringComparison.Ordinal));
    }
}
