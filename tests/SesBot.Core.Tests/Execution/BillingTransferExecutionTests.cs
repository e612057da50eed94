using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// Ending an AWS Billing Transfer exactly once through the gateway port: against the simulated transfers in the
/// database, and with SesBot's real Organizations client against the local stand-in. The request completes with the
/// end AWS returned, and every account billed through the transfer ends with it.
/// </summary>
public sealed class BillingTransferExecutionTests
{
    private const string TransferId = "rt-coho7x2k9m4q";
    private const string FirstAccount = "a-bt1";
    private const string SecondAccount = "a-bt2";
    private const string SourceAccount = "890123456789";

    private static readonly Actor OtherAgent = new("s-sue", "Sue (support)", Role.SupportAgent);

    private static readonly DateTimeOffset TransferStart = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-2);

    [Fact]
    public async Task Run_Simulated_DoubleClickAndRedelivery_OneTerminationEveryAccountEndsAtMonthEnd()
    {
        await using var harness = await ExecutionHarness.StartAsync(seed: Seed);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, FirstAccount);
        var expectedEnd = BillingTransferTerms.EndOfMonth(DateTimeOffset.UtcNow);

        var first = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var second = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var report = await harness.RunAsync(first.Execution!.Id);
        var redelivered = await harness.RunAsync(first.Execution.Id);
        var late = await harness.ClickAsync(requestId, OtherAgent);

        Assert.Equal(ClaimOutcome.Started, first.Outcome);
        Assert.True(first.Execution.Simulated);
        Assert.Equal(CloudOperation.AwsEndBillingTransfer, first.Execution.Operation);
        Assert.Equal(TransferId, first.Execution.Target);
        Assert.Equal(ClaimOutcome.AlreadyRunning, second.Outcome);
        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.False(redelivered!.EndedNow);
        Assert.Equal(ClaimOutcome.Refused, late.Outcome);
        var simulated = await harness.ReadAsync(db => db.Set<SimulatedBillingTransfer>().SingleAsync());
        Assert.Equal(1, simulated.TerminateCalls);
        Assert.Equal(BillingTransferFacts.Withdrawn, simulated.Status);
        Assert.Equal(expectedEnd, simulated.EndsAt);
        await AssertEndedAsync(harness, requestId, expectedEnd, TestData.SupportAgent);
    }

    [Fact]
    public async Task Run_Simulated_UnknownOutcomeAfterEnd_ReconciledByReadingNotResent()
    {
        await using var harness = await ExecutionHarness.StartAsync(seed: Seed);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, FirstAccount);
        await SetFailureAsync(harness, SimulatedBillingTransferGateway.OutcomeUnknownAfterEnd);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var report = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.Equal(1, await harness.ReadAsync(db => db.Set<SimulatedBillingTransfer>().Select(t => t.TerminateCalls).SingleAsync()));
        var request = await harness.ReadAsync(db => db.RemovalRequests.SingleAsync(r => r.Id == requestId));
        Assert.Contains("Reconciled", request.LastNote, StringComparison.Ordinal);
        await AssertEndedAsync(harness, requestId, BillingTransferTerms.EndOfMonth(DateTimeOffset.UtcNow), TestData.SupportAgent);
    }

    [Fact]
    public async Task Run_Simulated_UnknownOutcomeNotEnded_StaysUnknownAndAClickOnlyRechecks()
    {
        await using var harness = await ExecutionHarness.StartAsync(seed: Seed);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, FirstAccount);
        await SetFailureAsync(harness, nameof(AwsErrorKind.OutcomeUnknown));
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var report = await harness.RunAsync(claim.Execution!.Id);
        var again = await harness.ClickAsync(requestId, OtherAgent);
        var recheck = await harness.RunAsync(claim.Execution.Id);

        Assert.Equal(CloudExecutionStatus.Unknown, report!.Execution.Status);
        Assert.Equal(ClaimOutcome.Rechecking, again.Outcome);
        Assert.Equal(CloudExecutionStatus.Unknown, recheck!.Execution.Status);
        Assert.Equal(1, await harness.ReadAsync(db => db.Set<SimulatedBillingTransfer>().Select(t => t.TerminateCalls).SingleAsync()));
        Assert.Equal(RequestStatus.Accepted, (await harness.ReadAsync(db => db.RemovalRequests.SingleAsync(r => r.Id == requestId))).Status);
        var accounts = await harness.ReadAsync(db => db.CloudAccounts.AsNoTracking().Where(a => a.Origin == AccountOrigin.BillingTransfer).ToListAsync());
        Assert.All(accounts, a => Assert.Equal(AccountState.Active, a.State));
    }

    [Fact]
    public async Task Run_Simulated_TransferAlreadyEndedAtAws_FailsWithoutCalling()
    {
        await using var harness = await ExecutionHarness.StartAsync(seed: Seed);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, FirstAccount);
        await SeedSimulatedAsync(harness);
        await harness.ReadAsync(db => db.Set<SimulatedBillingTransfer>()
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, BillingTransferFacts.Withdrawn).SetProperty(t => t.EndsAt, TransferStart.AddMonths(1).AddSeconds(-1))));
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var report = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(CloudExecutionStatus.Failed, report!.Execution.Status);
        Assert.Equal(nameof(AwsErrorKind.ResponsibilityTransferAlreadyInStatus), report.Execution.ErrorKind);
        Assert.Equal(0, report.Execution.Attempts);
        Assert.Equal(0, await harness.ReadAsync(db => db.Set<SimulatedBillingTransfer>().Select(t => t.TerminateCalls).SingleAsync()));
        Assert.Equal(RequestStatus.Failed, (await harness.ReadAsync(db => db.RemovalRequests.SingleAsync(r => r.Id == requestId))).Status);
    }

    [Fact]
    public async Task Preflight_Simulated_ShowsTheTransferAsAwsSeesItAndWhenItWouldEnd()
    {
        await using var harness = await ExecutionHarness.StartAsync(seed: Seed);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, SecondAccount);

        PreflightReport? report;
        await using (var scope = harness.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<CloudPreflight>().CheckAsync(requestId, CancellationToken.None);
        }

        Assert.NotNull(report);
        Assert.True(report.Simulated);
        Assert.False(report.HasBlocker);
        Assert.Equal(TransferId, report.Transfer!.Id);
        Assert.Equal(BillingTransferFacts.Accepted, report.Transfer.Status);
        Assert.Equal(SourceAccount, report.Transfer.SourceManagementAccountId);
        Assert.Equal(TransferStart, report.Transfer.StartedAt);
        Assert.Null(report.Transfer.EndsAt);
        var info = Assert.Single(report.Findings);
        Assert.Contains("cannot be undone", info.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RealClientThroughPort_TerminatesOnceWithMonthEndTimestamp()
    {
        var transfers = new FakeBillingTransfers(TransferId, SourceAccount, TransferStart);
        var organization = new FakeOrganization("111111111111") { Transfers = transfers };
        await using var harness = await ExecutionHarness.StartAsync(organization, Seed);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, FirstAccount);
        var expectedEnd = BillingTransferTerms.EndOfMonth(DateTimeOffset.UtcNow);

        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var report = await harness.RunAsync(claim.Execution!.Id);
        var redelivered = await harness.RunAsync(claim.Execution.Id);

        Assert.False(claim.Execution.Simulated);
        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.False(redelivered!.EndedNow);
        Assert.Equal(1, transfers.TerminateCalls);
        Assert.Equal(expectedEnd.ToUnixTimeSeconds(), transfers.EndEpoch);
        Assert.All(harness.Server!.Requests, r => Assert.Null(r.SignatureProblem));
        var operations = harness.Server.Requests.OrderBy(r => r.Number).Select(r => r.Operation).ToList();
        Assert.Equal(["ListInboundResponsibilityTransfers", "TerminateResponsibilityTransfer"], operations);
        await AssertEndedAsync(harness, requestId, expectedEnd, TestData.SupportAgent);
    }

    [Fact]
    public async Task Run_RealClientTimeoutAfterAwsEndedIt_ReconciledAsSucceededNotResent()
    {
        var transfers = new FakeBillingTransfers(TransferId, SourceAccount, TransferStart) { Termination = RemovalBehaviour.TakeEffectThenHang };
        var organization = new FakeOrganization("111111111111") { Transfers = transfers };
        await using var harness = await ExecutionHarness.StartAsync(organization, Seed, awsAttemptTimeout: TimeSpan.FromSeconds(2));
        var requestId = await harness.SubmitAsync(RemovalOption.AwsEndBillingTransfer, FirstAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var report = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.Equal(1, transfers.TerminateCalls);
        var request = await harness.ReadAsync(db => db.RemovalRequests.SingleAsync(r => r.Id == requestId));
        Assert.Contains("Reconciled", request.LastNote, StringComparison.Ordinal);
        await AssertEndedAsync(harness, requestId, BillingTransferTerms.EndOfMonth(DateTimeOffset.UtcNow), TestData.SupportAgent);
    }

    /// <summary>Reseller r-1, customer c-1 with two accounts of one organization billed through the same transfer.</summary>
    private static void Seed(SesBotDbContext db)
    {
        db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
        var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Coho Winery");
        customer.AddAccount(TestData.Bill(
            new CloudAccount(FirstAccount, TestData.CustomerId, CloudProvider.Aws, SourceAccount, "Own organization", AccountOrigin.BillingTransfer, TransferStart)
                .WithBillingTransfer(TransferId, TransferStart, SourceAccount), 2));
        customer.AddAccount(TestData.Bill(
            new CloudAccount(SecondAccount, TestData.CustomerId, CloudProvider.Aws, "890123456790", "Web shop", AccountOrigin.BillingTransfer, TransferStart)
                .WithBillingTransfer(TransferId, TransferStart, SourceAccount), 2));
        db.Customers.Add(customer);
    }

    /// <summary>Makes the simulated transfer row, as the first read through the port does.</summary>
    private static async Task SeedSimulatedAsync(ExecutionHarness harness)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IAwsBillingTransferGateway>().ReadTransferAsync(TransferId, CancellationToken.None));
    }

    private static async Task SetFailureAsync(ExecutionHarness harness, string failure)
    {
        await SeedSimulatedAsync(harness);
        Assert.Equal(1, await harness.ReadAsync(db => db.Set<SimulatedBillingTransfer>().ExecuteUpdateAsync(s => s.SetProperty(t => t.Failure, failure))));
    }

    private static async Task AssertEndedAsync(ExecutionHarness harness, string requestId, DateTimeOffset expectedEnd, Actor agent)
    {
        var request = await harness.ReadAsync(db => db.RemovalRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
        var execution = await harness.ReadAsync(db => db.Set<CloudExecution>().AsNoTracking().SingleAsync(e => e.RequestId == requestId));
        var accounts = await harness.ReadAsync(db => db.CloudAccounts.AsNoTracking().Where(a => a.Origin == AccountOrigin.BillingTransfer).ToListAsync());
        var audit = await harness.ReadAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Equal(1, execution.Attempts);
        Assert.Null(execution.ActiveKey);
        Assert.Equal(expectedEnd, execution.CompletedAt);
        Assert.Equal(expectedEnd, request.BillingImpact!.PeriodEnd);
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, a =>
        {
            Assert.Equal(AccountState.Departed, a.State);
            Assert.Equal(expectedEnd, a.BillingTransfer!.EndsAt);
        });
        Assert.Equal(2, audit.Count(e => e.Action == "BillingTransferEnded"));
        Assert.Equal(agent.Id, audit.Single(e => e.Action == nameof(RequestTrigger.EndBillingTransfer)).ActorId);
    }
}
