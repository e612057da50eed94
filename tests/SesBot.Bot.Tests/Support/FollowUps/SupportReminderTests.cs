using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Support;
using SesBot.Core.Workflow;
using static SesBot.Bot.Tests.Support.FollowUps.FollowUpHarness;

namespace SesBot.Bot.Tests.Support.FollowUps;

/// <summary>
/// Requests that wait too long are followed up: a reminder in the support thread, then an escalation, or a reminder to
/// the requester when the request waits on them. Due times are in the database, each message is written once with
/// the schedule's move, and a restart (a new service provider on the same SQLite file) neither repeats nor loses one.
/// </summary>
public sealed class SupportReminderTests : IAsyncLifetime
{
    private const string EscalationChannelId = "19:escalations@thread.tacv2";
    private const string Root = "1733300000001";

    private static readonly Dictionary<string, string?> PayerTimes = new()
    {
        ["Support:RemindAfter:PayerRemoval"] = "2.00:00:00",
        ["Support:EscalateAfter:PayerRemoval"] = "3.00:00:00",
        ["Support:Escalation:Email"] = "isaiahl@example.com",
    };

    private DialogHost? _host;

    private DialogHost Host => _host!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunDue_WaitingOnSupportPastRemindAfter_RemindsInTheThreadOnceAcrossARestartThenEscalatesToThePerson()
    {
        _host = await StartAsync(PayerTimes);
        await UseSupportChannelAsync(Host);
        await RememberPersonalChatAsync(Host, Person.Isaiah);
        var id = await SubmitRemoveFromPayerAsync(Host);
        await MarkThreadPostedAsync(Host, id, Root);
        var submittedAt = Host.Clock.GetUtcNow();

        Assert.Equal(0, await RunDueAsync(Host));
        var schedule = await ScheduleAsync(id);
        Assert.Equal((WaitingOn.Support, FollowUpStage.Waiting, submittedAt.AddDays(2)), (schedule.WaitingOn, schedule.Stage, schedule.DueAt));

        Host.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Empty(await FollowUpRowsAsync(Host));

        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunDueAsync(Host));
        var reminder = Assert.Single(await FollowUpRowsAsync(Host));
        Assert.Equal((TeamsOutboundMessage.Kind, $"follow-up:{id}:v0:Reminded", OutboxStatus.Pending), (reminder.Kind, reminder.IdempotencyKey, reminder.Status));
        var payload = Payload(reminder);
        Assert.Equal((TeamsOutboundOperation.Reply, $"{ChannelId};messageid={Root}", Root, ChannelId, ServiceUrl),
            (payload.Operation, payload.ConversationId, payload.ActivityId, payload.ConversationKey, payload.ServiceUrl));
        var text = CardText(reminder);
        Assert.Contains($"Reminder: request {id} has waited 2 d 0 h for support.", text, StringComparison.Ordinal);
        Assert.Contains("Adventure Works Cycles", text, StringComparison.Ordinal);
        schedule = await ScheduleAsync(id);
        Assert.Equal((FollowUpStage.Reminded, submittedAt.AddDays(3), Host.Clock.GetUtcNow()), (schedule.Stage, schedule.DueAt, schedule.LastSentAt));

        // Again, and after a restart: nothing more until the escalation is due.
        Assert.Equal(0, await RunDueAsync(Host));
        await Host.RestartAsync();
        Assert.Equal(0, await RunDueAsync(Host));
        Host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Single(await FollowUpRowsAsync(Host));

        Host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunDueAsync(Host));
        var rows = await FollowUpRowsAsync(Host);
        Assert.Equal(2, rows.Count);
        var escalation = rows[1];
        Assert.Equal($"follow-up:{id}:v0:Escalated", escalation.IdempotencyKey);
        var toIsaiah = Payload(escalation);
        Assert.Equal((TeamsOutboundOperation.Send, Person.Isaiah.ConversationKey), (toIsaiah.Operation, toIsaiah.ConversationId));
        text = CardText(escalation);
        Assert.Contains($"Escalation: request {id} has waited 3 d 0 h for support.", text, StringComparison.Ordinal);
        Assert.Contains("Northwind Cloud Partners", text, StringComparison.Ordinal);
        Assert.Contains("in its support thread", text, StringComparison.Ordinal);
        schedule = await ScheduleAsync(id);
        Assert.Equal((FollowUpStage.Escalated, (DateTimeOffset?)null), (schedule.Stage, schedule.DueAt));

        // Done for this wait: days later, after another restart, nothing more.
        await Host.RestartAsync();
        Host.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Equal(2, (await FollowUpRowsAsync(Host)).Count);
    }

    [Fact]
    public async Task RunDue_BotStoppedPastBothTimes_AfterTheRestartReminderAndEscalationEachOnce()
    {
        var settings = new Dictionary<string, string?>(PayerTimes)
        {
            ["Support:Escalation:Email"] = null,
            ["Support:Escalation:ChannelConversationId"] = EscalationChannelId,
        };
        _host = await StartAsync(settings);
        await UseSupportChannelAsync(Host);
        await RememberChannelAsync(EscalationChannelId);
        var id = await SubmitRemoveFromPayerAsync(Host);
        await MarkThreadPostedAsync(Host, id, Root);
        Assert.Equal(0, await RunDueAsync(Host)); // planned before the stop

        await Host.RestartAsync();
        Host.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(2, await RunDueAsync(Host));
        Assert.Equal(0, await RunDueAsync(Host));

        var rows = await FollowUpRowsAsync(Host);
        Assert.Equal([$"follow-up:{id}:v0:Reminded", $"follow-up:{id}:v0:Escalated"], rows.Select(r => r.IdempotencyKey));
        Assert.Equal(TeamsOutboundMessage.Kind, rows[0].Kind);
        Assert.Equal((TeamsChannelThreadMessage.Kind, $"msteams:{EscalationChannelId}"), (rows[1].Kind, rows[1].OrderingKey));
        Assert.Contains($"Escalation: request {id} has waited 4 d 0 h for support.", rows[1].PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDue_SupportMovedTheRequestOn_TheWaitStartsAgainFromTheMove()
    {
        _host = await StartAsync(PayerTimes);
        await UseSupportChannelAsync(Host);
        var id = await SubmitRemoveFromPayerAsync(Host);
        await MarkThreadPostedAsync(Host, id, Root);
        await RunDueAsync(Host);

        Host.Clock.Advance(TimeSpan.FromDays(1));
        var accepted = await Host.InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<RemovalRequestService>().ApplyAsync(
                new ApplyRequestTrigger(id, RequestTrigger.Accept, new Actor(Person.Megan.ActorId, Person.Megan.Name, Role.SupportAgent), null, null));
            await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
            return result;
        });
        Assert.True(accepted.Succeeded, accepted.Message);
        var acceptedAt = Host.Clock.GetUtcNow();

        Host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1)); // past the first wait's due time
        Assert.Equal(0, await RunDueAsync(Host));
        var schedule = await ScheduleAsync(id);
        Assert.Equal((WaitingOn.Support, 1, acceptedAt, acceptedAt.AddDays(2)), (schedule.WaitingOn, schedule.RequestVersion, schedule.WaitingSince, schedule.DueAt));

        Host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(1, await RunDueAsync(Host));
        var reminder = Assert.Single(await FollowUpRowsAsync(Host));
        Assert.Equal($"follow-up:{id}:v1:Reminded", reminder.IdempotencyKey);
        Assert.Contains("Accepted by support since", CardText(reminder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDue_RequestClosed_NoReminderAndNoSchedule()
    {
        _host = await StartAsync(PayerTimes);
        await UseSupportChannelAsync(Host);
        var id = await SubmitRemoveFromPayerAsync(Host);
        await RunDueAsync(Host);
        var alex = new DialogTranscript(Host, Person.Alex);
        await alex.Send($"status {id}");
        await alex.Click(ActionIds.CancelRequest).AssertText("Cancel request");
        await alex.Click(ActionIds.ConfirmCancelRequest).AssertText("is cancelled");

        Host.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Empty(await FollowUpRowsAsync(Host));
        Assert.Empty(await Host.DbAsync(db => db.Set<RequestFollowUp>().AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task RunDue_UrgentTicketWithoutThread_RemindedAfterTheUrgentTimeInANewThread()
    {
        _host = await StartAsync();
        await UseSupportChannelAsync(Host);
        var alex = new Actor(Person.Alex.ActorId, Person.Alex.Name, Role.ResellerUser, DemoData.NorthwindResellerId);
        await Host.DbAsync(async db =>
        {
            db.RemovalRequests.Add(new RemovalRequest("R-URGNT1", "k-urgent", RemovalOption.DeletedInErrorTicket, alex, DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", Host.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Equal(Host.Clock.GetUtcNow() + FollowUpOptions.DefaultUrgentRemindAfter, (await ScheduleAsync("R-URGNT1")).DueAt);
        Host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await RunDueAsync(Host));
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunDueAsync(Host));

        // Never posted to support before (filed while no thread was opened): the reminder opens a thread of its own.
        var reminder = Assert.Single(await FollowUpRowsAsync(Host));
        Assert.Equal((TeamsChannelThreadMessage.Kind, $"msteams:{ChannelId}"), (reminder.Kind, reminder.OrderingKey));
        Assert.Contains("Reminder: request R-URGNT1 has waited 1 h 0 min for support.", reminder.PayloadJson, StringComparison.Ordinal);
        Assert.Contains("This is an urgent ticket.", reminder.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(Host.Clock.GetUtcNow() + FollowUpOptions.DefaultUrgentEscalateAfter - FollowUpOptions.DefaultUrgentRemindAfter, (await ScheduleAsync("R-URGNT1")).DueAt);
    }

    [Fact]
    public async Task RunDue_WaitingOnTheReseller_RemindsTheRequesterInTheirChat()
    {
        _host = await StartAsync(new Dictionary<string, string?> { ["Support:RemindResellerAfter"] = "3.00:00:00" });
        await RememberPersonalChatAsync(Host, Person.Alex);
        var alex = new Actor(Person.Alex.ActorId, Person.Alex.Name, Role.ResellerUser, DemoData.NorthwindResellerId);
        await Host.DbAsync(async db =>
        {
            var request = new RemovalRequest("R-UNLNK1", "k-unlink", RemovalOption.AwsSelfUnlink, alex, DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", Host.Clock.GetUtcNow())
                .WithDetails(endCustomerEmail: "it@adventure-works.example", endCustomerLanguage: "en");
            db.RemovalRequests.Add(request);
            request.Apply(RequestTrigger.SendInstructions, Actor.System, Host.Clock, "Emailed to it@adventure-works.example in English");
            await db.SaveChangesAsync();
        });

        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Equal(WaitingOn.Reseller, (await ScheduleAsync("R-UNLNK1")).WaitingOn);
        Host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await RunDueAsync(Host));

        var reminder = Assert.Single(await FollowUpRowsAsync(Host));
        var payload = Payload(reminder);
        Assert.Equal((TeamsOutboundOperation.Send, Person.Alex.ConversationKey, ServiceUrl), (payload.Operation, payload.ConversationId, payload.ServiceUrl));
        var text = CardText(reminder);
        Assert.Contains("Request R-UNLNK1 has waited 3 d 0 h on you.", text, StringComparison.Ordinal);
        Assert.Contains("went to it@adventure-works.example (Adventure Works Cycles)", text, StringComparison.Ordinal);
        Assert.Contains("refreshStatus", text, StringComparison.Ordinal);

        // One reminder per wait: no escalation of the reseller.
        Host.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, await RunDueAsync(Host));
        Assert.Single(await FollowUpRowsAsync(Host));
    }

    [Fact]
    public async Task RunDue_TwoSweepsAtOnce_TheReminderIsWrittenOnce()
    {
        _host = await StartAsync(PayerTimes);
        await UseSupportChannelAsync(Host);
        var id = await SubmitRemoveFromPayerAsync(Host);
        await MarkThreadPostedAsync(Host, id, Root);
        await RunDueAsync(Host);
        Host.Clock.Advance(TimeSpan.FromDays(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunDueAsync(Host))));

        Assert.Equal(1, results.Sum());
        Assert.Single(await FollowUpRowsAsync(Host));
    }

    [Fact]
    public async Task Hosted_TheFakeClockReachesTheDueTime_TheServiceWakesAndReminds()
    {
        var (service, id) = await StartHostedWithAWaitingRequestAsync("00:00:00");
        try
        {
            await WaitUntilAsync(async () => await SchedulesAsync() == 1);

            // The service sleeps until the due time (at most one sweep); each advance of the clock wakes it.
            for (var i = 0; i < 2 * 24 * 60 + 1 && (await FollowUpRowsAsync(Host)).Count == 0; i += 60)
            {
                Host.Clock.Advance(TimeSpan.FromMinutes(60));
                await Task.Delay(20);
            }

            await WaitUntilAsync(async () => (await FollowUpRowsAsync(Host)).Count == 1);
            Assert.Equal($"follow-up:{id}:v0:Reminded", Assert.Single(await FollowUpRowsAsync(Host)).IdempotencyKey);
        }
        finally
        {
            await ((IHostedService)service).StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Hosted_FirstSweepDelay_NothingPlannedUntilTheDelayHasPassed()
    {
        var (service, _) = await StartHostedWithAWaitingRequestAsync("00:00:05");
        try
        {
            await Task.Delay(300); // real time: the service runs, its first look waits on the (fake) clock
            Assert.Equal(0, await SchedulesAsync());

            Host.Clock.Advance(TimeSpan.FromSeconds(5));

            await WaitUntilAsync(async () => await SchedulesAsync() == 1);
        }
        finally
        {
            await ((IHostedService)service).StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A request waiting on support in its posted thread, and the reminder service started as the host would.</summary>
    private async Task<(SupportReminderService Service, string RequestId)> StartHostedWithAWaitingRequestAsync(string firstSweepDelay)
    {
        _host = await StartAsync(new Dictionary<string, string?>(PayerTimes) { ["Support:FirstSweepDelay"] = firstSweepDelay });
        await UseSupportChannelAsync(Host);
        var id = await SubmitRemoveFromPayerAsync(Host);
        await MarkThreadPostedAsync(Host, id, Root);
        var service = Host.Services.GetRequiredService<SupportReminderService>();
        await ((IHostedService)service).StartAsync(CancellationToken.None);
        return (service, id);
    }

    private Task<int> SchedulesAsync() => Host.DbAsync(db => db.Set<RequestFollowUp>().AsNoTracking().CountAsync());

    private Task<RequestFollowUp> ScheduleAsync(string requestId) =>
        Host.DbAsync(db => db.Set<RequestFollowUp>().AsNoTracking().SingleAsync(f => f.RequestId == requestId));

    private Task RememberChannelAsync(string channelId) => Host.DbAsync(async db =>
    {
        var reference = new TeamsConversationReference
        {
            ServiceUrl = ServiceUrl,
            ConversationId = channelId,
            ConversationType = "channel",
            TenantId = DemoData.PlaygroundTenantId,
            BotId = "28:sesbot-app-id",
            BotName = "SesBot",
            TeamId = TeamId,
            ChannelId = channelId,
        };
        db.ConversationAddresses.Add(new ConversationAddress(
            "msteams", channelId, ConversationScope.TeamChannel,
            JsonSerializer.Serialize(reference, ProtocolJson.Options), Host.Clock.GetUtcNow())
        {
            TeamKey = TeamId,
            TenantKey = DemoData.PlaygroundTenantId,
        });
        await db.SaveChangesAsync();
    });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not come true within 20 s.");
            }

            await Task.Delay(50);
        }
    }
}
