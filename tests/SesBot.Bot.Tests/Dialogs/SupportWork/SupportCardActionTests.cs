using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Dialogs.SupportWork;

/// <summary>Support works a request from its card: each action, each refusal, and what every change sends.</summary>
public sealed class SupportCardActionTests : SupportDeskTestBase
{
    [Fact]
    public async Task Accept_BySupport_AcceptsAssignsAndQueuesSupportCardStatusCardAndNotice()
    {
        var id = await FileRemoveFromPayerAsync();
        var confirmCard = Alex.Turns[^2]; // the card Alex submitted from: it became the status card
        Host.Clock.Advance(TimeSpan.FromMinutes(20));

        await OpenCardAsync(Megan, id)
            .AssertAction(ActionIds.SupportAssign).AssertAction(ActionIds.SupportAccept).AssertAction(ActionIds.SupportReject).AssertAction(ActionIds.SupportAsk)
            .AssertNoAction(ActionIds.SupportRemovedFromPayer).AssertFact("Assigned to", "nobody yet").AssertFact("Waiting", "20 min");
        var before = (await OutboxAsync()).Count;

        await Megan.Click(ActionIds.SupportAccept)
            .AssertFact("Status", "Accepted by support").AssertFact("Assigned to", "Megan Bowen").AssertFact("Billing", "billing data for 3 months")
            .AssertAction(ActionIds.SupportRemovedFromPayer).AssertNoAction(ActionIds.SupportAccept).AssertNoAction(ActionIds.SupportAssign)
            .AssertText("Megan Bowen accepted the request");

        var request = await RequestAsync(id);
        Assert.Equal((RequestStatus.Accepted, "Megan Bowen", 2), (request.Status, request.AssignedToName, request.Version));
        Assert.Equal(["Submitted", "Accept", "Assigned"], (await AuditAsync(id)).Select(e => e.Action));

        var rows = (await OutboxAsync()).Skip(before).ToList();
        Assert.Equal([RequestUpdates.SupportCardKey(request), RequestUpdates.StatusCardKey(request), RequestUpdates.NoticeKey(request)], rows.Select(r => r.IdempotencyKey));

        // The support card: a PUT of the thread's root, found through the row that opened the thread, after it.
        var support = FollowUp(rows[0]);
        Assert.Equal((TeamsFollowUpMessage.Kind, TeamsOutboundOperation.Update, SupportDesk.ThreadKey(id), $"msteams:{ChannelId}"),
            (rows[0].Kind, support.Operation, support.TargetKey, rows[0].OrderingKey));
        Assert.Contains("Accepted by support", CardText(support.Activity), StringComparison.Ordinal);

        // The reseller's status card: a PUT of the very card Alex submitted from, in Alex's chat.
        var status = Outbound(rows[1]);
        Assert.Equal((TeamsOutboundOperation.Update, Person.Alex.ConversationKey, Alex.CardKey(confirmCard), ServiceUrl),
            (status.Operation, status.ConversationId, status.ActivityId, status.ServiceUrl));
        Assert.Contains("Accepted by support", CardText(status.Activity), StringComparison.Ordinal);

        // The 1:1 message: sent into Alex's personal chat.
        var notice = Outbound(rows[2]);
        Assert.Equal((TeamsOutboundOperation.Send, Person.Alex.ConversationKey), (notice.Operation, notice.ConversationId));
        Assert.Contains($"SES support (Megan Bowen) accepted your request {id}", CardText(notice.Activity), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_ByTheReseller_RefusedAndNothingChanges()
    {
        var id = await FileRemoveFromPayerAsync();

        await Alex.Forge(ActionIds.SupportAccept, (DataKeys.RequestId, id), (DataKeys.Version, "0"))
            .AssertParagraph("Only SES support can act on support cards; nothing was changed.", Tone.Attention)
            .AssertNoAction(ActionIds.SupportAccept).AssertText("Only SES support acts on this card.");
        await Alex.As(Person.Adele).Forge(ActionIds.SupportReject, (DataKeys.RequestId, id), (DataKeys.Version, "0"), (SupportFields.RejectReason, "no"))
            .AssertText($"I can't find a request {id} for you.");

        var request = await RequestAsync(id);
        Assert.Equal((RequestStatus.Submitted, 0, (string?)null), (request.Status, request.Version, request.AssignedToId));
        Assert.Single(await AuditAsync(id));
    }

    [Fact]
    public async Task Actions_OnOwnRequestEvenAsSupportOrAdmin_RefusedByFourEyes()
    {
        // Isaiah (admin) and Megan (support) each filed a request themselves.
        var (byIsaiah, byMegan) = await Host.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<RemovalRequestService>();
            var isaiah = await service.SubmitAsync(new SubmitRemovalRequest("four-eyes-1", Actor(Person.Isaiah, Role.Admin), RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            var megan = await service.SubmitAsync(new SubmitRemovalRequest("four-eyes-2", Actor(Person.Megan, Role.SupportAgent), RemovalOption.AzureSuspend, "z-tailspin-dev", Reason: "Customer asked"));
            await sp.GetRequiredService<Core.Persistence.SesBotDbContext>().SaveChangesAsync();
            return (isaiah.Request!.Id, megan.Request!.Id);
        });

        await OpenCardAsync(Isaiah, byIsaiah).AssertNoAction(ActionIds.SupportAccept).AssertNoAction(ActionIds.SupportAssign)
            .AssertText("You filed this request, so another member of SES support works it (four-eyes rule).");
        foreach (var (verb, extra) in new[]
        {
            (ActionIds.SupportAccept, (string.Empty, string.Empty)), (ActionIds.SupportReject, (SupportFields.RejectReason, "mine")),
            (ActionIds.SupportAssign, (string.Empty, string.Empty)), (ActionIds.SupportAsk, (SupportFields.Question, "why?")),
        })
        {
            await Isaiah.Forge(verb, (DataKeys.RequestId, byIsaiah), (DataKeys.Version, "0"), extra).AssertText("four-eyes rule");
        }

        await Megan.Forge(ActionIds.SupportAccept, (DataKeys.RequestId, byMegan), (DataKeys.Version, "0")).AssertText("four-eyes rule");
        await Isaiah.Forge(ActionIds.SupportAccept, (DataKeys.RequestId, byMegan), (DataKeys.Version, "0")).AssertFact("Status", "Accepted by support");
        await Megan.Forge(ActionIds.SupportComplete, (DataKeys.RequestId, byMegan), (DataKeys.Version, "2")).AssertText("four-eyes rule");

        Assert.Equal(RequestStatus.Submitted, (await RequestAsync(byIsaiah)).Status);
        Assert.Equal(RequestStatus.Accepted, (await RequestAsync(byMegan)).Status);
    }

    [Fact]
    public async Task Accept_OnAnOlderCard_GetsTheCardAsItIsWithWhoDidIt()
    {
        var id = await FileRemoveFromPayerAsync();
        var isaiahsCard = await OpenCardAsync(Isaiah, id);
        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await OpenCardAsync(Megan, id);
        await Megan.Click(ActionIds.SupportAccept).AssertFact("Status", "Accepted by support");

        await Isaiah.ClickFrom(isaiahsCard, ActionIds.SupportAccept)
            .AssertParagraph("Already accepted by Megan Bowen at 10:02 UTC. Nothing was changed by your click; here is the request as it is now.", Tone.Attention)
            .AssertFact("Status", "Accepted by support").AssertAction(ActionIds.SupportRemovedFromPayer);
        await Isaiah.ClickFrom(isaiahsCard, ActionIds.SupportReject, (SupportFields.RejectReason, "Too late")).AssertText("Already accepted by Megan Bowen");

        Assert.Single(await AuditAsync(id), e => e.Action == nameof(RequestTrigger.Accept));
        Assert.Equal(RequestStatus.Accepted, (await RequestAsync(id)).Status);
    }

    [Fact]
    public async Task Reject_NeedsAReasonWithinTheLimit_ThenTheResellerReadsIt()
    {
        var id = await FileRemoveFromPayerAsync();
        await OpenCardAsync(Megan, id);

        await Megan.Click(ActionIds.SupportReject, (SupportFields.RejectReason, "  ")).AssertText("Say why the request is rejected: the reseller sees the reason.");
        await Megan.Click(ActionIds.SupportReject, (SupportFields.RejectReason, new string('x', FieldLimits.SupportNote + 1)))
            .AssertText($"at most {FieldLimits.SupportNote} characters");
        Assert.Equal(RequestStatus.Submitted, (await RequestAsync(id)).Status);

        await Megan.Click(ActionIds.SupportReject, (SupportFields.RejectReason, "The account still has an open invoice dispute."))
            .AssertFact("Status", "Rejected").AssertFact("Rejected because", "open invoice dispute").AssertNoAction(ActionIds.SupportAccept);

        var request = await RequestAsync(id);
        Assert.Equal((RequestStatus.Rejected, "The account still has an open invoice dispute."), (request.Status, request.LastNote));
        var notice = Outbound((await OutboxAsync()).Single(r => r.IdempotencyKey == RequestUpdates.NoticeKey(request)));
        Assert.Contains($"SES support (Megan Bowen) rejected your request {id}", CardText(notice.Activity), StringComparison.Ordinal);
        Assert.Contains("open invoice dispute", CardText(notice.Activity), StringComparison.Ordinal);
        await Alex.Send($"status {id}").AssertFact("Note", "open invoice dispute").AssertNoAction(ActionIds.CancelRequest);
    }

    [Fact]
    public async Task AskTheReseller_TypedAnswerLandsInTheThread()
    {
        var id = await FileRemoveFromPayerAsync();
        await OpenCardAsync(Megan, id);

        await Megan.Click(ActionIds.SupportAsk, (SupportFields.Question, "Has the customer added a payment method in AWS?"))
            .AssertFact("Waiting on the reseller", "Has the customer added a payment method").AssertNoAction(ActionIds.SupportAsk);
        var asked = await RequestAsync(id);
        Assert.Equal("Has the customer added a payment method in AWS?", asked.OpenQuestion);
        var notice = Outbound((await OutboxAsync()).Single(r => r.IdempotencyKey == RequestUpdates.NoticeKey(asked)));
        Assert.Contains("needs more information", CardText(notice.Activity), StringComparison.Ordinal);
        Assert.Contains(ActionIds.AnswerSupport, CardText(notice.Activity), StringComparison.Ordinal);
        await Alex.Send($"status {id}").AssertText("SES support needs more information: Has the customer added a payment method in AWS?").AssertAction(ActionIds.AnswerSupport);

        await Alex.Send("Yes, a company credit card since Monday.").AssertText("Thank you: your answer went to SES support.");

        var answered = await RequestAsync(id);
        Assert.Null(answered.OpenQuestion);
        var reply = FollowUp((await OutboxAsync()).Single(r => r.IdempotencyKey == RequestUpdates.ThreadReplyKey(answered)));
        Assert.Equal((TeamsOutboundOperation.Send, SupportDesk.ThreadKey(id)), (reply.Operation, reply.TargetKey));
        Assert.Contains("Yes, a company credit card since Monday.", CardText(reply.Activity), StringComparison.Ordinal);
        Assert.Contains("Has the customer added a payment method in AWS?", CardText(reply.Activity), StringComparison.Ordinal);
        await OpenCardAsync(Megan, id).AssertText("Alex Wilber answered support: \"Yes, a company credit card since Monday.\"").AssertAction(ActionIds.SupportAsk);

        // Nothing waits on Alex any more: the next typed text is just text.
        await Alex.Send("thanks").AssertNoText("went to SES support");
    }

    [Fact]
    public async Task AskTheReseller_AnsweredFromTheCardBox()
    {
        var id = await FileRemoveFromPayerAsync();
        await OpenCardAsync(Megan, id);
        await Megan.Click(ActionIds.SupportAsk, (SupportFields.Question, "Which month should we invoice last?"));
        await Alex.Send($"status {id}");

        await Alex.Click(ActionIds.AnswerSupport, (SupportFields.Answer, "November")).AssertText("your answer went to SES support").AssertNoAction(ActionIds.AnswerSupport);
        await Alex.Forge(ActionIds.AnswerSupport, (DataKeys.RequestId, id), (SupportFields.Answer, "again")).AssertText("is not waiting on an answer any more");

        Assert.Equal(["Submitted", "InformationRequested", "InformationProvided"], (await AuditAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task TransferOfOwnership_EachMilestoneRecordedAndTold()
    {
        var id = await FileTransferOfOwnershipAsync();
        await OpenCardAsync(Megan, id);
        await Megan.Click(ActionIds.SupportAssign).AssertFact("Assigned to", "Megan Bowen").AssertNoAction(ActionIds.SupportAssign);
        await Megan.Click(ActionIds.SupportAccept).AssertAction(ActionIds.SupportAwsContacted).AssertNoAction(ActionIds.SupportPaperworkComplete);
        await Megan.Click(ActionIds.SupportAwsContacted).AssertFact("Status", "Support has contacted AWS").AssertAction(ActionIds.SupportPaperworkComplete);
        await Megan.Click(ActionIds.SupportPaperworkComplete).AssertAction(ActionIds.SupportCredentialsDelivered);
        await Megan.Click(ActionIds.SupportCredentialsDelivered).AssertAction(ActionIds.SupportRemovedFromPayer).AssertNoAction(ActionIds.SupportReject);
        await Megan.Click(ActionIds.SupportRemovedFromPayer).AssertFact("Status", "Completed").AssertNoAction(ActionIds.SupportAssign);

        var notices = (await OutboxAsync()).Where(r => r.IdempotencyKey.StartsWith("notice:", StringComparison.Ordinal)).Select(r => CardText(Outbound(r).Activity)).ToList();
        Assert.Equal(5, notices.Count);
        Assert.Contains("accepted your request", notices[0], StringComparison.Ordinal);
        Assert.Contains("has contacted AWS", notices[1], StringComparison.Ordinal);
        Assert.Contains("paperwork is complete", notices[2], StringComparison.Ordinal);
        Assert.Contains("credentials were delivered", notices[3], StringComparison.Ordinal);
        Assert.Contains("removed from the payer organization", notices[4], StringComparison.Ordinal);
        Assert.Equal(AccountState.Departed, (await Host.DbAsync(db => db.CloudAccounts.AsNoTracking().SingleAsync(a => a.Id == "a-contoso-prod"))).State);
    }

    [Fact]
    public async Task RemovedFromPayer_NoticeCarriesTheFiguresToInvoice()
    {
        var id = await FileRemoveFromPayerAsync();
        await OpenCardAsync(Megan, id);
        await Megan.Click(ActionIds.SupportAccept);
        Host.Clock.Advance(TimeSpan.FromDays(2)); // removed on 20 Nov 2026, 10:00 UTC
        await Megan.Click(ActionIds.SupportRemovedFromPayer).AssertFact("Status", "Completed");

        var request = await RequestAsync(id);
        var notice = CardText(Outbound((await OutboxAsync()).Single(r => r.IdempotencyKey == RequestUpdates.NoticeKey(request))).Activity);
        foreach (var expected in new[] { "To invoice for the part of the month the account was linked", "1 Nov 2026 to 20 Nov 2026 (UTC)", "20 of 30", "66\\\\.67 %", "420\\\\.00 USD", "SES billing for November 2026 so far" })
        {
            Assert.True(notice.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" not in {notice}");
        }
    }

    [Fact]
    public async Task AzureSuspension_MarkedDone_SuspendsTheSubscription()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        var id = (await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended"))).ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
        await OpenCardAsync(Megan, id);
        await Megan.Click(ActionIds.SupportAccept);
        Assert.Equal("Suspension done", Megan.Last.FindAction(ActionIds.SupportComplete)!.Title);
        await Megan.Click(ActionIds.SupportComplete).AssertFact("Status", "Completed").AssertNoAction(ActionIds.SupportReject);

        Assert.Equal(AccountState.Suspended, (await Host.DbAsync(db => db.CloudAccounts.AsNoTracking().SingleAsync(a => a.Id == "z-tailspin-dev"))).State);
        var request = await RequestAsync(id);
        var notice = CardText(Outbound((await OutboxAsync()).Single(r => r.IdempotencyKey == RequestUpdates.NoticeKey(request))).Activity);
        Assert.Contains("the subscription is suspended", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedInError_Restored_AccountBackWithItsBillingHistoryUntouched()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.DeletedInErrorDetails);
        var id = (await Alex.Click(ActionIds.SubmitDeletedInError, (DataKeys.Note, "Deleted the wrong account"))).ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
        var billingBefore = await Host.DbAsync(db => db.Set<BillingRecord>().AsNoTracking().CountAsync(b => b.CloudAccountId == "a-contoso-lab"));
        await OpenCardAsync(Megan, id).AssertNoAction(ActionIds.SupportComplete);
        await Megan.Click(ActionIds.SupportAccept).AssertAction(ActionIds.SupportComplete);
        Assert.Equal("Restore the account", Megan.Last.FindAction(ActionIds.SupportComplete)!.Title);

        await Megan.Click(ActionIds.SupportComplete).AssertFact("Status", "Completed").AssertText("Megan Bowen completed the request");

        var account = await Host.DbAsync(db => db.CloudAccounts.AsNoTracking().SingleAsync(a => a.Id == "a-contoso-lab"));
        Assert.Equal((AccountState.Active, (DateTimeOffset?)null), (account.State, account.ClosedAt));
        Assert.Equal(billingBefore, await Host.DbAsync(db => db.Set<BillingRecord>().AsNoTracking().CountAsync(b => b.CloudAccountId == "a-contoso-lab")));
        var request = await RequestAsync(id);
        var notice = CardText(Outbound((await OutboxAsync()).Single(r => r.IdempotencyKey == RequestUpdates.NoticeKey(request))).Activity);
        Assert.Contains("is restored in SES, with its billing history as it was", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueMine_ListsTheAgentsAssignedRequests_QueueShowsTheAssignee()
    {
        var payer = await FileRemoveFromPayerAsync();
        var transfer = await FileTransferOfOwnershipAsync();
        await Megan.Send("queue mine").AssertText("No open request is assigned to you.");
        await OpenCardAsync(Megan, transfer);
        await Megan.Click(ActionIds.SupportAssign);

        await Megan.Send("queue mine").AssertText("Assigned to you, oldest first (1)").AssertFact(transfer, "Megan Bowen").AssertNoText(payer);
        await Megan.Send("queue").AssertFact(payer, "unassigned").AssertFact(transfer, "Megan Bowen");
        await Isaiah.Send("queue mine").AssertText("No open request is assigned to you.");
    }

    private static Actor Actor(Person person, Role role) => new(person.ActorId, person.Name, role);
}
