using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Support.Cloud;

/// <summary>
/// The real outbox dispatcher and <see cref="CloudExecutionHandler"/> over a bot whose previous process stopped in the
/// middle of RemoveAccountFromOrganization: the outbox row is left Sending past its lease and the execution has its
/// call started. The next dispatcher run recovers the row and reconciles; it never calls the (simulated) organization
/// again, which counts every call.
/// </summary>
public sealed class CloudExecutionDispatchTests : IAsyncLifetime
{
    private const string AccountNumber = "345678901234"; // Adventure Works Web
    private DialogHost _host = null!;

    public async Task InitializeAsync() => _host = await DialogHost.StartAsync(configure: services =>
    {
        services.AddScoped<DatabaseWrites>();
        services.AddScoped<CloudResults>();
        services.AddSingleton<TeamsReplyRenderer>();
        services.AddSingleton<IConversationMessenger, TeamsConversationMessenger>();
        services.AddSingleton<IOutboxHandler, CloudExecutionHandler>();
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(true, CloudExecutionStatus.Succeeded, RequestStatus.Completed)]
    [InlineData(false, CloudExecutionStatus.Unknown, RequestStatus.Accepted)]
    public async Task Dispatcher_AfterRestartMidCall_RecoversAndReconcilesWithoutCallingAgain(bool awsRemovedIt, CloudExecutionStatus expected, RequestStatus request)
    {
        var (requestId, executionId) = await ClaimAsync();

        // The previous process: the call was marked started and sent, then the process died before any answer was kept.
        await _host.DbAsync(async db =>
        {
            var now = _host.Clock.GetUtcNow();
            await db.Set<CloudExecution>().Where(e => e.Id == executionId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.CallStartedAt, now).SetProperty(e => e.Attempts, 1).SetProperty(e => e.Version, e => e.Version + 1));
            await db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == AccountNumber).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.RemoveCalls, 1).SetProperty(a => a.IsMember, !awsRemovedIt));
            await db.OutboxMessages.Where(m => m.Kind == CloudExecutionOutbox.ExecuteKind).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.Attempts, 1).SetProperty(m => m.LeaseUntil, now.AddMinutes(2)));
        });
        await _host.RestartAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(3));
        var dispatcher = _host.Services.GetRequiredService<OutboxDispatcher>();

        var recovered = await dispatcher.RecoverInterruptedAsync(CancellationToken.None);
        var attempted = await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, recovered);
        Assert.True(attempted >= 1);
        var state = await _host.DbAsync(async db => (
            Execution: await db.Set<CloudExecution>().SingleAsync(e => e.Id == executionId),
            Request: await db.RemovalRequests.SingleAsync(r => r.Id == requestId),
            Calls: await db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == AccountNumber).Select(a => a.RemoveCalls).SingleAsync(),
            Row: await db.OutboxMessages.SingleAsync(m => m.Kind == CloudExecutionOutbox.ExecuteKind)));
        Assert.Equal(expected, state.Execution.Status);
        Assert.Equal(request, state.Request.Status);
        Assert.Equal(1, state.Calls);
        Assert.Equal(1, state.Execution.Attempts);
        Assert.Equal(OutboxStatus.Sent, state.Row.Status);
    }

    /// <summary>Alex files the removal; Megan's click claims the execution (as the turn does); the simulated member exists.</summary>
    private async Task<(string RequestId, string ExecutionId)> ClaimAsync()
    {
        var alex = new Actor(Person.Alex.ActorId, "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId);
        var megan = new Actor(Person.Megan.ActorId, "Megan Bowen", Role.SupportAgent);
        var requestId = await _host.InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<RemovalRequestService>().SubmitAsync(new SubmitRemovalRequest("k-dispatch", alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
            return result.Request!.Id;
        });
        var executionId = await _host.InScopeAsync(async sp =>
        {
            var claim = await sp.GetRequiredService<CloudExecutions>().ClaimAsync(requestId, megan, null, null, CancellationToken.None);
            await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
            return claim.Execution!.Id;
        });
        await _host.InScopeAsync(sp => sp.GetRequiredService<SesBot.Core.Gateways.IAwsOrganizationGateway>().ReadAccountAsync(AccountNumber, CancellationToken.None));
        return (requestId, executionId);
    }
}
