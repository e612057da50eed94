using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>AWS accounts: transfer of ownership, removal from the payer organization, unlink instructions.</summary>
public sealed class RemovalDialogAwsTests : DialogTestBase
{
    private static string C(ContactField field) => DataKeys.Contact(field);

    [Fact]
    public async Task TransferOwnership_ErrorsPerFieldThenCorrected_ReviewsAndStoresE164Contact()
    {
        await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-prod")
            .AssertText("assigned by the distributor")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsTransferOwnership))
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer))
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink));
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsTransferOwnership)))
            .AssertText("Who takes the account over?")
            .AssertNoErrors();

        await Alex.Click(ActionIds.ReviewTransferContact,
                (C(ContactField.CompanyName), "Globex Corporation"),
                (C(ContactField.ContactName), "Hank Scorpio"),
                (C(ContactField.ContactPhone), "555"),
                (C(ContactField.StreetAddress), "1 Cypress Creek Rd"),
                (C(ContactField.City), "Cypress Creek"),
                (C(ContactField.StateOrRegion), "OR"),
                (C(ContactField.PostalCode), "ABC 123"),
                (C(ContactField.Country), "United States"),
                (C(ContactField.BillingContactName), "Sam Billing"),
                (C(ContactField.BillingContactPhone), "+1 206 555 0100"),
                (C(ContactField.BillingContactEmail), "sam.at.globex"))
            .AssertStatus(TurnStatus.Waiting)
            .AssertText("4 fields need fixing; everything else you entered is kept.")
            .AssertError(C(ContactField.ContactPhone), "\"555\" is not a valid United States phone number")
            .AssertError(C(ContactField.PostalCode), "not a United States postal code")
            .AssertError(C(ContactField.BillingContactEmail), "is not an email address")
            .AssertError(C(ContactField.AssignmentEmail), "Required.")
            .AssertInputValue(C(ContactField.CompanyName), "Globex Corporation")
            .AssertInputValue(C(ContactField.ContactPhone), "555")
            .AssertInputValue(C(ContactField.BillingContactEmail), "sam.at.globex")
            .AssertInputValue(C(ContactField.Country), "United States")
            .AssertNoAction(ActionIds.SubmitTransferRequest);
        await AssertNothingChangedAsync();

        // Only the wrong fields are retyped; the rest comes back from the card as it was shown.
        await Alex.Click(ActionIds.ReviewTransferContact,
                (C(ContactField.ContactPhone), "(503) 555-0142"),
                (C(ContactField.PostalCode), "97201"),
                (C(ContactField.BillingContactEmail), "billing@globex.example"),
                (C(ContactField.AssignmentEmail), "aws-owner@globex.example"))
            .AssertText("Check and submit the transfer of ownership")
            .AssertFact("Contact phone", "+1 503-555-0142")
            .AssertFact("Address", "1 Cypress Creek Rd, Cypress Creek, OR 97201, United States")
            .AssertAction(ActionIds.SubmitTransferRequest);
        await AssertNothingChangedAsync();

        // "Edit" goes back to the form with everything kept, and Review brings the same review again.
        await Alex.Click(ActionIds.Back)
            .AssertInputValue(C(ContactField.ContactPhone), "(503) 555-0142")
            .AssertInputValue(C(ContactField.AssignmentEmail), "aws-owner@globex.example")
            .AssertNoErrors();
        await Alex.Click(ActionIds.ReviewTransferContact).AssertText("Check and submit the transfer of ownership");

        await Alex.Click(ActionIds.SubmitTransferRequest)
            .AssertStatus(TurnStatus.Complete)
            .AssertText("is submitted")
            .AssertText("Next: SES support contacts AWS and starts the transfer.");

        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.AwsTransferOwnership, RequestStatus.Submitted, "a-contoso-prod"), (request.Kind, request.Status, request.CloudAccountId));
        var contact = Assert.IsType<TransferContact>(request.Contact);
        Assert.Equal(("+15035550142", "+12065550100", "US", "97201", "aws-owner@globex.example", "Globex Corporation"),
            (contact.ContactPhone, contact.BillingContactPhone, contact.Country, contact.PostalCode, contact.AssignmentEmail, contact.CompanyName));
        Assert.Equal(AccountState.Active, (await AccountAsync("a-contoso-prod")).State);
    }

    [Theory]
    [InlineData("c-adventure", "a-adventure-web", "1 Nov 2026 to 18 Nov 2026 (UTC)", "18 of 30", "60 %", 18)]
    [InlineData("c-wingtip", "a-wingtip-sandbox", "3 Nov 2026 to 18 Nov 2026 (UTC)", "16 of 30", "53.33 %", 16)]
    public async Task RemoveFromPayer_CustomerOwnedAccount_ShowsBillingImpactAndStoresIt(
        string customerId, string accountId, string period, string days, string share, int linkedDays)
    {
        await OpenOptionsAsync(Alex, customerId, accountId)
            .AssertText("owned by the customer")
            .AssertFact("Transfer of ownership", "The customer already owns this account")
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsTransferOwnership));
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)))
            .AssertFact("Linked this month", period)
            .AssertFact("Days", days)
            .AssertFact("Share of the month", share)
            .AssertParagraph("only for the days the account was linked", Tone.Warning);

        await Alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertStatus(TurnStatus.Complete)
            .AssertText("is submitted")
            .AssertFact("Linked this month (at submission)", $"{days} days ({share}), {period}");

        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.AwsRemoveFromPayer, RequestStatus.Submitted, accountId), (request.Kind, request.Status, request.CloudAccountId));
        var impact = Assert.IsType<BillingImpact>(request.BillingImpact);
        Assert.Equal((linkedDays, 30, Host.Clock.GetUtcNow()), (impact.LinkedDays, impact.DaysInMonth, impact.PeriodEnd));
    }

    [Fact]
    public async Task Unlink_BadEmailThenGermanInstructions_InstructionsShownAndEmailQueuedNotSent()
    {
        await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink)))
            .AssertText("When you submit, SesBot emails them the instructions")
            .AssertNoText("I'll send them")
            .AssertText("1. Sign in to the AWS Management Console as the account's root user.")
            .AssertParagraph("valid payment method", Tone.Warning)
            .AssertChoice("Deutsch")
            .AssertInputValue(DataKeys.Language, "en");

        await Alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, "it at adventure-works"), (DataKeys.Language, "de"))
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(DataKeys.EndCustomerEmail, "Enter the end customer's email address")
            .AssertInputValue(DataKeys.EndCustomerEmail, "it at adventure-works")
            .AssertInputValue(DataKeys.Language, "de")
            .AssertText("1. Melden Sie sich mit dem Root-Benutzer des Kontos bei der AWS Management Console an.")
            .AssertParagraph("gültige Zahlungsmethode", Tone.Warning);
        await AssertNothingChangedAsync();

        await Alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, "it@adventure-works.example"))
            .AssertStatus(TurnStatus.Complete)
            .AssertText("The instructions go to the end customer.")
            .AssertText("The instructions are queued for sending to it@adventure-works.example in German.")
            .AssertBadge("Status: Submitted, instructions queued for sending")
            .AssertNoText("Instructions sent");

        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.AwsSelfUnlink, RequestStatus.Submitted, "it@adventure-works.example", "de"),
            (request.Kind, request.Status, request.EndCustomerEmail, request.EndCustomerLanguage));
    }

    [Fact]
    public async Task Unlink_DistributorAssignedAccount_DeniedWithReason()
    {
        await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-prod")
            .AssertFact("Send unlink instructions", "The distributor holds root access to assigned accounts")
            .AssertFact("Remove from the payer organization", "leaves through a transfer of ownership")
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink));
    }
}
