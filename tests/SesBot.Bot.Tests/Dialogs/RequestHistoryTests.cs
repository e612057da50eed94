using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>A request's history on its status card reads as sentences, the same ones the account history uses.</summary>
public sealed class RequestHistoryTests : DialogTestBase
{
    private static readonly Actor Megan = new(Person.Megan.ActorId, "Megan Bowen", Role.SupportAgent);

    [Fact]
    public async Task Status_PayerRemovalAcceptedAndCarriedOutBySupport_EveryLineASentence()
    {
        await OpenOptionsAsync(Alex, "c-adventure", "a-adventure-web");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        var id = (await SingleRequestAsync()).Id;
        await SupportAsync(id, RequestTrigger.Accept);
        await SupportAsync(id, RequestTrigger.MarkRemovedFromPayer);

        var status = await Alex.Send($"status {id}")
            .AssertBadge("Status: Completed")
            .AssertFact("18 Nov 2026 10:00 UTC", $"Alex Wilber asked to remove the account from the payer organization ({id}).")
            .AssertFact("18 Nov 2026 10:00 UTC", $"Megan Bowen accepted the request ({id}).")
            .AssertFact("18 Nov 2026 10:00 UTC", $"Megan Bowen removed the account from the payer organization ({id}).")
            .AssertNoAction(ActionIds.CancelRequest);

        var history = status.Blocks.OfType<FactsBlock>().Last().Facts.Select(f => f.Value).ToList();
        Assert.Equal(3, history.Count);
        Assert.All(history, line =>
        {
            Assert.DoesNotContain(" by ", line, StringComparison.Ordinal);
            Assert.All(Enum.GetNames<RequestTrigger>(), code => Assert.DoesNotContain(code, line, StringComparison.Ordinal));
        });

        // The account's history tells the same events in the same words (one function, HistoryCards.Sentence).
        var alex = new Actor(Person.Alex.ActorId, "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId);
        var timeline = await Host.DbAsync(db => new AccountHistory(db, new AuditLogQuery(db)).FindAsync(alex, "345678901234"));
        var told = HistoryCards.Timeline(timeline!).Blocks.OfType<FactsBlock>().Last().Facts.Select(f => f.Value).ToList();
        Assert.All(history, line => Assert.Contains(line, told));
    }

    [Fact]
    public async Task Status_SupportTicketAccepted_NoCancelOnceTheWorkflowForbidsIt()
    {
        await OpenOptionsAsync(Alex, "c-contoso", "z-contoso-analytics");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AzureSuspend)));
        await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended.")).AssertAction(ActionIds.CancelRequest);
        var id = (await SingleRequestAsync()).Id;

        await SupportAsync(id, RequestTrigger.Accept);

        await Alex.Send($"status {id}").AssertBadge("Status: Accepted by support").AssertNoAction(ActionIds.CancelRequest);
    }

    private Task SupportAsync(string requestId, RequestTrigger trigger) => Host.InScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<RemovalRequestService>().ApplyAsync(new ApplyRequestTrigger(requestId, trigger, Megan));
        Assert.Equal(OutcomeKind.Ok, result.Kind);
        await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
    });
}
