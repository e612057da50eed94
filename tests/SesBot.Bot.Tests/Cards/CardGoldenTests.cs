using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// Every card the dialogs produce, reached the way a reseller reaches it (the transcript harness, fixed clock, demo
/// data), rendered for Teams and compared with its reviewed golden file in Golden/cards/. Each test walks one path and
/// checks all its cards, failing once with every mismatch. To accept a deliberate change, run with
/// SESBOT_ACCEPT_GOLDEN=1 and review the diff of Golden/cards/ before committing it.
/// </summary>
public sealed class CardGoldenTests : DialogTestBase
{
    private CardGoldens? _goldens;

    private CardGoldens Goldens => _goldens ??= new CardGoldens(Host);

    [Fact]
    public async Task Menus_WelcomeHelpAndFallbacks_MatchGoldens()
    {
        await Goldens.CheckAsync("welcome-personal", await WelcomeAsync(ConversationScope.Personal));
        await Goldens.CheckAsync("welcome-team-channel", await WelcomeAsync(ConversationScope.TeamChannel));
        await Goldens.CheckAsync("help", await Alex.Send("help"));
        await Goldens.CheckAsync("not-understood", await Alex.Send("what's the weather"));
        await Goldens.CheckAsync("not-linked", await Alex.As(Person.Stranger).Send("remove account"));
        await Goldens.CheckAsync("nothing-to-cancel", await Alex.Send("cancel"));
        await Goldens.CheckAsync("my-requests-empty", await Alex.Send("my requests"));
        await Goldens.CheckAsync("status-which-request", await Alex.Send("status"));
        await Goldens.CheckAsync("status-not-found", await Alex.Send("status R-ZZZZZZ"));
        await Goldens.CheckAsync("earlier-conversation-ended", await Alex.Forge(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso")));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task Pickers_CustomerAndAccount_MatchGoldens()
    {
        await Goldens.CheckAsync("customer-picker", await Alex.Send("remove account"));
        await Goldens.CheckAsync("customer-picker-nothing-chosen", await Alex.Click(ActionIds.SelectCustomer));
        await Goldens.CheckAsync("customer-search-result", await Alex.Send("toys"));
        await Goldens.CheckAsync("customer-search-no-match", await Alex.Send("woodgrove"));
        await Goldens.CheckAsync("account-picker", await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso")));
        await Goldens.CheckAsync("customer-picker-remove-customer", await Alex.Send("remove customer"));

        await Host.DbAsync(db =>
        {
            db.Customers.Add(new Customer("c-fourth-coffee", "r-northwind", "Fourth Coffee"));
            return db.SaveChangesAsync();
        });
        await Alex.Send("remove account");
        await Goldens.CheckAsync("account-picker-no-accounts", await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-fourth-coffee")));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task Options_EachAccountKind_MatchGoldens()
    {
        await Goldens.CheckAsync("options-aws-assigned-with-billing", await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-prod"));
        await Goldens.CheckAsync("options-aws-assigned-no-billing", await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-lab"));
        await Goldens.CheckAsync("options-aws-customer-owned", await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web"));
        await Goldens.CheckAsync("options-azure-with-billing", await OpenOptionsAsync(Alex, "c-contoso", "z-contoso-analytics"));
        await Goldens.CheckAsync("options-azure-no-billing", await OpenOptionsAsync(Alex, "c-tailspin", "z-tailspin-dev"));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task Delete_ConfirmSubmittedThenDeletedInError_MatchGoldens()
    {
        await Goldens.CheckAsync("confirm-delete", await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmDelete));
        await Goldens.CheckAsync("confirm-delete-wrong-id", await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654320")));
        await Goldens.CheckAsync("submitted-delete", await Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654321")));

        await Goldens.CheckAsync("options-deleted-account", await OpenOptionsAsync(Alex, "c-contoso", "a-contoso-lab"));
        await Goldens.CheckAsync("deleted-in-error-form",
            await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeletedInErrorTicket))));
        await Goldens.CheckAsync("submitted-deleted-in-error",
            await Alex.Click(ActionIds.SubmitDeletedInError, (DataKeys.Note, "Deleted the wrong account; the lab is still in use.")));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task Azure_TransferAndSuspend_MatchGoldens()
    {
        await Goldens.CheckAsync("azure-transfer-form", await FlowWalker.WalkToAsync(Alex, FlowStep.AzureTransferDetails));
        await Goldens.CheckAsync("azure-transfer-form-bad-tenant-id", await Alex.Click(ActionIds.SubmitAzureTransfer,
            (DataKeys.PartnerName, "Litware CSP"), (DataKeys.PartnerTenantId, "not-a-tenant")));
        await Goldens.CheckAsync("submitted-azure-transfer", await Alex.Click(ActionIds.SubmitAzureTransfer,
            (DataKeys.PartnerTenantId, "4f2e1d0c-9b8a-4765-a432-10fedcba9876")));

        await Goldens.CheckAsync("azure-suspend-form", await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails));
        await Goldens.CheckAsync("submitted-azure-suspend", await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended.")));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task AwsTransfer_FormErrorsReviewSubmitted_MatchGoldens()
    {
        await Goldens.CheckAsync("transfer-contact-form", await FlowWalker.WalkToAsync(Alex, FlowStep.TransferContact));
        await Goldens.CheckAsync("transfer-contact-errors", await Alex.Click(ActionIds.ReviewTransferContact,
            (DataKeys.Contact(ContactField.CompanyName), "Globex Corporation"),
            (DataKeys.Contact(ContactField.ContactPhone), "555"),
            (DataKeys.Contact(ContactField.PostalCode), "ABC 123"),
            (DataKeys.Contact(ContactField.Country), "United States"),
            (DataKeys.Contact(ContactField.BillingContactEmail), "sam.at.globex")));
        await Goldens.CheckAsync("transfer-review", await Alex.Click(ActionIds.ReviewTransferContact, FlowWalker.ContactInputs));
        await Goldens.CheckAsync("submitted-aws-transfer", await Alex.Click(ActionIds.SubmitTransferRequest));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task AwsCustomerOwned_RemoveFromPayerAndUnlink_MatchGoldens()
    {
        await Goldens.CheckAsync("confirm-remove-from-payer", await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer));
        await Goldens.CheckAsync("submitted-remove-from-payer", await Alex.Click(ActionIds.ConfirmRemoveFromPayer));
        await Goldens.CheckAsync("options-account-with-open-request", await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web"));

        await OpenOptionsAsync(Alex, "c-wingtip", "a-wingtip-sandbox");
        await Goldens.CheckAsync("unlink-form", await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink))));
        await Goldens.CheckAsync("unlink-form-bad-email-german", await Alex.Click(ActionIds.SubmitUnlink,
            (DataKeys.EndCustomerEmail, "it at wingtip"), (DataKeys.Language, "de")));
        await Goldens.CheckAsync("submitted-unlink", await Alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, "it@wingtiptoys.example")));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task RemoveCustomer_AllowedDeniedSubmitted_MatchGoldens()
    {
        await Alex.Send("remove customer");
        await Goldens.CheckAsync("confirm-remove-customer-denied", await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso")));
        await Goldens.CheckAsync("confirm-remove-customer", await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveCustomer));
        await Goldens.CheckAsync("submitted-remove-customer", await Alex.Click(ActionIds.ConfirmRemoveCustomer));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task Requests_StatusListAndCancel_MatchGoldens()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        var submitted = await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended."));
        var id = submitted.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        await Alex.Click(ActionIds.ConfirmRemoveFromPayer);
        Host.Clock.Advance(TimeSpan.FromHours(2));

        await Goldens.CheckAsync("status", await Alex.Send($"status {id}"));
        await Goldens.CheckAsync("my-requests", await Alex.Send("my requests"));
        await Goldens.CheckAsync("request-cancel-confirm", await Alex.ClickFrom(submitted, ActionIds.CancelRequest));
        await Goldens.CheckAsync("request-cancelled", await Alex.Click(ActionIds.ConfirmCancelRequest));
        await Goldens.CheckAsync("request-not-cancelled", await Alex.ClickFrom(submitted, ActionIds.CancelRequest));
        Goldens.AssertAllMatched();
    }

    [Fact]
    public async Task Interruptions_OutdatedCancelledAndExpired_MatchGoldens()
    {
        await Alex.Send("remove account");
        var customers = await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"));
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-lab"));
        await Goldens.CheckAsync("outdated", await Alex.ClickFrom(customers, ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-prod")));
        var waiting = await Alex.Send("hmm");
        Assert.Equal(2, waiting.Replies.Count); // the note, then the current card again
        await Goldens.CheckAsync("waiting-for-card-note", waiting.Replies[0]);
        await Goldens.CheckAsync("cancelled", await Alex.Click(ActionIds.Cancel));

        var confirm = await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmRemoveFromPayer);
        Alex.Advance(TimeSpan.FromMinutes(31));
        var expired = await Alex.ClickFrom(confirm, ActionIds.ConfirmRemoveFromPayer);
        Assert.Equal(2, expired.Replies.Count);
        await Goldens.CheckAsync("expired-note", expired.Replies[0]);
        await Goldens.CheckAsync("expired-card-clicked", expired.Replies[1]);
        Goldens.AssertAllMatched();
    }

    /// <summary>SesBot added to a conversation: the welcome the pipeline answers with.</summary>
    private async Task<Turn> WelcomeAsync(ConversationScope scope)
    {
        var input = Alex.Input() with { Scope = scope };
        var response = await Host.Services.GetRequiredService<TurnPipeline>().RunAsync(
            new TurnRequest { Channel = input.Channel, ConversationKey = input.ConversationKey, Kind = TurnKind.Welcome, Input = input, Route = NoRoute.Instance },
            CancellationToken.None);
        return new Turn($"(SesBot added, {scope})", Assert.IsType<TurnResult>(response.Result));
    }
}
