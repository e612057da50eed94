using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// A reseller ends the AWS Billing Transfer of a customer's organization: the account shows how it is billed, the
/// options offer "End billing transfer" (and say why the member-only ones do not apply), the confirmation shows when the
/// transfer ends and what to invoice up to then, and the request reads well until support has ended it. The demo data
/// has Coho Winery's organization (a-coho-org, 890123456789) billed through transfer rt-coho7x2k9m4q since the 1st of
/// the month three months back, with 515.00 USD of billing data this month, and a second account of that organization
/// billed through the same transfer (a-coho-shop, 890123456790). The host's clock starts on 18 Nov 2026.
/// </summary>
public sealed class RemovalDialogBillingTransferTests : DialogTestBase
{
    private static readonly Actor Megan = new(Person.Megan.ActorId, "Megan Bowen", Role.SupportAgent);

    [Fact]
    public async Task AccountPicker_TransferAccount_ShowsItsBillingRelationship()
    {
        await Alex.Send("remove account");

        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-coho"))
            .AssertFact("AWS 890123456789", "Coho Winery (own organization); billed through AWS Billing Transfer; linked 1 Aug 2026; billing data for 3 months; active");
    }

    [Fact]
    public async Task Options_TransferAccount_EndBillingTransferOfferedMemberOnlyDeniedWithReasons()
    {
        var card = await OpenOptionsAsync(Alex, "c-coho", "a-coho-org")
            .AssertFact("Origin", "billed through AWS Billing Transfer")
            .AssertFact("Billing transfer", "rt-coho7x2k9m4q, since 1 Aug 2026, for the organization of management account 890123456789")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsEndBillingTransfer))
            .AssertText("End billing transfer: SES support ends the AWS Billing Transfer")
            .AssertParagraph("The transfer ends at 23:59:59 UTC on the last day of the month in which support ends it, not at once", Tone.Warning)
            .AssertFact("Delete from SES", "3 months of billing data")
            .AssertFact("Transfer of ownership", "This account is billed through AWS Billing Transfer. The customer owns this account and its organization")
            .AssertFact("Remove from the payer organization", "It is not a member of the distributor's payer organization")
            .AssertFact("Send unlink instructions", "no organization for the end customer to leave");

        foreach (var member in new[] { RemovalOption.AwsTransferOwnership, RemovalOption.AwsRemoveFromPayer, RemovalOption.AwsSelfUnlink, RemovalOption.DeleteFromPlatform })
        {
            card.AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, member.ToString());
        }
    }

    [Fact]
    public async Task Confirm_November_EndsOnTheLastSecondAndEveryFigureAgrees()
    {
        var card = await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmEndBillingTransfer)
            .AssertText("End the billing transfer of AWS 890123456789 · Coho Winery (own organization)?")
            .AssertText("What you invoice the customer for November 2026 (if support ends the transfer now)")
            .AssertFact("Transfer ends", "30 Nov 2026 23:59:59 UTC")
            .AssertFact("Billed through the distributor this month", "1 Nov 2026 to 30 Nov 2026 (UTC)")
            .AssertFact("Days", "30 of 30")
            .AssertFact("Share of the month", "100 %")
            .AssertFact("Billed in SES this month so far", "515.00 USD: the usage SES imported for November 2026 so far")
            .AssertParagraph(BillingTexts.TransferBasis, Tone.Subtle)
            .AssertParagraph(
                "Invoice Coho Winery for November 2026 up to 30 Nov 2026 23:59:59 UTC, when the transfer ends: 30 of 30 days (100 %). " +
                "From 1 Dec 2026 the customer's organization pays AWS itself.", Tone.Warning)
            .AssertParagraph("whole AWS organization (management account 890123456789)", Tone.Warning)
            .AssertParagraph("It ends for this account of Coho Winery as well: AWS 890123456790 · Coho Winery Web Shop (same organization).", Tone.Warning)
            .AssertAction(ActionIds.ConfirmEndBillingTransfer);
        Assert.Equal("Confirm ending the billing transfer of 890123456789", card.Replies[^1].Summary);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData(2028, 2, 10, "29 Feb 2028 23:59:59 UTC", "1 Feb 2028 to 29 Feb 2028 (UTC)", "29 of 29", "1 Mar 2028")]
    [InlineData(2026, 12, 31, "31 Dec 2026 23:59:59 UTC", "1 Dec 2026 to 31 Dec 2026 (UTC)", "31 of 31", "1 Jan 2027")]
    public async Task Confirm_OtherMonths_TheirOwnLastSecond(int year, int month, int day, string end, string period, string days, string after)
    {
        await using var host = await DialogHost.StartAsync(new DateTimeOffset(year, month, day, 23, 0, 0, TimeSpan.Zero));
        var alex = new DialogTranscript(host, Person.Alex);

        await FlowWalker.WalkToAsync(alex, FlowStep.ConfirmEndBillingTransfer)
            .AssertFact("Transfer ends", end)
            .AssertFact("Billed through the distributor this month", period)
            .AssertFact("Days", days)
            .AssertFact("Share of the month", "100 %")
            .AssertText($"From {after} the customer's organization pays AWS itself.");
    }

    [Fact]
    public async Task Submit_ThenSupportEndsIt_StatusAndHistoryReadWell()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmEndBillingTransfer);
        var submitted = await Alex.Click(ActionIds.ConfirmEndBillingTransfer)
            .AssertStatus(TurnStatus.Complete)
            .AssertText("is submitted")
            .AssertText("Next: SES support ends the billing transfer at AWS.")
            .AssertFact("What", "End the billing transfer")
            .AssertFact("Status", "Submitted, waiting for support")
            .AssertFact("Transfer ends (if ended this month)", "30 Nov 2026 23:59:59 UTC")
            .AssertFact("You invoice", "30 of 30 days (100 %), 1 Nov 2026 to 30 Nov 2026 (UTC)")
            .AssertAction(ActionIds.CancelRequest);
        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.AwsEndBillingTransfer, RequestStatus.Submitted, "a-coho-org"), (request.Kind, request.Status, request.CloudAccountId));
        Assert.Equal(AccountState.Active, (await AccountAsync("a-coho-org")).State);

        // A second look at the account: the open request holds it.
        await OpenOptionsAsync(Alex, "c-coho", "a-coho-org")
            .AssertFact("End billing transfer", $"Request {request.Id} (end the billing transfer) is already open")
            .AssertAction(ActionIds.RefreshStatus, DataKeys.RequestId, request.Id);

        // The other account of the organization: the same transfer, so the same request holds it.
        await OpenOptionsAsync(Alex, "c-coho", "a-coho-shop")
            .AssertFact("End billing transfer", $"Request {request.Id} (end the billing transfer) is already open")
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsEndBillingTransfer));
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsEndBillingTransfer)))
            .AssertText($"Request {request.Id} (end the billing transfer) is already open");
        Assert.Single(await RequestsAsync());

        await SupportAsync(request.Id, RequestTrigger.Accept);
        Alex.Advance(TimeSpan.FromDays(14)); // support ends it on 2 December: it runs to the end of December
        await SupportAsync(request.Id, RequestTrigger.EndBillingTransfer);

        var status = await Alex.Send($"status {request.Id}")
            .AssertFact("Status", "Completed")
            .AssertFact("Transfer ends", "31 Dec 2026 23:59:59 UTC")
            .AssertFact("You invoice", "31 of 31 days (100 %), 1 Dec 2026 to 31 Dec 2026 (UTC)")
            .AssertFact("Account", "AWS 890123456789 · Coho Winery (own organization)")
            .AssertFact("18 Nov 2026 10:00 UTC", $"Alex Wilber asked to end the billing transfer of the customer's AWS organization ({request.Id}).")
            .AssertFact("18 Nov 2026 10:00 UTC", $"Megan Bowen accepted the request ({request.Id}).")
            .AssertFact("2 Dec 2026 10:00 UTC", $"Megan Bowen ended the billing transfer at AWS ({request.Id}).")
            .AssertNoAction(ActionIds.CancelRequest);
        var history = status.Blocks.OfType<FactsBlock>().Last().Facts.Select(f => f.Value).ToList();
        Assert.Equal(3, history.Count);
        Assert.All(history, line => Assert.All(Enum.GetNames<RequestTrigger>(), code => Assert.DoesNotContain(code, line, StringComparison.Ordinal)));
        Assert.NotNull(submitted);

        var account = await AccountAsync("a-coho-org");
        Assert.Equal(AccountState.Departed, account.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), account.BillingTransfer!.EndsAt);
        var shop = await AccountAsync("a-coho-shop");
        Assert.Equal((AccountState.Departed, account.BillingTransfer.EndsAt), (shop.State, shop.BillingTransfer!.EndsAt));
        Assert.Equal(["BillingTransferEnded"], (await AuditAsync("a-coho-shop")).Select(e => e.Action));

        // The account afterwards: nothing more to do, and its history tells the same story.
        await OpenOptionsAsync(Alex, "c-coho", "a-coho-org")
            .AssertFact("State", "billing transfer ended: billed through the distributor until 31 Dec 2026 23:59:59 UTC")
            .AssertFact("End billing transfer", "The billing transfer was ended: the distributor pays for this account until 31 Dec 2026 23:59:59 UTC.")
            .AssertFact("Remove from the payer organization", "The billing transfer was ended")
            .AssertNoText("End the billing transfer instead")
            .AssertText("There is nothing you can do with this account from here right now.");
        var alex = new Actor(Person.Alex.ActorId, "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId);
        var timeline = await Host.DbAsync(db => new AccountHistory(db, new AuditLogQuery(db)).FindAsync(alex, "890123456789"));
        var told = HistoryCards.Timeline(timeline!).Blocks.OfType<FactsBlock>().Last().Facts.Select(f => f.Value).ToList();
        Assert.All(history, line => Assert.Contains(line, told));
        Assert.Contains($"Megan Bowen recorded that the billing transfer ends at the end of the month ({request.Id}).", told);
    }

    [Fact]
    public async Task Submit_CancelledByAlexBeforeSupport_AccountStaysActive()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmEndBillingTransfer);
        var submitted = await Alex.Click(ActionIds.ConfirmEndBillingTransfer);

        await Alex.ClickFrom(submitted, ActionIds.CancelRequest).AssertText("Cancelled");

        Assert.Equal(RequestStatus.Cancelled, (await SingleRequestAsync()).Status);
        Assert.Equal(AccountState.Active, (await AccountAsync("a-coho-org")).State);
    }

    [Fact]
    public async Task ForgedChoices_MemberOnlyOnTransferAccountAndEndOnAMember_RefusedNothingFiled()
    {
        await OpenOptionsAsync(Alex, "c-coho", "a-coho-org");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)))
            .AssertText("It is not a member of the distributor's payer organization")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsEndBillingTransfer));

        await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsEndBillingTransfer)))
            .AssertText("That option isn't available for this account.")
            .AssertNoAction(ActionIds.ConfirmEndBillingTransfer);

        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ConfirmAndSubmitted_RenderedForTeams_AreValidAdaptiveCards()
    {
        var confirm = await FlowWalker.WalkToAsync(Alex, FlowStep.ConfirmEndBillingTransfer);
        var submitted = await Alex.Click(ActionIds.ConfirmEndBillingTransfer);
        var renderer = new TeamsReplyRenderer();

        var results = await AdaptiveCardsRenderer.ValidateManyAsync(
        [
            new KeyValuePair<string, AdaptiveCard>("confirm", renderer.ToCard(confirm.Replies[^1])),
            new KeyValuePair<string, AdaptiveCard>("submitted", renderer.ToCard(submitted.Replies[^1])),
        ]);

        Assert.All(results, r => Assert.True(r.Valid, r.ToString()));
    }

    private Task SupportAsync(string requestId, RequestTrigger trigger) => Host.InScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<RemovalRequestService>().ApplyAsync(new ApplyRequestTrigger(requestId, trigger, Megan));
        Assert.Equal(OutcomeKind.Ok, result.Kind);
        await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
    });
}
