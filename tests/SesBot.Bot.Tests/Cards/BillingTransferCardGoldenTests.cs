using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// The cards of ending an AWS Billing Transfer, reached the way a reseller reaches them (fixed clock, demo data), against
/// their reviewed goldens in Golden/cards/ (and so through the official renderer by <see cref="CardGoldenValidationTests"/>).
/// </summary>
public sealed class BillingTransferCardGoldenTests : DialogTestBase
{
    private static readonly Actor Megan = new(Person.Megan.ActorId, "Megan Bowen", Role.SupportAgent);

    [Fact]
    public async Task EndBillingTransfer_OptionsConfirmSubmittedSupportAndStatus_MatchGoldens()
    {
        var goldens = new CardGoldens(Host);
        await Alex.Send("remove account");
        await goldens.CheckAsync("account-picker-billing-transfer", await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-coho")));
        await goldens.CheckAsync("options-aws-billing-transfer", await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-coho-org")));
        await goldens.CheckAsync("confirm-end-billing-transfer",
            await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsEndBillingTransfer))));
        await goldens.CheckAsync("submitted-end-billing-transfer", await Alex.Click(ActionIds.ConfirmEndBillingTransfer));

        var id = (await SingleRequestAsync()).Id;
        // The card support gets is made in the submitting turn, with the account's billing data loaded.
        var details = await Host.InScopeAsync(sp => sp.GetRequiredService<ResellerCatalog>().FindRequestAsync(Megan, id));
        var account = await Host.DbAsync(db => db.CloudAccounts.AsNoTracking().Include(a => a.BillingRecords).SingleAsync(a => a.Id == "a-coho-org"));
        await goldens.CheckAsync("support-new-request-end-billing-transfer", SupportCards.NewRequest(details! with { Account = account }, "Northwind Cloud Partners"));

        await SupportAsync(id, RequestTrigger.Accept);
        Alex.Advance(TimeSpan.FromHours(3));
        await SupportAsync(id, RequestTrigger.EndBillingTransfer);
        await goldens.CheckAsync("status-end-billing-transfer-completed", await Alex.Send($"status {id}"));
        await goldens.CheckAsync("options-aws-billing-transfer-ended", await OpenOptionsAsync(Alex, "c-coho", "a-coho-org"));
        goldens.AssertAllMatched();
    }

    private Task SupportAsync(string requestId, RequestTrigger trigger) => Host.InScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<RemovalRequestService>().ApplyAsync(new ApplyRequestTrigger(requestId, trigger, Megan));
        Assert.Equal(OutcomeKind.Ok, result.Kind);
        await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
    });
}
