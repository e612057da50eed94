using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.Dialogs.SupportWork;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// The support card in each state a support agent meets it, for the agent, for the requester and for a reseller, and
/// what the reseller reads (status card with a question, 1:1 messages), against reviewed goldens in Golden/cards/.
/// </summary>
public sealed class SupportWorkCardGoldenTests : SupportDeskTestBase
{
    [Fact]
    public async Task SupportCard_EachState_MatchesGoldens()
    {
        var goldens = new CardGoldens(Host);
        var payer = await FileRemoveFromPayerAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(35));

        await goldens.CheckAsync("support-work-submitted", await OpenCardAsync(Megan, payer));
        await goldens.CheckAsync("support-work-reseller-view", await Alex.Forge(ActionIds.SupportRefresh, (DataKeys.RequestId, payer)));
        await goldens.CheckAsync("support-work-reject-without-reason", await Megan.Click(ActionIds.SupportReject));
        var older = await OpenCardAsync(Isaiah, payer);
        await goldens.CheckAsync("support-work-accepted", await Megan.Click(ActionIds.SupportAccept));
        await goldens.CheckAsync("support-work-already-accepted", await Isaiah.ClickFrom(older, ActionIds.SupportAccept));
        await goldens.CheckAsync("support-work-asked", await Megan.Click(ActionIds.SupportAsk, (SupportFields.Question, "Has the customer added a payment method in AWS?")));
        await goldens.CheckAsync("status-waiting-on-answer", await Alex.Send($"status {payer}"));
        await goldens.CheckAsync("notice-information-needed", await NoticeAsync(payer, "InformationRequested"));
        await goldens.CheckAsync("status-answered", await Alex.Send("Yes, a company card since Monday."));
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await goldens.CheckAsync("support-work-removed-from-payer", await OpenCardAsync(Megan, payer).ContinueWith(_ => Megan.Click(ActionIds.SupportRemovedFromPayer)).Unwrap());
        await goldens.CheckAsync("notice-removed-from-payer", await NoticeAsync(payer, nameof(RequestTrigger.MarkRemovedFromPayer)));

        var transfer = await FileTransferOfOwnershipAsync();
        await OpenCardAsync(Megan, transfer);
        await Megan.Click(ActionIds.SupportAccept);
        await goldens.CheckAsync("notice-accepted", await NoticeAsync(transfer, nameof(RequestTrigger.Accept)));
        await goldens.CheckAsync("support-work-aws-contacted", await Megan.Click(ActionIds.SupportAwsContacted));
        await goldens.CheckAsync("notice-aws-contacted", await NoticeAsync(transfer, nameof(RequestTrigger.MarkAwsContacted)));
        await goldens.CheckAsync("support-work-rejected", await Megan.Click(ActionIds.SupportReject, (SupportFields.RejectReason, "AWS refused the transfer: the new owner's paperwork is incomplete.")));
        await goldens.CheckAsync("notice-rejected", await NoticeAsync(transfer, nameof(RequestTrigger.Reject)));
        await goldens.CheckAsync("support-queue-assigned", await Megan.Send("queue mine"));
        goldens.AssertAllMatched();
    }

    [Fact]
    public async Task SupportCard_RequesterIsSupport_ShowsNoButtons()
    {
        var goldens = new CardGoldens(Host);
        var id = await Host.InScopeAsync(async sp =>
        {
            var made = await sp.GetRequiredService<RemovalRequestService>().SubmitAsync(
                new SubmitRemovalRequest("golden-four-eyes", new Actor(Person.Isaiah.ActorId, Person.Isaiah.Name, Role.Admin), RemovalOption.AzureSuspend, "z-tailspin-dev", Reason: "Customer asked"));
            await sp.GetRequiredService<Core.Persistence.SesBotDbContext>().SaveChangesAsync();
            return made.Request!.Id;
        });
        await goldens.CheckAsync("support-work-own-request", await OpenCardAsync(Isaiah, id));
        goldens.AssertAllMatched();
    }

    private async Task<SesBot.Bot.Dialogs.Turns.Reply> NoticeAsync(string id, string action)
    {
        var megan = new Actor(Person.Megan.ActorId, Person.Megan.Name, Role.SupportAgent);
        return await Host.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<RemovalRequestService>();
            var details = (await service.DetailsAsync(id, megan))!;
            var removal = action == nameof(RequestTrigger.MarkRemovedFromPayer) ? await service.RemovalImpactAsync(details.Request, details.Request.UpdatedAt) : null;
            return ResellerNotices.For(details, action, megan.DisplayName, removal)!;
        });
    }
}
