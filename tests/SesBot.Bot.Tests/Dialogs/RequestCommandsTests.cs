using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>"my requests", "status", and cancelling a request from its card.</summary>
public sealed class RequestCommandsTests : DialogTestBase
{
    [Fact]
    public async Task MyRequests_TwoSubmitted_ListsBothWithStatus()
    {
        await Alex.Send("my requests").AssertText("You have no removal requests yet.");
        var suspend = await SubmitSuspendAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var payer = await SubmitRemoveFromPayerAsync();

        await Alex.Send("show my requests")
            .AssertText("Your removal requests")
            .AssertText("Open:")
            .AssertNoText("Closed:")
            .AssertFact(suspend, "Suspend the subscription · Tailspin Toys, Azure ")
            .AssertFact(suspend, " · Submitted, waiting for support · 18 Nov 2026")
            .AssertFact(payer, "Remove from the payer organization · Adventure Works Cycles, AWS ")
            .AssertFact(payer, " · Submitted, waiting for support")
            .AssertAction(ActionIds.RefreshStatus, DataKeys.RequestId, payer);
        await Alex.Click(ActionIds.RefreshStatus)
            .AssertText($"Suspend the subscription: {suspend}")
            .AssertFact("Customer", "Tailspin Toys");

        // Requests belong to the reseller: Fabrikam's Adele sees none of them.
        await Alex.As(Person.Adele).Send("my requests").AssertText("You have no removal requests yet.").AssertNoText(suspend);
    }

    [Fact]
    public async Task Status_RequestId_ShowsStatusCardInAnyCase()
    {
        var id = await SubmitSuspendAsync();

        await Alex.Send($"status {id.ToLowerInvariant()}")
            .AssertText($"Suspend the subscription: {id}")
            .AssertBadge("Status: Submitted, waiting for support")
            .AssertFact("Requested by", "Alex Wilber, 18 Nov 2026 10:00 UTC")
            .AssertAction(ActionIds.CancelRequest, DataKeys.RequestId, id);
        await Alex.Send("status R-ZZZZZZ").AssertText("I can't find a request R-ZZZZZZ among yours.");
        await Alex.Send("status").AssertText("Which request?");
    }

    [Fact]
    public async Task CancelRequest_FromCardThenStaleCardAgain_CancelledOnceThenToldItAlreadyIs()
    {
        var submitted = await SubmitRemoveFromPayerAsync();
        var card = Alex.Last;

        // "Cancel this request" asks first; nothing changes until the reseller says yes.
        await Alex.Click(ActionIds.CancelRequest)
            .AssertText($"Cancel request {submitted}?")
            .AssertParagraph("cannot be reopened", Tone.Warning)
            .AssertAction(ActionIds.ConfirmCancelRequest, DataKeys.RequestId, submitted)
            .AssertAction(ActionIds.RefreshStatus, DataKeys.RequestId, submitted);
        Assert.Equal(RequestStatus.Submitted, (await SingleRequestAsync()).Status);

        await Alex.Click(ActionIds.ConfirmCancelRequest)
            .AssertParagraph($"Request {submitted} is cancelled.", Tone.Good)
            .AssertBadge("Status: Cancelled")
            .AssertNoAction(ActionIds.CancelRequest);
        var request = await SingleRequestAsync();
        Assert.Equal((RequestStatus.Cancelled, (string?)null), (request.Status, request.OpenSubjectKey));

        await Alex.ClickFrom(card, ActionIds.CancelRequest)
            .AssertParagraph($"Request {submitted} was already cancelled; nothing changed.", Tone.Good)
            .AssertNoText("Not cancelled")
            .AssertBadge("Status: Cancelled");
        Assert.Equal(RequestStatus.Cancelled, (await SingleRequestAsync()).Status);
        Assert.Equal(["Submitted", "Cancel"], (await AuditAsync(submitted)).Select(e => e.Action));

        // The account is free again for a new request.
        await SubmitRemoveFromPayerAsync();
        Assert.Equal(2, (await RequestsAsync()).Count);
    }

    [Fact]
    public async Task CancelRequest_NoKeepsIt_RequestStaysOpenWithItsCard()
    {
        var submitted = await SubmitRemoveFromPayerAsync();

        await Alex.Click(ActionIds.CancelRequest).AssertAction(ActionIds.ConfirmCancelRequest);
        await Alex.Click(ActionIds.RefreshStatus)
            .AssertBadge("Status: Submitted, waiting for support")
            .AssertAction(ActionIds.CancelRequest, DataKeys.RequestId, submitted);
        Assert.Equal(RequestStatus.Submitted, (await SingleRequestAsync()).Status);
        Assert.Equal(["Submitted"], (await AuditAsync(submitted)).Select(e => e.Action));
    }

    [Fact]
    public async Task CancelRequest_AfterSupportAccepted_NotCancelledAndNoCancelButton()
    {
        var id = await SubmitRemoveFromPayerAsync();
        var megan = await Host.InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<RemovalRequestService>()
                .ApplyAsync(new ApplyRequestTrigger(id, RequestTrigger.Accept, new Actor(Person.Megan.ActorId, Person.Megan.Name, Role.SupportAgent), null, null));
            await sp.GetRequiredService<SesBot.Core.Persistence.SesBotDbContext>().SaveChangesAsync();
            return result;
        });
        Assert.Equal(OutcomeKind.Ok, megan.Kind);

        await Alex.Click(ActionIds.CancelRequest)
            .AssertText("Not cancelled:")
            .AssertBadge("Status: Accepted by support")
            .AssertNoAction(ActionIds.CancelRequest);
        await Alex.Send($"status {id}").AssertNoAction(ActionIds.CancelRequest);
        Assert.Equal(RequestStatus.Accepted, (await SingleRequestAsync()).Status);
    }

    [Fact]
    public async Task CancelRequest_ByAnotherUserOfTheSameReseller_RefusedWithClearReason()
    {
        var id = await SubmitRemoveFromPayerAsync();
        var patti = Alex.As(Person.Patti);

        await patti.Send($"status {id}").AssertFact("Requested by", "Alex Wilber");
        await patti.Click(ActionIds.CancelRequest).AssertAction(ActionIds.ConfirmCancelRequest);
        await patti.Click(ActionIds.ConfirmCancelRequest)
            .AssertParagraph($"Not cancelled: Only Alex Wilber, who submitted request {id}, can cancel it.", Tone.Attention);
        Assert.Equal(RequestStatus.Submitted, (await SingleRequestAsync()).Status);
    }

    private async Task<string> SubmitSuspendAsync()
    {
        await OpenOptionsAsync(Alex, "c-tailspin", "z-tailspin-dev");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AzureSuspend)));
        var turn = await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended.")).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }

    private async Task<string> SubmitRemoveFromPayerAsync()
    {
        await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        var turn = await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }
}
