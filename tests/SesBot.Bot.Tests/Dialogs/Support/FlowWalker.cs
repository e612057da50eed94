using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>Brings a person's removal dialog to a named step, the way a person would, and returns the card shown there.</summary>
public static class FlowWalker
{
    public static readonly (ContactField Field, string Value)[] ValidContact =
    [
        (ContactField.CompanyName, "Globex Corporation"),
        (ContactField.ContactName, "Hank Scorpio"),
        (ContactField.ContactPhone, "+1 503 555 0142"),
        (ContactField.StreetAddress, "1 Cypress Creek Rd"),
        (ContactField.City, "Cypress Creek"),
        (ContactField.StateOrRegion, "OR"),
        (ContactField.PostalCode, "97201"),
        (ContactField.Country, "US"),
        (ContactField.BillingContactName, "Sam Billing"),
        (ContactField.BillingContactPhone, "+1 206 555 0100"),
        (ContactField.BillingContactEmail, "billing@globex.example"),
        (ContactField.AssignmentEmail, "aws-owner@globex.example"),
    ];

    public static (string Key, string Value)[] ContactInputs => [.. ValidContact.Select(c => (DataKeys.Contact(c.Field), c.Value))];

    public static async Task<Turn> WalkToAsync(DialogTranscript person, FlowStep step)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (step == FlowStep.ConfirmRemoveCustomer)
        {
            await person.Send("remove customer");
            return await person.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip")).AssertAction(ActionIds.ConfirmRemoveCustomer);
        }

        if (step == FlowStep.DeletedInErrorDetails)
        {
            await WalkToAsync(person, FlowStep.ConfirmDelete);
            await person.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654321")).AssertText("is deleted from SES");
        }

        var turn = await person.Send("remove account").AssertAction(ActionIds.SelectCustomer);
        if (step == FlowStep.SelectCustomer)
        {
            return turn;
        }

        var (customer, account, option) = step switch
        {
            FlowStep.TransferContact or FlowStep.ReviewTransfer => ("c-contoso", "a-contoso-prod", RemovalOption.AwsTransferOwnership),
            FlowStep.ConfirmRemoveFromPayer => ("c-adventure", "a-adventure-web", RemovalOption.AwsRemoveFromPayer),
            FlowStep.UnlinkDetails => ("c-adventure", "a-adventure-web", RemovalOption.AwsSelfUnlink),
            FlowStep.AzureTransferDetails => ("c-contoso", "z-contoso-analytics", RemovalOption.AzureTransferToCsp),
            FlowStep.AzureSuspendDetails => ("c-tailspin", "z-tailspin-dev", RemovalOption.AzureSuspend),
            FlowStep.DeletedInErrorDetails => ("c-contoso", "a-contoso-lab", RemovalOption.DeletedInErrorTicket),
            FlowStep.ConfirmEndBillingTransfer => ("c-coho", "a-coho-org", RemovalOption.AwsEndBillingTransfer),
            _ => ("c-contoso", "a-contoso-lab", RemovalOption.DeleteFromPlatform),
        };
        turn = await person.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, customer)).AssertAction(ActionIds.SelectAccount);
        if (step == FlowStep.SelectAccount)
        {
            return turn;
        }

        turn = await person.Click(ActionIds.SelectAccount, (DataKeys.AccountId, account)).AssertAction(ActionIds.ChooseOption, DataKeys.Option, option.ToString());
        if (step == FlowStep.ChooseOption)
        {
            return turn;
        }

        turn = await person.Click(ActionIds.ChooseOption, (DataKeys.Option, option.ToString())).AssertAction(ActionIds.Cancel, DataKeys.Step, (step == FlowStep.ReviewTransfer ? FlowStep.TransferContact : step).ToString());
        if (step != FlowStep.ReviewTransfer)
        {
            return turn;
        }

        return await person.Click(ActionIds.ReviewTransferContact, ContactInputs).AssertAction(ActionIds.SubmitTransferRequest);
    }
}
